import { z } from 'zod';
import { caseStatuses, channels, claimTypes, partyRoles, procedures, stages, tracks } from '../domain';
import type { Deadline } from '../clock/deadlines';
import type { RosterPreview } from '../workers/rosterGrid';
import { workerDraftSchema, type ValidWorker } from '../workers/workerDraft';
import { awardFinalityFilters, closingMethods, type ClosingMethod } from './closing';
import { serviceMethods, type ServiceMethod } from './documents';
import type { InspectionView } from './inspection';
import type { TribunalView } from './hearings';
import { date, id, index, longText, out, text } from './fields';
import type { Methods } from './spec';

export const extraClaimSchema = z.object({
  workerIndex: index,
  type: z.enum(claimTypes),
  amount: text(30),
  note: text(200).optional(),
});

export const organisationInputSchema = z.object({
  kind: z.enum(['company', 'person']),
  name: text(80).min(1, '请填写被申请人名称'),
  creditCode: text(30).optional(),
  idNumber: text(30).optional(),
  legalRepresentative: text(40).optional(),
  address: text(200).optional(),
  phone: text(40).optional(),
});

export const respondentInputSchema = z.object({
  organisationId: id.optional(),
  organisation: organisationInputSchema.optional(),
  role: z.enum(partyRoles),
  /** Index (in this list) of the respondent that contracted this one: the project chain. */
  contractedByIndex: index.nullable().optional(),
});

export const projectInputSchema = z.object({
  id: id.optional(),
  name: text(120).optional(),
  address: text(200).optional(),
  permitNumber: text(60).optional(),
});

export const caseCreateSchema = z
  .object({
  channel: z.enum(channels),
  receivedOn: date,
  procedure: z.enum(procedures),
  cause: text(60).min(1),
  project: projectInputSchema,
  respondents: z.array(respondentInputSchema).min(1, '至少需要一个被申请人'),
  workers: z.array(workerDraftSchema).min(1, '至少需要一名申请人').max(2000),
  extraClaims: z.array(extraClaimSchema).max(10_000).default([]),
  representativeIndexes: z.array(index).max(5).default([]),
  /** Which track the case starts in: an arbitration claim, or an inspection complaint (arbitration may follow). */
  startTrack: z.enum(tracks).default('arbitration'),
  complaint: z.object({ complaintNumber: text(60).nullable(), inspectors: text(200) }).optional(),
  })
  .superRefine((input, ctx) => {
    // references inside the input point at something in it
    input.respondents.forEach((r, i) => {
      const by = r.contractedByIndex;
      if (by == null) return;
      if (by >= input.respondents.length) ctx.addIssue({ code: 'custom', path: ['respondents', i, 'contractedByIndex'], message: `不存在：本案只有${input.respondents.length}个被申请人` });
      else if (by === i) ctx.addIssue({ code: 'custom', path: ['respondents', i, 'contractedByIndex'], message: '不能是该被申请人自己' });
    });
    const seen = new Set<number>();
    input.representativeIndexes.forEach((w, j) => {
      if (w >= input.workers.length) ctx.addIssue({ code: 'custom', path: ['representativeIndexes', j], message: `不存在：本案只有${input.workers.length}名申请人` });
      else if (seen.has(w)) ctx.addIssue({ code: 'custom', path: ['representativeIndexes', j], message: '重复' });
      seen.add(w);
    });
    input.extraClaims.forEach((c, k) => {
      if (c.workerIndex >= input.workers.length) ctx.addIssue({ code: 'custom', path: ['extraClaims', k, 'workerIndex'], message: `不存在：本案只有${input.workers.length}名申请人` });
    });
  });
export type CaseCreateInput = z.infer<typeof caseCreateSchema>;

export type OrganisationView = {
  id: number;
  kind: 'company' | 'person';
  name: string;
  creditCode: string | null;
  idNumber: string | null;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
};

export type ProjectView = {
  id: number;
  name: string;
  address: string | null;
  permitNumber: string | null;
  parties: { organisationId: number; name: string; role: (typeof partyRoles)[number]; contractedById: number | null }[];
};

