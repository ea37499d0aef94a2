import { Badge, Group, Paper, Text, Title } from '@mantine/core';
import { formatChineseDate } from '../../../../electron/core/dates';
import { closingMethodText, closingResult, type ClosingDetail } from './closingModel';

/** After closing: how, when, in how many days, and whether on time (statutory) and within the fast-track target. */
export function ClosingResultCard({ detail }: { detail: ClosingDetail }) {
  const result = closingResult(detail);
  if (!result) return null;
  return (
    <Paper withBorder p="md" data-testid="closing-result" bg="var(--mantine-color-green-0)">
      <Group justify="space-between" mb="xs">
        <Title order={4}>已结案</Title>
        <Text size="sm" c="dimmed">
          {closingMethodText(result.method, detail.awardFinality)} · 结案日期 {formatChineseDate(result.closedOn)}
        </Text>
      </Group>
      <Group gap="sm">
        {result.days !== null && (
          <Badge size="lg" variant="outline" color="gray" data-testid="closing-days">
            用时{result.days}日
          </Badge>
        )}
        {result.onTime !== null && (
          <Badge size="lg" color={result.onTime ? 'green' : 'red'} data-testid="closing-on-time">
            {result.onTime ? '按期结案' : '超期结案'}
          </Badge>
        )}
        {result.withinFastTrack !== null && (
          <Badge size="lg" color={result.withinFastTrack ? 'teal' : 'orange'} variant="light" data-testid="closing-fast-track">
            {result.withinFastTrack ? '速裁目标内' : '速裁目标外'}
          </Badge>
        )}
      </Group>
      {result.summary && (
        <Text size="sm" mt="xs" c="dimmed">
          {result.summary}
        </Text>
      )}
    </Paper>
  );
}
