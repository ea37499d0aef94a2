import { z } from 'zod';
import { claimTypes, tracks } from '../domain';
import { date, fen, id, localTime, longText, out, text } from './fields';
import { liabilityInput, type LiabilityView } from './liability';
import type { Methods } from './spec';

// 调解员 and 仲裁员 mediate; 监察员 mediate in the inspection track (监察调解); 书记员 keep the
// session records, register payments and signed receipts, but do not set the agreement itself.

export type PaymentMethod = 'bankTransfer' | 'cash';
export type InstalmentView = { id: number; seq: number; dueOn: string; amountFen: number; paidFen: number; status: 'paid' | 'partlyPaid' | 'due' | 'overdue' };
export type PaymentView = { id: number; amountFen: number; paidAt: string; method: PaymentMethod; reference: string | null; exhibitId: number | null; instalmentId: number | null };
/** Who applied to withdraw a claim item: the worker, or the representative (collective case, with the represented workers' consent). */
export const withdrawalApplicants = ['worker', 'representative'] as const;
export type ClaimWithdrawalView = {
  withdrawnOn: string;
  applicant: (typeof withdrawalApplicants)[number];
  applicantName: string;
  reason: string;
  consentOn: string | null;
  consentNote: string | null;
};
export type MediationWorkerRow = {
  workerId: number;
  name: string;
  idNumber: string;
  phone: string | null;
  bankCard: string | null;
  claims: {
    claimItemId: number;
    type: (typeof claimTypes)[number];
    claimedFen: number;
    agreedFen: number | null;
    payBy: string | null;
    method: PaymentMethod | null;
    track: (typeof tracks)[number];
    /** 已撤回: the withdrawal on record (the item is then neither agreed nor decided). */
    withdrawal: ClaimWithdrawalView | null;
  }[];
  /** Claimed, agreed and balance leave withdrawn items out. */
  claimedFen: number;
  agreedFen: number;
  paidFen: number;
  /** agreed − paid (never below 0) */
  balanceFen: number;
  instalments: InstalmentView[];
  payments: PaymentView[];
};
/** Who came: a role (代表人, 公司人员 …) and a name; `respondentId` marks a respondent's people (its company staff, the team leader himself). */
export type Attendee = { role: string; name: string; respondentId?: number | null };
const attendeeSchema = z.strictObject({ role: text(40), name: text(40).min(1, '请填写到场人员姓名'), respondentId: id.nullable().optional() });
export type MediationSessionView = {
  id: number;
  heldOn: string;
  mediator: string;
  attendees: Attendee[];
  notes: string;
  outcome: 'pending' | 'settled' | 'partlySettled' | 'failed';
  track: (typeof tracks)[number];
};
export type MediationView = {
  caseId: number;
  sessions: MediationSessionView[];
  rows: MediationWorkerRow[];
  totals: { claimedFen: number; agreedFen: number; paidFen: number; balanceFen: number; differenceFen: number; settledWorkers: number };
  outcome: 'settled' | 'partlySettled' | 'failed' | null;
  signedByWorkersOn: string | null;
  signedByRespondentOn: string | null;
  /** The mediation document takes effect only when both parties have signed for it. */
  effective: boolean;
  hasInspectionAgreement: boolean;
  /** Who pays what the agreement settles, per respondent (groups of agreed items). */
  liability: LiabilityView;
  /** Every claim item of every worker is agreed or withdrawn (at least one agreed): the full 调解书 may be made; else only the partial one. */
  allAgreed: boolean;
};

