import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { AppFailure, type Attendee, type ClaimWithdrawalView, type MediationSessionView, type MediationView, type MediationWorkerRow } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { instalmentStates, settlementTotals, workerSettlement, type WorkerSettlement } from '../../core/settlement';
import { awardItems, awards, cases, claimItems, claimWithdrawals, instalments, mediationSessions, payments, settlementItems, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { liabilityView, readLiabilities, type ScopedItem } from '../liability/liabilityService';

export type MediationState = MediationView & {
  case: typeof cases.$inferSelect;
  /** Per-worker figures keyed by worker id (the same numbers as the rows). */
  figures: Map<number, WorkerSettlement & { name: string }>;
  instalmentRemaining: Map<number, { workerId: number; seq: number; amountFen: number; paidFen: number }>;
  /** The agreed items (what liability is set for). */
  scope: ScopedItem[];
};

function parseAttendees(json: string): Attendee[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Attendee[]) : [];
  } catch {
    return [];
  }
}

/** Sessions in the order they were held (by date, then by entry order). */
export function sessionViews(rows: (typeof mediationSessions.$inferSelect)[]): MediationSessionView[] {
  return rows.map((s) => ({ id: s.id, heldOn: s.heldOn, mediator: s.mediator, attendees: parseAttendees(s.attendees), notes: s.notes, outcome: s.outcome, track: s.track }));
}

/** Per-worker figures keyed by worker id, and instalments by id, of the rows read. */
type WorkerRows = {
  rows: MediationWorkerRow[];
  figures: MediationState['figures'];
  instalmentRemaining: MediationState['instalmentRemaining'];
  claimRows: { claimItemId: number; agreedFen: number | null; track: string | null }[];
  withdrawals: Map<number, ClaimWithdrawalView>;
};

/**
 * The worker rows of the 快调 table — every worker of the case, or only `workerId` — with their
 * claim items joined to their settlement, what an issued award gave, withdrawals, instalments and
 * payments: one query per table whatever the worker count, each on an index by case (and worker).
 */
