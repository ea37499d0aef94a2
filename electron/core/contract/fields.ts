import { z } from 'zod';

/** The field schemas every feature's contract shares. */
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm（北京时间）');
export const id = z.number().int().positive();
export const text = (max: number) => z.string().trim().max(max);
/** An output the service produces (typed, not parsed). */
export const out = <T>() => z.custom<T>(() => true);
