/**
 * Reading the award of a case: one row per claim item the award decides (worker name, claimed,
 * awarded) in a fixed number of queries whatever the worker count. Items an effective mediation
 * document settled are left out (the award never decides them again) and summarised instead.
 * Finality is computed per worker per item on the AWARDED amount against 12 × the minimum wage in
 * force on the award date (electron/core/finalAward.ts), so it follows every change of an amount;
 * once the award is issued the stored classification is shown, so a later change of the
 * minimum-wage settings cannot rewrite it.
 */
import { asc, eq } from 'drizzle-orm';
import { AppFailure, type AwardItemView, type AwardView, type SettledSummary } from '../../core/contract';
import { classifyItem, finalityReason, thresholdOn, type MinimumWage } from '../../core/finalAward';
import { awardItems, awards, cases, claimItems, minimumWages, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { COMMISSION_ID } from '../settings/settingsService';
import { liabilityView, readLiabilities, type Liabilities } from '../liability/liabilityService';
import { effectiveSettlement } from '../mediation/settled';
import { readClaimWithdrawals } from '../mediation/mediationView';

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
  /** Items with the worker's order, for documents. */
  rows: (AwardItemView & { workerOrder: number })[];
  liabilities: Liabilities;
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

  const settlement = effectiveSettlement(db, caseId);
  const settledItems = settlement ? items.filter((i) => settlement.agreed.has(i.claimItemId)) : [];
  // withdrawn items are never decided: the award states the withdrawal instead
  const withdrawals = readClaimWithdrawals(db, caseId);
  const withdrawn = items.flatMap((i) => {
    const w = withdrawals.get(i.claimItemId);
    return w ? [{ claimItemId: i.claimItemId, workerId: i.workerId, workerName: i.workerName, type: i.type, claimedFen: i.claimedFen, withdrawnOn: w.withdrawnOn }] : [];
  });
  const decided = items.filter((i) => !settlement?.agreed.has(i.claimItemId) && !withdrawals.has(i.claimItemId));

  const decidedOn = award?.decidedOn ?? null;
  const threshold = decidedOn ? thresholdOn(readMinimumWages(db), decidedOn) : null;
  const issued = !!award?.issuedAt;
  const rows = decided.map((i) => {
    const awardedFen = i.awardedFen ?? null;
    const computed = threshold && awardedFen !== null ? { type: i.type, claimedFen: i.claimedFen, awardedFen } : null;
    const isFinal = issued && i.storedFinal !== null ? i.storedFinal : computed ? classifyItem(computed, threshold!.thresholdFen) : null;
    return {
      claimItemId: i.claimItemId,
      workerId: i.workerId,
      workerName: i.workerName,
      workerOrder: i.workerOrder,
      type: i.type,
      claimedFen: i.claimedFen,
      awardedFen,
      isFinal,
      finalReason: computed ? finalityReason(computed, threshold!.thresholdFen) : null,
    };
  });
  const scope = rows.map((r) => ({ claimItemId: r.claimItemId, workerId: r.workerId, workerName: r.workerName, type: r.type, amountFen: r.awardedFen }));
  const liabilities = readLiabilities(db, caseId, 'award', scope);
  let settled: SettledSummary | null = null;
  if (settlement && settledItems.length) {
    const names = [...new Map(settledItems.map((i) => [i.workerId, i.workerName])).values()];
    settled = {
      effectiveOn: settlement.effectiveOn,
      workers: names.length,
      items: settledItems.length,
      amountFen: settledItems.reduce((s, i) => s + (settlement.agreed.get(i.claimItemId) ?? 0), 0),
      workerNames: names,
    };
  }
  return {
    case: row,
    rows,
    liabilities,
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
    settled,
    withdrawn,
    liability: liabilityView('award', scope, liabilities),
  };
}

/** What `award.get` returns. */
export function readAward(db: Executor, caseId: number): AwardView {
  const { case: _case, rows: _rows, liabilities: _l, ...view } = readAwardState(db, caseId);
  return view;
}
