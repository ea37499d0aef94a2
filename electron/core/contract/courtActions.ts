import { z } from 'zod';
import { date, id, out, text } from './fields';
import type { Methods } from './spec';

export const courtActionKinds = ['suit', 'setAside'] as const;
export const courtActionStatuses = ['pending', 'withdrawn', 'rejected', 'setAside', 'judged'] as const;
export const courtActionKindLabels = { suit: '向人民法院起诉', setAside: '申请撤销终局裁决' } as const;
export const courtActionStatusLabels = { pending: '审理中', withdrawn: '已撤诉', rejected: '撤销申请被驳回', setAside: '裁决已被撤销', judged: '已判决' } as const;

/** A suit against the award (Law Arts 48, 50) or an application to set a final award aside (Art 49). */
export type CourtActionView = {
  id: number;
  caseId: number;
  kind: (typeof courtActionKinds)[number];
  filedBy: 'applicant' | 'respondent';
  respondentId: number | null;
  /** The workers who sued; null = the applicants as a whole. */
  workerIds: number[] | null;
  /** Who, in words: "申请人刘一民、陈二妹" / "被申请人江西启宏劳务有限公司". */
  partyText: string;
  part: 'final' | 'nonFinal';
  court: string;
  filedOn: string;
  status: (typeof courtActionStatuses)[number];
  endedOn: string | null;
  note: string | null;
  /** What it does to the award's effect, in words. */
  effect: string;
};

export const courtActionsContract = {
  'courtActions.list': { input: z.object({ caseId: id }).strict(), output: out<CourtActionView[]>(), access: 'signedIn', reads: true },
  'courtActions.record': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z
      .object({
        caseId: id,
        kind: z.enum(courtActionKinds, { message: '请选择起诉或申请撤销' }),
        filedBy: z.enum(['applicant', 'respondent'], { message: '请选择提起的一方' }),
        respondentId: id.nullable().optional(),
        workerIds: z.array(id).min(1, '请选择起诉的劳动者').max(2000).nullable().optional(),
        part: z.enum(['final', 'nonFinal'], { message: '请选择针对终局或非终局裁决' }),
        court: text(80).min(2, '请填写受理的人民法院'),
        filedOn: date,
        note: text(500).optional(),
      })
      .strict(),
    output: out<CourtActionView[]>(),
  },
  'courtActions.update': {
    access: ['clerk', 'arbitrator'], reads: false,
    input: z
      .object({
        id,
        status: z.enum(courtActionStatuses, { message: '状态无效' }),
        endedOn: date.nullable().optional(),
        note: text(500).optional(),
      })
      .strict(),
    output: out<CourtActionView[]>(),
  },
} as const satisfies Methods;