function readWorkerRows(ctx: ServiceContext, db: Executor, caseId: number, workerId?: number): WorkerRows {
  const today = todayInChina(ctx.now());
  const ofWorker = (column: SQLiteColumn) => (workerId === undefined ? undefined : eq(column, workerId));
  const workerRows = db
    .select({ id: workers.id, name: workers.name, idNumber: workers.idNumber, phone: workers.phone, bankCard: workers.bankCard })
    .from(workers)
    .where(and(eq(workers.caseId, caseId), ofWorker(workers.id)))
    .orderBy(asc(workers.sortOrder), asc(workers.id))
    .all();
  const claimRows = db
    .select({
      claimItemId: claimItems.id,
      workerId: claimItems.workerId,
      type: claimItems.type,
      claimedFen: claimItems.amountFen,
      agreedFen: settlementItems.agreedFen,
      payBy: settlementItems.payBy,
      method: settlementItems.method,
      track: settlementItems.track,
    })
    .from(claimItems)
    .leftJoin(settlementItems, eq(settlementItems.claimItemId, claimItems.id))
    .where(and(eq(claimItems.caseId, caseId), ofWorker(claimItems.workerId)))
    .orderBy(asc(claimItems.id))
    .all();
  const claimIds = workerId === undefined ? undefined : claimRows.map((c) => c.claimItemId);
  // After an issued award, what was awarded (and not settled) is owed too: payments and instalments
  // then track it the same way as agreed amounts.
  const awarded = new Map(
    claimIds?.length === 0
      ? []
      : db
          .select({ claimItemId: awardItems.claimItemId, awardedFen: awardItems.awardedFen })
          .from(awardItems)
          .innerJoin(awards, and(eq(awards.caseId, awardItems.caseId), isNotNull(awards.issuedAt)))
          .where(and(eq(awardItems.caseId, caseId), claimIds ? inArray(awardItems.claimItemId, claimIds) : undefined))
          .all()
          .map((a) => [a.claimItemId, a.awardedFen]),
  );
  const withdrawals = readClaimWithdrawals(db, caseId, claimIds);
  const instalmentRows = db
    .select()
    .from(instalments)
    .where(and(eq(instalments.caseId, caseId), ofWorker(instalments.workerId)))
    .orderBy(asc(instalments.workerId), asc(instalments.seq))
    .all();
  const paymentRows = db
    .select()
    .from(payments)
    .where(and(eq(payments.caseId, caseId), ofWorker(payments.workerId)))
    .orderBy(asc(payments.paidAt), asc(payments.id))
    .all();

  const group = <T extends { workerId: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const item of list) {
      const items = map.get(item.workerId);
      if (items) items.push(item);
      else map.set(item.workerId, [item]);
    }
    return map;
  };
  const claimsBy = group(claimRows);
  const instalmentsBy = group(instalmentRows);
  const paymentsBy = group(paymentRows);

  const figures: MediationState['figures'] = new Map();
  const instalmentRemaining: MediationState['instalmentRemaining'] = new Map();
  const rows: MediationWorkerRow[] = workerRows.map((w) => {
    const claims = (claimsBy.get(w.id) ?? []).map((c) => ({
      claimItemId: c.claimItemId,
      type: c.type,
      claimedFen: c.claimedFen,
      agreedFen: c.agreedFen ?? null,
      payBy: c.payBy ?? null,
      method: c.method ?? null,
      track: c.track ?? 'arbitration',
      withdrawal: withdrawals.get(c.claimItemId) ?? null,
    }));
    const paid = paymentsBy.get(w.id) ?? [];
    // a withdrawn item is no longer claimed: it counts in no figure
    const figure = workerSettlement(
      claims.filter((c) => !c.withdrawal).map((c) => ({ ...c, agreedFen: c.agreedFen ?? awarded.get(c.claimItemId) ?? null })),
      paid,
    );
    figures.set(w.id, { ...figure, name: w.name });
    const plan = instalmentStates(instalmentsBy.get(w.id) ?? [], paid, today);
    for (const i of plan) instalmentRemaining.set(i.id, { workerId: w.id, seq: i.seq, amountFen: i.amountFen, paidFen: i.paidFen });
    return {
      workerId: w.id,
      name: w.name,
      idNumber: w.idNumber,
      phone: w.phone,
      bankCard: w.bankCard,
      claims,
      claimedFen: figure.claimedFen,
      agreedFen: figure.agreedFen,
      paidFen: figure.paidFen,
      balanceFen: figure.balanceFen,
      instalments: plan.map((i) => ({ id: i.id, seq: i.seq, dueOn: i.dueOn, amountFen: i.amountFen, paidFen: i.paidFen, status: i.status })),
      payments: paid.map((p) => ({ id: p.id, amountFen: p.amountFen, paidAt: p.paidAt, method: p.method, reference: p.reference, exhibitId: p.exhibitId, instalmentId: p.instalmentId })),
    };
  });
  return { rows, figures, instalmentRemaining, claimRows, withdrawals };
}

/** The case row the 快调 table belongs to; not found is refused. */
export function readMediationCase(db: Executor, caseId: number): typeof cases.$inferSelect {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  return row;
}

/** The 调解书 has taken effect: an agreement reached and both sides have signed for it. */
function isEffective(row: typeof cases.$inferSelect): boolean {
  return !!(row.mediationOutcome && row.mediationOutcome !== 'failed' && row.mediationSignedByWorkersOn && row.mediationSignedByRespondentOn);
}

/**
 * The 快调 table of a case in six queries whatever the worker count (case, sessions, workers,
 * claim items joined to their settlement, instalments, payments). The service's checks read the
 * same state inside their transaction, so what is checked is what is shown.
 */
