import type Database from 'better-sqlite3';
import { auditedTableSql, registerDigestFunction, ROW_LINES, rowsDigestOfLines, type TableSql } from './rowSql';
import { CHAIN_START, eventHash, type ChainedFields } from './eventHash';

/**
 * The chain's writer on one connection. Per-connection TEMP triggers on every audited table note
 * each row written (table, key) in temp.audit_written; appendEvent hands them to the next event,
 * which stores the rows' digests in event_rows and binds them into its hash. A SQLite client
 * outside the app has none of these triggers, so what it changes leaves no digest: verify sees it.
 */
export type ChainWriter = {
  tables: TableSql[];
  append: (event: NewEvent, options?: { takeRows?: boolean }) => { seq: number; hash: string };
  /** Rows written on this connection that no event has taken yet. */
  pendingRows: () => { table_name: string; row_key: string }[];
};

export type NewEvent = Omit<ChainedFields, 'seq' | 'prevHash' | 'casePrevHash' | 'caseUid' | 'rowsDigest'> & { caseId: number | null };

const writers = new WeakMap<Database.Database, ChainWriter>();

export function chainWriter(client: Database.Database): ChainWriter {
  const existing = writers.get(client);
  if (existing) return existing;
  const writer = createWriter(client);
  writers.set(client, writer);
  return writer;
}

function installTriggers(client: Database.Database, tables: TableSql[]): void {
  // A plain append per write (no key, no lookup): the same row written twice is listed twice and
  // taken once (distinct) by the next event. No unique key also means no conflict for the
  // statement that fired the trigger (an upsert's conflict policy would apply to the trigger too).
  client.pragma('temp_store = MEMORY');
  client.exec(`create temp table if not exists audit_written (table_name text not null, row_key text not null)`);
  for (const t of tables) {
    const note = (alias: string) => `insert into temp.audit_written values ('${t.name}', ${t.key(alias)});`;
    const columns = t.columns.map((c) => `"${c}"`).join(', ');
    client.exec(`
      create temp trigger if not exists "audit_${t.name}_insert" after insert on main."${t.name}" begin ${note('new')} end;
      create temp trigger if not exists "audit_${t.name}_update" after update of ${columns} on main."${t.name}" begin ${note('old')} ${note('new')} end;
      create temp trigger if not exists "audit_${t.name}_delete" after delete on main."${t.name}" begin ${note('old')} end;
    `);
  }
}

function createWriter(client: Database.Database): ChainWriter {
  const tables = auditedTableSql(client);
  registerDigestFunction(client, tables);
  installTriggers(client, tables);

  const head = client.prepare(`select seq, hash from case_events where seq is not null order by seq desc limit 1`);
  const caseInfo = client.prepare(
    `select (select uid from cases where id = @id) as uid, (select hash from case_events where case_id = @id and seq is not null order by seq desc limit 1) as prev`,
  );
  const writtenTables = client.prepare(`select distinct table_name from temp.audit_written`).pluck();
  const pending = client.prepare(`select distinct table_name, row_key from temp.audit_written`);
  const clearWritten = client.prepare(`delete from temp.audit_written`);
  const lastRowId = client.prepare(`select coalesce(max(id), 0) from event_rows`).pluck();
  const entriesAfter = client.prepare(`select ${ROW_LINES} from event_rows where id > ?`).pluck();
  const recordRows = new Map(
    tables.map((t) => [
      t.name,
      client.prepare(
        `insert into event_rows (seq, table_name, row_key, digest)
         select ?, w.table_name, w.row_key, ${t.digest('t')}
         from (select distinct table_name, row_key from temp.audit_written where table_name = '${t.name}') w
         left join main."${t.name}" t on ${t.match('t', 'w.row_key')}
         order by w.row_key`,
      ),
    ]),
  );
  const insertEvent = client.prepare(
    `insert into case_events (case_id, at, actor, actor_id, action, summary, before, after, seq, prev_hash, case_prev_hash, rows_digest, source_hash, hash)
     values (@caseId, @at, @actor, @actorId, @action, @summary, @before, @after, @seq, @prevHash, @casePrevHash, @rowsDigest, @sourceHash, @hash)`,
  );

  const append = client.transaction((event: NewEvent, takeRows: boolean) => {
    const last = head.get() as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const info = event.caseId === null ? { uid: null, prev: null } : (caseInfo.get({ id: event.caseId }) as { uid: string | null; prev: string | null });
    let rowsDigest: string | null = null;
    if (takeRows) {
      const names = writtenTables.all() as string[];
      if (names.length) {
        const from = lastRowId.get() as number;
        for (const name of names.sort()) recordRows.get(name)?.run(seq);
        clearWritten.run();
        rowsDigest = rowsDigestOfLines(entriesAfter.get(from) as string);
      }
    }
    const fields: ChainedFields = { ...event, seq, prevHash: last?.hash ?? CHAIN_START, casePrevHash: info.prev, caseUid: info.uid, rowsDigest };
    const hash = eventHash(fields);
    insertEvent.run({ ...fields, caseId: event.caseId, hash });
    return { seq, hash };
  });

  return {
    tables,
    append: (event, options) => append(event, options?.takeRows ?? true),
    pendingRows: () => pending.all() as { table_name: string; row_key: string }[],
  };
}
