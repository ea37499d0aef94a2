import { z } from 'zod';
import type { CaseRow, caseSearchSchema } from './cases';
import type { ClosingMethod } from './closing';
import { date, out } from './fields';
import type { Methods } from './spec';

export type DashboardMetric = {
  key: string;
  label: string;
  value: number;
  previous: number | null;
  /** percentage change against the same period a year earlier, one decimal; null when not comparable */
  changePct: number | null;
  unit: 'count' | 'fen' | 'percent' | 'days';
  /** cases.search filter that lists the cases behind this figure */
  filter: Partial<z.input<typeof caseSearchSchema>> | null;
};
export type DashboardView = {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  metrics: DashboardMetric[];
  monthly: { month: string; received: number; closed: number; recoveredFen: number }[];
  byClosingMethod: { method: ClosingMethod; count: number }[];
  overdue: CaseRow[];
  dueSoon: CaseRow[];
  elapsedMs: number;
};

export const dashboardContract = {
  'dashboard.get': { input: z.object({ from: date, to: date }), output: out<DashboardView>(), access: 'signedIn', reads: true },
  'dashboard.export': { input: z.object({ from: date, to: date }), output: out<{ path: string; fileName: string }>(), access: ['admin', 'arbitrator', 'clerk', 'inspector'], reads: false },
} as const satisfies Methods;
