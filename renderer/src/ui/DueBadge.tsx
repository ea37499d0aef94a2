import { Badge } from '@mantine/core';
import { diffDays, todayInChina } from '../../../electron/core/dates';

/** The next deadline as a coloured badge: red when overdue, orange within 3 days. */
export function DueBadge({ dueOn, status }: { dueOn: string | null; status: string }) {
  if (status === 'rejected' || status === 'closed') return <Badge color="gray" variant="light">已办结</Badge>;
  if (!dueOn) return null;
  const left = diffDays(todayInChina(), dueOn);
  if (left < 0) return <Badge color="red">超期{-left}天 · {dueOn.slice(5)}</Badge>;
  if (left <= 3) return <Badge color="orange">{left === 0 ? '今日到期' : `${left}天后到期`}</Badge>;
  return <Badge color="gray" variant="light">{dueOn}</Badge>;
}
