import { z } from 'zod';
import type { Deadline } from '../clock/deadlines';
import { id, out } from './fields';
import type { Methods } from './spec';

export type PresentationView =
  | { kind: 'blank' }
  | { kind: 'caseSummary'; caseId: number }
  /** `page`: the page of a long list the operator turned to (1 when absent). */
  | { kind: 'workers'; caseId: number; page?: number }
  /**
   * An exhibit page, fitted to the screen's width. The operator zooms (`zoom`, per cent of the fitted
   * width, 100 when absent; 0 = the whole page) and moves over it (`x`, `y`: 0 = left / top … 1 = right / bottom).
   */
  | { kind: 'exhibit'; caseId: number; exhibitId: number; page: number; zoom?: number; x?: number; y?: number }
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

/** Zoom of an exhibit on the shared screen, per cent of the page fitted to the screen's width. */
export const SCREEN_ZOOM = { min: 50, max: 400 } as const;

export const presentationContract = {
  'presentation.show': {
    access: ['clerk', 'arbitrator', 'mediator', 'inspector'], reads: false,
    input: z.object({
      view: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('blank') }),
        z.object({ kind: z.literal('caseSummary'), caseId: id }),
        z.object({ kind: z.literal('workers'), caseId: id, page: z.number().int('名单页码须为整数').min(1, '名单页码须从1开始').max(10_000, '名单页码过大').optional() }),
        z.object({
          kind: z.literal('exhibit'),
          caseId: id,
          exhibitId: id,
          page: z.number().int().min(1).default(1),
          zoom: z
            .number()
            .int('缩放比例须为整数')
            .min(0, `缩放比例须为0（整页）或${SCREEN_ZOOM.min}%至${SCREEN_ZOOM.max}%`)
            .max(SCREEN_ZOOM.max, `缩放比例须为0（整页）或${SCREEN_ZOOM.min}%至${SCREEN_ZOOM.max}%`)
            .refine((v) => v === 0 || v >= SCREEN_ZOOM.min, `缩放比例须为0（整页）或${SCREEN_ZOOM.min}%至${SCREEN_ZOOM.max}%`)
            .optional(),
          x: z.number().min(0, '横向位置须在0至1之间').max(1, '横向位置须在0至1之间').optional(),
          y: z.number().min(0, '纵向位置须在0至1之间').max(1, '纵向位置须在0至1之间').optional(),
        }),
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
