// Counting periods (期间). The start day is never counted (Civil Procedure Law Art 85).
import { addDays } from '../dates';
import type { Calendar } from './calendar';

export type SkippedDay = { date: string; reason: string };

function reasonFor(date: string, cal: Calendar): string {
  return cal.describe(date).name ?? '休息日';
}

/**
 * The n-th working day after `start`. Rest days (weekends, holidays) in between are listed in
 * `skipped`; make-up working days (调休上班) count as working days.
 */
export function addWorkingDays(start: string, n: number, cal: Calendar): { due: string; skipped: SkippedDay[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日天数应为非负整数：${n}`);
  const skipped: SkippedDay[] = [];
  let d = start;
  addDays(start, 0); // validates start
  let counted = 0;
  while (counted < n) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) counted++;
    else skipped.push({ date: d, reason: reasonFor(d, cal) });
  }
  return { due: d, skipped };
}

/**
 * n calendar days after `start`. If that last day is a rest day (weekend or holiday that is not
 * a make-up working day), the period ends on the next working day; `shiftedFrom` is then the
 * unshifted last day and `skipped` lists the rest days passed over.
 */
export function addCalendarDays(
  start: string,
  n: number,
  cal: Calendar,
): { due: string; shiftedFrom?: string; skipped: SkippedDay[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`天数应为非负整数：${n}`);
  const last = addDays(start, n);
  const skipped: SkippedDay[] = [];
  let d = last;
  while (!cal.isWorkday(d)) {
    skipped.push({ date: d, reason: reasonFor(d, cal) });
    d = addDays(d, 1);
  }
  return d === last ? { due: d, skipped } : { due: d, shiftedFrom: last, skipped };
}