export type CaseRow = {
  id: number;
  caseNumber: string | null;
  channel: (typeof channels)[number];
  stage: (typeof stages)[number];
  status: (typeof caseStatuses)[number];
  isCollective: boolean;
  receivedOn: string;
  acceptedOn: string | null;
  projectName: string | null;
  respondentNames: string;
  firstWorkerName: string | null;
  workerCount: number;
  claimedTotalFen: number;
  nextDueOn: string | null;
  /** False while the case is only an inspection complaint. */
  hasArbitration: boolean;
};

/** A stored worker: the validated roster fields plus identity, representative flag and claim items. */
export type WorkerView = Omit<ValidWorker, 'note'> & {
  id: number;
  isRepresentative: boolean;
  claims: { id: number; type: (typeof claimTypes)[number]; amountFen: number; note: string | null }[];
};

export type CaseEventView = { id: number; at: string; actor: string; action: string; summary: string };

export type CaseDetail = CaseRow & {
  procedure: (typeof procedures)[number];
  cause: string;
  acceptedWithGaps: boolean;
  materialsPromise: string | null;
  materialsCompletedOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  /** The 不予受理通知书's own number (a rejected application has no case number). */
  rejectionNumber: string | null;
  /** Of claimedTotalFen, the claim items withdrawn one by one (撤回部分仲裁请求). */
  withdrawnFen: number;
  respondentServedOn: string | null;
  awardExtensionDays: number;
  closedOn: string | null;
  closingMethod: ClosingMethod | null;
  /** Closed by award: all items final, all non-final, or both (部分终局). */
  awardFinality: 'final' | 'mixed' | 'nonFinal' | null;
  closedOnTime: boolean | null;
  closedWithinFastTrack: boolean | null;
  daysToClose: number | null;
  extensionApprovedBy: string | null;
  extensionReason: string | null;
  suspensions: { id: number; fromOn: string; toOn: string | null; reason: string; approvedBy: string }[];
  /** 撤回仲裁申请 as recorded (the decision needs it). */
  withdrawalApplication: { appliedOn: string; appliedBy: string; reason: string; consentOn: string | null; consentNote: string | null } | null;
  project: ProjectView | null;
  respondents: (OrganisationView & {
    role: (typeof partyRoles)[number];
    contractedById: number | null;
    /** Service of the application copy on this respondent (its defence period runs from servedOn). */
    servedOn: string | null;
    serviceMethod: ServiceMethod | null;
    /** Simplified procedure: its consent to shorten or waive the defence period, as recorded. */
    defenceWaiver: string | null;
  })[];
  workers: WorkerView[];
  missingMaterials: { id: number; name: string; completedOn: string | null }[];
  deadlines: Deadline[];
  /** Set when a deadline falls in a year whose holiday notice is not loaded yet. */
  calendarNotice: string | null;
  inspection: InspectionView | null;
  /** 组庭: the tribunal once composed. */
  tribunal: TribunalView | null;
  events: CaseEventView[];
};

export type RelatedCase = {
  caseId: number;
  caseNumber: string | null;
  status: (typeof caseStatuses)[number];
  receivedOn: string;
  reasons: string[];
  /**
   * 一事不再理: a worker of this case already had claims against the same respondent decided there by
   * an effective 调解书 or an issued 裁决书 (open or closed case); one line per worker and instrument.
   */
  alreadyDecided: string[];
};

/**
 * One page of the case list. A text search counts its matches only up to SEARCH_COUNT_CAP past the
 * page's offset: `totalAtLeast` then says there are at least `total` (shown as 1000 件以上); a list
 * without search words, and a count below the cap, is exact.
 */
export type CaseSearchResult = { total: number; totalAtLeast: boolean; rows: CaseRow[] };
export const SEARCH_COUNT_CAP = 1000;

