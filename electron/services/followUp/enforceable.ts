/**
 * What the court may be asked to enforce in a case today (core/enforcement): the effective
 * mediation document's items and the effective parts of the award, each past its pay-by date,
 * bound to exactly the respondents its liability names. A fixed number of queries.
 */
import { and, eq, sql } from 'drizzle-orm';
import { addCalendarDays } from '../../core/clock/periods';
import { todayInChina } from '../../core/dates';
import { computeEnforcement, type CourtAction, type DecidedItem, type EnforcementResult } from '../../core/enforcement';
import type { ChainRespondent } from '../../core/liability';
import { awards, courtActions } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readLiabilities } from '../liability/liabilityService';
import { effectiveSettlement } from '../mediation/settled';

export type Enforcement = EnforcementResult & {
  chain: ChainRespondent[];
  mediationEffectiveOn: string | null;
  awardDecidedOn: string | null;
  hasFinal: boolean;
  hasNonFinal: boolean;
};

export function readEnforcement(ctx: ServiceContext, db: Executor, caseId: number): Enforcement {
  const today = todayInChina(ctx.now());
  const settlement = effectiveSettlement(db, caseId);
  const award = db.select().from(awards).where(eq(awards.caseId, caseId)).get();
  const issued = !!award?.issuedAt;

  // mediation items: the effective document's; before any award, the agreed items (shown as not yet effective)
  const agreed = settlement || !issued
    ? db.all<{ claimItemId: number; workerId: number; amountFen: number; payBy: string | null }>(sql`
        select si.claim_item_id as claimItemId, si.worker_id as workerId, si.agreed_fen as amountFen, si.pay_by as payBy
        from settlement_items si where si.case_id = ${caseId} and si.agreed_fen is not null order by si.claim_item_id`)
    : [];
  const awarded = issued
    ? db
        .all<{ claimItemId: number; workerId: number; amountFen: number; isFinal: number }>(sql`
        select ai.claim_item_id as claimItemId, ci.worker_id as workerId, ai.awarded_fen as amountFen, ai.is_final as isFinal
        from award_items ai join claim_items ci on ci.id = ai.claim_item_id where ai.case_id = ${caseId} order by ai.claim_item_id`)
        .filter((i) => !settlement?.agreed.has(i.claimItemId))
    : [];
  const mediationLiability = readLiabilities(db, caseId, 'mediation', agreed);
  const awardLiability = readLiabilities(db, caseId, 'award', awarded);
  const items: DecidedItem[] = [
    ...agreed.map((i) => ({ ...i, part: 'mediation' as const, liability: mediationLiability.of.get(i.claimItemId)!.assignment })),
    ...awarded.map((i) => ({ claimItemId: i.claimItemId, workerId: i.workerId, amountFen: i.amountFen, part: i.isFinal ? ('final' as const) : ('nonFinal' as const), liability: awardLiability.of.get(i.claimItemId)!.assignment })),
  ];

  const instalments = db.all<{ workerId: number; dueOn: string; amountFen: number; paidFen: number }>(sql`
    select i.worker_id as workerId, i.due_on as dueOn, i.amount_fen as amountFen,
      coalesce((select sum(p.amount_fen) from payments p where p.instalment_id = i.id), 0) as paidFen
    from instalments i where i.case_id = ${caseId}`);
  const paid = db.all<{ workerId: number; paid: number }>(sql`select worker_id as workerId, sum(amount_fen) as paid from payments where case_id = ${caseId} group by worker_id`);

  const hasFinal = awarded.some((i) => i.isFinal);
  const hasNonFinal = awarded.some((i) => !i.isFinal);
  // the non-final award document: 'nonFinal' when the award is split, '' when it is wholly non-final;
  // a publication is recorded with the day it is deemed served
  const services = hasNonFinal
    ? db.all<{ method: string; servedOn: string }>(sql`
        select s.method, s.served_on as servedOn from document_services s join documents d on d.id = s.document_id
        where s.case_id = ${caseId} and d.kind = 'award' and s.served_on is not null
          and d.variant = ${hasFinal ? 'nonFinal' : ''}`)
    : [];
  const nonFinalServedOn = services.map((s) => s.servedOn).sort().at(-1) ?? null;
  const actions: CourtAction[] = db
    .select()
    .from(courtActions)
    .where(and(eq(courtActions.caseId, caseId)))
    .all()
    .map((a) => ({ kind: a.kind, filedBy: a.filedBy, part: a.part, workerIds: a.workerIds ? (JSON.parse(a.workerIds) as number[]) : null, filedOn: a.filedOn, status: a.status, endedOn: a.endedOn }));

  const result = computeEnforcement({
    today,
    items,
    mediationEffectiveOn: settlement?.effectiveOn ?? null,
    instalments,
    awardDecidedOn: issued ? (award!.decidedOn ?? award!.issuedAt!.slice(0, 10)) : null,
    nonFinalServedOn,
    courtActions: actions,
    paidByWorker: new Map(paid.map((p) => [p.workerId, Number(p.paid)])),
    periodEnd: (start, days) => addCalendarDays(start, days, ctx.calendar).due,
  });
  return {
    ...result,
    chain: mediationLiability.chain,
    mediationEffectiveOn: settlement?.effectiveOn ?? null,
    awardDecidedOn: issued ? (award!.decidedOn ?? null) : null,
    hasFinal,
    hasNonFinal,
  };
}

/** Why nothing can be enforced yet, in one line per part (for the refusal message). */
export function notEnforceableReasons(e: Enforcement): string[] {
  const reasons = new Set<string>();
  for (const i of e.items) if (i.reason && i.unpaidFen > 0) reasons.add(i.reason);
  return [...reasons];
}
