// 快调 settlement arithmetic: integer fen only, no floats, no I/O. The mediation service feeds it
// rows from the database; the unit tests feed it tables worked out by hand.
import { formatYuan, sumFen } from './money';

export type ClaimLine = { claimedFen: number; agreedFen: number | null };
export type PaymentLine = { amountFen: number; instalmentId: number | null };
export type InstalmentLine = { id: number; seq: number; dueOn: string; amountFen: number };
export type InstalmentStatus = 'paid' | 'partlyPaid' | 'due' | 'overdue';

export type WorkerSettlement = {
  claimedFen: number;
  /** Sum of the agreed amounts (items not agreed count 0). */
  agreedFen: number;
  paidFen: number;
  /** agreed − paid, never below 0. */
  balanceFen: number;
  /** claimed − agreed over the items that have an agreed amount (what the worker conceded). */
  differenceFen: number;
  /** Every claim item has an agreed amount (a worker with no claim items is not "settled"). */
  settled: boolean;
  /** At least one claim item has an agreed amount. */
  anyAgreed: boolean;
};

export type SettlementTotals = {
  claimedFen: number;
  agreedFen: number;
  paidFen: number;
  balanceFen: number;
  differenceFen: number;
  settledWorkers: number;
};

/** One worker's figures from their claim items and payments. */
export function workerSettlement(claims: ClaimLine[], payments: PaymentLine[]): WorkerSettlement {
  const agreedLines = claims.filter((c) => c.agreedFen !== null);
  const claimedFen = sumFen(claims.map((c) => c.claimedFen));
  const agreedFen = sumFen(agreedLines.map((c) => c.agreedFen as number));
  const paidFen = sumFen(payments.map((p) => p.amountFen));
  const differenceFen = sumFen(agreedLines.map((c) => c.claimedFen - (c.agreedFen as number)));
  return {
    claimedFen,
    agreedFen,
    paidFen,
    balanceFen: Math.max(0, agreedFen - paidFen),
    differenceFen,
    settled: claims.length > 0 && agreedLines.length === claims.length,
    anyAgreed: agreedLines.length > 0,
  };
}

/** Case totals: plain sums of the worker figures (balance is the sum of per-worker balances). */
export function settlementTotals(rows: WorkerSettlement[]): SettlementTotals {
  return {
    claimedFen: sumFen(rows.map((r) => r.claimedFen)),
    agreedFen: sumFen(rows.map((r) => r.agreedFen)),
    paidFen: sumFen(rows.map((r) => r.paidFen)),
    balanceFen: sumFen(rows.map((r) => r.balanceFen)),
    differenceFen: sumFen(rows.map((r) => r.differenceFen)),
    settledWorkers: rows.filter((r) => r.settled).length,
  };
}

/**
 * Status of one instalment on `today` (China date). Fully paid wins; an instalment whose due date
 * has passed without full payment is overdue even when partly paid (the dashboard must see it);
 * otherwise partly paid, otherwise due. Due on today is not yet overdue.
 */
export function instalmentStatus(amountFen: number, paidFen: number, dueOn: string, today: string): InstalmentStatus {
  if (paidFen >= amountFen) return 'paid';
  if (dueOn < today) return 'overdue';
  return paidFen > 0 ? 'partlyPaid' : 'due';
}

/** Paid amount per instalment id, from the payments that name it. */
export function paidPerInstalment(payments: PaymentLine[]): Map<number, number> {
  const paid = new Map<number, number>();
  for (const p of payments) if (p.instalmentId !== null) paid.set(p.instalmentId, sumFen([paid.get(p.instalmentId) ?? 0, p.amountFen]));
  return paid;
}

/** A worker's plan with paid amounts and statuses, in instalment order. */
export function instalmentStates(instalments: InstalmentLine[], payments: PaymentLine[], today: string) {
  const paid = paidPerInstalment(payments);
  return [...instalments]
    .sort((a, b) => a.seq - b.seq)
    .map((i) => {
      const paidFen = paid.get(i.id) ?? 0;
      return { ...i, paidFen, remainingFen: Math.max(0, i.amountFen - paidFen), status: instalmentStatus(i.amountFen, paidFen, i.dueOn, today) };
    });
}

/** Refusal of an agreement above the claim, naming the worker and the item; null when fine. */
export function agreedProblem(workerName: string, itemLabel: string, claimedFen: number, agreedFen: number | null): string | null {
  if (agreedFen === null || agreedFen <= claimedFen) return null;
  return `${workerName}的「${itemLabel}」调解金额${formatYuan(agreedFen)}超过请求金额${formatYuan(claimedFen)}，调解金额不能高于请求金额，请改为不超过${formatYuan(claimedFen)}`;
}

/** Refusal of a payment that would exceed the worker's balance; null when it fits. */
export function paymentProblem(workerName: string, worker: Pick<WorkerSettlement, 'agreedFen' | 'paidFen' | 'balanceFen'>, amountFen: number): string | null {
  if (amountFen <= worker.balanceFen) return null;
  if (worker.agreedFen === 0) return `${workerName}尚无调解金额，请先确定调解金额再登记付款`;
  if (worker.balanceFen === 0) return `${workerName}的调解金额${formatYuan(worker.agreedFen)}已全部付清，不能再登记付款`;
  return `本次支付${formatYuan(amountFen)}超过${workerName}的未付余额${formatYuan(worker.balanceFen)}（调解金额${formatYuan(worker.agreedFen)}，已付${formatYuan(worker.paidFen)}），请改为不超过${formatYuan(worker.balanceFen)}`;
}

/**
 * Problems with a new instalment plan for one worker, in Chinese; empty when the plan can be
 * saved. `keptRemainingFen` is what is still owed on instalments that stay because they already
 * carry payments; the new instalments must cover the rest of the balance exactly.
 */
export function instalmentPlanProblems(
  workerName: string,
  plan: { dueOn: string; amountFen: number }[],
  balanceFen: number,
  keptRemainingFen: number,
  today: string,
): string[] {
  const problems: string[] = [];
  if (plan.length === 0) return problems;
  plan.forEach((p, i) => {
    if (p.dueOn < today) problems.push(`第${i + 1}期履行日期${p.dueOn}早于今天${today}，请改为今天或以后`);
    if (i > 0 && p.dueOn <= plan[i - 1].dueOn) problems.push(`第${i + 1}期履行日期${p.dueOn}须晚于第${i}期${plan[i - 1].dueOn}`);
  });
  const sum = sumFen(plan.map((p) => p.amountFen));
  const needed = balanceFen - keptRemainingFen;
  if (sum !== needed) {
    const kept = keptRemainingFen > 0 ? `（未付余额${formatYuan(balanceFen)}，其中已有付款的分期尚欠${formatYuan(keptRemainingFen)}）` : '';
    problems.push(`${workerName}的分期合计${formatYuan(sum)}，与应分期金额${formatYuan(needed)}不符${kept}，请调整各期金额使合计等于${formatYuan(needed)}`);
  }
  return problems;
}