export const mediationContract = {
  'mediation.get': { input: z.object({ caseId: id }), output: out<MediationView>(), access: 'signedIn', reads: true },
  'mediation.addSession': {
    access: ['mediator', 'arbitrator', 'clerk', 'inspector'], reads: false,
    input: z.object({
      caseId: id,
      heldOn: date,
      mediator: text(40).min(1, '请填写调解员'),
      attendees: z.array(attendeeSchema).max(60),
      notes: longText(20000).default(''),
      track: z.enum(tracks).default('arbitration'),
    }),
    output: out<MediationView>(),
  },
  'mediation.updateSession': {
    access: ['mediator', 'arbitrator', 'clerk', 'inspector'], reads: false,
    input: z.object({
      id,
      heldOn: date.optional(),
      mediator: text(40).min(1, '请填写调解员').optional(),
      notes: longText(20000).optional(),
      attendees: z.array(attendeeSchema).max(60).optional(),
      outcome: z.enum(['pending', 'settled', 'partlySettled', 'failed']).optional(),
    }),
    output: out<MediationView>(),
  },
  /** The settlement proposal, edited per claim item (agreedFen null = left to the hearing). */
  'mediation.setAgreed': {
    access: ['mediator', 'arbitrator', 'inspector'], reads: false,
    input: z.object({
      caseId: id,
      items: z
        .array(z.object({ claimItemId: id, agreedFen: fen.nullable(), payBy: date.nullable().optional(), method: z.enum(['bankTransfer', 'cash']).nullable().optional() }))
        .min(1)
        .max(5000),
    }),
    output: out<MediationView>(),
  },
  /** 工资优先: settle the wage items at the claimed amount for these workers (all when null). */
  'mediation.settleWagesFirst': { input: z.object({ caseId: id, workerIds: z.array(id).nullable(), payBy: date.nullable().optional() }), output: out<MediationView>(), access: ['mediator', 'arbitrator', 'inspector'], reads: false },
  /**
   * 撤回部分仲裁请求: withdraws claim items (one, or several at once, e.g. every 经济补偿 item of a
   * collective case) with the withdrawal on record. 书记员 and 仲裁员 record it.
   */
  'mediation.withdrawClaims': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.strictObject({
      caseId: id,
      claimItemIds: z.array(id).min(1, '请选择要撤回的请求').max(5000),
      withdrawnOn: date,
      applicant: z.enum(withdrawalApplicants, { error: '应为劳动者本人或代表人' }),
      applicantName: text(40).min(1, '请填写撤回申请人姓名'),
      reason: text(500).default(''),
      consentOn: date.nullable().default(null),
      consentNote: text(500).nullable().default(null),
    }),
    output: out<MediationView>(),
  },
  /** Undoes withdrawals, while no 调解书 or award covering the items has been made. */
  'mediation.undoWithdrawal': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.strictObject({ caseId: id, claimItemIds: z.array(id).min(1, '请选择要恢复的请求').max(5000) }),
    output: out<MediationView>(),
  },
  'mediation.recordPayment': {
    access: ['mediator', 'arbitrator', 'clerk', 'inspector'], reads: false,
    input: z.object({
      caseId: id,
      workerId: id,
      amountFen: fen.min(1, '金额须大于0'),
      paidAt: localTime,
      method: z.enum(['bankTransfer', 'cash']),
      reference: text(80).nullable().optional(),
      exhibitId: id.nullable().optional(),
      instalmentId: id.nullable().optional(),
    }),
    output: out<MediationView>(),
  },
  'mediation.setInstalments': {
    access: ['mediator', 'arbitrator', 'inspector'], reads: false,
    input: z.object({ caseId: id, workerId: id, instalments: z.array(z.object({ dueOn: date, amountFen: fen.min(1, '金额须大于0') })).max(60) }),
    output: out<MediationView>(),
  },
  'mediation.setOutcome': { input: z.object({ caseId: id, outcome: z.enum(['settled', 'partlySettled', 'failed']) }), output: out<MediationView>(), access: ['mediator', 'arbitrator', 'inspector'], reads: false },
  /** Signed receipt of the mediation document by one side; effective when both have signed. */
  'mediation.recordSignature': { input: z.object({ caseId: id, party: z.enum(['workers', 'respondent']), signedOn: date }), output: out<MediationView>(), access: ['mediator', 'arbitrator', 'clerk'], reads: false },
  /** Who pays the agreed items: one assignment per respondent for the items given (null = the chain's default). */
  'mediation.setLiability': { input: liabilityInput, output: out<MediationView>(), access: ['mediator', 'arbitrator', 'clerk'], reads: false },
  /** 置换: an agreement reached in the inspection track becomes the arbitral settlement, without retyping. */
  'mediation.convertInspectionAgreement': { input: z.object({ caseId: id }), output: out<MediationView>(), access: ['mediator', 'arbitrator'], reads: false },
} as const satisfies Methods;
