import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import type { HolidaysView } from '../../../../electron/core/contract';
import { formatChineseMonthDay } from '../../../../electron/core/dates';
import { call } from '../../api';

type Row = { name: string; range: [string | null, string | null]; workdays: string[] };
const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const emptyRows = (): Row[] => FESTIVALS.map((name) => ({ name, range: [null, null], workdays: [] }));

/**
 * 节假日安排: the State Council's notice for a year the built-in data does not cover (it comes out each
 * November), typed in as festivals with their days off and make-up working days. Saved, it counts
 * for every deadline at once.
 */
export function HolidaySettings() {
  const [view, setView] = useState<HolidaysView | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [source, setSource] = useState('');
  const [rows, setRows] = useState<Row[]>(emptyRows());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('holidays.list', {}).then(setView).catch((e: Error) => setError(e.message));
  }, []);

  const edit = (y: number) => {
    const stored = view?.notices.find((n) => n.year === y);
    setYear(y);
    setError(null);
    setSource(stored?.source ?? `国务院办公厅关于${y}年部分节假日安排的通知`);
    setRows(stored ? stored.festivals.map((f) => ({ name: f.name, range: [f.from, f.to], workdays: f.workdays })) : emptyRows());
  };
  const save = async () => {
    if (!year) return;
    const filled = rows.filter((r) => r.range[0] || r.range[1] || r.workdays.length);
    const incomplete = filled.find((r) => !r.range[0] || !r.range[1]);
    if (incomplete) return setError(`「${incomplete.name || '未命名'}」请选择放假的开始和结束日期`);
    setBusy(true);
    setError(null);
    try {
      const next = await call('holidays.save', { year, source, festivals: filled.map((r) => ({ name: r.name, from: r.range[0]!, to: r.range[1]!, workdays: r.workdays })) });
      setView(next);
      setYear(null);
      notifications.show({ color: 'green', message: `${year}年节假日安排已保存，各案件期限已重新计算` });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (y: number) => {
    try {
      setView(await call('holidays.delete', { year: y }));
      notifications.show({ message: `已删除${y}年节假日安排` });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const patch = (i: number, p: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));

  return (
    <Paper withBorder p="md" data-testid="holiday-settings">
      <Title order={4}>节假日安排</Title>
      <Text size="sm" c="dimmed" mb="xs">
        法定期限按工作日计算（含调休上班日）。内置数据截至{view?.builtInUntil ?? '—'}年；国务院每年约11月公布下一年的安排，请在此录入。
      </Text>
      {view && view.missingYears.length > 0 && (
        <Alert color="orange" mb="xs" data-testid="holiday-missing">
          尚未载入{view.missingYears.join('、')}年的节假日安排：这些年份的期限暂只按周末计算。
        </Alert>
      )}
      {view && view.notices.length > 0 && (
        <Table mb="xs">
          <Table.Tbody>
            {view.notices.map((n) => (
              <Table.Tr key={n.year} data-testid={`holiday-notice-${n.year}`}>
                <Table.Td w={70}>
                  <Badge variant="light">{n.year}年</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{n.source}</Text>
                  <Text size="xs" c="dimmed">
                    {n.festivals.map((f) => `${f.name} ${formatChineseMonthDay(f.from)}–${formatChineseMonthDay(f.to)}${f.workdays.length ? `（${f.workdays.map(formatChineseMonthDay).join('、')}上班）` : ''}`).join('；')}
                  </Text>
                </Table.Td>
                <Table.Td w={110}>
                  <Group gap={4}>
                    <Button size="compact-xs" variant="subtle" onClick={() => edit(n.year)}>修改</Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(n.year)}>删除</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {year === null ? (
        <Button variant="light" onClick={() => edit(view?.missingYears[0] ?? new Date().getFullYear() + 1)} data-testid="holiday-add">
          录入节假日安排
        </Button>
      ) : (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <NumberInput label="年份" value={year} min={2000} max={2100} onChange={(v) => setYear(Number(v) || null)} maw={120} data-testid="holiday-year" />
            <TextInput label="通知名称或文号" value={source} onChange={(e) => setSource(e.currentTarget.value)} data-testid="holiday-source" />
          </Group>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>节日</Table.Th>
                <Table.Th>放假日期（起止，含周末）</Table.Th>
                <Table.Th>调休上班日（周六、周日）</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i} data-testid={`holiday-row-${i}`}>
                  <Table.Td>
                    <TextInput size="xs" value={r.name} onChange={(e) => patch(i, { name: e.currentTarget.value })} aria-label="节日名称" />
                  </Table.Td>
                  <Table.Td>
                    <DatePickerInput size="xs" type="range" allowSingleDateInRange value={r.range} onChange={(v) => patch(i, { range: v as [string | null, string | null] })} valueFormat="M月D日" placeholder="选择放假起止日期" defaultDate={`${year}-01-01`} aria-label={`${r.name}放假日期`} data-testid={`holiday-range-${i}`} />
                  </Table.Td>
                  <Table.Td>
                    <DatePickerInput size="xs" type="multiple" value={r.workdays} onChange={(v) => patch(i, { workdays: v as string[] })} valueFormat="M月D日" placeholder="无" defaultDate={r.range[0] ?? `${year}-01-01`} clearable aria-label={`${r.name}调休上班日`} data-testid={`holiday-workdays-${i}`} />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label="删除">×</ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Button size="compact-xs" variant="subtle" onClick={() => setRows([...rows, { name: '', range: [null, null], workdays: [] }])}>
              + 添加节日
            </Button>
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setYear(null)}>取消</Button>
              <Button size="xs" onClick={save} loading={busy} data-testid="holiday-save">保存节假日安排</Button>
            </Group>
          </Group>
        </Stack>
      )}
      {error && <Alert color="red" mt="xs" data-testid="holiday-error">{error}</Alert>}
    </Paper>
  );
}
