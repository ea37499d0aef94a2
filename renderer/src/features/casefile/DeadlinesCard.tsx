import { Alert, Badge, Paper, Spoiler, Table, Text, Title } from '@mantine/core';
import type { Deadline } from '../../../../electron/core/clock/deadlines';
import { formatChineseDate } from '../../../../electron/core/dates';

const statusBadge: Record<Deadline['status'], { color: string; label: string }> = {
  waiting: { color: 'gray', label: '未起算' },
  open: { color: 'blue', label: '进行中' },
  done: { color: 'green', label: '已完成' },
  overdue: { color: 'red', label: '已超期' },
};

/** Each statutory deadline with its due date and its own explanation (rule, start, days skipped). */
export function DeadlinesCard({ deadlines, notice }: { deadlines: Deadline[]; notice: string | null }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">期限</Title>
      {notice && (
        <Alert color="yellow" mb="xs" data-testid="calendar-notice">
          {notice}
        </Alert>
      )}
      <Table verticalSpacing={6} data-testid="deadlines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>事项</Table.Th>
            <Table.Th w={140}>届满日</Table.Th>
            <Table.Th w={80}>状态</Table.Th>
            <Table.Th>依据与计算</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.map((d, i) => (
            <Table.Tr key={`${d.key}-${i}`} data-testid={`deadline-${d.key}`}>
              <Table.Td fw={500}>{d.label}</Table.Td>
              <Table.Td>{d.dueOn ? formatChineseDate(d.dueOn) : '—'}</Table.Td>
              <Table.Td>
                <Badge color={statusBadge[d.status].color} variant="light">{statusBadge[d.status].label}</Badge>
              </Table.Td>
              <Table.Td>
                <Spoiler maxHeight={22} showLabel="展开" hideLabel="收起">
                  <Text size="sm">{d.explanation}</Text>
                </Spoiler>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
