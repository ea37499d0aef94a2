/**
 * 裁决结案 on the fast path: what award.save and award.issue leave behind — a draft with the
 * arbitrator's texts and an amount for every claim item still to decide (awardTexts.ts), then the
 * award made on its day: each item classified final or non-final per worker per item against 12 ×
 * the minimum wage in force that day (core/finalAward.ts, the rule award.issue applies), the issue
 * time stored. The closing method and the award's finality follow from the items (a split award
 * closes as 非终局, award_finality 'mixed'), as closing.close fixes them. Liability stays with the
 * contracting chain's default (no per-respondent assignment), as on an award nobody re-assigned.
 * The 裁决书 itself is not generated here: the documents tab builds it from these rows.
 */
import type { Executor, Tx } from '../../../db/open';
import { formatChineseDate } from '../../core/dates';
import { claimTypeLabels, type ClaimType } from '../../core/domain';
import { classifyItem, thresholdOn, type MinimumWage } from '../../core/finalAward';
import { formatYuan, sumFen } from '../../core/money';
import type { AwardFinality } from '../closing/awardFinality';
import { appendEvent, clientOf } from '../timeline';
import { awardedAmount, awardTexts } from './awardTexts';
import type { Rng } from './random';

type Item = { claimItemId: number; workerName: string; type: ClaimType; claimedFen: number; awardedFen: number; isFinal: boolean };

export type AwardPlan = {
  decidedOn: string;
  items: Item[];
  minimumWageFen: number;
  thresholdFen: number;
  method: 'finalAward' | 'nonFinalAward';
  finality: AwardFinality;
};

/** Decides every claim item of a case still to decide (not withdrawn), on `decidedOn`. */
export class AwardPlanner {
  private readonly items;
  constructor(
    db: Executor,
    private readonly wages: MinimumWage[],
    private readonly rng: Rng,
  ) {
    this.items = clientOf(db).prepare(`
      select ci.id as claimItemId, w.name as workerName, ci.type, ci.amount_fen as claimedFen
      from claim_items ci join workers w on w.id = ci.worker_id
      where ci.case_id = ? and not exists (select 1 from claim_withdrawals cw where cw.claim_item_id = ci.id)
      order by w.sort_order, w.id, ci.id`);
  }

  plan(caseId: number, decidedOn: string): AwardPlan | null {
    const threshold = thresholdOn(this.wages, decidedOn);
    const rows = this.items.all(caseId) as Omit<Item, 'awardedFen' | 'isFinal'>[];
    if (!threshold || !rows.length) return null;
    const items = rows.map((r) => {
      const awardedFen = awardedAmount(r.type, r.claimedFen, this.rng);
      return { ...r, awardedFen, isFinal: classifyItem({ type: r.type, claimedFen: r.claimedFen, awardedFen }, threshold.thresholdFen) };
    });
    const finals = items.some((i) => i.isFinal);
    const nonFinals = items.some((i) => !i.isFinal);
    return {
      decidedOn,
      items,
      minimumWageFen: threshold.minimumWage.monthlyFen,
      thresholdFen: threshold.thresholdFen,
      // wholly final → 终局裁决; otherwise 非终局 (a split award closes on the part that can go to court)
      method: finals && !nonFinals ? 'finalAward' : 'nonFinalAward',
      finality: finals && nonFinals ? 'mixed' : finals ? 'final' : 'nonFinal',
    };
  }
}

export type FastAward = {
  id: number;
  plan: AwardPlan;
  acceptedOn: string;
  hearingOn: string;
  applicants: string[];
  workerCount: number;
  project: string | null;
  defaulted: boolean;
  at: (date: string, hour: number) => Date;
};

const amountText = (fen: number) => (fen === 0 ? '驳回' : formatYuan(fen));

