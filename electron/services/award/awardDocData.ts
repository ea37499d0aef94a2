/** Reads what the 裁决书 prints, and says in Chinese what is still missing before it can be built. */
import { AppFailure } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { claimTypeLabels, type ClaimType } from '../../core/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readAwardState } from './awardView';
import { liabilityProblems } from '../liability/liabilityService';
import { loadCaseDocData } from './caseDocData';
import type { AwardDocData } from '../../documents/award/awardDocument';

/** Everything that must be in place before an award can be issued or printed (empty when ready). */
export function awardProblems(state: ReturnType<typeof readAwardState>): string[] {
  const problems: string[] = [];
  if (!state.heardOn.length) problems.push('本案尚未开庭审理：请先在"开庭"中安排开庭，开庭后登记各方到庭情况（被申请人未到庭的，登记后可缺席裁决）');
  else if (state.decidedOn && state.heardOn[0]! > state.decidedOn) problems.push(`裁决日期${formatChineseDate(state.decidedOn)}早于开庭日期${formatChineseDate(state.heardOn[0]!)}，裁决应在开庭审理之后作出`);
  if (!state.decidedOn) problems.push('请填写裁决日期');
  else if (state.thresholdFen === null) problems.push(`请在设置中填写${formatChineseDate(state.decidedOn)}（裁决日）或之前生效的最低工资标准`);
  const open = state.rows.filter((r) => r.awardedFen === null);
  if (open.length) {
    const shown = open.slice(0, 3).map((r) => `${r.workerName}「${claimTypeLabels[r.type]}」`);
    problems.push(`尚有${open.length}项请求未裁决：${shown.join('、')}${open.length > 3 ? '等' : ''}`);
  }
  if (!state.rows.length) problems.push(state.withdrawn.length ? '本案的仲裁请求均已撤回或经调解处理，没有需要裁决的请求' : '本案没有仲裁请求');
  problems.push(...liabilityProblems(state.liability));
  if (!state.factsFound.trim()) problems.push('请填写查明的事实');
  if (!state.reasoning.trim()) problems.push('请填写"本委认为"的理由');
  return problems;
}

export function loadAwardDocData(ctx: ServiceContext, db: Executor, caseId: number, variant = ''): AwardDocData {
  const state = readAwardState(db, caseId);
  const problems = awardProblems(state);
  if (problems.length) throw new AppFailure('conflict', `裁决书尚不能生成：${problems.join('；')}`);
  if (variant && variant !== 'final' && variant !== 'nonFinal') throw new AppFailure('invalid_input', `裁决书没有这一文本：${variant}（应为 final 或 nonFinal）`);
  if (variant && !(state.hasFinal && state.hasNonFinal)) throw new AppFailure('invalid_input', '本案裁决未分为终局与非终局两部分，只有一份裁决书');
  return {
    ...loadCaseDocData(ctx, db, caseId),
    decidedOn: state.decidedOn!,
    defence: state.defence,
    factsFound: state.factsFound,
    evidenceRelied: state.evidenceRelied,
    reasoning: state.reasoning,
    minimumWageFen: state.minimumWageFen!,
    thresholdFen: state.thresholdFen!,
    only: variant,
    items: state.rows.map((r) => ({ claimItemId: r.claimItemId, workerId: r.workerId, type: r.type, claimedFen: r.claimedFen, awardedFen: r.awardedFen!, isFinal: r.isFinal! })),
    liability: Object.fromEntries([...state.liabilities.of.entries()].map(([id, a]) => [id, a.assignment])),
    withdrawn: state.withdrawn,
    settled: state.settled ? { effectiveOn: state.settled.effectiveOn, workerNames: state.settled.workerNames, amountFen: state.settled.amountFen, types: settledTypes(db, caseId) } : null,
  };
}

/** The claim types an effective mediation document settled (for the award's procedure paragraph). */
function settledTypes(db: Executor, caseId: number): ClaimType[] {
  const types = db.all<{ type: ClaimType }>(sql`
    select distinct ci.type from settlement_items si join claim_items ci on ci.id = si.claim_item_id
    where si.case_id = ${caseId} and si.agreed_fen is not null`);
  const order: ClaimType[] = ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'];
  return order.filter((t) => types.some((x) => x.type === t));
}
