/**
 * 快结 by award: the draft (defence, facts found, evidence relied on, reasoning, an amount per claim
 * item) saved through award.save, issued through award.issue — which classifies each item as final
 * or non-final against the minimum wage in force and generates the 裁决书 (one or two).
 */
import type { AwardView, DocumentView } from '../../../core/contract';
import { formatChineseDate } from '../../../core/dates';
import { formatYuan } from '../../../core/money';
import { applicantParties, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

/** Saves a complete draft on `on`: wages awarded in full, other items reduced where the proof is thin. */
export async function draftAward(run: LivingRun, c: LivingCase, on: string, hearingOn: string, defaulted: boolean): Promise<AwardView> {
  run.at(on, '09:30');
  const view = await run.call('award.get', { caseId: c.id });
  const items = view.items.map((i) => ({
    claimItemId: i.claimItemId,
    awardedFen: i.type === 'unpaidWages' ? i.claimedFen : c.rng.chance(0.25) ? 0 : c.rng.chance(0.3) ? Math.round(i.claimedFen * 0.6) : i.claimedFen,
  }));
  const project = c.detail.project?.name ?? '涉案工程';
  const total = items.reduce((s, i) => s + (i.awardedFen ?? 0), 0);
  const applicants = applicantParties(c).join('、');
  const count = c.detail.workers.length;
  run.at(on, '10:30');
  return run.call('award.save', {
    caseId: c.id,
    items,
    // the 裁决书 prints "被申请人辩称：" before the defence, and its own sentence when there is none
    defence: defaulted ? '' : `对申请人在${project}施工的事实无异议，但因建设单位未按期拨付工程款导致工资未能按时发放；部分人员的出勤天数与台账不符。`,
    factsFound: `申请人${applicants}${count > 1 ? `等${count}人` : ''}在被申请人承建的${project}从事施工作业。被申请人未按月足额支付工资。${formatChineseDate(c.acceptedOn)}，申请人向本委申请仲裁。\n${formatChineseDate(hearingOn)}本委开庭审理，经核对工资发放台账、农民工花名册及考勤记录，查明被申请人尚欠申请人工资等款项。`,
    evidenceRelied: '工资发放台账、施工现场照片、农民工花名册及庭审笔录，经庭审质证，本委予以采信。',
    reasoning: `用人单位应当按照劳动合同约定和国家规定，以货币形式按月支付劳动者工资，不得克扣或者无故拖欠（《劳动法》第五十条、《保障农民工工资支付条例》第十一条）。被申请人拖欠申请人工资的事实清楚，证据充分，应予支付。建设单位未拨付工程款不能成为拖欠农民工工资的理由。申请人请求的其他款项，有证据支持的部分予以支持，本委裁决支付合计${formatYuan(total)}。`,
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
