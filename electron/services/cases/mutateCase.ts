import { eq, sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { cases } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import type { ServiceContext } from '../context';
import { refreshNextDue } from './caseClock';
import { getCase } from './getCase';
import { readCaseRow } from './caseRow';
import { inBatch } from '../batch';

type CaseRecord = typeof cases.$inferSelect;

const queries = prepared((db) => ({
  touch: db.update(cases).set({ updatedAt: sql`${sql.placeholder('at')}` }).where(eq(cases.id, sql.placeholder('id'))).prepare(),
}));

/**
 * Runs one change to one case in an IMMEDIATE transaction (writers queue; no lost updates), then
 * refreshes its next deadline and returns the case file. The change appends its timeline event.
 */
export function mutateCase(ctx: ServiceContext, id: number, change: (tx: Tx, row: CaseRecord, today: string) => void): CaseDetail {
  const today = todayInChina(ctx.now());
  const detail = ctx.db.transaction(
    (tx) => {
      const q = queries(ctx.db);
      const row = readCaseRow(ctx, id);
      if (!row) throw new AppFailure('not_found', `案件不存在（编号${id}）`);
      change(tx, row, today);
      q.touch.run({ id, at: ctx.now().toISOString() });
      refreshNextDue(ctx, tx, id);
      // A bulk tool's batch writes only: it is spared reading back the whole file (see runBatch).
      return inBatch() ? (null as unknown as CaseDetail) : getCase(ctx, id, tx);
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: id });
  return detail;
}
