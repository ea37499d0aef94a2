import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/open';
import { commissions } from '../../../db/schema';
import { formatYuan } from '../../core/money';

/**
 * What one worker is owed and was paid. `dueFen` is what the employer must pay now:
 * per claim item the awarded amount of an issued award, else the agreed (mediation) amount; a
 * worker with neither is owed the roster amount (欠薪, what a correction order orders paid).
 * unpaid = max(0, due − paid).
 */
export type WorkerBalance = {
  caseId: number;
  workerId: number;
  seq: number;
  name: string;
  idNumber: string;
  phone: string | null;
  owedFen: number;
  agreedFen: number;
  awardedFen: number;
  dueFen: number;
  paidFen: number;
  unpaidFen: number;
  basis: 'award' | 'mediation' | 'roster';
};

/**
 * Balances of every worker of the given cases in three set queries (workers, claim items with their
 * settlement and issued award, payments), whatever the number of cases or workers.
 */
export function workerBalances(db: Executor, caseIds: number[]): WorkerBalance[] {
  if (!caseIds.length) return [];
  const ids = JSON.stringify([...new Set(caseIds)]);
  const workerRows = db.all<{ caseId: number; workerId: number; seq: number; name: string; idNumber: string; phone: string | null; owedFen: number }>(sql`
    select case_id as caseId, id as workerId, sort_order as seq, name, id_number as idNumber, phone, owed_fen as owedFen
    from workers where case_id in (select value from json_each(${ids}))
    order by case_id, sort_order, id`);
  const claimRows = db.all<{ workerId: number; agreed: number; agreedItems: number; awarded: number; awardedItems: number; due: number }>(sql`
    select ci.worker_id as workerId,
      coalesce(sum(si.agreed_fen), 0) as agreed,
      count(si.agreed_fen) as agreedItems,
      coalesce(sum(case when a.issued_at is not null then ai.awarded_fen end), 0) as awarded,
      count(case when a.issued_at is not null then ai.awarded_fen end) as awardedItems,
      coalesce(sum(coalesce(case when a.issued_at is not null then ai.awarded_fen end, si.agreed_fen, 0)), 0) as due
    from claim_items ci
    left join settlement_items si on si.claim_item_id = ci.id
    left join award_items ai on ai.claim_item_id = ci.id
    left join awards a on a.case_id = ci.case_id
    where ci.case_id in (select value from json_each(${ids}))
    group by ci.worker_id`);
  const paidRows = db.all<{ workerId: number; paid: number }>(sql`
    select worker_id as workerId, sum(amount_fen) as paid from payments
    where case_id in (select value from json_each(${ids})) group by worker_id`);
  const claims = new Map(claimRows.map((c) => [c.workerId, c]));
  const paid = new Map(paidRows.map((p) => [p.workerId, p.paid]));
  return workerRows.map((w) => {
    const c = claims.get(w.workerId);
    const basis: WorkerBalance['basis'] = c?.awardedItems ? 'award' : c?.agreedItems ? 'mediation' : 'roster';
    const dueFen = basis === 'roster' ? w.owedFen : (c?.due ?? 0);
    const paidFen = paid.get(w.workerId) ?? 0;
    return {
      ...w,
      agreedFen: c?.agreed ?? 0,
      awardedFen: c?.awarded ?? 0,
      dueFen,
      paidFen,
      unpaidFen: Math.max(0, dueFen - paidFen),
      basis,
    };
  });
}

export type PoliceThresholds = { oneWorkerFen: number; tenWorkersFen: number };

export function readThresholds(db: Executor): PoliceThresholds {
  const row = db
    .select({ one: commissions.policeThresholdOneWorkerFen, ten: commissions.policeThresholdTenWorkersFen })
    .from(commissions)
    .limit(1)
    .get();
  return { oneWorkerFen: row?.one ?? 1_000_000, tenWorkersFen: row?.ten ?? 6_000_000 };
}

export type PoliceAssessment = {
  eligible: boolean;
  unpaidWorkers: number;
  unpaidTotalFen: number;
  largestUnpaidFen: number;
  largestName: string | null;
  message: string;
};

/**
 * 拒不支付劳动报酬罪 "数额较大" (法释〔2013〕3号 Art 3, thresholds set per province in settings):
 * one worker owed at least the one-worker amount, or 10 or more workers owed at least the
 * ten-worker amount in total. (The interpretation's "3 months or more" for one worker is not checked.)
 */
export function assessPolice(balances: WorkerBalance[], t: PoliceThresholds): PoliceAssessment {
  const unpaid = balances.filter((b) => b.unpaidFen > 0);
  const total = unpaid.reduce((s, b) => s + b.unpaidFen, 0);
  const largest = unpaid.reduce<WorkerBalance | null>((m, b) => (!m || b.unpaidFen > m.unpaidFen ? b : m), null);
  const one = !!largest && largest.unpaidFen >= t.oneWorkerFen;
  const ten = unpaid.length >= 10 && total >= t.tenWorkersFen;
  const rule = `本省“数额较大”标准：拖欠一名劳动者${formatYuan(t.oneWorkerFen)}以上，或拖欠十名以上劳动者合计${formatYuan(t.tenWorkersFen)}以上`;
  const facts = `本案尚欠${unpaid.length}名劳动者合计${formatYuan(total)}${largest ? `，单人最高${largest.name}${formatYuan(largest.unpaidFen)}` : ''}`;
  return {
    eligible: one || ten,
    unpaidWorkers: unpaid.length,
    unpaidTotalFen: total,
    largestUnpaidFen: largest?.unpaidFen ?? 0,
    largestName: largest?.name ?? null,
    message: one || ten ? `${facts}，达到${rule}` : `${facts}，未达到${rule}，不符合移送公安机关的条件`,
  };
}
