import type Database from 'better-sqlite3';
import { auditedTableSql, registerDigestFunction, RowsHasher } from './rowSql';
import { CHAIN_START, eventHash, type ChainedFields } from './eventHash';

/**
 * The start of the chain in a data folder made before it existed (run once, in the migration that
 * creates event_rows): the existing events are chained in the order they were written, then one
 * event "audit.genesis" records the digest of every existing audited row, so verify works on
 * upgraded folders from then on. What was changed before this point cannot be told, and the
 * event says so.
 */
export function startChain(client: Database.Database, now: Date): { events: number; rows: number } {
  const tables = auditedTableSql(client);
  registerDigestFunction(client, tables);
  return client.transaction(() => {
    const uids = new Map<number, string | null>(
      (client.prepare('select id, uid from cases').all() as { id: number; uid: string | null }[]).map((r) => [r.id, r.uid]),
    );
    const caseHeads = new Map<number, string>();
    const update = client.prepare('update case_events set seq = ?, prev_hash = ?, case_prev_hash = ?, hash = ? where id = ?');
    type Old = { id: number; caseId: number | null; at: string; actor: string; action: string; summary: string; before: string | null; after: string | null };
    const old = client.prepare(
      'select id, case_id as caseId, at, actor, action, summary, before, after from case_events where seq is null order by id',
    ).all() as Old[];
    let prevHash = CHAIN_START;
    let seq = 0;
    const link = (e: Omit<ChainedFields, 'seq' | 'prevHash' | 'casePrevHash' | 'caseUid'> & { caseId: number | null }) => {
      seq++;
      const casePrevHash = e.caseId === null ? null : caseHeads.get(e.caseId) ?? null;
      const caseUid = e.caseId === null ? null : uids.get(e.caseId) ?? null;
      const { caseId, ...rest } = e;
      const prev = prevHash;
      const hash = eventHash({ ...rest, seq, prevHash: prev, casePrevHash, caseUid });
      if (caseId !== null) caseHeads.set(caseId, hash);
      prevHash = hash;
      return { seq, prev, casePrevHash, hash };
    };
    for (const e of old) {
      const linked = link({ ...e, actorId: null, rowsDigest: null, sourceHash: null });
      update.run(linked.seq, linked.prev, linked.casePrevHash, linked.hash, e.id);
    }

    let rows = 0;
    const genesisSeq = seq + 1;
    for (const t of tables) {
      rows += client
        .prepare(`insert into event_rows (seq, table_name, row_key, digest) select ?, '${t.name}', ${t.key('t')}, ${t.digest('t')} from main."${t.name}" t`)
        .run(genesisSeq).changes;
    }
    if (old.length || rows) {
      // Streamed row by row: a city's folder holds millions of rows, more than one SQLite string can.
      const hasher = new RowsHasher();
      const entries = client.prepare('select table_name, row_key, digest from event_rows where seq = ? order by id');
      for (const e of entries.iterate(genesisSeq) as IterableIterator<{ table_name: string; row_key: string; digest: string | null }>) hasher.add(e);
      const rowsDigest = hasher.digest();
      const event = {
        caseId: null,
        at: now.toISOString(),
        actor: '系统',
        actorId: null,
        action: 'audit.genesis',
        summary: `核验记录起点：此前的事件 ${old.length} 条已按写入顺序链接，案件数据 ${rows} 行已记录摘要；此前的改动无从核对`,
        before: null,
        after: JSON.stringify({ events: old.length, rows }),
        rowsDigest,
        sourceHash: null,
      };
      const linked = link(event);
      client
        .prepare(
          `insert into case_events (case_id, at, actor, actor_id, action, summary, before, after, seq, prev_hash, case_prev_hash, rows_digest, source_hash, hash)
           values (null, ?, ?, null, ?, ?, null, ?, ?, ?, null, ?, null, ?)`,
        )
        .run(event.at, event.actor, event.action, event.summary, event.after, linked.seq, linked.prev, rowsDigest, linked.hash);
    }
    return { events: old.length, rows };
  })();
}