export function recordFastAwards(tx: Tx, list: FastAward[]): void {
  if (!list.length) return;
  const client = clientOf(tx);
  const insertAward = client.prepare(
    `insert into awards (case_id, decided_on, defence, facts_found, evidence_relied, reasoning, issued_at, updated_at) values (?, null, ?, ?, ?, ?, null, ?)`,
  );
  const insertItems = client.prepare(`
    insert into award_items (claim_item_id, case_id, awarded_fen, is_final)
    select j.value ->> 0, ?, j.value ->> 1, null from json_each(?) j`);
  const issue = client.prepare(`update awards set decided_on = ?, issued_at = ?, updated_at = ? where case_id = ?`);
  const classify = client.prepare(`update award_items set is_final = ? where claim_item_id in (select value from json_each(?))`);
  for (const a of list) {
    const { plan } = a;
    const total = sumFen(plan.items.map((i) => i.awardedFen));
    const texts = awardTexts({ applicants: a.applicants, workerCount: a.workerCount, project: a.project, acceptedOn: a.acceptedOn, hearingOn: a.hearingOn, totalFen: total, defaulted: a.defaulted });
    // award.save: the draft, the day after the hearing (or the day of the award)
    const draftAt = a.at(plan.decidedOn > a.hearingOn ? plan.decidedOn : a.hearingOn, plan.decidedOn > a.hearingOn ? 10 : 17);
    insertAward.run(a.id, texts.defence, texts.factsFound, texts.evidenceRelied, texts.reasoning, draftAt.toISOString());
    insertItems.run(a.id, JSON.stringify(plan.items.map((i) => [i.claimItemId, i.awardedFen])));
    const edited = [texts.defence ? '答辩意见' : '', '查明事实', '认定证据', '本委认为'].filter(Boolean);
    const shown = plan.items.slice(0, 5).map((i) => `${i.workerName}「${claimTypeLabels[i.type]}」${amountText(i.awardedFen)}`);
    appendEvent(tx, draftAt, {
      caseId: a.id,
      action: 'award.save',
      summary: `裁决书草稿：修改${edited.join('、')}；裁决金额${plan.items.length}项（${shown.join('；')}${plan.items.length > 5 ? '等' : ''}）`,
      before: { ...(texts.defence ? { defence: 0 } : {}), factsFound: 0, evidenceRelied: 0, reasoning: 0, items: plan.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: null })) },
      after: {
        ...(texts.defence ? { defence: texts.defence.length } : {}),
        factsFound: texts.factsFound.length,
        evidenceRelied: texts.evidenceRelied.length,
        reasoning: texts.reasoning.length,
        items: plan.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: i.awardedFen })),
      },
    });

    // award.issue: the classification stored, the issue time, the timeline
    const issuedAt = a.at(plan.decidedOn, 15);
    const finals = plan.items.filter((i) => i.isFinal);
    const nonFinals = plan.items.filter((i) => !i.isFinal);
    issue.run(plan.decidedOn, issuedAt.toISOString(), issuedAt.toISOString(), a.id);
    if (finals.length) classify.run(1, JSON.stringify(finals.map((i) => i.claimItemId)));
    if (nonFinals.length) classify.run(0, JSON.stringify(nonFinals.map((i) => i.claimItemId)));
    const kind = finals.length && nonFinals.length ? `终局${finals.length}项、非终局${nonFinals.length}项，分别制作终局裁决书和非终局裁决书` : finals.length ? `全部${finals.length}项为终局裁决` : `全部${nonFinals.length}项为非终局裁决`;
    appendEvent(tx, issuedAt, {
      caseId: a.id,
      action: 'award.issue',
      summary: `作出裁决（${formatChineseDate(plan.decidedOn)}）：裁决金额合计${formatYuan(total)}；${kind}（终局标准：月最低工资${formatYuan(plan.minimumWageFen)}×12＝${formatYuan(plan.thresholdFen)}，按每名申请人每项请求计算）`,
      after: { decidedOn: plan.decidedOn, final: finals.map((i) => i.claimItemId), nonFinal: nonFinals.map((i) => i.claimItemId), totalFen: total },
    });
  }
}
