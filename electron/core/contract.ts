import { z } from 'zod';
import { caseStatuses, channels, claimTypes, inspectionStepKinds, partyRoles, procedures, stages, submitters, tracks } from './domain';
import type { Deadline } from './clock/deadlines';
import type { RosterPreview } from './workers/rosterGrid';
import { workerDraftSchema, type ValidWorker } from './workers/workerDraft';

/**
 * The one contract: every backend method with its input and output schema. Main (IPC), preload,
 * the web host and the renderer's client are all derived from this object.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm（北京时间）');
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const minimumWageSchema = z.object({ effectiveOn: date, monthlyFen: z.number().int().positive() });

export const settingsSchema = z.object({
  commissionName: text(60).min(1, '请填写仲裁委员会名称'),
  commissionAddress: text(120).nullable().default(null),
  commissionPhone: text(40).nullable().default(null),
  policeThresholdOneWorkerFen: z.number().int().positive().default(1_000_000),
  policeThresholdTenWorkersFen: z.number().int().positive().default(6_000_000),
  caseNumberPattern: text(60).refine((p) => p.includes('{year}') && p.includes('{n}'), '案号格式须包含 {year} 和 {n}'),
  fastTrackTargetDays: z.number().int().min(1).max(60),
  operatorName: text(20).min(1, '请填写操作员姓名'),
  minimumWages: z.array(minimumWageSchema),
});
export type Settings = z.infer<typeof settingsSchema>;


export const extraClaimSchema = z.object({
  workerIndex: z.number().int().min(0),
  type: z.enum(claimTypes),
  amount: z.string().max(30),
  note: z.string().max(200).optional(),
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
  contractedByIndex: z.number().int().min(0).nullable().optional(),
});

export const projectInputSchema = z.object({
  id: id.optional(),
  name: text(120).optional(),
  address: text(200).optional(),
  permitNumber: text(60).optional(),
});

export const caseCreateSchema = z.object({
  channel: z.enum(channels),
  receivedOn: date,
  procedure: z.enum(procedures),
  cause: text(60).min(1),
  project: projectInputSchema,
  respondents: z.array(respondentInputSchema).min(1, '至少需要一个被申请人'),
  workers: z.array(workerDraftSchema).min(1, '至少需要一名申请人').max(2000),
  extraClaims: z.array(extraClaimSchema).default([]),
  representativeIndexes: z.array(z.number().int().min(0)).max(5).default([]),
  /** Which track the case starts in: an arbitration claim, or an inspection complaint (arbitration may follow). */
  startTrack: z.enum(tracks).default('arbitration'),
  complaint: z.object({ complaintNumber: text(60).nullable(), inspectors: text(200) }).optional(),
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

export type ExhibitView = {
  id: number;
  uid: string;
  caseId: number;
  seq: number;
  title: string;
  fileName: string;
  sha256: string;
  size: number;
  mime: string;
  pageCount: number | null;
  submittedBy: (typeof submitters)[number];
  collectedBy: string | null;
  receivedOn: string;
  purposeOfProof: string;
  originalSeen: boolean;
  track: (typeof tracks)[number];
  recognisedBy: string | null;
  recognisedAt: string | null;
  crossExaminedOn: string | null;
  /** How many exhibits (in any case) point at the same stored file. */
  references: number;
};

export type InspectionStepView = {
  id: number;
  kind: (typeof inspectionStepKinds)[number];
  date: string;
  title: string;
  payBy: string | null;
  note: string | null;
  exhibitId: number | null;
};

export type InspectionView = {
  complaintNumber: string | null;
  complaintReceivedOn: string;
  filedOn: string | null;
  inspectors: string;
  investigationExtended: boolean;
  closedOn: string | null;
  steps: InspectionStepView[];
  deadlines: Deadline[];
};

export type VerifyReport = {
  running: boolean;
  checked: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  missing: { sha256: string; exhibits: string[] }[];
  altered: { sha256: string; actual: string; exhibits: string[] }[];
};

export type BundleImportReport = {
  caseId: number;
  caseNumber: string | null;
  createdCase: boolean;
  added: { exhibits: number; files: number; events: number; workers: number };
  differences: string[];
};

// ── 快调 / 快审 / shared screen ────────────────────────────────────────────────────────────────

