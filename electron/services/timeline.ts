import { sql } from 'drizzle-orm';
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
  const operator = db.get<{ name: string }>(sql`select operator_name as name from commissions limit 1`);
  db.run(sql`insert into case_events (case_id, at, actor, action, summary, before, after) values (${entry.caseId}, ${at.toISOString()},
    ${operator?.name ?? '操作员'}, ${entry.action}, ${entry.summary},
    ${entry.before === undefined ? null : JSON.stringify(entry.before)}, ${entry.after === undefined ? null : JSON.stringify(entry.after)})`);
}
