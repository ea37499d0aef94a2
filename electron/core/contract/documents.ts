import { z } from 'zod';
import { date, id, out, text } from './fields';
import type { Methods } from './spec';

export const documentKinds = [
  'acceptanceNotice',
  'rejectionNotice',
  'responseNotice',
  'hearingNotice',
  'tribunalNotice',
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
  tribunalNotice: '组庭通知书',
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

/**
 * Whom a document goes to. 'parties': served on the parties, each service recorded (送达回证), and
 * counted as unserved until it is; 'internal': the tribunal's own forms and records (结案审批表,
 * 庭审笔录, 证据目录); 'receipt': the 送达回证 itself, the record of a service; 'authority': sent to
 * a court or the police with its package, not served on the parties.
 */
export type DocumentServiceNeed = 'parties' | 'internal' | 'receipt' | 'authority';
export const documentServiceNeed: Record<DocumentKind, DocumentServiceNeed> = {
  acceptanceNotice: 'parties',
  rejectionNotice: 'parties',
  responseNotice: 'parties',
  hearingNotice: 'parties',
  tribunalNotice: 'parties',
  hearingRecord: 'internal',
  mediationDocument: 'parties',
  partialMediationDocument: 'parties',
  award: 'parties',
  evidenceList: 'internal',
  serviceReceipt: 'receipt',
  withdrawalDecision: 'parties',
  closingApproval: 'internal',
  correctionOrder: 'parties',
  policeTransferLetter: 'authority',
  enforcementApplication: 'authority',
};
/** What the documents tab shows for a document that is not served on the parties. */
export const documentServiceNeedLabels: Record<Exclude<DocumentServiceNeed, 'parties'>, { label: string; hint: string }> = {
  internal: { label: '内部文书', hint: '仲裁委内部文书，入卷归档，不向当事人送达' },
  receipt: { label: '无需送达', hint: '送达回证是送达的记录，本身不再送达' },
  authority: { label: '无需送达', hint: '随材料递交人民法院或移送公安机关，不向当事人送达' },
};

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
  services: { id: number; recipient: string; party: PartyRef | null; method: ServiceMethod; servedOn: string | null }[];
};

export const serviceMethods = ['inPerson', 'post', 'left', 'electronic', 'publication'] as const;
export type ServiceMethod = (typeof serviceMethods)[number];
export const serviceMethodLabels: Record<ServiceMethod, string> = { inPerson: '直接送达', post: '邮寄送达', left: '留置送达', electronic: '电子送达', publication: '公告送达' };

/** A party of the case: a worker (claimant) or a respondent organisation (by its id). */
export const partyRefSchema = z.strictObject({ kind: z.enum(['worker', 'respondent'], '当事人类型应为劳动者或被申请人'), id });
export type PartyRef = z.infer<typeof partyRefSchema>;

/** One line of the service dialog: a party who may receive the document, prefilled when the document goes to them. */
export type ServiceRecipient = {
  party: PartyRef;
  name: string;
  /** 被申请人（施工总承包）/ 代表人 / 申请人 */
  role: string;
  address: string | null;
  /** The document is addressed to this party (or must reach it): ticked when the dialog opens. */
  addressee: boolean;
  /** The latest service already recorded on this party for this document. */
  served: { method: ServiceMethod; servedOn: string | null } | null;
};

export const serviceEntrySchema = z.strictObject({
  party: partyRefSchema.nullable().default(null),
  recipient: text(80).min(1, '请填写受送达人'),
  method: z.enum(serviceMethods, '请选择送达方式'),
  servedOn: date.nullable(),
  note: text(200).optional(),
});
export type DocumentAvailability = {
  kind: DocumentKind;
  label: string;
  ready: boolean;
  missing: string[];
  batch: boolean;
  /** Ready, but worth a look before printing (e.g. blanks "＿＿＿" left in the 庭审笔录). */
  warnings: string[];
};

export const documentsContract = {
  'documents.list': { input: z.object({ caseId: id }), output: out<{ available: DocumentAvailability[]; documents: DocumentView[] }>(), access: 'signedIn', reads: true },
  /** Generates (a new version of) one document; the award may come out as two (final and non-final). */
  'documents.generate': { input: z.object({ caseId: id, kind: z.enum(documentKinds), variant: text(60).optional() }), output: out<DocumentView[]>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  /** One notice per party (and per worker where needed), each with its service receipt, in one action. */
  'documents.generateBatch': { input: z.object({ caseId: id, kind: z.enum(documentKinds) }), output: out<DocumentView[]>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  /** LibreOffice → PDF next to the docx; returns where. */
  'documents.exportPdf': { input: z.object({ documentId: id }), output: out<{ path: string; fileName: string; pages: number | null }>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  /** The parties a document may be served on, the ones it goes to ticked, with what is already recorded. */
  'documents.serviceRecipients': { input: z.strictObject({ documentId: id }), output: out<ServiceRecipient[]>(), access: 'signedIn', reads: true },
  /** Service on one recipient (a party, or someone else by name). */
  'documents.recordService': {
    access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false,
    input: serviceEntrySchema.extend({ documentId: id }),
    output: out<DocumentView>(),
  },
  /** Service on several recipients in one step, each with its own method and date. */
  'documents.recordServices': {
    access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false,
    input: z.strictObject({ documentId: id, entries: z.array(serviceEntrySchema).min(1, '请至少选择一名受送达人').max(2000) }),
    output: out<DocumentView>(),
  },
} as const satisfies Methods;
