// State Council holiday calendar: chinese-days (official notices up to its data year) plus
// overrides so a new year's notice can be entered without a code change. Overrides win.
import { getDayDetail } from 'chinese-days';
import { isValidDate, isWeekend } from '../dates';

export type HolidayOverride = { date: string; kind: 'holiday' | 'workday'; name?: string };

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeupWorkday';

/** What a calendar says about one day. `kind`/`festival` are optional for other implementations. */
export type DayDescription = {
  workday: boolean;
  /** e.g. 春节, 国庆节, 调休上班, 周末; absent on an ordinary working day. */
  name?: string;
  kind?: DayKind;
  /** For a make-up working day: the holiday it belongs to (春节…), when known. */
  festival?: string;
};

export interface Calendar {
  isWorkday(date: string): boolean;
  describe(date: string): DayDescription;
  /** Whether the State Council's arrangement for this year is known (library data or an override). */
  covers(year: number): boolean;
}

export const MAKEUP_WORKDAY_NAME = '调休上班';
export const WEEKEND_NAME = '周末';

/**
 * chinese-days parses 'YYYY-MM-DD' as UTC but reads it back with local-time getters, so west of
 * UTC every answer is for the previous day. A local-noon Date is read back correctly everywhere.
 */
function localNoon(date: string): Date {
  return new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), 12);
}

/** "Spring Festival,春节,4" → "春节". */
function chineseName(libName: string): string | undefined {
  const parts = libName.split(',');
  return parts.length >= 2 ? parts[1] : undefined;
}

function describeFromLibrary(date: string): DayDescription {
  const weekend = isWeekend(date);
  const detail = getDayDetail(localNoon(date));
  const festival = detail.date === date ? chineseName(detail.name) : undefined;
  if (festival) {
    if (detail.work) return { workday: true, name: MAKEUP_WORKDAY_NAME, kind: 'makeupWorkday', festival };
    return { workday: false, name: festival, kind: 'holiday' };
  }
  if (weekend) return { workday: false, name: WEEKEND_NAME, kind: 'weekend' };
  return { workday: true, kind: 'workday' };
}

export function createCalendar(overrides: HolidayOverride[] = []): Calendar {
  const byDate = new Map<string, HolidayOverride>();
  for (const o of overrides) {
    if (!isValidDate(o.date)) throw new RangeError(`节假日调整中的日期无效：${o.date}`);
    byDate.set(o.date, o); // a later entry for the same day wins
  }
  const cache = new Map<string, DayDescription>();

  function describe(date: string): DayDescription {
    if (!isValidDate(date)) throw new RangeError(`不是有效日期（应为YYYY-MM-DD）：${String(date)}`);
    const hit = cache.get(date);
    if (hit) return hit;
    let d: DayDescription;
    const o = byDate.get(date);
    if (o?.kind === 'holiday') d = { workday: false, name: o.name || '节假日', kind: 'holiday' };
    else if (o?.kind === 'workday')
      d = isWeekend(date)
        ? { workday: true, name: MAKEUP_WORKDAY_NAME, kind: 'makeupWorkday', ...(o.name ? { festival: o.name } : {}) }
        : { workday: true, kind: 'workday', ...(o.name ? { name: o.name } : {}) };
    else d = describeFromLibrary(date);
    cache.set(date, d);
    return d;
  }

  return {
    covers: (year: number) => holidayDataCovers(year, overrides),
    isWorkday: (date: string) => describe(date).workday,
    describe,
  };
}

/**
 * Whether holiday data exists for `year` (bundled or overridden). 1 January is always a public
 * holiday, so the bundled data covers a year exactly when it knows that day. Without data the
 * calendar only knows weekends: the UI should warn that the year's notice must be entered.
 */
export function holidayDataCovers(year: number, overrides: HolidayOverride[] = []): boolean {
  if (overrides.some((o) => o.date.startsWith(`${year}-`))) return true;
  const detail = getDayDetail(localNoon(`${year}-01-01`));
  return !detail.work && detail.name.includes(',');
}