export function readMediationState(ctx: ServiceContext, db: Executor, caseId: number, row = readMediationCase(db, caseId)): MediationState {
  const sessions = db.select().from(mediationSessions).where(eq(mediationSessions.caseId, caseId)).orderBy(asc(mediationSessions.heldOn), asc(mediationSessions.id)).all();
  const { rows, figures, instalmentRemaining, claimRows, withdrawals } = readWorkerRows(ctx, db, caseId);
  const scope = agreedScope(rows);
  return {
    case: row,
    figures,
    instalmentRemaining,
    scope,
    caseId,
    sessions: sessionViews(sessions),
    rows,
    totals: settlementTotals([...figures.values()]),
    outcome: row.mediationOutcome,
    signedByWorkersOn: row.mediationSignedByWorkersOn,
    signedByRespondentOn: row.mediationSignedByRespondentOn,
    effective: isEffective(row),
    hasInspectionAgreement: claimRows.some((c) => c.track === 'inspection' && c.agreedFen !== null),
    liability: liabilityView('mediation', scope, readLiabilities(db, caseId, 'mediation', scope)),
    allAgreed: allAgreedOrWithdrawn(claimRows.map((c) => ({ agreedFen: c.agreedFen ?? null, withdrawn: withdrawals.has(c.claimItemId) }))),
  };
}

/** One worker's line of the 快调 table, for a change that concerns that worker alone (a payment, an instalment plan). */
export type WorkerMediationState = {
  case: typeof cases.$inferSelect;
  effective: boolean;
  row: MediationWorkerRow;
  figure: WorkerSettlement & { name: string };
};

/**
 * The case and ONE worker's row, figures and instalments — the same numbers readMediationState
 * gives for that worker, read by case and worker (a payment on a 300-worker case reads one worker's
 * items, instalments and payments, not the whole table). A worker of another case is refused.
 */
export function readWorkerMediationState(ctx: ServiceContext, db: Executor, caseId: number, workerId: number, row = readMediationCase(db, caseId)): WorkerMediationState {
  const { rows, figures } = readWorkerRows(ctx, db, caseId, workerId);
  const worker = rows[0];
  if (!worker) throw new AppFailure('invalid_input', `工人（编号${workerId}）不属于本案，请刷新后重试`);
  return { case: row, effective: isEffective(row), row: worker, figure: figures.get(workerId)! };
}

/**
 * The full 调解书 may be made when every claim item is agreed or withdrawn (with the withdrawal on
 * record), and at least one is agreed (with nothing agreed there is nothing to document).
 */
export function allAgreedOrWithdrawn(items: { agreedFen: number | null; withdrawn: boolean }[]): boolean {
  return items.some((c) => c.agreedFen !== null && !c.withdrawn) && items.every((c) => c.withdrawn || c.agreedFen !== null);
}

/** The claim items a worker still asks for (withdrawn ones left out). */
export const activeClaims = <C extends { withdrawal: unknown }>(claims: C[]): C[] => claims.filter((c) => !c.withdrawal);

/** The withdrawals on record for a case (or for these of its claim items), by claim item id. */
export function readClaimWithdrawals(db: Executor, caseId: number, claimItemIds?: number[]): Map<number, ClaimWithdrawalView> {
  if (claimItemIds?.length === 0) return new Map();
  const rows = db
    .select()
    .from(claimWithdrawals)
    .where(and(eq(claimWithdrawals.caseId, caseId), claimItemIds ? inArray(claimWithdrawals.claimItemId, claimItemIds) : undefined))
    .all();
  return new Map(
    rows.map((w) => [
      w.claimItemId,
      { withdrawnOn: w.withdrawnOn, applicant: w.appliedBy, applicantName: w.applicantName, reason: w.reason, consentOn: w.consentOn, consentNote: w.consentNote },
    ]),
  );
}

/** The items a mediation agreement decides: those with an agreed amount. */
export function agreedScope(rows: MediationWorkerRow[]): ScopedItem[] {
  return rows.flatMap((r) => r.claims.filter((c) => c.agreedFen !== null).map((c) => ({ claimItemId: c.claimItemId, workerId: r.workerId, workerName: r.name, type: c.type, amountFen: c.agreedFen })));
}

/** The public view (what `mediation.get` returns). */
export function readMediation(ctx: ServiceContext, db: Executor, caseId: number): MediationView {
  const { case: _row, figures: _f, instalmentRemaining: _i, scope: _s, ...view } = readMediationState(ctx, db, caseId);
  return view;
}
