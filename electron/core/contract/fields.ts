import { z } from 'zod';
import { isValidDate } from '../dates';
import { MAX_AMOUNT_FEN } from '../money';
import './messages';

/**
 * The field schemas every feature's contract shares: one definition of a date, a time, an amount,
 * a text. Messages are Chinese (messages.ts); the field's name is added by describeZodError.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD between `min` and `max` (inclusive). */
export function dateBetween(min: string, max: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? '未填写' : '应为日期（YYYY-MM-DD）') })
    .regex(DATE_RE, '日期格式应为 YYYY-MM-DD，如 2026-03-05')
    .refine(isValidDate, { message: '不是日历上存在的日期', abort: true })
    .refine((d) => d >= min && d <= max, `日期应在${min.slice(0, 4)}年至${max.slice(0, 4)}年之间`);
}

/** Case dates (received, accepted, served, hearings, payments…): 2000-01-01 … 2099-12-31. */
export const date = dateBetween('2000-01-01', '2099-12-31');
/** Birth dates: from the ID-number rule's earliest year; not after today is checked where today is known. */
export const birthDate = dateBetween('1850-01-01', '2099-12-31');

/** A Beijing-time minute 'YYYY-MM-DDTHH:mm' on a real day in the case-date range. */
export const localTime = z
  .string({ error: (issue) => (issue.input === undefined ? '未填写' : '应为时间（YYYY-MM-DDTHH:mm）') })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 YYYY-MM-DDTHH:mm（北京时间），如 2026-03-05T09:30')
  .refine((t) => isValidDate(t.slice(0, 10)), { message: '不是日历上存在的日期', abort: true })
  .refine((t) => t >= '2000-01-01' && t < '2100-01-01', '日期应在2000年至2099年之间');

export const id = z.number().int().positive();
/** A position in a list of this input (0-based); whether it exists is checked against the list. */
export const index = z.number().int().min(0).max(100_000);

/** An amount in fen (分): a whole number, not negative, at most 1亿元 per item so totals stay exact. */
export const fen = z
  .number()
  .int('金额应为整数（分）')
  .min(0, '金额不能为负数')
  .max(MAX_AMOUNT_FEN, '金额过大：单项不能超过1亿元');

/** C0/C1 controls, DEL, and the invisible characters that reorder or hide text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\n\r\t\u2028\u2029]/;

/** Single-line text (names, titles, numbers as typed): trimmed, bounded, no control characters or line breaks. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), '不能包含控制字符或换行');

/** Multi-line text (notes, reasons, records): line breaks and tabs allowed, other control characters not; trimmed unless kept as typed. */
export const longText = (max: number, options: { trim?: boolean } = {}) =>
  (options.trim === false ? z.string() : z.string().trim()).max(max).refine((s) => !CONTROL.test(s), '不能包含控制字符');

/** Text as typed or imported, before it is parsed (roster cells): bounded, no control characters, kept as it is. */
export const rawText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL.test(s), '不能包含控制字符');

/** An output the service produces (typed, not parsed). */
export const out = <T>() => z.custom<T>(() => true);