export type PaymentMethod = 'bankTransfer' | 'cash';
export type InstalmentView = { id: number; seq: number; dueOn: string; amountFen: number; paidFen: number; status: 'paid' | 'partlyPaid' | 'due' | 'overdue' };
export type PaymentView = { id: number; amountFen: number; paidAt: string; method: PaymentMethod; reference: string | null; exhibitId: number | null; instalmentId: number | null };
export type MediationWorkerRow = {
  workerId: number;
  name: string;
  idNumber: string;
  phone: string | null;
  bankCard: string | null;
  claims: { claimItemId: number; type: (typeof claimTypes)[number]; claimedFen: number; agreedFen: number | null; payBy: string | null; method: PaymentMethod | null; track: (typeof tracks)[number] }[];
  claimedFen: number;
  agreedFen: number;
  paidFen: number;
  /** agreed − paid (never below 0) */
  balanceFen: number;
  instalments: InstalmentView[];
  payments: PaymentView[];
};
export type MediationSessionView = {
  id: number;
  heldOn: string;
  mediator: string;
  attendees: { role: string; name: string }[];
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
};

export type StaffView = { id: number; role: 'arbitrator' | 'clerk'; name: string; active: boolean };
export type RoomView = { id: number; name: string; location: string | null; active: boolean };
export type HearingWarning = { kind: 'noticePeriod' | 'awardDeadline' | 'pastDate'; message: string };
export type HearingConflict = { kind: 'room' | 'arbitrator' | 'clerk'; hearingId: number; caseNumber: string | null; message: string };
export type HearingView = {
  id: number;
  caseId: number;
  caseNumber: string | null;
  caseTitle: string;
  startsAt: string;
  endsAt: string;
  roomId: number;
  roomName: string;
  procedure: (typeof procedures)[number];
  presidingId: number;
  wingIds: number[];
  clerkId: number;
  arbitratorNames: string[];
  clerkName: string;
  noticeServedOn: string | null;
  noticeWaived: boolean;
  noticeWaiverNote: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  applicantPresent: boolean | null;
  respondentPresent: boolean | null;
  outcome: 'held' | 'default' | 'deemedWithdrawal' | null;
  warnings: HearingWarning[];
};
export type CrossExaminationView = {
  id: number;
  exhibitId: number;
  hearingId: number | null;
  party: 'applicant' | 'respondent' | 'tribunal';
  authenticity: 'accepted' | 'disputed' | 'noView' | null;
  legality: 'accepted' | 'disputed' | 'noView' | null;
  relevance: 'accepted' | 'disputed' | 'noView' | null;
  opinion: string;
  recordedAt: string;
};
export type HearingRecordStep = { step: string; content: string; updatedAt: string | null };
export type HearingDetail = HearingView & { record: HearingRecordStep[]; crossExaminations: CrossExaminationView[]; representatives: string[] };

export type PresentationView =
  | { kind: 'blank' }
  | { kind: 'caseSummary'; caseId: number }
  | { kind: 'workers'; caseId: number }
  | { kind: 'exhibit'; caseId: number; exhibitId: number; page: number }
  | { kind: 'deadlines'; caseId: number };
export type PresentationState = {
  view: PresentationView;
  /** Field unmasked for a moment by the operator, e.g. the ID number of worker 12, until an instant. */
  unmasked: { field: 'idNumber' | 'phone' | 'bankCard' | 'address'; workerId: number | null; until: string } | null;
  hearingId: number | null;
  shownAt: string;
  seq: number;
};
/** What the shared screen draws: already masked by the backend unless unmasked above. */
export type PresentationPayload = {
  state: PresentationState;
  caseNumber: string | null;
  title: string;
  summary?: { lines: { label: string; value: string }[] };
  workers?: { rows: { seq: number; name: string; idNumber: string; phone: string; claimedFen: number; agreedFen: number; paidFen: number }[]; totals: { claimedFen: number; agreedFen: number; paidFen: number } };
  exhibit?: { exhibitId: number; label: string; title: string; page: number; pageCount: number | null; mime: string };
  deadlines?: Deadline[];
};

// ── 快结: documents, award, closing, follow-through, dashboard ─────────────────────────────────

