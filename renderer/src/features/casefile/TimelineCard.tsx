import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { CaseEventView } from '../../../../electron/core/contract';

const time = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });

/** The case timeline, newest first: who did what and when. */
export function TimelineCard({ events }: { events: CaseEventView[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">办案记录</Title>
      <Timeline bulletSize={14} lineWidth={2} data-testid="timeline">
        {events.map((e) => (
          <Timeline.Item key={e.id} title={e.summary}>
            <Text size="xs" c="dimmed">{time.format(new Date(e.at))} · {e.actor}</Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
