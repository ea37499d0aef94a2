/**
 * Reading the award of a case: one row per claim item (worker name, claimed, awarded) in four
 * queries whatever the worker count. Finality is computed per item against 12 × the minimum wage in
 * force on the award date (electron/core/finalAward.ts); once the award is issued the stored
 * classification is shown, so a later change of the minimum-wage settings cannot rewrite it.
 */
import { asc, eq } from 'drizzle-orm';
import { AppFailure, type AwardItemView, type AwardView } from '../../core/contract';
import { classifyItem, thresholdOn, type MinimumWage } from '../../core/finalAward';
import { awardItems, awards, cases, claimItems, minimumWages, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { COMMISSION_ID } from '../settings/settingsService';

export type AwardRow = typeof awards.$inferSelect;

export function readMinimumWages(db: Executor): MinimumWage[] {
  return db
    .select({ effectiveOn: minimumWages.effectiveOn, monthlyFen: minimumWages.monthlyFen })
    .from(minimumWages)
    .where(eq(minimumWages.commissionId, COMMISSION_ID))
    .orderBy(asc(minimumWages.effectiveOn))
    .all();
}

export type AwardState = AwardView & {
  case: typeof cases.$inferSelect;
  /** Items with the worker's order and id number, for documents. */
  rows: (AwardItemView & { workerOrder: number })[];
};

export function readAwardState(db: Executor, caseId: number): AwardState {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  const award = db.select().from(awards).where(eq(awards.caseId, caseId)).get();
  const items = db
    .select({
      claimItemId: claimItems.id,
      workerId: claimItems.workerId,
      workerName: workers.name,
      workerOrder: workers.sortOrder,
      type: claimItems.type,
      claimedFen: claimItems.amountFen,
      awardedFen: awardItems.awardedFen,
      storedFinal: awardItems.isFinal,
    })
    .from(claimItems)
    .innerJoin(workers, eq(workers.id, claimItems.workerId))
    .leftJoin(awardItems, eq(awardItems.claimItemId, claimItems.id))
    .where(eq(claimItems.caseId, caseId))
    .orderBy(asc(workers.sortOrder), asc(workers.id), asc(claimItems.id))
    .all();

  const decidedOn = award?.decidedOn ?? null;
  const threshold = decidedOn ? thresholdOn(readMinimumWages(db), decidedOn) : null;
  const issued = !!award?.issuedAt;
  const rows = items.map((i) => {
    const isFinal = issued && i.storedFinal !== null ? i.storedFinal : threshold ? classifyItem({ type: i.type, claimedFen: i.claimedFen }, threshold.thresholdFen) : null;
    return {
      claimItemId: i.claimItemId,
      workerId: i.workerId,
      workerName: i.workerName,
      workerOrder: i.workerOrder,
      type: i.type,
      claimedFen: i.claimedFen,
      awardedFen: i.awardedFen ?? null,
      isFinal,
    };
  });
  return {
    case: row,
    rows,
    caseId,
    decidedOn,
    defence: award?.defence ?? '',
    factsFound: award?.factsFound ?? '',
    evidenceRelied: award?.evidenceRelied ?? '',
    reasoning: award?.reasoning ?? '',
    items: rows.map(({ workerOrder: _order, ...item }) => item),
    minimumWageFen: threshold?.minimumWage.monthlyFen ?? null,
    thresholdFen: threshold?.thresholdFen ?? null,
    hasFinal: rows.some((r) => r.isFinal === true),
    hasNonFinal: rows.some((r) => r.isFinal === false),
    issuedAt: award?.issuedAt ?? null,
  };
}

/** What `award.get` returns. */
export function readAward(db: Executor, caseId: number): AwardView {
  const { case: _case, rows: _rows, ...view } = readAwardState(db, caseId);
  return view;
}