export const caseSearchSchema = z.object({
  query: text(60).default(''),
  status: z.enum(caseStatuses).nullable().optional(),
  receivedFrom: date.nullable().optional(),
  receivedTo: date.nullable().optional(),
  closedFrom: date.nullable().optional(),
  closedTo: date.nullable().optional(),
  closingMethod: z.enum(closingMethods).nullable().optional(),
  closedOnTime: z.boolean().nullable().optional(),
  /** Closed by mediation, withdrawal or deemed withdrawal (调撤) — or, false, any other way. */
  mediatedOrWithdrawn: z.boolean().nullable().optional(),
  /** Closed within the fast-track target days (速裁目标内) — or, false, beyond them. */
  closedWithinFastTrack: z.boolean().nullable().optional(),
  /** Closed with its days to close on record (the cases 平均结案天数 averages) — or, false, without. */
  hasDaysToClose: z.boolean().nullable().optional(),
  awardFinality: z.enum(awardFinalityFilters).nullable().optional(),
  stage: z.enum(stages).nullable().optional(),
  channel: z.enum(channels).nullable().optional(),
  due: z.enum(['overdue', 'soon']).nullable().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const casesContract = {
  'projects.search': { input: z.object({ query: text(60) }), output: out<ProjectView[]>(), access: 'signedIn', reads: true },
  'organisations.search': { input: z.object({ query: text(60) }), output: out<OrganisationView[]>(), access: 'signedIn', reads: true },
  'workers.previewRoster': {
    access: ['clerk', 'inspector'], reads: true,
    input: z.object({ fileName: text(255).min(1), contentBase64: z.string().max(30_000_000, '文件过大（上限 20 MB）').regex(/^[A-Za-z0-9+/=\s]*$/, '应为 base64 编码的文件内容') }),
    output: out<RosterPreview>(),
  },
  'cases.create': { input: caseCreateSchema, output: out<{ id: number }>(), access: ['clerk', 'inspector'], reads: false },
  'cases.get': { input: z.object({ id }), output: out<CaseDetail>(), access: 'signedIn', reads: true },
  'cases.search': { input: caseSearchSchema, output: out<CaseSearchResult>(), access: 'signedIn', reads: true },
  'cases.related': { input: z.object({ id }), output: out<RelatedCase[]>(), access: 'signedIn', reads: true },
  'cases.accept': {
    access: ['clerk'], reads: false,
    input: z.object({
      id,
      acceptedOn: date,
      withGaps: z
        .object({ materials: z.array(text(100).min(1)).min(1, '请列出缺少的材料'), promise: longText(500).min(1, '请记录申请人补正承诺') })
        .nullable()
        .optional(),
    }),
    output: out<CaseDetail>(),
  },
  'cases.reject': { input: z.object({ id, rejectedOn: date, reason: longText(1000).min(4, '请写明不予受理的理由') }), output: out<CaseDetail>(), access: ['clerk'], reads: false },
  'cases.completeMaterials': { input: z.object({ id, completedOn: date }), output: out<CaseDetail>(), access: ['clerk'], reads: false },
  /** The application copy served on the respondents: each with its own date and method, or all on one date. */
  'cases.recordService': {
    access: ['clerk'], reads: false,
    input: z
      .strictObject({
        id,
        servedOn: date.optional(),
        method: z.enum(serviceMethods, '请选择送达方式').optional(),
        respondents: z
          .array(
            z.strictObject({
              organisationId: id,
              servedOn: date,
              method: z.enum(serviceMethods, '请选择送达方式'),
              note: text(200).optional(),
              /** Simplified procedure: the respondent's consent to shorten or waive its defence period. */
              defenceWaiver: text(300).nullable().optional(),
            }),
          )
          .min(1, '请至少填写一个被申请人的送达情况')
          .optional(),
      })
      .refine((v) => v.servedOn !== undefined || v.respondents !== undefined, '请填写送达日期'),
    output: out<CaseDetail>(),
  },
  /** A case that starts as an inspection complaint files its arbitration claim later: one file, one timeline. */
  'cases.openArbitration': { input: z.object({ id, receivedOn: date }), output: out<CaseDetail>(), access: ['clerk'], reads: false },
} as const satisfies Methods;
