/** Reads what the 调解书 (and the partial one) prints from the 快调 data. */
import { todayInChina } from '../../core/dates';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { liabilityProblems, readLiabilities } from '../liability/liabilityService';
import { activeClaims, agreedScope, readMediation } from '../mediation/mediationView';
import { arbitratorSigners, tribunalOf } from '../../documents/award/caseData';
import type { MediationDocData } from '../../documents/mediation/mediationDocument';
import { loadCaseDocData } from './caseDocData';

/**
 * What is missing before the document can be made (Chinese, one line each). The full 调解书 needs
 * every claim of every worker agreed or withdrawn (the withdrawal on record); while any is not, only
 * the partial one (其他请求继续审理).
 */
export function mediationProblems(ctx: ServiceContext, db: Executor, caseId: number, partial: boolean): string[] {
  const view = readMediation(ctx, db, caseId);
  const agreed = view.rows.flatMap((r) => r.claims).filter((c) => c.agreedFen !== null);
  if (view.outcome === 'failed') return ['调解结果为调解不成，不能制作调解书'];
  if (!agreed.length) return [partial ? '尚未就任何请求达成调解（可使用"工资优先"）' : '尚未达成调解协议（请在快调中填写调解金额）'];
  const problems: string[] = [];
  if (!partial && !view.allAgreed) {
    const open = view.rows.filter((r) => activeClaims(r.claims).some((c) => c.agreedFen === null));
    problems.push(`尚有${open.length}名申请人的请求未达成调解（${open.slice(0, 3).map((r) => r.name).join('、')}${open.length > 3 ? '等' : ''}），只能制作部分调解书，其他请求继续审理`);
  }
  if (partial && view.allAgreed) problems.push('全部请求均已达成调解，请制作调解书（全部）');
  problems.push(...liabilityProblems(view.liability));
  return problems;
}

export function loadMediationDocData(ctx: ServiceContext, db: Executor, caseId: number, partial: boolean): MediationDocData {
  const view = readMediation(ctx, db, caseId);
  const base = loadCaseDocData(ctx, db, caseId);
  const settling = [...view.sessions].reverse().find((s) => s.outcome === 'settled' || s.outcome === 'partlySettled') ?? view.sessions.at(-1) ?? null;
  const tribunal = tribunalOf(base);
  const signers = tribunal.arbitrators.length ? arbitratorSigners(tribunal) : settling ? [`仲裁员　${settling.mediator}`] : [];
  const madeOn = settling?.heldOn ?? todayInChina(ctx.now());
  const scope = agreedScope(view.rows);
  const liabilities = readLiabilities(db, caseId, 'mediation', scope);
  return {
    ...base,
    partial,
    madeOn,
    signers,
    clerk: tribunal.clerk,
    liability: Object.fromEntries([...liabilities.of.entries()].map(([id, a]) => [id, a.assignment])),
    rows: view.rows.map((r) => ({
      workerId: r.workerId,
      claims: activeClaims(r.claims).map((c) => ({ claimItemId: c.claimItemId, type: c.type, claimedFen: c.claimedFen, agreedFen: c.agreedFen, payBy: c.payBy, method: c.method })),
      spotPayments: r.payments.filter((p) => p.instalmentId === null && p.paidAt.slice(0, 10) <= madeOn).map((p) => ({ amountFen: p.amountFen, method: p.method, paidOn: p.paidAt.slice(0, 10) })),
      instalments: r.instalments.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountFen: i.amountFen })),
    })),
    withdrawn: view.rows.flatMap((r) =>
      r.claims.flatMap((c) => (c.withdrawal ? [{ workerId: r.workerId, type: c.type, claimedFen: c.claimedFen, withdrawnOn: c.withdrawal.withdrawnOn }] : [])),
    ),
  };
}
