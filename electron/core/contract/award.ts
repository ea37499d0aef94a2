import { z } from 'zod';
import { claimTypes } from '../domain';
import type { DocumentView } from './documents';
import { date, fen, id, longText, out, text } from './fields';
import type { Methods } from './spec';

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

export const awardContract = {
  'award.get': { input: z.object({ caseId: id }), output: out<AwardView>(), access: 'signedIn', reads: true },
  'award.save': {
    access: ['arbitrator', 'clerk'], reads: false,
    input: z.object({
      caseId: id,
      decidedOn: date.nullable().optional(),
      defence: longText(20000).optional(),
      factsFound: longText(50000).optional(),
      evidenceRelied: longText(20000).optional(),
      reasoning: longText(50000).optional(),
      items: z.array(z.object({ claimItemId: id, awardedFen: fen.nullable() })).max(5000).optional(),
    }),
    output: out<AwardView>(),
  },
  'award.issue': { input: z.object({ caseId: id, decidedOn: date }), output: out<{ award: AwardView; documents: DocumentView[] }>(), access: ['arbitrator'], reads: false },
} as const satisfies Methods;