export const documentKinds = [
  'acceptanceNotice',
  'rejectionNotice',
  'responseNotice',
  'hearingNotice',
  'hearingRecord',
  'mediationDocument',
  'partialMediationDocument',
  'award',
  'evidenceList',
  'serviceReceipt',
  'withdrawalDecision',
  'closingApproval',
  'correctionOrder',
  'policeTransferLetter',
  'enforcementApplication',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
/** Chinese labels of every kind, whether or not its builder is registered yet. */
export const documentLabels: Record<DocumentKind, string> = {
  acceptanceNotice: '受理通知书',
  rejectionNotice: '不予受理通知书',
  responseNotice: '应诉通知书',
  hearingNotice: '开庭通知书',
  hearingRecord: '庭审笔录',
  mediationDocument: '调解书',
  partialMediationDocument: '调解书（部分）',
  award: '裁决书',
  evidenceList: '证据目录',
  serviceReceipt: '送达回证',
  withdrawalDecision: '撤回仲裁申请决定书',
  closingApproval: '结案审批表',
  correctionOrder: '劳动保障监察限期改正指令书',
  policeTransferLetter: '涉嫌犯罪案件移送书',
  enforcementApplication: '强制执行申请书',
};

export const closingMethods = ['mediation', 'finalAward', 'nonFinalAward', 'withdrawal', 'deemedWithdrawal', 'rejection', 'transfer'] as const;
export type ClosingMethod = (typeof closingMethods)[number];

export type DocumentView = {
  id: number;
  caseId: number;
  kind: DocumentKind;
  variant: string;
  version: number;
  title: string;
  fileName: string;
  size: number;
  sha256: string;
  generatedAt: string;
  services: { id: number; recipient: string; method: 'inPerson' | 'post' | 'left' | 'electronic' | 'publication'; servedOn: string | null }[];
};
export type DocumentAvailability = { kind: DocumentKind; label: string; ready: boolean; missing: string[]; batch: boolean };

export type AwardItemView = {
  claimItemId: number;
  workerId: number;
  workerName: string;
  type: (typeof claimTypes)[number];
  claimedFen: number;
  awardedFen: number | null;
  /** Per item: final when the claimed amount ≤ 12 × the monthly minimum wage in force on the award date. */
  isFinal: boolean | null;
};
export type AwardView = {
  caseId: number;
  decidedOn: string | null;
  defence: string;
  factsFound: string;
  evidenceRelied: string;
  reasoning: string;
  items: AwardItemView[];
  minimumWageFen: number | null;
  thresholdFen: number | null;
  hasFinal: boolean;
  hasNonFinal: boolean;
  issuedAt: string | null;
};

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

export type CaseEventView = { id: number; at: string; actor: string; action: string; summary: string };

export type CaseDetail = CaseRow & {
  procedure: (typeof procedures)[number];
  cause: string;
  acceptedWithGaps: boolean;
  materialsPromise: string | null;
  materialsCompletedOn: string | null;
  rejectedOn: string | null;
  rejectionReason: string | null;
  respondentServedOn: string | null;
  awardExtensionDays: number;
  closedOn: string | null;
  closingMethod: ClosingMethod | null;
  closedOnTime: boolean | null;
  closedWithinFastTrack: boolean | null;
  daysToClose: number | null;
  extensionApprovedBy: string | null;
  extensionReason: string | null;
  suspensions: { id: number; fromOn: string; toOn: string | null; reason: string; approvedBy: string }[];
  project: ProjectView | null;
  respondents: (OrganisationView & { role: (typeof partyRoles)[number]; contractedById: number | null })[];
  workers: WorkerView[];
  missingMaterials: { id: number; name: string; completedOn: string | null }[];
  deadlines: Deadline[];
  /** Set when a deadline falls in a year whose holiday notice is not loaded yet. */
  calendarNotice: string | null;
  inspection: InspectionView | null;
  events: CaseEventView[];
};

export type RelatedCase = {
  caseId: number;
  caseNumber: string | null;
  status: (typeof caseStatuses)[number];
  receivedOn: string;
  reasons: string[];
};

export const caseSearchSchema = z.object({
  query: z.string().max(60).default(''),
  status: z.enum(caseStatuses).nullable().optional(),
  receivedFrom: date.nullable().optional(),
  receivedTo: date.nullable().optional(),
  closedFrom: date.nullable().optional(),
  closedTo: date.nullable().optional(),
  closingMethod: z.enum(['mediation', 'finalAward', 'nonFinalAward', 'withdrawal', 'deemedWithdrawal', 'rejection', 'transfer']).nullable().optional(),
  closedOnTime: z.boolean().nullable().optional(),
  stage: z.enum(stages).nullable().optional(),
  channel: z.enum(channels).nullable().optional(),
  due: z.enum(['overdue', 'soon']).nullable().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

const exhibitFields = {
  title: text(120).min(1, '请填写证据名称'),
  submittedBy: z.enum(submitters),
  collectedBy: text(60).nullable(),
  receivedOn: date,
  purposeOfProof: text(1000),
  originalSeen: z.boolean(),
};

const out = <T>() => z.custom<T>(() => true);

export const contract = {
  'app.info': {
    input: z.object({}).default({}),
    output: out<{ version: string; host: 'web' | 'electron'; dataDir: string; today: string }>(),
  },
  'settings.get': { input: z.object({}).default({}), output: out<Settings>() },
  'settings.update': { input: settingsSchema, output: out<Settings>() },
  'projects.search': { input: z.object({ query: z.string().max(60) }), output: out<ProjectView[]>() },
  'organisations.search': { input: z.object({ query: z.string().max(60) }), output: out<OrganisationView[]>() },
  'workers.previewRoster': {
    input: z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().max(30_000_000, '文件过大（上限 20 MB）') }),
    output: out<RosterPreview>(),
  },
  'cases.create': { input: caseCreateSchema, output: out<{ id: number }>() },
  'cases.get': { input: z.object({ id }), output: out<CaseDetail>() },
  'cases.search': { input: caseSearchSchema, output: out<{ total: number; rows: CaseRow[] }>() },
  'cases.related': { input: z.object({ id }), output: out<RelatedCase[]>() },
  'cases.accept': {
    input: z.object({
      id,
      acceptedOn: date,
      withGaps: z
        .object({ materials: z.array(text(100).min(1)).min(1, '请列出缺少的材料'), promise: text(500).min(1, '请记录申请人补正承诺') })
        .nullable()
        .optional(),
    }),
    output: out<CaseDetail>(),
  },
  'cases.reject': { input: z.object({ id, rejectedOn: date, reason: text(1000).min(4, '请写明不予受理的理由') }), output: out<CaseDetail>() },
  'cases.completeMaterials': { input: z.object({ id, completedOn: date }), output: out<CaseDetail>() },
  'cases.recordService': { input: z.object({ id, servedOn: date }), output: out<CaseDetail>() },
  /** A case that starts as an inspection complaint files its arbitration claim later: one file, one timeline. */
  'cases.openArbitration': { input: z.object({ id, receivedOn: date }), output: out<CaseDetail>() },

  'evidence.list': { input: z.object({ caseId: id }), output: out<ExhibitView[]>() },
  /** Desktop: files chosen in the native dialog, copied into the store by path (streamed). */
  'evidence.addFromPaths': {
    input: z.object({
      caseId: id,
      paths: z.array(z.string().min(1)).min(1).max(200),
      track: z.enum(tracks),
      submittedBy: z.enum(submitters),
      importId: z.string().max(64).optional(),
    }),
    output: out<ExhibitView[]>(),
  },
  /** Another exhibit pointing at an already stored file (same file, second use). */
  'evidence.addReference': { input: z.object({ caseId: id, exhibitId: id }), output: out<ExhibitView>() },
  'evidence.update': { input: z.object({ id }).extend(z.object(exhibitFields).partial().shape), output: out<ExhibitView>() },
  'evidence.reorder': { input: z.object({ caseId: id, ids: z.array(id).min(1) }), output: out<ExhibitView[]>() },
  'evidence.remove': { input: z.object({ id }), output: out<ExhibitView[]>() },
  /** 共享互认: the other track recognises this exhibit. */
  'evidence.recognise': { input: z.object({ id, by: text(60).min(1, '请填写认可的部门或人员') }), output: out<ExhibitView>() },
  'evidence.cancelImport': { input: z.object({ importId: z.string().min(1).max(64) }), output: out<{ cancelled: boolean }>() },
  /** Spreadsheets as tables and plain text, for the viewer (bounded). */
  'evidence.preview': {
    input: z.object({ id }),
    output: out<{ kind: 'table'; sheets: { name: string; rows: string[][]; truncated: boolean }[] } | { kind: 'text'; text: string; truncated: boolean } | { kind: 'none' }>(),
  },
  /** 校验: start checking every stored file against its hash in the background. */
  'evidence.verifyStart': { input: z.object({}).default({}), output: out<VerifyReport>() },
  'evidence.verifyStatus': { input: z.object({}).default({}), output: out<VerifyReport>() },

  'inspection.open': {
    input: z.object({ caseId: id, complaintNumber: text(60).nullable(), complaintReceivedOn: date, inspectors: text(200) }),
    output: out<CaseDetail>(),
  },
  'inspection.file': { input: z.object({ caseId: id, filedOn: date }), output: out<CaseDetail>() },
  'inspection.addStep': {
    input: z.object({
      caseId: id,
      kind: z.enum(inspectionStepKinds),
      date,
      title: text(120).min(1),
      payBy: date.nullable().optional(),
      note: text(2000).nullable().optional(),
      exhibitId: id.nullable().optional(),
    }),
    output: out<CaseDetail>(),
  },
  'inspection.extend': { input: z.object({ caseId: id }), output: out<CaseDetail>() },
  'inspection.close': { input: z.object({ caseId: id, closedOn: date }), output: out<CaseDetail>() },

  /** Writes the case bundle into the data folder's bundles/ and returns where. */
  'bundle.export': { input: z.object({ caseId: id }), output: out<{ fileName: string; path: string; size: number }>() },
  /** Imports a bundle file already on this machine (desktop dialog, or uploaded by the web host). */
  'bundle.import': { input: z.object({ path: z.string().min(1) }), output: out<BundleImportReport>() },
  'mediation.get': { input: z.object({ caseId: id }), output: out<MediationView>() },
  'mediation.addSession': {
    input: z.object({
      caseId: id,
      heldOn: date,
      mediator: text(40).min(1, '请填写调解员'),
      attendees: z.array(z.object({ role: text(40), name: text(40).min(1) })).max(60),
      notes: text(20000).default(''),
      track: z.enum(tracks).default('arbitration'),
    }),
    output: out<MediationView>(),
  },
  'mediation.updateSession': {
    input: z.object({
      id,
      notes: text(20000).optional(),
      attendees: z.array(z.object({ role: text(40), name: text(40).min(1) })).max(60).optional(),
      outcome: z.enum(['pending', 'settled', 'partlySettled', 'failed']).optional(),
    }),
    output: out<MediationView>(),
  },
  /** The settlement proposal, edited per claim item (agreedFen null = left to the hearing). */
  'mediation.setAgreed': {
    input: z.object({
      caseId: id,
      items: z
        .array(z.object({ claimItemId: id, agreedFen: z.number().int().min(0).nullable(), payBy: date.nullable().optional(), method: z.enum(['bankTransfer', 'cash']).nullable().optional() }))
        .min(1)
        .max(5000),
    }),
    output: out<MediationView>(),
  },
  /** 工资优先: settle the wage items at the claimed amount for these workers (all when null). */
  'mediation.settleWagesFirst': { input: z.object({ caseId: id, workerIds: z.array(id).nullable(), payBy: date.nullable().optional() }), output: out<MediationView>() },
  'mediation.recordPayment': {
    input: z.object({
      caseId: id,
      workerId: id,
      amountFen: z.number().int().positive('金额须大于0'),
      paidAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '时间格式应为 YYYY-MM-DDTHH:mm'),
      method: z.enum(['bankTransfer', 'cash']),
      reference: text(80).nullable().optional(),
      exhibitId: id.nullable().optional(),
      instalmentId: id.nullable().optional(),
    }),
    output: out<MediationView>(),
  },
  'mediation.setInstalments': {
    input: z.object({ caseId: id, workerId: id, instalments: z.array(z.object({ dueOn: date, amountFen: z.number().int().positive() })).max(60) }),
    output: out<MediationView>(),
  },
  'mediation.setOutcome': { input: z.object({ caseId: id, outcome: z.enum(['settled', 'partlySettled', 'failed']) }), output: out<MediationView>() },
  /** Signed receipt of the mediation document by one side; effective when both have signed. */
  'mediation.recordSignature': { input: z.object({ caseId: id, party: z.enum(['workers', 'respondent']), signedOn: date }), output: out<MediationView>() },
  /** 置换: an agreement reached in the inspection track becomes the arbitral settlement, without retyping. */
  'mediation.convertInspectionAgreement': { input: z.object({ caseId: id }), output: out<MediationView>() },

  'staff.list': { input: z.object({}).default({}), output: out<{ staff: StaffView[]; rooms: RoomView[] }>() },
  'staff.save': { input: z.object({ id: id.optional(), role: z.enum(['arbitrator', 'clerk']), name: text(20).min(1, '请填写姓名'), active: z.boolean().default(true) }), output: out<{ staff: StaffView[]; rooms: RoomView[] }>() },
  'rooms.save': { input: z.object({ id: id.optional(), name: text(40).min(1, '请填写仲裁庭名称'), location: text(100).nullable().optional(), active: z.boolean().default(true) }), output: out<{ staff: StaffView[]; rooms: RoomView[] }>() },

  'hearings.week': { input: z.object({ from: date, days: z.number().int().min(1).max(42).default(7) }), output: out<HearingView[]>() },
  'hearings.forCase': { input: z.object({ caseId: id }), output: out<HearingView[]>() },
  'hearings.check': {
    input: z.object({ hearingId: id.nullable().optional(), caseId: id, startsAt: localTime, endsAt: localTime, roomId: id, presidingId: id, wingIds: z.array(id).max(2).default([]), clerkId: id, noticeServedOn: date.nullable().optional(), noticeWaived: z.boolean().default(false) }),
    output: out<{ conflicts: HearingConflict[]; warnings: HearingWarning[] }>(),
  },
  'hearings.schedule': {
    input: z.object({
      caseId: id,
      startsAt: localTime,
      endsAt: localTime,
      roomId: id,
      procedure: z.enum(procedures),
      presidingId: id,
      wingIds: z.array(id).max(2).default([]),
      clerkId: id,
      noticeServedOn: date.nullable().optional(),
      noticeWaived: z.boolean().default(false),
      noticeWaiverNote: text(500).nullable().optional(),
    }),
    output: out<HearingView>(),
  },
  /** Drag to another slot (or room): the same conflict and period checks as scheduling. */
  'hearings.move': { input: z.object({ id, startsAt: localTime, endsAt: localTime, roomId: id.optional() }), output: out<HearingView>() },
  'hearings.cancel': { input: z.object({ id, reason: text(200).min(1, '请填写取消原因') }), output: out<HearingView>() },
  'hearings.recordNotice': { input: z.object({ id, servedOn: date }), output: out<HearingView>() },
  'hearings.attendance': { input: z.object({ id, applicantPresent: z.boolean(), respondentPresent: z.boolean() }), output: out<HearingDetail>() },
  'hearings.get': { input: z.object({ id }), output: out<HearingDetail>() },
  /** Autosave of one step of the hearing record. */
  'hearings.saveRecordStep': { input: z.object({ hearingId: id, step: text(40).min(1), content: z.string().max(200_000) }), output: out<{ updatedAt: string }>() },
  'crossExamination.save': {
    input: z.object({
      exhibitId: id,
      hearingId: id.nullable().optional(),
      party: z.enum(['applicant', 'respondent', 'tribunal']),
      authenticity: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      legality: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      relevance: z.enum(['accepted', 'disputed', 'noView']).nullable(),
      opinion: text(2000).default(''),
    }),
    output: out<CrossExaminationView[]>(),
  },
  'crossExamination.forCase': { input: z.object({ caseId: id }), output: out<CrossExaminationView[]>() },

  'presentation.show': {
    input: z.object({
      view: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('blank') }),
        z.object({ kind: z.literal('caseSummary'), caseId: id }),
        z.object({ kind: z.literal('workers'), caseId: id }),
        z.object({ kind: z.literal('exhibit'), caseId: id, exhibitId: id, page: z.number().int().min(1).default(1) }),
        z.object({ kind: z.literal('deadlines'), caseId: id }),
      ]),
      hearingId: id.nullable().optional(),
    }),
    output: out<PresentationPayload>(),
  },
  /** Unmask one field on the shared screen for a moment (seconds), then it masks itself again. */
  'presentation.unmask': {
    input: z.object({ field: z.enum(['idNumber', 'phone', 'bankCard', 'address']), workerId: id.nullable().optional(), seconds: z.number().int().min(1).max(60).default(10) }),
    output: out<PresentationPayload>(),
  },
  'presentation.current': { input: z.object({}).default({}), output: out<PresentationPayload>() },
  'documents.list': { input: z.object({ caseId: id }), output: out<{ available: DocumentAvailability[]; documents: DocumentView[] }>() },
  /** Generates (a new version of) one document; the award may come out as two (final and non-final). */
  'documents.generate': { input: z.object({ caseId: id, kind: z.enum(documentKinds), variant: text(60).optional() }), output: out<DocumentView[]>() },
  /** One notice per party (and per worker where needed), each with its service receipt, in one action. */
  'documents.generateBatch': { input: z.object({ caseId: id, kind: z.enum(documentKinds) }), output: out<DocumentView[]>() },
  /** LibreOffice → PDF next to the docx; returns where. */
  'documents.exportPdf': { input: z.object({ documentId: id }), output: out<{ path: string; fileName: string; pages: number | null }>() },
  'documents.recordService': {
    input: z.object({ documentId: id, recipient: text(80).min(1), method: z.enum(['inPerson', 'post', 'left', 'electronic', 'publication']), servedOn: date.nullable(), note: text(200).optional() }),
    output: out<DocumentView>(),
  },

  'award.get': { input: z.object({ caseId: id }), output: out<AwardView>() },
  'award.save': {
    input: z.object({
      caseId: id,
      decidedOn: date.nullable().optional(),
      defence: text(20000).optional(),
      factsFound: text(50000).optional(),
      evidenceRelied: text(20000).optional(),
      reasoning: text(50000).optional(),
      items: z.array(z.object({ claimItemId: id, awardedFen: z.number().int().min(0).nullable() })).max(5000).optional(),
    }),
    output: out<AwardView>(),
  },
  'award.issue': { input: z.object({ caseId: id, decidedOn: date }), output: out<{ award: AwardView; documents: DocumentView[] }>() },

  'closing.checklist': { input: z.object({ caseId: id, method: z.enum(closingMethods) }), output: out<{ items: ChecklistItem[]; canClose: boolean }>() },
  'closing.close': { input: z.object({ caseId: id, method: z.enum(closingMethods), closedOn: date }), output: out<CaseDetail>() },
  'closing.suspend': { input: z.object({ caseId: id, fromOn: date, reason: text(500).min(2), approvedBy: text(40).min(1, '请填写批准人') }), output: out<CaseDetail>() },
  'closing.resume': { input: z.object({ caseId: id, toOn: date }), output: out<CaseDetail>() },
  'closing.extend': {
    input: z.object({ caseId: id, days: z.number().int().min(1).max(15, '延长期限最长15日'), approvedBy: text(40).min(1, '请填写批准人'), reason: text(500).min(2) }),
    output: out<CaseDetail>(),
  },

  'warnings.list': { input: z.object({ open: z.boolean().default(true), caseId: id.optional() }), output: out<WarningView[]>() },
  /** Scans instalments, awards and correction orders for what is overdue and unpaid (idempotent). */
  'warnings.refresh': { input: z.object({}).default({}), output: out<WarningView[]>() },
  'warnings.resolve': { input: z.object({ id, resolution: z.enum(['paid', 'enforcement', 'police', 'dismissed']) }), output: out<WarningView>() },
  /** Assembles the court enforcement application: the document, proof of service, payment history, the case bundle. */
  'followUp.enforcementPackage': { input: z.object({ caseId: id }), output: out<{ path: string; fileName: string; contents: string[] }>() },
  /** The police transfer package, offered when the amounts reach the province's threshold. */
  'followUp.policePackage': { input: z.object({ caseId: id }), output: out<{ path: string; fileName: string; contents: string[] }>() },

  'dashboard.get': { input: z.object({ from: date, to: date }), output: out<DashboardView>() },
  'dashboard.export': { input: z.object({ from: date, to: date }), output: out<{ path: string; fileName: string }>() },
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'internal' | 'unauthorized' | 'unknown_method';
export type ApiError = { code: ErrorCode; message: string };
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Events pushed from backend to every window (SSE in the web host, IPC in Electron). */
export type AppEvent =
  | { type: 'cases.changed'; caseId: number }
  | { type: 'settings.changed' }
  | { type: 'evidence.importProgress'; importId: string; fileName: string; bytes: number; total: number | null }
  | { type: 'evidence.verifyProgress'; report: VerifyReport }
  | { type: 'presentation.changed'; payload: PresentationPayload }
  | { type: 'hearings.changed'; hearingId: number; caseId: number };

/** A failure meant for the user: the message is Chinese and says what to fix. */
export class AppFailure extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Turns a zod error into one Chinese line naming the field. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
}
