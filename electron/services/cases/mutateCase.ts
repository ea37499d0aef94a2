import { eq } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { cases } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { refreshNextDue } from './caseClock';
import { getCase } from './getCase';

type CaseRecord = typeof cases.$inferSelect;

/**
 * Runs one change to one case in an IMMEDIATE transaction (writers queue; no lost updates), then
 * refreshes its next deadline and returns the case file. The change appends its timeline event.
 */
export function mutateCase(ctx: ServiceContext, id: number, change: (tx: Tx, row: CaseRecord, today: string) => void): CaseDetail {
  const today = todayInChina(ctx.now());
  const detail = ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(cases).where(eq(cases.id, id)).get();
      if (!row) throw new AppFailure('not_found', `案件不存在（编号${id}）`);
      change(tx, row, today);
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, id)).run();
      refreshNextDue(ctx, tx, id);
      return getCase(ctx, id, tx);
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: id });
  return detail;
}
