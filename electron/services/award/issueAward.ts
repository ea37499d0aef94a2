/**
 * award.issue: checks the award is complete (award date on or after acceptance and not in the
 * future, a minimum wage in force on that date, every item decided, facts and reasoning written),
 * stores each item's final / non-final classification and the issue time, writes the timeline, then
 * generates the award document(s) through the documents service: 终局裁决书 and 非终局裁决书 when
 * the award is mixed, one 裁决书 otherwise.
 */
import { eq } from 'drizzle-orm';
import { AppFailure, type AwardView, type DocumentView } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { formatYuan, sumFen } from '../../core/money';
import { awardItems, awards, cases } from '../../../db/schema';
import { awardProblems } from './awardDocData';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { readAward, readAwardState } from './awardView';
import { assertDraftable, ensureAwardRow } from './saveAward';

export type GenerateAwardDocuments = (ctx: ServiceContext, caseId: number) => DocumentView[] | Promise<DocumentView[]>;

export async function issueAward(ctx: ServiceContext, input: { caseId: number; decidedOn: string }, generate: GenerateAwardDocuments): Promise<{ award: AwardView; documents: DocumentView[] }> {
  const at = ctx.now().toISOString();
  const today = todayInChina(ctx.now());
  ctx.db.transaction(
    (tx) => {
      const current = readAwardState(tx, input.caseId);
      assertDraftable(current);
      const acceptedOn = current.case.acceptedOn;
      if (!acceptedOn) throw new AppFailure('conflict', '案件尚未受理，不能作出裁决');
      if (input.decidedOn < acceptedOn) {
        throw new AppFailure('invalid_input', `裁决日期${formatChineseDate(input.decidedOn)}早于受理日期${formatChineseDate(acceptedOn)}，请更正`);
      }
      if (input.decidedOn > today) throw new AppFailure('invalid_input', `裁决日期${formatChineseDate(input.decidedOn)}晚于今天，不能预先作出裁决`);

      ensureAwardRow(tx, input.caseId, at);
      tx.update(awards).set({ decidedOn: input.decidedOn, updatedAt: at }).where(eq(awards.caseId, input.caseId)).run();
      const state = readAwardState(tx, input.caseId);
      const problems = awardProblems(state);
      if (problems.length) throw new AppFailure('conflict', `裁决书尚不能作出：${problems.join('；')}`);

      for (const r of state.rows) tx.update(awardItems).set({ isFinal: r.isFinal }).where(eq(awardItems.claimItemId, r.claimItemId)).run();
      tx.update(awards).set({ issuedAt: at, updatedAt: at }).where(eq(awards.caseId, input.caseId)).run();
      tx.update(cases).set({ updatedAt: at }).where(eq(cases.id, input.caseId)).run();

      const finals = state.rows.filter((r) => r.isFinal);
      const nonFinals = state.rows.filter((r) => !r.isFinal);
      const total = sumFen(state.rows.map((r) => r.awardedFen ?? 0));
      const kind = finals.length && nonFinals.length ? `终局${finals.length}项、非终局${nonFinals.length}项，分别制作终局裁决书和非终局裁决书` : finals.length ? `全部${finals.length}项为终局裁决` : `全部${nonFinals.length}项为非终局裁决`;
      appendEvent(tx, ctx.now(), {
        caseId: input.caseId,
        action: 'award.issue',
        summary: `作出裁决（${formatChineseDate(input.decidedOn)}）：裁决金额合计${formatYuan(total)}；${kind}（终局标准：月最低工资${formatYuan(state.minimumWageFen!)}×12＝${formatYuan(state.thresholdFen!)}，按每名申请人每项请求计算）`,
        after: { decidedOn: input.decidedOn, final: finals.map((r) => r.claimItemId), nonFinal: nonFinals.map((r) => r.claimItemId), totalFen: total },
      });
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: input.caseId });
  const documents = await generate(ctx, input.caseId);
  return { award: readAward(ctx.db, input.caseId), documents };
}
