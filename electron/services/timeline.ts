import { caseEvents } from '../../db/schema';
import type { Executor } from '../../db/open';
import { currentCaller } from './caller';

export type TimelineEntry = {
  caseId: number;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one event to the case timeline; call inside the same transaction as the change. The
 * actor is the account of the call being served (the dispatcher's or a file route's caller);
 * what the application does by itself, outside any call (start-up work, timers), is 系统's.
 */
export function appendEvent(db: Executor, at: Date, entry: TimelineEntry): void {
  const account = currentCaller()?.account ?? { id: 0, name: '系统' };
  db.insert(caseEvents)
    .values({
      caseId: entry.caseId,
      at: at.toISOString(),
      actor: account.name,
      actorId: account.id > 0 ? account.id : null,
      action: entry.action,
      summary: entry.summary,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
