import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { addDays, formatChineseDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { awards, cases, inspectionSteps } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { WorkerBalance } from './balances';
import { AWARD_PAYMENT_DAYS, NON_FINAL_CHALLENGE_DAYS } from './warnings';

export type EffectiveInstrument = { kind: 'mediation' | 'award'; label: '调解书' | '裁决书'; effectiveOn: string | null };

/** The case's legally effective instrument: the award once issued, else the mediation document once signed by both sides. */
export function effectiveInstrument(db: Executor, caseId: number): EffectiveInstrument | null {
  const award = db.select().from(awards).where(eq(awards.caseId, caseId)).get();
  if (award?.issuedAt) {
    const info = db.get<{ finals: number; lastServed: string | null }>(sql`
      select (select count(*) from award_items where case_id = ${caseId} and is_final = 1) as finals,
        (select max(s.served_on) from document_services s join documents d on d.id = s.document_id where s.case_id = ${caseId} and d.kind = 'award') as lastServed`);
    const decidedOn = award.decidedOn ?? award.issuedAt.slice(0, 10);
    const effectiveOn = info?.finals ? decidedOn : info?.lastServed ? addDays(info.lastServed, NON_FINAL_CHALLENGE_DAYS) : null;
    return { kind: 'award', label: '裁决书', effectiveOn };
  }
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (row && (row.mediationOutcome === 'settled' || row.mediationOutcome === 'partlySettled') && row.mediationSignedByWorkersOn && row.mediationSignedByRespondentOn) {
    const effectiveOn = row.mediationSignedByWorkersOn > row.mediationSignedByRespondentOn ? row.mediationSignedByWorkersOn : row.mediationSignedByRespondentOn;
    return { kind: 'mediation', label: '调解书', effectiveOn };
  }
  return null;
}

export type IgnoredOrder = { kind: 'correctionOrder' | 'award' | 'mediation'; stepId: number | null; exhibitId: number | null; text: string };

/**
 * Orders to pay that the employer ignored (拒不支付 "经政府有关部门责令支付仍不支付"): a correction order
 * past its pay-by date, an effective award unpaid AWARD_PAYMENT_DAYS after taking effect, or an
 * effective mediation document with an instalment or agreed pay-by date passed unpaid — each while
 * wages are still owed.
 */
export function ignoredOrders(db: Executor, caseId: number, today: string, balances: WorkerBalance[]): IgnoredOrder[] {
  const unpaid = balances.reduce((s, b) => s + b.unpaidFen, 0);
  if (unpaid <= 0) return [];
  const out: IgnoredOrder[] = [];
  const orders = db
    .select()
    .from(inspectionSteps)
    .where(and(eq(inspectionSteps.caseId, caseId), eq(inspectionSteps.kind, 'correctionOrder'), isNotNull(inspectionSteps.payBy)))
    .orderBy(asc(inspectionSteps.date))
    .all();
  for (const o of orders) {
    if (o.payBy && o.payBy < today) {
      out.push({ kind: 'correctionOrder', stepId: o.id, exhibitId: o.exhibitId, text: `${o.title}（${formatChineseDate(o.date)}作出）责令于${formatChineseDate(o.payBy)}前支付，逾期未支付` });
    }
  }
  const instrument = effectiveInstrument(db, caseId);
  if (instrument?.kind === 'award' && instrument.effectiveOn && today > addDays(instrument.effectiveOn, AWARD_PAYMENT_DAYS)) {
    out.push({ kind: 'award', stepId: null, exhibitId: null, text: `裁决书于${formatChineseDate(instrument.effectiveOn)}生效，逾期未履行，尚欠${formatYuan(unpaid)}` });
  }
  if (instrument?.kind === 'mediation') {
    const late = db.get<{ n: number; first: string | null }>(sql`
      select count(*) as n, min(d) as first from (
        select i.due_on as d from instalments i
        where i.case_id = ${caseId} and i.due_on < ${today}
          and coalesce((select sum(p.amount_fen) from payments p where p.instalment_id = i.id), 0) < i.amount_fen
        union all
        select si.pay_by as d from settlement_items si
        where si.case_id = ${caseId} and si.pay_by is not null and si.pay_by < ${today} and si.agreed_fen > 0
          and not exists (select 1 from instalments i2 where i2.worker_id = si.worker_id)
          and coalesce((select sum(p.amount_fen) from payments p where p.worker_id = si.worker_id), 0)
            < (select sum(s2.agreed_fen) from settlement_items s2 where s2.worker_id = si.worker_id)
      )`);
    if (late && late.n > 0 && late.first) {
      out.push({ kind: 'mediation', stepId: null, exhibitId: null, text: `调解书已于${formatChineseDate(instrument.effectiveOn ?? late.first)}生效，约定${formatChineseDate(late.first)}起应付的款项逾期未付，尚欠${formatYuan(unpaid)}` });
    }
  }
  return out;
}

/** The ignored orders that ground a transfer to the police: the labour authority's own orders only. */
export function policeOrders(orders: IgnoredOrder[]): IgnoredOrder[] {
  return orders.filter((o) => o.kind === 'correctionOrder');
}
