/**
 * Reading the award of a case: one row per claim item the award decides (worker name, claimed,
 * awarded) in a fixed number of queries whatever the worker count. Items an effective mediation
 * document settled are left out (the award never decides them again) and summarised instead.
 * Finality is computed per worker per item on the AWARDED amount against 12 × the minimum wage in
 * force on the award date (electron/core/finalAward.ts), so it follows every change of an amount;
 * once the award is issued the stored classification is shown, so a later change of the
 * minimum-wage settings cannot rewrite it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppFailure, type AwardItemView, type AwardView, type SettledSummary } from '../../core/contract';
import { classifyItem, finalityReason, thresholdOn, type MinimumWage } from '../../core/finalAward';
import { awardItems, awards, cases, claimItems, hearings, minimumWages, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { COMMISSION_ID } from '../settings/settingsService';
import { liabilityView, readLiabilities, type Liabilities } from '../liability/liabilityService';
import { effectiveSettlement } from '../mediation/settled';
import { readClaimWithdrawals } from '../mediation/mediationView';

export type AwardRow = typeof awards.$inferSelect;

export function readMinimumWages(db: Executor): (MinimumWage & { isDemo: boolean })[] {
  return db
    .select({ effectiveOn: minimumWages.effectiveOn, monthlyFen: minimumWages.monthlyFen, isDemo: minimumWages.isDemo })
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
  /** Days of the hearings held in this case (attendance recorded: heard, or by default when a respondent stayed away). */
  heardOn: string[];
};

/**
 * The days the case was heard. An award follows a hearing (调解仲裁法第三十五条–第三十九条: the
 * tribunal notifies the parties of the hearing and hears them; a respondent who does not come is
 * heard by default, 第三十六条, which is still a hearing held). domain.md names no procedure for
 * deciding on the papers (书面审理), so none is offered. A hearing at which the applicant did not
 * come ends as a deemed withdrawal, not a hearing the award may rest on.
 */
export function heardOn(db: Executor, caseId: number): string[] {
  const rows = db
    .select({ startsAt: hearings.startsAt })
    .from(hearings)
    .where(and(eq(hearings.caseId, caseId), eq(hearings.status, 'held'), inArray(hearings.outcome, ['held', 'default'])))
    .orderBy(asc(hearings.startsAt))
    .all();
  return rows.map((h) => h.startsAt.slice(0, 10));
}

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
  const wages = readMinimumWages(db);
  const threshold = decidedOn ? thresholdOn(wages, decidedOn) : null;
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
    heardOn: heardOn(db, caseId),
    caseId,
    decidedOn,
    defence: award?.defence ?? '',
    factsFound: award?.factsFound ?? '',
    evidenceRelied: award?.evidenceRelied ?? '',
    reasoning: award?.reasoning ?? '',
    items: rows.map(({ workerOrder: _order, ...item }) => item),
    minimumWageFen: threshold?.minimumWage.monthlyFen ?? null,
    minimumWageIsDemo: wages.some((w) => w.isDemo && w.effectiveOn === threshold?.minimumWage.effectiveOn),
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
  const { case: _case, rows: _rows, liabilities: _l, heardOn: _h, ...view } = readAwardState(db, caseId);
  return view;
}
