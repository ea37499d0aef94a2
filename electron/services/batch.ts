import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../../db/open';
import type { ServiceContext } from './context';

/** Per kind of derived row ('search', 'nextDue'), the cases waiting for the end of the batch and how to rebuild each. */
type Batch = Map<string, Map<number, (db: Db) => void>>;

const store = new AsyncLocalStorage<Batch>();

/**
 * Inside runBatch: remembers that `caseId`'s derived row of this kind must be rebuilt once at the
 * end of the batch, and returns true. Outside a batch returns false: the caller rebuilds it now.
 */
export function deferToBatchEnd(kind: string, caseId: number, rebuild: (db: Db) => void): boolean {
  const batch = store.getStore();
  if (!batch) return false;
  let waiting = batch.get(kind);
  if (!waiting) batch.set(kind, (waiting = new Map()));
  waiting.set(caseId, rebuild);
  return true;
}

/** True inside runBatch: a mutating call need not read back the case file it would return (see runBatch). */
export function inBatch(): boolean {
  return store.getStore() !== undefined;
}

/**
 * Runs many service calls as one write transaction, for a tool that writes in bulk (the demo).
 * Every call still goes through its service and its own transaction, which becomes a savepoint (a
 * failing call rolls back alone). Derived rows that depend only on a case's stored data — its search
 * row and its next deadline — are rebuilt once per case at the end instead of after every call:
 * the same rows each call would have left. Then one COMMIT, one fsync, for the whole batch.
 *
 * While the batch runs, a touched case's search row and next deadline are those from before the
 * batch, and a mutating call returns null instead of reading back the case file (the tool that
 * batches only writes; what is written is the same). Only for a process that has the data folder
 * to itself: another request on the same connection would join the open transaction.
 */
export async function runBatch<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<T> {
  const client = ctx.db.$client;
  if (client.inTransaction || store.getStore()) throw new Error('runBatch：此连接上已有未结束的事务');
  const batch: Batch = new Map();
  client.exec('BEGIN IMMEDIATE');
  try {
    const result = await store.run(batch, work);
    for (const waiting of batch.values()) for (const rebuild of waiting.values()) rebuild(ctx.db);
    client.exec('COMMIT');
    return result;
  } catch (error) {
    if (client.inTransaction) client.exec('ROLLBACK');
    throw error;
  }
}
