import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import type { Settings } from '../../../../electron/core/contract';
import { formatCaseNumber } from '../../../../electron/core/caseNumber';
import { formatFen, parseYuanToFen } from '../../../../electron/core/money';
import { call } from '../../api';
import { RoomsSettings } from '../hearings/RoomsSettings';
import { HolidaySettings } from './HolidaySettings';
import { VerifyChainPanel } from '../audit/VerifyChainPanel';
import { BackupsPanel } from '../backup/BackupsPanel';
import { useCan } from '../../shell/session';
import { Editable } from '../../ui/Editable';

type WageRow = { effectiveOn: string | null; yuan: string };

/** The commission's settings: name, case-number pattern, minimum wage by date, fast-track target, idle lock (administrator; others read them). */
export function SettingsPage() {
  const [form, setForm] = useState<Settings | null>(null);
  const [wages, setWages] = useState<WageRow[]>([]);
  /** 拒不支付劳动报酬罪 thresholds, typed in yuan. */
  const [police, setPolice] = useState({ one: '', ten: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const can = useCan();
  const editable = can('settings.update');
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    call('settings.get', {})
      .then((s) => {
        setForm(s);
        setWages(s.minimumWages.map((w) => ({ effectiveOn: w.effectiveOn, yuan: formatFen(w.monthlyFen).replaceAll(',', '') })));
        setPolice({ one: formatFen(s.policeThresholdOneWorkerFen).replaceAll(',', ''), ten: formatFen(s.policeThresholdTenWorkersFen).replaceAll(',', '') });
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  if (!form) return error ? <Alert color="red">{error}</Alert> : null;

  /** Saved entries the demo entered and nobody has checked yet, by effective date. */
  const demoDates = new Set(form.minimumWages.filter((w) => w.isDemo).map((w) => w.effectiveOn));
  const confirmWage = async (effectiveOn: string) => {
    setError(null);
    setConfirming(effectiveOn);
    try {
      setForm(await call('settings.confirmMinimumWage', { effectiveOn }));
      notifications.show({ color: 'green', message: `${effectiveOn}起施行的最低工资标准已核对` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setConfirming(null);
    }
  };

  const save = async () => {
    setError(null);
    const minimumWages: Settings['minimumWages'] = [];
    for (const [i, w] of wages.entries()) {
      const fen = parseYuanToFen(w.yuan);
      if (!w.effectiveOn) return setError(`最低工资标准第${i + 1}行：请填写生效日期`);
      if (!fen.ok) return setError(`最低工资标准第${i + 1}行：${fen.message}`);
      minimumWages.push({ effectiveOn: w.effectiveOn, monthlyFen: fen.fen });
    }
    const one = parseYuanToFen(police.one);
    const ten = parseYuanToFen(police.ten);
    if (!one.ok || one.fen <= 0) return setError(`拒不支付劳动报酬罪数额标准（一名劳动者）：${one.ok ? '须大于0' : one.message}`);
    if (!ten.ok || ten.fen <= 0) return setError(`拒不支付劳动报酬罪数额标准（十名以上劳动者）：${ten.ok ? '须大于0' : ten.message}`);
    setBusy(true);
    try {
      const saved = await call('settings.update', { ...form, minimumWages, policeThresholdOneWorkerFen: one.fen, policeThresholdTenWorkersFen: ten.fen });
      setForm(saved);
      notifications.show({ color: 'green', message: '设置已保存' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const year = new Date().getFullYear();
  return (
    <Stack maw={760}>
      <Title order={2}>设置</Title>
      {!editable && <Alert color="gray">设置由管理员维护，这里只能查看。</Alert>}
      <Editable allowed={editable}>
      <Stack>
      <Paper withBorder p="md">
        <Stack>
          <TextInput label="仲裁委员会名称" value={form.commissionName} onChange={(e) => setForm({ ...form, commissionName: e.currentTarget.value })} />
          <Group grow align="flex-start">
            <TextInput label="仲裁委员会地址" description="印在通知书、送达回证上" value={form.commissionAddress ?? ''} onChange={(e) => setForm({ ...form, commissionAddress: e.currentTarget.value || null })} data-testid="settings-commission-address" />
            <TextInput label="联系电话" description="印在通知书上" value={form.commissionPhone ?? ''} onChange={(e) => setForm({ ...form, commissionPhone: e.currentTarget.value || null })} data-testid="settings-commission-phone" />
          </Group>
          <TextInput
            label="案号格式"
            description={`{year} 为受理年份，{n} 为当年序号。示例：${formatCaseNumber(form.caseNumberPattern, year, 123)}`}
            value={form.caseNumberPattern}
            onChange={(e) => setForm({ ...form, caseNumberPattern: e.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <TextInput
              label="不予受理通知书文号格式"
              description={`示例：${formatCaseNumber(form.rejectionNumberPattern, year, 3)}`}
              value={form.rejectionNumberPattern}
              onChange={(e) => setForm({ ...form, rejectionNumberPattern: e.currentTarget.value })}
              data-testid="settings-rejection-pattern"
            />
            <TextInput
              label="限期改正指令书文号格式"
              description={`示例：${formatCaseNumber(form.correctionOrderNumberPattern, year, 3)}`}
              value={form.correctionOrderNumberPattern}
              onChange={(e) => setForm({ ...form, correctionOrderNumberPattern: e.currentTarget.value })}
            />
            <TextInput
              label="移送书文号格式"
              description={`示例：${formatCaseNumber(form.policeTransferNumberPattern, year, 3)}`}
              value={form.policeTransferNumberPattern}
              onChange={(e) => setForm({ ...form, policeTransferNumberPattern: e.currentTarget.value })}
            />
          </Group>
          <Switch
            label="送达当事人的文书遮蔽劳动者身份证号码（保留前6位和后4位）"
            description="受理、应诉、开庭通知书、撤回决定书、限期改正指令书等；裁决书、调解书、强制执行申请书及移送公安的文书依法写全"
            checked={form.maskWorkerIds}
            onChange={(e) => setForm({ ...form, maskWorkerIds: e.currentTarget.checked })}
            data-testid="settings-mask-ids"
          />
          <NumberInput
            label="速裁结案目标（天）"
            description="自受理之日起计算，默认30天"
            min={1}
            max={60}
            value={form.fastTrackTargetDays}
            onChange={(v) => setForm({ ...form, fastTrackTargetDays: Number(v) || 30 })}
            w={200}
          />
          <NumberInput
            label="自动锁屏（分钟）"
            description="无人操作这么久后锁定屏幕，输入密码继续；未保存的内容不丢失"
            min={1}
            max={240}
            value={form.idleLockMinutes}
            onChange={(v) => setForm({ ...form, idleLockMinutes: Number(v) || 15 })}
            w={320}
            data-testid="settings-idle-lock"
          />
          <NumberInput
            label="公告送达期间（天）"
            description="自公告之日起满此天数视为送达；公告期间不计入仲裁期限（《办案规则》第四十六条第六项）。民事诉讼法（2021年修正）为30天"
            min={1}
            max={90}
            value={form.publicationPeriodDays}
            onChange={(v) => setForm({ ...form, publicationPeriodDays: Number(v) || 30 })}
            w={420}
            data-testid="settings-publication-days"
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4}>当地月最低工资标准</Title>
        <Text size="sm" c="dimmed" mb="xs">终局裁决按裁决作出之日有效的标准计算（12个月）。请按人社部门公布的文件填写。</Text>
        {!wages.length && <Alert color="yellow" mb="xs">尚未设置最低工资标准</Alert>}
        {demoDates.size > 0 && (
          <Alert color="orange" mb="xs" data-testid="settings-wage-demo-alert">
            标有「演示数据，请核对」的标准由演示数据生成，不一定是本地现行标准；终局裁决的判断依赖它。请按人社部门公布的文件核对金额，无误后点「已核对」（如有出入，直接改正金额并保存）。
          </Alert>
        )}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>生效日期</Table.Th>
              <Table.Th>月最低工资（元）</Table.Th>
              <Table.Th>核对</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wages.map((w, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <DateInput value={w.effectiveOn} onChange={(v) => setWages(wages.map((x, j) => (j === i ? { ...x, effectiveOn: v } : x)))} valueFormat="YYYY-MM-DD" aria-label={`第${i + 1}行生效日期`} />
                </Table.Td>
                <Table.Td>
                  <TextInput value={w.yuan} onChange={(e) => { const yuan = e.currentTarget.value; setWages(wages.map((x, j) => (j === i ? { ...x, yuan } : x))); }} aria-label={`第${i + 1}行月最低工资`} />
                </Table.Td>
                <Table.Td>
                  {w.effectiveOn && demoDates.has(w.effectiveOn) && (
                    <Group gap={6} wrap="nowrap">
                      <Badge color="orange" variant="light" data-testid={`settings-wage-demo-${w.effectiveOn}`}>演示数据，请核对</Badge>
                      {can('settings.confirmMinimumWage') && (
                        <Button size="compact-xs" variant="light" loading={confirming === w.effectiveOn} onClick={() => void confirmWage(w.effectiveOn!)} data-testid={`settings-wage-confirm-${w.effectiveOn}`}>
                          已核对
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <ActionIcon variant="subtle" color="red" onClick={() => setWages(wages.filter((_, j) => j !== i))} aria-label="删除">×</ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Button variant="light" mt="xs" onClick={() => setWages([...wages, { effectiveOn: null, yuan: '' }])}>添加一行</Button>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4}>拒不支付劳动报酬罪数额标准</Title>
        <Text size="sm" c="dimmed" mb="xs">按本省公布的“数额较大”标准填写；逾期未付达到标准的预警可一键生成移送公安材料。</Text>
        <Group grow align="flex-start">
          <TextInput label="拒不支付一名劳动者（元）" value={police.one} onChange={(e) => setPolice({ ...police, one: e.currentTarget.value })} data-testid="settings-police-one" />
          <TextInput label="拒不支付十名以上劳动者（元）" value={police.ten} onChange={(e) => setPolice({ ...police, ten: e.currentTarget.value })} data-testid="settings-police-ten" />
        </Group>
      </Paper>
      </Stack>
      </Editable>
      {error && <Alert color="red">{error}</Alert>}
      {editable && (
        <Group>
          <Button onClick={save} loading={busy}>保存设置</Button>
        </Group>
      )}
      {editable && <HolidaySettings />}
      <RoomsSettings />
      {can('audit.verify') && <VerifyChainPanel />}
      {can('backups.status') && <BackupsPanel />}
    </Stack>
  );
}
