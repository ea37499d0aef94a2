import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import type { CaseDetail, ExhibitView, InspectionView } from '../../../../electron/core/contract';
import { inspectionStepKinds, inspectionStepLabels, type InspectionStepKind } from '../../../../electron/core/domain';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { useBusyCall } from '../../ui/useSubmit';
import { useCan } from '../../shell/session';
import { DeadlinesCard } from '../casefile/DeadlinesCard';
import { exhibitLabel } from '../evidence/format';
import { useEvidence } from '../evidence/useEvidence';

type Props = { detail: CaseDetail; onChange: (detail: CaseDetail) => void };

/**
 * 监察: the labour-inspection track of a joint case — complaint, 立案, steps (询问笔录, 限期改正指令书
 * with its pay-by date, 行政处理决定书), extension, closing, and the track's own deadlines.
 */
export function InspectionPanel({ detail, onChange }: Props) {
  const can = useCan();
  return (
    <Stack gap="md" data-testid="inspection-panel">
      {detail.inspection ? (
        <InspectionTrack detail={detail} inspection={detail.inspection} onChange={onChange} />
      ) : can('inspection.open') ? (
        <OpenInspectionForm detail={detail} onChange={onChange} />
      ) : (
        <Text c="dimmed">本案尚未开启监察程序（由监察员开启）。</Text>
      )}
      {!detail.hasArbitration && can('cases.openArbitration') && <OpenArbitration detail={detail} onChange={onChange} />}
    </Stack>
  );
}

function OpenInspectionForm({ detail, onChange }: Props) {
  const [complaintNumber, setComplaintNumber] = useState('');
  const [receivedOn, setReceivedOn] = useState<string | null>(todayInChina());
  const [inspectors, setInspectors] = useState('');
  const { error, setError, busy, run } = useBusyCall();
  const submit = async () => {
    if (!receivedOn) return setError('请填写投诉日期');
    await run(async () => {
      onChange(await call('inspection.open', { caseId: detail.id, complaintNumber: complaintNumber.trim() || null, complaintReceivedOn: receivedOn, inspectors: inspectors.trim() }));
      notifications.show({ color: 'green', message: '已开启监察程序，受理投诉期限（5个工作日）已起算' });
    });
  };
  return (
    <Paper withBorder p="md">
      <Title order={4}>开启监察程序</Title>
      <Text size="sm" c="dimmed" mb="sm">
        同一欠薪事项的劳动保障监察投诉，与仲裁共用本案的劳动者、被申请人、证据和办案记录。
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} maw={900}>
        <TextInput label="投诉编号" placeholder="如：赣市监投〔2026〕15号" value={complaintNumber} onChange={(e) => setComplaintNumber(e.currentTarget.value)} data-testid="inspection-complaint-number" />
        <DateInput label="投诉日期" value={receivedOn} onChange={setReceivedOn} valueFormat="YYYY年M月D日" maxDate={todayInChina()} data-testid="inspection-received-on" />
        <TextInput label="监察员" placeholder="至少两名，用顿号分隔" value={inspectors} onChange={(e) => setInspectors(e.currentTarget.value)} data-testid="inspection-inspectors" />
      </SimpleGrid>
      {error && (
        <Alert color="red" mt="sm">
          {error}
        </Alert>
      )}
      <Button mt="md" onClick={() => void submit()} loading={busy} data-testid="open-inspection">
        开启监察程序
      </Button>
    </Paper>
  );
}

type Dialog = null | 'file' | 'extend' | 'close';

