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

export const documentsContract = {
  'documents.list': { input: z.object({ caseId: id }), output: out<{ available: DocumentAvailability[]; documents: DocumentView[] }>(), access: 'signedIn', reads: true },
  /** Generates (a new version of) one document; the award may come out as two (final and non-final). */
  'documents.generate': { input: z.object({ caseId: id, kind: z.enum(documentKinds), variant: text(60).optional() }), output: out<DocumentView[]>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  /** One notice per party (and per worker where needed), each with its service receipt, in one action. */
  'documents.generateBatch': { input: z.object({ caseId: id, kind: z.enum(documentKinds) }), output: out<DocumentView[]>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  /** LibreOffice → PDF next to the docx; returns where. */
  'documents.exportPdf': { input: z.object({ documentId: id }), output: out<{ path: string; fileName: string; pages: number | null }>(), access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false },
  'documents.recordService': {
    access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false,
    input: z.object({ documentId: id, recipient: text(80).min(1), method: z.enum(['inPerson', 'post', 'left', 'electronic', 'publication']), servedOn: date.nullable(), note: text(200).optional() }),
    output: out<DocumentView>(),
  },
} as const satisfies Methods;
