import { z } from 'zod';
import { claimTypes } from '../domain';
import type { DocumentView } from './documents';
import { date, fen, id, longText, out, text } from './fields';
import { liabilityInput, type LiabilityView } from './liability';
import type { Methods } from './spec';

export type AwardItemView = {
  claimItemId: number;
  workerId: number;
  workerName: string;
  type: (typeof claimTypes)[number];
  claimedFen: number;
  awardedFen: number | null;
  /** Per item: final when the AWARDED amount ≤ 12 × the monthly minimum wage in force on the award date (Rules Art 50). */
  isFinal: boolean | null;
  /** Why, in words ("裁决数额20,000.00元（请求26,300.00元）不超过22,200.00元，终局"); null until decidable. */
  finalReason: string | null;
};
/** Items an effective mediation document settled: not decided again by the award. */
export type SettledSummary = { effectiveOn: string; workers: number; items: number; amountFen: number; workerNames: string[] };
export type WithdrawnClaimView = { claimItemId: number; workerId: number; workerName: string; type: AwardItemView['type']; claimedFen: number; withdrawnOn: string };
export type AwardView = {
  caseId: number;
  decidedOn: string | null;
  defence: string;
  factsFound: string;
  evidenceRelied: string;
  reasoning: string;
  items: AwardItemView[];
  minimumWageFen: number | null;
  /** That minimum wage was entered by the demo and not yet confirmed in settings (演示数据，请核对). */
  minimumWageIsDemo: boolean;
  thresholdFen: number | null;
  hasFinal: boolean;
  hasNonFinal: boolean;
  issuedAt: string | null;
  settled: SettledSummary | null;
  /** Claim items withdrawn (on record): not decided, stated in the award's narrative. */
  withdrawn: WithdrawnClaimView[];
  /** Who pays what is awarded, per respondent (groups of awarded items). */
  liability: LiabilityView;
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
  /** Who pays the awarded items: one assignment per respondent for the items given (null = the chain's default). */
  'award.setLiability': { input: liabilityInput, output: out<AwardView>(), access: ['arbitrator', 'clerk'], reads: false },
  'award.issue': { input: z.object({ caseId: id, decidedOn: date }), output: out<{ award: AwardView; documents: DocumentView[] }>(), access: ['arbitrator'], reads: false },
} as const satisfies Methods;
