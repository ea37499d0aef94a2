// The State Council holiday notices entered in settings (holidays.list / save / delete). Stored in
// the database (so they travel with backups); the calendar reloads at once and every open case's
// deadlines are recomputed.
import { asc, eq } from 'drizzle-orm';
import { AppFailure, type HolidayNoticeView } from '../../core/contract';
import { holidayDataCovers } from '../../core/clock/calendar';
import { noticeOverrides, noticeProblems, type Festival, type HolidayNoticeInput } from '../../core/clock/holidayNotice';
import type { HolidayOverride } from '../../core/clock/calendar';
import { holidayNotices } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';

function rows(db: Executor) {
  return db.select().from(holidayNotices).orderBy(asc(holidayNotices.year)).all();
}

/** Every stored notice's days, oldest year first (a later year wins on a shared day, e.g. 元旦 in December). */
export function storedHolidayOverrides(db: Executor): HolidayOverride[] {
  return rows(db).flatMap((r) => noticeOverrides({ festivals: JSON.parse(r.festivals) as Festival[] }));
}

export function listHolidayNotices(ctx: ServiceContext): { notices: HolidayNoticeView[]; builtInUntil: number; missingYears: number[] } {
  const notices = rows(ctx.db).map((r) => ({ year: r.year, source: r.source, festivals: JSON.parse(r.festivals) as Festival[], updatedAt: r.updatedAt }));
  // the library's own data: the last year whose 1 January it knows as a holiday
  let builtInUntil = 2020;
  while (builtInUntil < 2100 && holidayDataCovers(builtInUntil + 1)) builtInUntil++;
  const thisYear = Number(ctx.now().toISOString().slice(0, 4));
  const missingYears = [thisYear, thisYear + 1].filter((y) => !ctx.calendar.covers(y));
  return { notices, builtInUntil, missingYears };
}

export function saveHolidayNotice(ctx: ServiceContext & { reloadCalendar: () => void }, input: HolidayNoticeInput): ReturnType<typeof listHolidayNotices> {
  const problems = noticeProblems(input);
  if (problems.length) throw new AppFailure('invalid_input', `节假日安排有误：${problems.join('；')}`);
  const values = { source: input.source, festivals: JSON.stringify(input.festivals), updatedAt: ctx.now().toISOString() };
  ctx.db.insert(holidayNotices).values({ year: input.year, ...values }).onConflictDoUpdate({ target: holidayNotices.year, set: values }).run();
  ctx.reloadCalendar();
  ctx.emit({ type: 'settings.changed' });
  return listHolidayNotices(ctx);
}

export function deleteHolidayNotice(ctx: ServiceContext & { reloadCalendar: () => void }, year: number): ReturnType<typeof listHolidayNotices> {
  const gone = ctx.db.delete(holidayNotices).where(eq(holidayNotices.year, year)).returning({ year: holidayNotices.year }).get();
  if (!gone) throw new AppFailure('not_found', `没有${year}年的节假日安排`);
  ctx.reloadCalendar();
  ctx.emit({ type: 'settings.changed' });
  return listHolidayNotices(ctx);
}
