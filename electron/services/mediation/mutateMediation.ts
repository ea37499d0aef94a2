import { eq } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { cases } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { refreshNextDue } from '../cases/caseClock';
import { readMediation, readMediationCase, readMediationState, readWorkerMediationState, type MediationState, type WorkerMediationState } from './mediationView';

/**
 * Runs one 快调 change in an IMMEDIATE transaction (writers queue, so two operators at the table
 * cannot both spend the same balance), then returns the fresh mediation view. The change reads
 * the current state inside the transaction and appends its one timeline event.
 */
export function mutateMediation(ctx: ServiceContext, caseId: number, change: (tx: Tx, state: MediationState, today: string) => void): MediationView {
  return mutate(ctx, caseId, (tx, row) => readMediationState(ctx, tx, caseId, row), change);
}

/**
 * The same for a change to one worker (a payment, an instalment plan): its checks read only that
 * worker's items, instalments and payments; the whole table is read once, for the view returned.
 */
export function mutateMediationWorker(
  ctx: ServiceContext,
  caseId: number,
  workerId: number,
  change: (tx: Tx, state: WorkerMediationState, today: string) => void,
): MediationView {
  return mutate(ctx, caseId, (tx, row) => readWorkerMediationState(ctx, tx, caseId, workerId, row), change);
}

type CaseRow = typeof cases.$inferSelect;

function mutate<S>(ctx: ServiceContext, caseId: number, read: (tx: Tx, row: CaseRow) => S, change: (tx: Tx, state: S, today: string) => void): MediationView {
  const today = todayInChina(ctx.now());
  const view = ctx.db.transaction(
    (tx) => {
      const row = readMediationCase(tx, caseId);
      if (row.status === 'rejected') throw new AppFailure('conflict', '该案件已不予受理，不能进行调解');
      change(tx, read(tx, row), today);
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, caseId)).run();
      refreshNextDue(ctx, tx, caseId);
      return readMediation(ctx, tx, caseId);
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return view;
}

/** Refuses changes to the agreement once the mediation document has taken effect. */
export function assertNotEffective(state: MediationState, what: string): void {
  if (state.effective) throw new AppFailure('conflict', `调解书已经双方签收发生法律效力，不能再${what}`);
}
