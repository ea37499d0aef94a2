import { z } from 'zod';
import type { CaseDetail } from './cases';
import { date, id, longText, out, text } from './fields';
import { staffRoles, type Methods } from './spec';

export const closingMethods = ['mediation', 'finalAward', 'nonFinalAward', 'withdrawal', 'deemedWithdrawal', 'rejection', 'transfer'] as const;
export type ClosingMethod = (typeof closingMethods)[number];
/** The methods counted as 调撤 (mediated or withdrawn, including deemed withdrawal). */
export const mediatedOrWithdrawnMethods = ['mediation', 'withdrawal', 'deemedWithdrawal'] as const satisfies readonly ClosingMethod[];
/**
 * The finality filters of the cases closed by award, as the dashboard counts them: 'award' every
 * award, 'final' those with final items (wholly final, or split — 部分终局 counts as 终局),
 * 'mixed' the split ones only, 'nonFinal' those with no final item.
 */
export const awardFinalityFilters = ['award', 'final', 'mixed', 'nonFinal'] as const;
export type AwardFinalityFilter = (typeof awardFinalityFilters)[number];

export type ChecklistItem = { key: string; ok: boolean; label: string; detail: string };
export type WarningView = {
  id: number;
  caseId: number;
  caseNumber: string | null;
  kind: 'instalmentOverdue' | 'awardUnpaid' | 'correctionOverdue';
  raisedOn: string;
  detail: string;
  resolvedOn: string | null;
  resolution: 'paid' | 'enforcement' | 'police' | 'dismissed' | null;
  /** Whether the amounts reach the province's 拒不支付劳动报酬罪 threshold. */
  policeEligible: boolean;
};

export const closingContract = {
  'closing.checklist': { input: z.object({ caseId: id, method: z.enum(closingMethods) }), output: out<{ items: ChecklistItem[]; canClose: boolean }>(), access: 'signedIn', reads: true },
  'closing.close': { input: z.object({ caseId: id, method: z.enum(closingMethods), closedOn: date }), output: out<CaseDetail>(), access: ['clerk', 'arbitrator'], reads: false },
  'closing.suspend': { input: z.object({ caseId: id, fromOn: date, reason: longText(500).min(2), approvedBy: text(40).min(1, '请填写批准人') }), output: out<CaseDetail>(), access: ['clerk', 'arbitrator'], reads: false },
  'closing.resume': { input: z.object({ caseId: id, toOn: date }), output: out<CaseDetail>(), access: ['clerk', 'arbitrator'], reads: false },
  'closing.extend': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.object({ caseId: id, days: z.number().int().min(1).max(15, '延长期限最长15日'), approvedBy: text(40).min(1, '请填写批准人'), reason: longText(500).min(2) }),
    output: out<CaseDetail>(),
  },
  /** 撤回仲裁申请: the applicant's request (date, who; for a collective case the represented workers' consent), before the decision. */
  'closing.recordWithdrawalApplication': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.strictObject({
      caseId: id,
      appliedOn: date,
      appliedBy: text(200).min(1, '请填写撤回申请人（劳动者或代表人姓名）'),
      reason: text(1000).default(''),
      consentOn: date.nullable().default(null),
      consentNote: text(500).nullable().default(null),
    }),
    output: out<CaseDetail>(),
  },
  'warnings.list': { input: z.object({ open: z.boolean().default(true), caseId: id.optional() }), output: out<WarningView[]>(), access: 'signedIn', reads: true },
  /** Scans instalments, awards and correction orders for what is overdue and unpaid (idempotent). */
  'warnings.refresh': { input: z.object({}).default({}), output: out<WarningView[]>(), access: staffRoles, reads: false },
  'warnings.resolve': { input: z.object({ id, resolution: z.enum(['paid', 'enforcement', 'police', 'dismissed']) }), output: out<WarningView>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  /** Assembles the court enforcement application: the document, proof of service, payment history, the case bundle. */
  'followUp.enforcementPackage': { input: z.object({ caseId: id }), output: out<{ path: string; fileName: string; contents: string[] }>(), access: ['clerk', 'arbitrator'], reads: false },
  /** The police transfer package, offered when the amounts reach the province's threshold: labour inspection transfers (监察员). */
  'followUp.policePackage': { input: z.object({ caseId: id }), output: out<{ path: string; fileName: string; contents: string[] }>(), access: ['inspector'], reads: false },
} as const satisfies Methods;
