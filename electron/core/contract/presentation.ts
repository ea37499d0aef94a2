import { z } from 'zod';
import type { Deadline } from '../clock/deadlines';
import { id, out } from './fields';
import type { Methods } from './spec';

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

export const presentationContract = {
  'presentation.show': {
    access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false,
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
    access: ['clerk', 'arbitrator'], reads: false,
    input: z.object({ field: z.enum(['idNumber', 'phone', 'bankCard', 'address']), workerId: id.nullable().optional(), seconds: z.number().int().min(1).max(60).default(10) }),
    output: out<PresentationPayload>(),
  },
  'presentation.current': { input: z.object({}).default({}), output: out<PresentationPayload>(), access: 'signedIn', reads: true },
} as const satisfies Methods;
