import { Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import type { DashboardMetric } from '../../../../electron/core/contract';
import { casesHref } from './caseFilterQuery';
import { changeColour, formatChange, formatMetric } from './format';

/** Hover text for a figure that opens the case list: what the list will show. */
const LINK_HINTS: Record<string, string> = {
  onTimeRate: '点击查看按期结案的案件',
  mediationRate: '点击查看本期结案的案件（按结案方式细分见下方图表）',
  avgDaysToClose: '点击查看本期结案的案件',
  fastTrackShare: '点击查看本期结案的案件',
  finalAwardRate: '点击查看以终局裁决结案的案件',
};

/** Figures of the present moment (not of the period), without a comparison. */
const CURRENT = new Set(['overdue', 'dueSoon']);

/**
 * One figure: value (short form, full form on hover), the same period a year earlier, and the
 * change with ▲▼ coloured by whether a rise is good. Opens the cases behind it when it has a filter.
 */
export function MetricCard({ metric, undefinedRate, parts }: { metric: DashboardMetric; undefinedRate?: boolean; parts?: string | null }) {
  const value = formatMetric(metric, undefinedRate ? null : metric.value);
  const previous = formatMetric(metric, metric.previous);
  const change = formatChange(metric.changePct);
  const points =
    metric.unit === 'percent' && metric.previous !== null && !undefinedRate
      ? `较上年同期${metric.value >= metric.previous ? '+' : ''}${(metric.value - metric.previous).toFixed(1)}个百分点`
      : null;
  const href = metric.filter ? casesHref(metric.filter) : undefined;
  const linkProps = href ? { component: 'a' as const, href } : {};
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      {...linkProps}
      data-testid={`metric-${metric.key}`}
      style={{ display: 'block', textDecoration: 'none', color: 'inherit', cursor: href ? 'pointer' : 'default' }}
      title={href ? (LINK_HINTS[metric.key] ?? '点击查看对应案件') : '该指标不对应案件列表筛选'}
    >
      <Text size="sm" c="dimmed">
        {metric.label}
      </Text>
      <Tooltip label={value.full} openDelay={200}>
        <Text fw={700} fz={26} lh={1.3} c={href ? 'blue.8' : undefined} data-testid={`metric-value-${metric.key}`}>
          {value.short}
        </Text>
      </Tooltip>
      {parts && (
        <Text size="xs" c="dimmed" data-testid={`metric-parts-${metric.key}`}>
          {parts}
        </Text>
      )}
      <Group gap={4} mt={4} wrap="wrap">
        <Text size="xs" c="dimmed" title={previous.full}>
          {CURRENT.has(metric.key) ? '截至今日，不限期间' : `上年同期 ${previous.short}`}
        </Text>
        {change && (
          <Tooltip label={points ?? `同比${change}`} disabled={!points}>
            <Badge size="sm" variant="light" color={changeColour(metric.key, metric.changePct)} data-testid={`metric-change-${metric.key}`}>
              {change}
            </Badge>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
