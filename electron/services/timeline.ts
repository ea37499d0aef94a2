import { caseEvents, commissions } from '../../db/schema';
import type { Executor } from '../../db/open';

export type TimelineEntry = {
  caseId: number;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one event to the case timeline; call inside the same transaction as the change. */
export function appendEvent(db: Executor, at: Date, entry: TimelineEntry): void {
  const operator = db.select({ name: commissions.operatorName }).from(commissions).limit(1).get();
  db.insert(caseEvents)
    .values({
      caseId: entry.caseId,
      at: at.toISOString(),
      actor: operator?.name ?? '操作员',
      action: entry.action,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
