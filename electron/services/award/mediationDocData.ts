/** Reads what the 调解书 (and the partial, wages-first one) prints from the 快调 data. */
import { todayInChina } from '../../core/dates';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readMediation } from '../mediation/mediationView';
import { arbitratorSigners, tribunalOf } from '../../documents/award/caseData';
import type { MediationDocData } from '../../documents/mediation/mediationDocument';
import { loadCaseDocData } from './caseDocData';

/** What is missing before the document can be made (Chinese, one line each). */
export function mediationProblems(ctx: ServiceContext, db: Executor, caseId: number, partial: boolean): string[] {
  const view = readMediation(ctx, db, caseId);
  const agreed = view.rows.flatMap((r) => r.claims).filter((c) => c.agreedFen !== null && (!partial || c.type === 'unpaidWages'));
  if (!agreed.length) return [partial ? '尚未就工资请求达成调解（可使用"工资优先"）' : '尚未达成调解协议（请在快调中填写调解金额）'];
  if (view.outcome === 'failed') return ['调解结果为调解不成，不能制作调解书'];
  return [];
}

export function loadMediationDocData(ctx: ServiceContext, db: Executor, caseId: number, partial: boolean): MediationDocData {
  const view = readMediation(ctx, db, caseId);
  const base = loadCaseDocData(ctx, db, caseId);
  const settling = [...view.sessions].reverse().find((s) => s.outcome === 'settled' || s.outcome === 'partlySettled') ?? view.sessions.at(-1) ?? null;
  const tribunal = tribunalOf(base);
  const signers = tribunal.arbitrators.length ? arbitratorSigners(tribunal) : settling ? [`仲裁员　${settling.mediator}`] : [];
  const madeOn = settling?.heldOn ?? todayInChina(ctx.now());
  return {
    ...base,
    partial,
    madeOn,
    signers,
    clerk: tribunal.clerk,
    rows: view.rows.map((r) => ({
      workerId: r.workerId,
      claims: r.claims.map((c) => ({ type: c.type, claimedFen: c.claimedFen, agreedFen: c.agreedFen, payBy: c.payBy, method: c.method })),
      paidOnSpotFen: r.payments.filter((p) => p.instalmentId === null && p.paidAt.slice(0, 10) <= madeOn).reduce((a, p) => a + p.amountFen, 0),
      instalments: r.instalments.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountFen: i.amountFen })),
    })),
  };
}
