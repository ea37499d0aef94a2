import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import type { CaseDetail } from '../../../../electron/core/contract';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { serviceMethodLabels } from '../documents/files';
import { RespondentServiceModal } from './RespondentServiceModal';
import { useCan } from '../../shell/session';

type Dialog = null | 'accept' | 'gaps' | 'reject' | 'complete' | 'serve';

/** 受理 / 容缺受理 / 不予受理 before acceptance; 补正 and 送达 after. */
export function IntakeActions({ detail, onChange }: { detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = useCan();
  const openMaterials = detail.missingMaterials.filter((m) => !m.completedOn);
  const close = () => setDialog(null);
  const done = (d: CaseDetail, message: string) => {
    onChange(d);
    notifications.show({ color: 'green', message });
    close();
  };

  if (!detail.hasArbitration) {
    return (
      <Paper withBorder p="md">
        <Title order={4} mb="xs">快立 · 受理</Title>
        <Text size="sm" c="dimmed" data-testid="no-arbitration">
          本案目前只有监察程序（投诉登记）。申请人申请仲裁时，在“监察”部分选择“转为仲裁案件”，沿用同一案卷。
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">快立 · 受理</Title>
      {detail.status === 'received' && (
        <Group>
          {can('cases.accept') && <Button onClick={() => setDialog('accept')} data-testid="accept-case">受理</Button>}
          {can('cases.accept') && <Button variant="light" onClick={() => setDialog('gaps')} data-testid="accept-with-gaps">容缺受理</Button>}
          {can('cases.reject') && <Button variant="default" color="gray" onClick={() => setDialog('reject')}>不予受理</Button>}
          {!can('cases.accept') && <Text size="sm" c="dimmed">待书记员受理</Text>}
        </Group>
      )}
      {detail.status === 'rejected' && (
        <Alert color="gray" title={`不予受理（${detail.rejectedOn ? formatChineseDate(detail.rejectedOn) : ''}${detail.rejectionNumber ? `，${detail.rejectionNumber}` : ''}）`} data-testid="rejected">
          {detail.rejectionReason}
        </Alert>
      )}
      {detail.status === 'accepted' && (
        <Stack gap="xs">
          <Text>
            已于 {detail.acceptedOn && formatChineseDate(detail.acceptedOn)} 受理，案号 <b data-testid="case-number">{detail.caseNumber}</b>
            {detail.acceptedWithGaps && '（容缺受理）'}
          </Text>
          {detail.missingMaterials.length > 0 && (
            <Alert color={openMaterials.length ? 'orange' : 'green'} title={openMaterials.length ? '待补正材料' : '材料已补正'}>
              <List size="sm">
                {detail.missingMaterials.map((m) => (
                  <List.Item key={m.id}>
                    {m.name}
                    {m.completedOn ? `（${formatChineseDate(m.completedOn)}补正）` : ''}
                  </List.Item>
                ))}
              </List>
              {detail.materialsPromise && <Text size="sm" mt={4}>申请人承诺：{detail.materialsPromise}</Text>}
            </Alert>
          )}
          <Stack gap={2} data-testid="respondent-services">
            {detail.respondents.map((r) => (
              <Text key={r.id} size="sm" c={r.servedOn ? undefined : 'orange.8'}>
                {r.name}：{r.servedOn ? `申请书副本已于${formatChineseDate(r.servedOn)}${serviceMethodLabels[r.serviceMethod ?? 'inPerson']}${r.defenceWaiver ? `（同意缩短答辩期：${r.defenceWaiver}）` : ''}` : '申请书副本尚未送达'}
              </Text>
            ))}
          </Stack>
          <Group>
            {openMaterials.length > 0 && can('cases.completeMaterials') && <Button variant="light" onClick={() => setDialog('complete')}>登记补正</Button>}
            {can('cases.recordService') && (
              <Button variant="light" onClick={() => setDialog('serve')} data-testid="record-respondent-service">
                {detail.respondents.some((r) => !r.servedOn) ? '登记送达被申请人' : '更正送达情况'}
              </Button>
            )}
          </Group>
        </Stack>
      )}

      <DecisionModal
        opened={dialog === 'accept' || dialog === 'gaps'}
        title={dialog === 'gaps' ? '容缺受理' : '受理'}
        dateLabel="受理日期"
        minDate={detail.receivedOn}
        withGaps={dialog === 'gaps'}
        onClose={close}
        onSubmit={async ({ date, materials, text }) => {
          const d = await call('cases.accept', {
            id: detail.id,
            acceptedOn: date,
            withGaps: dialog === 'gaps' ? { materials, promise: text } : null,
          });
          done(d, `已受理，案号 ${d.caseNumber}`);
        }}
      />
      <DecisionModal
        opened={dialog === 'reject'}
        title="不予受理"
        dateLabel="决定日期"
        minDate={detail.receivedOn}
        textLabel="不予受理的理由（将写入不予受理通知书）"
        onClose={close}
        onSubmit={async ({ date, text }) => done(await call('cases.reject', { id: detail.id, rejectedOn: date, reason: text }), '已记录不予受理')}
      />
      <DecisionModal
        opened={dialog === 'complete'}
        title="登记补正（审理期限重新起算）"
        dateLabel="补正日期"
        minDate={detail.acceptedOn ?? detail.receivedOn}
        onClose={close}
        onSubmit={async ({ date }) => done(await call('cases.completeMaterials', { id: detail.id, completedOn: date }), '已登记补正，期限已重新计算')}
      />
      <RespondentServiceModal detail={detail} opened={dialog === 'serve'} onClose={close} onSaved={(d) => done(d, '已登记送达，答辩期自各被申请人签收之次日起算')} />
    </Paper>
  );
}

function DecisionModal(props: {
  opened: boolean;
  title: string;
  dateLabel: string;
  minDate: string;
  withGaps?: boolean;
  textLabel?: string;
  onClose: () => void;
  onSubmit: (v: { date: string; materials: string[]; text: string }) => Promise<void>;
}) {
  const today = todayInChina();
  const [date, setDate] = useState<string | null>(today);
  const [materials, setMaterials] = useState('');
  const [text, setText] = useState(props.withGaps ? '本人承诺在受理后5个工作日内补齐上述材料，逾期未补齐的，愿承担相应后果。' : '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onSubmit({ date: date ?? '', materials: materials.split(/[\n、，,]/).map((m) => m.trim()).filter(Boolean), text });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} centered>
      <Stack>
        <DateInput label={props.dateLabel} value={date} onChange={setDate} valueFormat="YYYY年M月D日" minDate={props.minDate} maxDate={today} data-testid="decision-date" />
        {props.withGaps && (
          <>
            <Textarea label="缺少的材料（每行一项）" autosize minRows={3} value={materials} onChange={(e) => setMaterials(e.currentTarget.value)} placeholder={'劳动关系证明\n考勤记录'} data-testid="missing-materials" />
            <Textarea label="申请人补正承诺" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          </>
        )}
        {props.textLabel && <Textarea label={props.textLabel} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>取消</Button>
          <Button onClick={submit} loading={busy} data-testid="decision-confirm">确定</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
