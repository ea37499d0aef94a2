/**
 * 快结 by award: the draft (defence, facts found, evidence relied on, reasoning, an amount per claim
 * item) saved through award.save, issued through award.issue — which classifies each item as final
 * or non-final against the minimum wage in force and generates the 裁决书 (one or two).
 */
import type { AwardView, DocumentView } from '../../../core/contract';
import { awardedAmount, awardTexts } from '../awardTexts';
import { applicantParties, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

/** Saves a complete draft on `on`: wages awarded in full, other items reduced where the proof is thin (awardTexts.ts). */
export async function draftAward(run: LivingRun, c: LivingCase, on: string, hearingOn: string, defaulted: boolean): Promise<AwardView> {
  run.at(on, '09:30');
  const view = await run.call('award.get', { caseId: c.id });
  const items = view.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: awardedAmount(i.type, i.claimedFen, c.rng) }));
  const totalFen = items.reduce((s, i) => s + i.awardedFen, 0);
  run.at(on, '10:30');
  return run.call('award.save', {
    caseId: c.id,
    items,
    ...awardTexts({ applicants: applicantParties(c), workerCount: c.detail.workers.length, project: c.detail.project?.name ?? null, acceptedOn: c.acceptedOn, hearingOn, totalFen, defaulted }),
  });
}

/** Issues the award on `on`: the 裁决书 (final and/or non-final) come back with it. */
export async function issueAward(run: LivingRun, c: LivingCase, on: string): Promise<{ award: AwardView; documents: DocumentView[] }> {
  run.at(on, '15:00');
  const result = await run.call('award.issue', { caseId: c.id, decidedOn: on });
  run.count(result.award.hasFinal && result.award.hasNonFinal ? '裁决（终局＋非终局）' : result.award.hasFinal ? '裁决（终局）' : '裁决（非终局）');
  run.count('文书：裁决书', result.documents.length);
  return result;
}

/**
 * The closing method an issued award implies: wholly final → 终局裁决; otherwise 非终局 (a split
 * award closes on its non-final part, the one that can still go to court).
 */
export function closingMethodOf(award: AwardView): 'finalAward' | 'nonFinalAward' {
  return award.hasFinal && !award.hasNonFinal ? 'finalAward' : 'nonFinalAward';
}

/** The respondent pays `share` % of what was awarded to each worker, on `on` (after closing). */
export async function payAward(run: LivingRun, c: LivingCase, on: string, share: number): Promise<void> {
  const award = await run.call('award.get', { caseId: c.id });
  const perWorker = new Map<number, number>();
  for (const i of award.items) perWorker.set(i.workerId, (perWorker.get(i.workerId) ?? 0) + (i.awardedFen ?? 0));
  let n = 0;
  for (const [workerId, awarded] of perWorker) {
    const amount = Math.round((awarded * share) / 100);
    if (amount <= 0) continue;
    run.at(on, '11:00');
    await run.call('mediation.recordPayment', { caseId: c.id, workerId, amountFen: amount, paidAt: `${on}T11:00`, method: 'bankTransfer', reference: `6222${String(c.id).padStart(6, '0')}A${String(++n).padStart(3, '0')}` });
    run.count('裁决后付款');
  }
}
