import { z } from 'zod';
import { inspectionStepKinds } from '../domain';
import type { Deadline } from '../clock/deadlines';
import type { CaseDetail } from './cases';
import { date, id, longText, out, text } from './fields';
import type { Methods } from './spec';

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

export const inspectionContract = {
  'inspection.open': {
    access: ['inspector'], reads: false,
    input: z.object({ caseId: id, complaintNumber: text(60).nullable(), complaintReceivedOn: date, inspectors: text(200) }),
    output: out<CaseDetail>(),
  },
  'inspection.file': { input: z.object({ caseId: id, filedOn: date }), output: out<CaseDetail>(), access: ['inspector'], reads: false },
  'inspection.addStep': {
    access: ['inspector'], reads: false,
    input: z.object({
      caseId: id,
      kind: z.enum(inspectionStepKinds),
      date,
      title: text(120).min(1).meta({ title: '文书标题' }),
      payBy: date.nullable().optional(),
      note: longText(2000).nullable().optional(),
      exhibitId: id.nullable().optional(),
    }),
    output: out<CaseDetail>(),
  },
  'inspection.extend': { input: z.object({ caseId: id }), output: out<CaseDetail>(), access: ['inspector'], reads: false },
  'inspection.close': { input: z.object({ caseId: id, closedOn: date }), output: out<CaseDetail>(), access: ['inspector'], reads: false },
} as const satisfies Methods;
