import { z } from 'zod';
import { date, fen, out, text } from './fields';
import type { Methods } from './spec';
import { holidayNoticeInputSchema, type Festival } from '../clock/holidayNotice';

export type HolidayNoticeView = { year: number; source: string; festivals: Festival[]; updatedAt: string };
export type HolidaysView = { notices: HolidayNoticeView[]; builtInUntil: number; missingYears: number[] };

/** A number pattern like the case number's: {year} and {n} are filled in. */
const numberPattern = (what: string) => text(60).refine((p) => p.includes('{year}') && p.includes('{n}'), `${what}须包含 {year} 和 {n}`);

/**
 * isDemo: entered by the demo generator (演示数据，请核对). Omitted on save: an unchanged entry keeps
 * its mark, a changed amount loses it (what an admin typed is no longer demo data).
 */
export const minimumWageSchema = z.object({ effectiveOn: date, monthlyFen: fen.min(1, '金额须大于0'), isDemo: z.boolean().optional() });

export const settingsSchema = z.object({
  commissionName: text(60).min(1, '请填写仲裁委员会名称'),
  commissionAddress: text(120).nullable().default(null),
  commissionPhone: text(40).nullable().default(null),
  policeThresholdOneWorkerFen: fen.min(1, '金额须大于0').default(1_000_000),
  policeThresholdTenWorkersFen: fen.min(1, '金额须大于0').default(6_000_000),
  caseNumberPattern: numberPattern('案号格式'),
  /** 不予受理通知书, 限期改正指令书, 移送书: their own number series, per year. */
  rejectionNumberPattern: numberPattern('不予受理通知书文号格式').default('赣市劳人仲不字〔{year}〕第{n}号'),
  correctionOrderNumberPattern: numberPattern('限期改正指令书文号格式').default('赣市人社监令〔{year}〕{n}号'),
  policeTransferNumberPattern: numberPattern('移送书文号格式').default('赣市人社监移〔{year}〕{n}号'),
  /** Documents served on the parties show workers' ID numbers masked (保留前6后4). */
  maskWorkerIds: z.boolean().default(true),
  fastTrackTargetDays: z.number().int().min(1).max(60),
  /** Minutes without input before the screen locks (idle lock). */
  idleLockMinutes: z.number().int().min(1, '自动锁屏时间至少 1 分钟').max(240, '自动锁屏时间最长 240 分钟').default(15),
  /** 公告送达: days until a published document is deemed served; excluded from the arbitration period. */
  publicationPeriodDays: z.number().int().min(1, '公告期至少1天').max(90, '公告期不超过90天').default(30),
  minimumWages: z.array(minimumWageSchema).max(200),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsContract = {
  'app.info': {
    access: 'signedIn', reads: true,
    input: z.object({}).default({}),
    output: out<{ version: string; host: 'web' | 'electron'; dataDir: string; today: string }>(),
  },
  'settings.get': { input: z.object({}).default({}), output: out<Settings>(), access: 'signedIn', reads: true },
  'settings.update': { input: settingsSchema, output: out<Settings>(), access: ['admin'], reads: false },
  /** State Council holiday notices entered in settings (beyond the built-in data). */
  /** 已核对: an admin confirms a minimum wage the demo entered; its 演示数据 mark is cleared. */
  'settings.confirmMinimumWage': { input: z.strictObject({ effectiveOn: date }), output: out<Settings>(), access: ['admin'], reads: false },
  'holidays.list': { input: z.object({}).default({}), output: out<HolidaysView>(), access: 'signedIn', reads: true },
  'holidays.save': { input: holidayNoticeInputSchema, output: out<HolidaysView>(), access: ['admin'], reads: false },
  'holidays.delete': { input: z.strictObject({ year: z.number().int().min(2000).max(2100) }), output: out<HolidaysView>(), access: ['admin'], reads: false },
  /** For default dates in forms: each date, or the next working day when it is a rest day, with why. */
  'calendar.nextWorkdays': {
    input: z.strictObject({ dates: z.array(date).min(1).max(120) }),
    output: out<{ date: string; workday: string; skipped: string | null }[]>(),
    access: 'signedIn',
    reads: true,
  },
} as const satisfies Methods;
