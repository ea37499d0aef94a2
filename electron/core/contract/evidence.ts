import { z } from 'zod';
import { submitters, tracks } from '../domain';
import { date, id, longText, out, text } from './fields';
import { staffRoles, type Methods } from './spec';

// Evidence is collected by 书记员, 监察员 and 仲裁员; 调解员 add payment vouchers during mediation.

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

export type VerifyReport = {
  running: boolean;
  checked: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  missing: { sha256: string; exhibits: string[] }[];
  altered: { sha256: string; actual: string; exhibits: string[] }[];
};

const exhibitFields = {
  title: text(120).min(1, '请填写证据名称').meta({ title: '证据名称' }),
  submittedBy: z.enum(submitters),
  collectedBy: text(60).nullable(),
  receivedOn: date.meta({ title: '收到日期' }),
  purposeOfProof: longText(1000),
  originalSeen: z.boolean(),
};

export const evidenceContract = {
  'evidence.list': { input: z.object({ caseId: id }), output: out<ExhibitView[]>(), access: 'signedIn', reads: true },
  /** Desktop: files chosen in the native dialog, copied into the store by path (streamed). */
  'evidence.addFromPaths': {
    access: ['clerk', 'inspector', 'arbitrator', 'mediator'], reads: false,
    hosts: ['electron'],
    localPaths: (input: { paths: string[] }) => input.paths,
    input: z.object({
      caseId: id,
      paths: z.array(z.string().min(1).max(4096)).min(1).max(200),
      track: z.enum(tracks),
      submittedBy: z.enum(submitters),
      importId: text(64).optional(),
    }),
    output: out<ExhibitView[]>(),
  },
  /** Another exhibit pointing at an already stored file (same file, second use). */
  'evidence.addReference': { input: z.object({ caseId: id, exhibitId: id }), output: out<ExhibitView>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  'evidence.update': { input: z.object({ id }).extend(z.object(exhibitFields).partial().shape), output: out<ExhibitView>(), access: ['clerk', 'inspector', 'arbitrator', 'mediator'], reads: false },
  'evidence.reorder': { input: z.object({ caseId: id, ids: z.array(id).min(1) }), output: out<ExhibitView[]>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  'evidence.remove': { input: z.object({ id }), output: out<ExhibitView[]>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  /** 共享互认: the other track recognises this exhibit. */
  'evidence.recognise': { input: z.object({ id, by: text(60).min(1, '请填写认可的部门或人员') }), output: out<ExhibitView>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  'evidence.cancelImport': { input: z.object({ importId: text(64).min(1) }), output: out<{ cancelled: boolean }>(), access: ['clerk', 'inspector', 'arbitrator', 'mediator'], reads: false },
  /** Spreadsheets as tables and plain text, for the viewer (bounded). */
  /** The file's content (and the file route): not for observers, whose view of personal data is masked. */
  'evidence.preview': {
    access: staffRoles, reads: true,
    input: z.object({ id }),
    output: out<{ kind: 'table'; sheets: { name: string; rows: string[][]; truncated: boolean }[] } | { kind: 'text'; text: string; truncated: boolean } | { kind: 'none' }>(),
  },
  /** 校验: start checking every stored file against its hash in the background. */
  'evidence.verifyStart': { input: z.object({}).default({}), output: out<VerifyReport>(), access: ['admin', 'clerk', 'inspector', 'arbitrator'], reads: true },
  'evidence.verifyStatus': { input: z.object({}).default({}), output: out<VerifyReport>(), access: 'signedIn', reads: true },
} as const satisfies Methods;
