// Calendar dates as 'YYYY-MM-DD' strings. Internally every date is a UTC midnight, so the
// local time zone of the machine never shifts a day.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: string): [number, number, number] | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isValidDate(date: string): boolean {
  if (typeof date !== 'string') return false;
  const p = parts(date);
  if (!p) return false;
  const [y, mo, d] = p;
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, month: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function assertDate(date: string): [number, number, number] {
  if (!isValidDate(date)) throw new RangeError(`不是有效日期（应为YYYY-MM-DD）：${String(date)}`);
  return parts(date) as [number, number, number];
}

/** Days since 1970-01-01 (UTC). */
export function toEpochDay(date: string): number {
  const [y, m, d] = assertDate(date);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数：${n}`);
  return fromEpochDay(toEpochDay(date) + n);
}

/** b − a in days: diffDays('2026-01-01', '2026-01-31') === 30. */
export function diffDays(a: string, b: string): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** Negative, 0 or positive, like a sort comparator. */
export function compareDates(a: string, b: string): number {
  // Valid YYYY-MM-DD strings sort lexicographically.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(...dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

/** Today's date in China (Asia/Shanghai is UTC+8 all year, no DST). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** '2026-03-05' → '星期四'. */
export function formatWeekday(date: string): string {
  return WEEKDAY_NAMES[weekday(date)] as string;
}

/** '2026-03-05' → '2026年3月5日'. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = assertDate(date);
  return `${y}年${m}月${d}日`;
}

/**
 * An instant in China time, '2026年12月4日 14:05': what Intl.DateTimeFormat('zh-CN', medium date,
 * short time, Asia/Shanghai) gives, without Intl (its first use in a page loads the locale's data).
 */
export function formatChinaDateTime(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString(); // YYYY-MM-DDTHH:MM…
  return `${formatChineseDate(china.slice(0, 10))} ${china.slice(11, 16)}`;
}

/** '2026-10-01' → '10月1日' (used inside explanations where the year is obvious). */
export function formatChineseMonthDay(date: string): string {
  const [, m, d] = assertDate(date);
  return `${m}月${d}日`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..31 → 一 … 十 … 二十一 … 三十一 (the style used on documents). */
function smallNumeral(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** '2026-03-05' → '二〇二六年三月五日'; '2026-12-31' → '二〇二六年十二月三十一日'. */
export function formatChineseNumeralDate(date: string): string {
  const [y, m, d] = assertDate(date);
  const year = String(y)
    .split('')
    .map((c) => DIGITS[Number(c)])
    .join('');
  return `${year}年${smallNumeral(m)}月${smallNumeral(d)}日`;
}
