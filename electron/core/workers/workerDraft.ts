/**
 * Worker roster drafts: one row of the "申请人（劳动者）" grid as typed, pasted or imported.
 * Every value is kept as raw text; parsing and checking happen in validateWorkers.
 * Pure module (runs in the renderer too).
 */
import { z } from 'zod';
import { rawText } from '../contract/fields';

export type WorkerField =
  | 'name'
  | 'idNumber'
  | 'phone'
  | 'jobType'
  | 'team'
  | 'daysWorked'
  | 'dailyWage'
  | 'due'
  | 'paid'
  | 'owed'
  | 'bankCard'
  | 'note';

/** Raw text as typed/imported; `sourceRow` is the 1-based spreadsheet row it came from (imports only). */
export const workerDraftSchema = z.object({
  name: rawText(40),
  idNumber: rawText(40),
  phone: rawText(40),
  jobType: rawText(40),
  team: rawText(40),
  daysWorked: rawText(20),
  dailyWage: rawText(30),
  due: rawText(30),
  paid: rawText(30),
  owed: rawText(30),
  bankCard: rawText(40),
  note: rawText(200),
  sourceRow: z.number().int().min(1).max(1_048_576).optional(),
  /** The spreadsheet held the ID as a number (digits lost): stays flagged until the clerk retypes it. */
  idNumberStoredAsNumber: z.boolean().optional(),
  /** A 15-digit (first-generation) ID accepted as an exception: why the worker has nothing else. */
  legacyIdReason: rawText(200).optional(),
});
export type WorkerDraft = z.infer<typeof workerDraftSchema>;

export type WorkerProblem = {
  /** position in the list passed to validateWorkers */
  index: number;
  field: WorkerField;
  level: 'error' | 'warning';
  /** Chinese, shown next to the cell */
  message: string;
};

export type ValidWorker = {
  name: string;
  idNumber: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  jobType: string | null;
  team: string | null;
  daysWorked: number | null;
  dailyWageFen: number | null;
  dueFen: number | null;
  paidFen: number | null;
  owedFen: number;
  bankCard: string | null;
  note: string | null;
  /** Recorded exception for a 15-digit first-generation ID number (why it was accepted), else null. */
  idNumberNote: string | null;
};

export const workerFields: readonly WorkerField[] = [
  'name',
  'idNumber',
  'phone',
  'jobType',
  'team',
  'daysWorked',
  'dailyWage',
  'due',
  'paid',
  'owed',
  'bankCard',
  'note',
];

export const workerFieldLabels: Record<WorkerField, string> = {
  name: '姓名',
  idNumber: '身份证号码',
  phone: '联系电话',
  jobType: '工种',
  team: '班组',
  daysWorked: '出勤天数',
  dailyWage: '日工资(元)',
  due: '应发(元)',
  paid: '已发(元)',
  owed: '欠发(元)',
  bankCard: '银行卡号',
  note: '备注',
};

/** Column order of the typed grid (also assumed for a header-less clipboard paste). */
export const typedGridFields: readonly WorkerField[] = [
  'name',
  'idNumber',
  'phone',
  'jobType',
  'daysWorked',
  'dailyWage',
  'due',
  'paid',
  'owed',
];

export function emptyWorkerDraft(): WorkerDraft {
  return {
    name: '',
    idNumber: '',
    phone: '',
    jobType: '',
    team: '',
    daysWorked: '',
    dailyWage: '',
    due: '',
    paid: '',
    owed: '',
    bankCard: '',
    note: '',
  };
}

/** True when every field of the draft is blank (such a row is ignored). */
export function isBlankDraft(d: WorkerDraft): boolean {
  return workerFields.every((f) => (d[f] ?? '').replace(/[\s\u3000]/g, '') === '');
}
