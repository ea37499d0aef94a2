import '@mantine/charts/styles.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { notifications } from '@mantine/notifications';
import type { CaseRow, DashboardView } from '../../../../electron/core/contract';
import { stageLabels } from '../../../../electron/core/domain';
import { formatYuan } from '../../../../electron/core/money';
import { closingMethodLabels } from './labels';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { isDesktop } from '../../transfer';
import { DueBadge } from '../../ui/DueBadge';
import { casesHref } from './caseFilterQuery';
import { formatAmountShort, formatCount } from './format';
import { MetricCard } from './MetricCard';

type Preset = 'month' | 'quarter' | 'year' | 'custom';

function presetRange(preset: Exclude<Preset, 'custom'>, today: string): { from: string; to: string } {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  if (preset === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (preset === 'quarter') return { from: `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today };
  return { from: `${y}-01-01`, to: today };
}

/** The metric groups, in reading order. */
const GROUPS: { title: string; keys: string[] }[] = [
  { title: '收案与金额', keys: ['received', 'workers', 'claimedFen', 'recoveredFen'] },
  { title: '结案质量', keys: ['closed', 'onTimeRate', 'mediationRate', 'avgDaysToClose', 'fastTrackShare'] },
  { title: '裁决（部分终局计入终局）', keys: ['awards', 'finalAwards', 'mixedAwards', 'nonFinalAwards', 'finalAwardRate'] },
  { title: '履行与预警', keys: ['policeTransfers', 'enforcementApplications', 'resolvedWarnings', 'openWarnings'] },
  { title: '期限（当前）', keys: ['overdue', 'dueSoon'] },
];
/** Each rate's numerator and denominator metrics, shown under it ("按期 163 / 结案 166 件"). */
const RATE_PARTS: Record<string, [string, string, string, string]> = {
  onTimeRate: ['onTimeClosed', '按期', 'closed', '结案'],
  mediationRate: ['mediatedOrWithdrawn', '调撤', 'closed', '结案'],
  fastTrackShare: ['withinFastTrack', '目标内', 'closed', '结案'],
  finalAwardRate: ['finalAwards', '终局', 'awards', '裁决'],
};
/** Rates over the period's closed cases: undefined (shown as —) when nothing closed. */
const OVER_CLOSED = new Set(['onTimeRate', 'mediationRate', 'avgDaysToClose', 'fastTrackShare']);

function exportUrl(fileName: string): string {
  return `/api/files/export/${encodeURIComponent(fileName)}`;
}

export function DashboardPage() {
  const can = useCan();
  const [today, setToday] = useState<string | null>(null);
  const [preset, setPreset] = useState<Preset>('year');
  const [custom, setCustom] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [version, setVersion] = useState(0);
  const generation = useRef(0);

  useEffect(() => {
    call('app.info', {})
      .then((info) => {
        setToday(info.today);
        setCustom(presetRange('year', info.today));
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const range = useMemo(() => {
    if (!today) return null;
    if (preset !== 'custom') return presetRange(preset, today);
    return /^\d{4}-\d{2}-\d{2}$/.test(custom.from) && /^\d{4}-\d{2}-\d{2}$/.test(custom.to) ? custom : null;
  }, [preset, custom, today]);

  useEffect(() => {
    if (!range) return;
    const gen = ++generation.current;
    setLoading(true);
    call('dashboard.get', range)
      .then((v) => {
        if (gen !== generation.current) return;
        setView(v);
        setError(null);
      })
      .catch((e: Error) => gen === generation.current && setError(e.message))
      .finally(() => gen === generation.current && setLoading(false));
  }, [range, version]);

  // Figures follow the cases: any change elsewhere refreshes them (at most every 2 s).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onEvent((event) => {
      if (event.type !== 'cases.changed' || timer) return;
      timer = setTimeout(() => {
        timer = null;
        setVersion((n) => n + 1);
      }, 2000);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);

  const exportXlsx = useCallback(async () => {
    if (!range) return;
    setExporting(true);
    try {
      const file = await call('dashboard.export', range);
      if (isDesktop) {
        notifications.show({ color: 'teal', title: '已导出', message: `统计表已保存到 ${file.path}` });
      } else {
        const a = document.createElement('a');
        a.href = exportUrl(file.fileName);
        a.download = file.fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
      }
    } catch (e) {
      notifications.show({ color: 'red', title: '导出失败', message: (e as Error).message });
    } finally {
      setExporting(false);
    }
  }, [range]);

  const byKey = useMemo(() => new Map(view?.metrics.map((m) => [m.key, m]) ?? []), [view]);
  const closed = byKey.get('closed')?.value ?? 0;
  const monthly = useMemo(
    () => view?.monthly.map((m) => ({ month: m.month.replace('-', '年') + '月', 收案: m.received, 结案: m.closed, 追回金额: m.recoveredFen / 1e6 })) ?? [],
    [view],
  );
  const methods = useMemo(
    () => view?.byClosingMethod.filter((m) => m.count > 0 || m.method === 'mediation').map((m) => ({ method: closingMethodLabels[m.method], key: m.method, 件数: m.count })) ?? [],
    [view],
  );

  return (
    <Stack gap="md" pb="xl">
      <Group justify="space-between" align="end">
        <Stack gap={2}>
          <Title order={2}>统计</Title>
          {view && (
            <Text size="sm" c="dimmed" data-testid="dashboard-period">
              {view.from} 至 {view.to}，对比上年同期 {view.previousFrom} 至 {view.previousTo}
              <Text span size="xs" c="dimmed" ml="sm" data-testid="dashboard-elapsed">
                （查询 {view.elapsedMs} ms）
              </Text>
            </Text>
          )}
        </Stack>
        <Group gap="sm" align="end">
          <SegmentedControl
            value={preset}
            onChange={(v) => setPreset(v as Preset)}
            data={[
              { value: 'month', label: '本月' },
              { value: 'quarter', label: '本季度' },
              { value: 'year', label: '本年' },
              { value: 'custom', label: '自定义' },
            ]}
            data-testid="dashboard-preset"
          />
          {preset === 'custom' && (
            <>
              <TextInput type="date" label="开始" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })} w={150} data-testid="dashboard-from" />
              <TextInput type="date" label="结束" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })} w={150} data-testid="dashboard-to" />
            </>
          )}
          {loading && <Loader size="sm" />}
{can('dashboard.export') && (
          <Button variant="light" onClick={exportXlsx} loading={exporting} disabled={!range} data-testid="dashboard-export">
            导出 Excel
          </Button>
          )}
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {view && (
        <>
          {GROUPS.map((group) => (
            <Stack gap={6} key={group.title}>
              <Text fw={600} size="sm">
                {group.title}
              </Text>
              <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm">
                {group.keys.map((key) => {
                  const metric = byKey.get(key);
                  if (!metric) return null;
                  const rate = RATE_PARTS[key];
                  const parts = rate
                    ? `${rate[1]} ${formatCount(byKey.get(rate[0])?.value ?? 0)} / ${rate[3]} ${formatCount(byKey.get(rate[2])?.value ?? 0)} 件`
                    : null;
                  return <MetricCard key={key} metric={metric} undefinedRate={OVER_CLOSED.has(key) && closed === 0} parts={parts} />;
                })}
              </SimpleGrid>
            </Stack>
          ))}

          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <Paper withBorder p="md" data-testid="chart-monthly">
              <Text fw={600} mb="sm">
                月度收案与结案（件）
              </Text>
              <LineChart
                h={240}
                data={monthly}
                dataKey="month"
                series={[
                  { name: '收案', color: 'blue.6' },
                  { name: '结案', color: 'teal.6' },
                ]}
                curveType="monotone"
                withLegend
                yAxisProps={{ allowDecimals: false }}
                valueFormatter={(v) => `${formatCount(v)}件`}
              />
            </Paper>
            <Paper withBorder p="md" data-testid="chart-recovered">
              <Text fw={600} mb="sm">
                月度追回金额（万元）
              </Text>
              <BarChart
                h={240}
                data={monthly}
                dataKey="month"
                series={[{ name: '追回金额', color: 'orange.6' }]}
                valueFormatter={(v) => `${v.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}万元`}
              />
            </Paper>
          </SimpleGrid>

          <Paper withBorder p="md" data-testid="chart-methods">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>本期结案方式（件）</Text>
              <Group gap={6}>
                {view.byClosingMethod.map((m) => (
                  <Badge
                    key={m.method}
                    component="a"
                    href={casesHref({ closedFrom: view.from, closedTo: view.to, closingMethod: m.method })}
                    variant="light"
                    color={m.count ? 'blue' : 'gray'}
                    style={{ cursor: 'pointer' }}
                    data-testid={`method-${m.method}`}
                  >
                    {closingMethodLabels[m.method]} {m.count}
                  </Badge>
                ))}
              </Group>
            </Group>
            <BarChart h={220} data={methods} dataKey="method" series={[{ name: '件数', color: 'indigo.6' }]} withBarValueLabel yAxisProps={{ allowDecimals: false }} valueFormatter={(v) => `${v}`} />
          </Paper>

          <SimpleGrid cols={1} spacing="md">
            <DueTable title="已超期" rows={view.overdue} total={byKey.get('overdue')?.value ?? 0} href={casesHref({ due: 'overdue' })} testId="overdue-table" />
            <DueTable title="3日内到期" rows={view.dueSoon} total={byKey.get('dueSoon')?.value ?? 0} href={casesHref({ due: 'soon' })} testId="due-soon-table" />
          </SimpleGrid>
        </>
      )}
      {!view && !error && <Loader />}
    </Stack>
  );
}

function DueTable({ title, rows, total, href, testId }: { title: string; rows: CaseRow[]; total: number; href: string; testId: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>
          {title}（{formatCount(total)}件{total > rows.length ? `，显示前${rows.length}件` : ''}）
        </Text>
        <Anchor href={href} size="sm">
          在案件列表中查看全部
        </Anchor>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          无
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760} maxHeight={320}>
          <Table striped highlightOnHover stickyHeader fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>案号</Table.Th>
                <Table.Th>申请人</Table.Th>
                <Table.Th>被申请人</Table.Th>
                <Table.Th>阶段</Table.Th>
                <Table.Th ta="right">请求金额</Table.Th>
                <Table.Th>期限</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor href={`#/cases/${r.id}`} size="sm">
                      {r.caseNumber ?? `收案 ${r.receivedOn}`}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {r.firstWorkerName ?? '—'}
                    {r.workerCount > 1 ? `等${r.workerCount}人` : ''}
                  </Table.Td>
                  <Table.Td style={{ maxWidth: 320, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={r.respondentNames}>
                    {r.respondentNames}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{stageLabels[r.stage]}</Table.Td>
                  <Table.Td ta="right" title={formatYuan(r.claimedTotalFen)}>
                    {formatAmountShort(r.claimedTotalFen)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <DueBadge dueOn={r.nextDueOn} status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