function InspectionTrack({ detail, inspection, onChange }: Props & { inspection: InspectionView }) {
  const can = useCan();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { exhibits } = useEvidence(detail.id);
  const status = inspection.closedOn ? { color: 'gray', label: '已结案' } : inspection.filedOn ? { color: 'blue', label: '调查中' } : { color: 'orange', label: '待立案' };
  const done = (d: CaseDetail, message: string) => {
    onChange(d);
    notifications.show({ color: 'green', message });
    setDialog(null);
  };
  return (
    <>
      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-start" mb="sm">
          <div>
            <Group gap="xs">
              <Title order={4}>劳动保障监察</Title>
              <Badge color={status.color}>{status.label}</Badge>
              {inspection.investigationExtended && <Badge variant="outline">调查期限已延长30个工作日</Badge>}
            </Group>
            <Text size="sm" c="dimmed">
              投诉编号 <b data-testid="inspection-complaint">{inspection.complaintNumber ?? '（未编号）'}</b>
            </Text>
          </div>
          {!inspection.closedOn && can('inspection.file') && (
            <Group gap="xs">
              {!inspection.filedOn && (
                <Button onClick={() => setDialog('file')} data-testid="inspection-file">
                  立案
                </Button>
              )}
              {inspection.filedOn && !inspection.investigationExtended && (
                <Button variant="light" onClick={() => setDialog('extend')} data-testid="inspection-extend">
                  延长调查期限30个工作日
                </Button>
              )}
              <Button variant="default" onClick={() => setDialog('close')} data-testid="inspection-close">
                结案
              </Button>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
          <Fact label="投诉日期" value={formatChineseDate(inspection.complaintReceivedOn)} />
          <Fact label="立案日期" value={inspection.filedOn ? formatChineseDate(inspection.filedOn) : '尚未立案'} />
          <Fact label="监察员" value={inspection.inspectors || '—'} />
          <Fact label="结案日期" value={inspection.closedOn ? formatChineseDate(inspection.closedOn) : '—'} />
        </SimpleGrid>
      </Paper>
      <DeadlinesCard deadlines={inspection.deadlines} notice={null} />
      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          监察文书与步骤
        </Title>
        <StepsTable inspection={inspection} exhibits={exhibits ?? []} />
        {!inspection.closedOn && can('inspection.addStep') && <AddStepForm detail={detail} exhibits={exhibits ?? []} onChange={onChange} />}
      </Paper>

      <DateDialog
        opened={dialog === 'file'}
        title="监察立案"
        label="立案日期"
        hint="立案后60个工作日内调查终结（劳动保障监察条例第十七条）。"
        minDate={inspection.complaintReceivedOn}
        onClose={() => setDialog(null)}
        onSubmit={async (filedOn) => done(await call('inspection.file', { caseId: detail.id, filedOn }), '已立案，调查期限已起算')}
      />
      <DateDialog
        opened={dialog === 'close'}
        title="监察结案"
        label="结案日期"
        minDate={inspection.filedOn ?? inspection.complaintReceivedOn}
        onClose={() => setDialog(null)}
        onSubmit={async (closedOn) => done(await call('inspection.close', { caseId: detail.id, closedOn }), '监察程序已结案')}
      />
      <ConfirmDialog
        opened={dialog === 'extend'}
        title="延长调查期限"
        text="经批准，调查期限延长30个工作日（劳动保障监察条例第十七条）。只能延长一次，确定已取得批准？"
        onClose={() => setDialog(null)}
        onConfirm={async () => done(await call('inspection.extend', { caseId: detail.id }), '调查期限已延长30个工作日')}
      />
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function StepsTable({ inspection, exhibits }: { inspection: InspectionView; exhibits: ExhibitView[] }) {
  const today = todayInChina();
  if (inspection.steps.length === 0) return <Text size="sm" c="dimmed">尚未登记询问笔录、指令书或决定书。</Text>;
  return (
    <Table verticalSpacing={6} data-testid="inspection-steps">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={130}>日期</Table.Th>
          <Table.Th w={130}>文书</Table.Th>
          <Table.Th>标题与说明</Table.Th>
          <Table.Th w={260}>改正期限</Table.Th>
          <Table.Th w={90}>证据</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {inspection.steps.map((step) => {
          const overdue = step.payBy !== null && step.payBy < today && !inspection.closedOn;
          const exhibit = exhibits.find((e) => e.id === step.exhibitId);
          return (
            <Table.Tr key={step.id} bg={overdue ? 'red.0' : undefined} data-testid={`inspection-step-${step.id}`} data-overdue={overdue || undefined}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatChineseDate(step.date)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={step.kind === 'correctionOrder' ? 'orange' : step.kind === 'administrativeDecision' ? 'red' : 'gray'}>
                  {inspectionStepLabels[step.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{step.title}</Text>
                {step.note && (
                  <Text size="xs" c="dimmed">
                    {step.note}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {step.payBy ? (
                  <Stack gap={0}>
                    <Text size="sm" c={overdue ? 'red.8' : undefined} fw={overdue ? 700 : undefined}>
                      {formatChineseDate(step.payBy)}前
                    </Text>
                    {overdue && (
                      <Text size="xs" c="red.8">
                        已逾期：未按期支付的，可责令加付应付金额50%–100%的赔偿金
                      </Text>
                    )}
                  </Stack>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{exhibit ? exhibitLabel(exhibit.seq) : step.exhibitId ? '（已删除）' : '—'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function AddStepForm({ detail, exhibits, onChange }: Props & { exhibits: ExhibitView[] }) {
  const today = todayInChina();
  const [kind, setKind] = useState<InspectionStepKind>('inquiryRecord');
  const [date, setDate] = useState<string | null>(today);
  const [title, setTitle] = useState('');
  const [payBy, setPayBy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [exhibitId, setExhibitId] = useState('');
  const { error, setError, busy, run } = useBusyCall();
  const submit = async () => {
    if (!date) return setError('请填写日期');
    await run(async () => {
      onChange(
        await call('inspection.addStep', {
          caseId: detail.id,
          kind,
          date,
          title: title.trim() || inspectionStepLabels[kind],
          payBy: kind === 'correctionOrder' ? payBy : null,
          note: note.trim() || null,
          exhibitId: exhibitId ? Number(exhibitId) : null,
        }),
      );
      setTitle('');
      setNote('');
      setPayBy(null);
      setExhibitId('');
      notifications.show({ color: 'green', message: `已登记${inspectionStepLabels[kind]}` });
    });
  };
  return (
    <Stack gap="xs" mt="md" p="sm" bg="gray.0" style={{ borderRadius: 6 }}>
      <Text size="sm" fw={600}>
        登记监察文书
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
        <NativeSelect
          label="文书种类"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as InspectionStepKind)}
          data={inspectionStepKinds.map((k) => ({ value: k, label: inspectionStepLabels[k] }))}
          data-testid="step-kind"
        />
        <DateInput label="日期" value={date} onChange={setDate} valueFormat="YYYY年M月D日" maxDate={today} data-testid="step-date" />
        {kind === 'correctionOrder' ? (
          <DateInput label="改正期限（限期支付日）" value={payBy} onChange={setPayBy} valueFormat="YYYY年M月D日" minDate={date ?? undefined} withAsterisk data-testid="step-pay-by" />
        ) : (
          <div />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
        <TextInput label="标题" placeholder={inspectionStepLabels[kind]} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="step-title" />
        <NativeSelect
          label="关联证据"
          value={exhibitId}
          onChange={(e) => setExhibitId(e.currentTarget.value)}
          data={[{ value: '', label: '不关联' }, ...exhibits.map((e) => ({ value: String(e.id), label: `${exhibitLabel(e.seq)} ${e.title}` }))]}
          data-testid="step-exhibit"
        />
      </SimpleGrid>
      <Textarea label="说明" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder={kind === 'correctionOrder' ? '如：责令于期限内支付18名农民工工资457,870元' : ''} />
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={busy} data-testid="step-add">
          登记
        </Button>
      </Group>
    </Stack>
  );
}

function OpenArbitration({ detail, onChange }: Props) {
  const [date, setDate] = useState<string | null>(todayInChina());
  const { error, setError, busy, run } = useBusyCall();
  const submit = async () => {
    if (!date) return setError('请填写收到仲裁申请的日期');
    await run(async () => {
      onChange(await call('cases.openArbitration', { id: detail.id, receivedOn: date }));
      notifications.show({ color: 'green', message: '已登记仲裁申请，仲裁审查受理期限已起算' });
    });
  };
  return (
    <Paper withBorder p="md">
      <Title order={5}>转为仲裁案件</Title>
      <Text size="sm" c="dimmed" mb="xs">
        劳动者就同一欠薪事项申请仲裁的，沿用本案卷（劳动者、被申请人、证据、办案记录），监察取得的证据在仲裁中仍须质证。
      </Text>
      <Group align="flex-end">
        <DateInput label="收到仲裁申请日期" value={date} onChange={setDate} valueFormat="YYYY年M月D日" maxDate={todayInChina()} w={200} />
        <Button variant="light" onClick={() => void submit()} loading={busy} data-testid="open-arbitration">
          转为仲裁案件（登记仲裁申请）
        </Button>
      </Group>
      {error && (
        <Alert color="red" mt="xs">
          {error}
        </Alert>
      )}
    </Paper>
  );
}

function DateDialog(props: { opened: boolean; title: string; label: string; hint?: string; minDate: string; onClose: () => void; onSubmit: (date: string) => Promise<void> }) {
  const [date, setDate] = useState<string | null>(todayInChina());
  const { error, setError, busy, run } = useBusyCall();
  const submit = async () => {
    if (!date) return setError(`请填写${props.label}`);
    await run(async () => {
      await props.onSubmit(date);
    });
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        {props.hint && <Text size="sm">{props.hint}</Text>}
        <DateInput label={props.label} value={date} onChange={setDate} valueFormat="YYYY年M月D日" minDate={props.minDate} maxDate={todayInChina()} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            取消
          </Button>
          <Button onClick={() => void submit()} loading={busy} data-testid="inspection-dialog-confirm">
            确定
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ConfirmDialog(props: { opened: boolean; title: string; text: string; onClose: () => void; onConfirm: () => Promise<void> }) {
  const { error, busy, run } = useBusyCall();
  const confirm = () => run(props.onConfirm);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        <Text size="sm">{props.text}</Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            取消
          </Button>
          <Button onClick={() => void confirm()} loading={busy} data-testid="inspection-dialog-confirm">
            确定延长
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
