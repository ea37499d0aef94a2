// A State Council holiday notice as staff enter it in settings (国务院办公厅关于20XX年部分节假日安排的
// 通知): each festival with its days off (from–to) and its make-up working days (调休上班). Pure:
// the schema, the checks (Chinese messages naming what to fix) and the days it gives the calendar.
import { z } from 'zod';
import { addDays, diffDays, formatChineseDate, formatChineseMonthDay, isValidDate, isWeekend } from '../dates';
import type { HolidayOverride } from './calendar';

const day = z.string().refine(isValidDate, '日期应为有效的YYYY-MM-DD');

export const festivalSchema = z.strictObject({
  name: z.string().trim().min(1, '请填写节日名称').max(10, '节日名称不超过10个字'),
  from: day,
  to: day,
  /** Weekend days worked in exchange (调休上班). */
  workdays: z.array(day).max(5, '每个节日的调休上班日不超过5天').default([]),
});

export const holidayNoticeInputSchema = z.strictObject({
  year: z.number().int().min(2000, '年份应在2000至2100之间').max(2100, '年份应在2000至2100之间'),
  source: z.string().trim().min(4, '请填写通知名称或文号（如“国务院办公厅关于2027年部分节假日安排的通知”）').max(120),
  festivals: z.array(festivalSchema).min(1, '请至少填写一个节日').max(12),
});
export type HolidayNoticeInput = z.infer<typeof holidayNoticeInputSchema>;
export type Festival = z.infer<typeof festivalSchema>;

/** The longest run of days off one festival may have (国庆/春节 are 7–9 days with weekends). */
export const MAX_FESTIVAL_DAYS = 10;

/**
 * What is wrong with a notice, each line naming the festival and the date: a range that runs
 * backwards or is too long, dates outside the notice's year (元旦 may start in the December before),
 * overlapping festivals, make-up days that are not weekend days or fall inside a holiday. [] = fine.
 */
export function noticeProblems(n: HolidayNoticeInput): string[] {
  const out: string[] = [];
  const first = `${n.year - 1}-12-01`;
  const last = `${n.year}-12-31`;
  const offDays = new Map<string, string>();
  for (const f of n.festivals) {
    const where = `「${f.name}」`;
    if (f.to < f.from) {
      out.push(`${where}放假结束日${formatChineseDate(f.to)}早于开始日${formatChineseDate(f.from)}`);
      continue;
    }
    if (diffDays(f.from, f.to) + 1 > MAX_FESTIVAL_DAYS) out.push(`${where}放假${diffDays(f.from, f.to) + 1}天，超过${MAX_FESTIVAL_DAYS}天，请核对日期`);
    for (const d of [f.from, f.to]) if (d < first || d > last) out.push(`${where}的日期${formatChineseDate(d)}不在${n.year}年的安排内`);
    for (let d = f.from; d <= f.to && diffDays(f.from, d) < MAX_FESTIVAL_DAYS + 1; d = addDays(d, 1)) {
      const other = offDays.get(d);
      if (other) out.push(`${where}与「${other}」的放假日期重叠（${formatChineseMonthDay(d)}）`);
      else offDays.set(d, f.name);
    }
  }
  const seen = new Set<string>();
  for (const f of n.festivals) {
    for (const w of f.workdays) {
      const where = `「${f.name}」的调休上班日${formatChineseDate(w)}`;
      if (seen.has(w)) out.push(`${where}重复`);
      seen.add(w);
      if (!isWeekend(w)) out.push(`${where}不是周六或周日（工作日无需登记调休上班）`);
      if (offDays.has(w)) out.push(`${where}在「${offDays.get(w)}」放假期间内`);
      if (w < first || w > last) out.push(`${where}不在${n.year}年的安排内`);
    }
  }
  return out;
}

/** The calendar days a notice gives: every day off of each festival, and each make-up working day. */
export function noticeOverrides(n: Pick<HolidayNoticeInput, 'festivals'>): HolidayOverride[] {
  return n.festivals.flatMap((f) => {
    const off: HolidayOverride[] = [];
    for (let d = f.from; d <= f.to; d = addDays(d, 1)) off.push({ date: d, kind: 'holiday', name: f.name });
    return [...off, ...f.workdays.map((w): HolidayOverride => ({ date: w, kind: 'workday', name: f.name }))];
  });
}
