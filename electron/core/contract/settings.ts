import { z } from 'zod';
import { date, fen, out, text } from './fields';
import type { Methods } from './spec';

export const minimumWageSchema = z.object({ effectiveOn: date, monthlyFen: fen.min(1, '金额须大于0') });

export const settingsSchema = z.object({
  commissionName: text(60).min(1, '请填写仲裁委员会名称'),
  commissionAddress: text(120).nullable().default(null),
  commissionPhone: text(40).nullable().default(null),
  policeThresholdOneWorkerFen: fen.min(1, '金额须大于0').default(1_000_000),
  policeThresholdTenWorkersFen: fen.min(1, '金额须大于0').default(6_000_000),
  caseNumberPattern: text(60).refine((p) => p.includes('{year}') && p.includes('{n}'), '案号格式须包含 {year} 和 {n}'),
  fastTrackTargetDays: z.number().int().min(1).max(60),
  /** Minutes without input before the screen locks (idle lock). */
  idleLockMinutes: z.number().int().min(1, '自动锁屏时间至少 1 分钟').max(240, '自动锁屏时间最长 240 分钟').default(15),
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
} as const satisfies Methods;
