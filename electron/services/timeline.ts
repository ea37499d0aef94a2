import type Database from 'better-sqlite3';
import type { Executor } from '../../db/open';
import { currentCaller } from './caller';
import { chainWriter } from './audit/chainWriter';

export type TimelineEntry = {
  /** The case the event is about; null for an event about the installation (backups, settings). */
  caseId: number | null;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
};

/** An event carried in from a case bundle: who did it there, and its hash at that agency. */
export type ImportedEvent = { caseId: number; at: string; actor: string; action: string; summary: string; before: string | null; after: string | null; sourceHash: string | null };

/** An autosave of the hearing record: in the chain, but not shown on the case timeline. */
export const RECORD_SAVED_ACTION = 'hearing.recordSaved';

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The better-sqlite3 connection behind a drizzle database or transaction handle. */
export function clientOf(db: Executor): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/**
 * Appends one event to the timeline and the audit chain; call inside the same transaction as the
 * change, after the writes. It records who (the signed-in account of the call being served), takes
 * the rows written on this connection since the previous event, and chains the event: sequence
 * number, previous hash, own hash (electron/services/audit).
 */
export function appendEvent(db: Executor, at: Date, entry: TimelineEntry): void {
  const account = currentCaller()?.account;
  chainWriter(clientOf(db)).append({
    caseId: entry.caseId,
    at: at.toISOString(),
    actor: account?.name ?? '系统',
    actorId: account && account.id > 0 ? account.id : null,
    action: entry.action,
    summary: entry.summary,
    before: json(entry.before),
    after: json(entry.after),
    sourceHash: null,
  });
}

/**
 * Appends an event imported from a case bundle to this folder's chain: its own time, actor and
 * content, and the hash it had at the exporting agency. It takes no rows: the rows the import wrote
 * belong to the import's own event.
 */
export function appendImportedEvent(db: Executor, e: ImportedEvent): void {
  chainWriter(clientOf(db)).append({ ...e, actorId: null }, { takeRows: false });
}
