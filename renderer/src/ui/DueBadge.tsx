import { diffDays, todayInChina } from '../../../electron/core/dates';
import { PlainBadge } from './PlainBadge';

/** The next deadline as a coloured badge: red when overdue, orange within 3 days. */
export function DueBadge({ dueOn, status }: { dueOn: string | null; status: string }) {
  if (status === 'rejected' || status === 'closed') return <PlainBadge color="gray" variant="light">已办结</PlainBadge>;
  if (!dueOn) return null;
  const left = diffDays(todayInChina(), dueOn);
  if (left < 0) return <PlainBadge color="red">超期{-left}天 · {dueOn.slice(5)}</PlainBadge>;
  if (left <= 3) return <PlainBadge color="orange">{left === 0 ? '今日到期' : `${left}天后到期`}</PlainBadge>;
  return <PlainBadge color="gray" variant="light">{dueOn}</PlainBadge>;
}
