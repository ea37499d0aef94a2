import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
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

/**
 * For a bulk load (the demo into a data folder): drops the named secondary indexes, runs `work`,
 * then builds them again from the finished tables (also when `work` fails) — one sorted build instead of millions of inserts
 * at random places (ID numbers, payment times). Only for non-unique indexes that no query of `work`
 * relies on. Their definitions are kept in deferred_indexes in the same transaction as the drop, so
 * a process that dies before the end leaves them there and the next start builds them
 * (rebuildDeferredIndexes).
 */
export async function withDeferredIndexes<T>(ctx: ServiceContext, names: string[], work: () => Promise<T>): Promise<T> {
  const db = ctx.db;
  db.transaction((tx) => {
    for (const name of names) {
      const index = tx.get<{ sql: string | null; unique: number }>(sql`
        select m.sql, l."unique" as "unique" from sqlite_master m join pragma_index_list(m.tbl_name) l on l.name = m.name
        where m.type = 'index' and m.name = ${name}`);
      if (!index?.sql) continue; // already deferred by an unfinished load, or not there
      if (index.unique) throw new Error(`withDeferredIndexes：${name} 是唯一索引，不能推迟`);
      tx.run(sql`insert into deferred_indexes (name, sql) values (${name}, ${index.sql}) on conflict (name) do nothing`);
      tx.run(sql.raw(`drop index "${name.replace(/"/g, '')}"`));
    }
  });
  try {
    return await work();
  } finally {
    rebuildDeferredIndexes(db);
  }
}

/** Builds every index a bulk load deferred (see withDeferredIndexes); returns how many. Called at every start. */
export function rebuildDeferredIndexes(db: Db): number {
  const pending = db.all<{ name: string; sql: string }>(sql`select name, sql from deferred_indexes order by name`);
  for (const index of pending) {
    db.transaction((tx) => {
      tx.run(sql.raw(index.sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS ')));
      tx.run(sql`delete from deferred_indexes where name = ${index.name}`);
    });
  }
  return pending.length;
}
