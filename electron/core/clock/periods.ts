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

/**
 * Calendar days of notice by publication (公告送达) excluded from the arbitration period
 * (《劳动人事争议仲裁办案规则》第四十六条第六项: "中止审理期间、公告送达期间不计入仲裁期限内").
 * A publication made on day P runs the days P+1 … P+periodDays (the day it is published is not
 * counted, as with every period); when it has run, the document is deemed served. Overlapping
 * publications (the same day, to several parties) count once. Only days after `from` (the day the
 * award clock starts) and up to `until` (the closing date, if any) are counted.
 */
export function publicationDays(publishedOn: readonly string[], periodDays: number, from: string, until: string | null = null): number {
  if (!Number.isInteger(periodDays) || periodDays < 0) throw new RangeError(`公告期应为非负整数天：${periodDays}`);
  const days = new Set<string>();
  for (const start of publishedOn) {
    for (let i = 1; i <= periodDays; i++) {
      const d = addDays(start, i);
      if (d > from && (until === null || d <= until)) days.add(d);
    }
  }
  return days.size;
}

/** The day a document deemed served on `servedOn` by publication was published: the period before. */
export function publishedBefore(servedOn: string, periodDays: number): string {
  return addDays(servedOn, -periodDays);
}
