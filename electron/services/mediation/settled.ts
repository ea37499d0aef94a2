/**
 * What an effective mediation document settled (Law Art 42: it binds once both sides signed for
 * it): those items are decided, and the award must not decide them again.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { cases, settlementItems } from '../../../db/schema';
import type { Executor } from '../../../db/open';

export type EffectiveSettlement = { effectiveOn: string; partial: boolean; agreed: Map<number, number> };

export function effectiveSettlement(db: Executor, caseId: number): EffectiveSettlement | null {
  const row = db
    .select({ outcome: cases.mediationOutcome, workers: cases.mediationSignedByWorkersOn, respondent: cases.mediationSignedByRespondentOn })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!row || (row.outcome !== 'settled' && row.outcome !== 'partlySettled') || !row.workers || !row.respondent) return null;
  const agreed = new Map(
    db
      .select({ claimItemId: settlementItems.claimItemId, agreedFen: settlementItems.agreedFen })
      .from(settlementItems)
      .where(and(eq(settlementItems.caseId, caseId), isNotNull(settlementItems.agreedFen)))
      .all()
      .map((r) => [r.claimItemId, r.agreedFen as number]),
  );
  return { effectiveOn: row.workers > row.respondent ? row.workers : row.respondent, partial: row.outcome === 'partlySettled', agreed };
}
