import Database from 'better-sqlite3';
import type { ChainProblem, ChainReport, VerifyProgress } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { auditedTableSql, registerDigestFunction, RowsHasher, type TableSql } from './rowSql';
import { CHAIN_START, eventHash, type ChainedFields } from './eventHash';

const BATCH = 5000;
const MAX_PROBLEMS = 50;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

type EventRow = Omit<ChainedFields, 'seq' | 'prevHash'> & {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  seq: number | null;
  prevHash: string | null;
  hash: string | null;
};
type Entry = { id: number; seq: number; table_name: string; row_key: string; digest: string | null };

const EVENT_COLUMNS = `e.id, e.case_id as caseId, c.uid as caseUid, c.case_number as caseNumber, e.at, e.actor, e.actor_id as actorId, e.action,
  e.summary, e.before, e.after, e.seq, e.prev_hash as prevHash, e.case_prev_hash as casePrevHash, e.rows_digest as rowsDigest,
  e.source_hash as sourceHash, e.hash`;

const describeEvent = (e: Pick<EventRow, 'at' | 'actor' | 'summary'>) =>
  `${formatChineseDate(todayInChina(new Date(e.at)))}，${e.actor}：${e.summary.length > 40 ? `${e.summary.slice(0, 40)}…` : e.summary}`;

/** A chain head recorded elsewhere (a backup's manifest): event `seq` must still have this hash. */
export type ChainAnchor = { label: string; seq: number; hash: string };

export type VerifyOptions = { nativeBinding?: string; onProgress?: (p: VerifyProgress) => void; signal?: AbortSignal; anchors?: ChainAnchor[] };

/**
 * Verifies a data folder's audit chain on a connection of its own, inside one read transaction (a
 * consistent snapshot while the app keeps writing), in batches that yield to the event loop:
 *
 * 1. every event in sequence order: no gap (deleted), no event outside the chain (inserted), the
 *    previous hash links (reordered, inserted, deleted), its own hash recomputed (edited), the link
 *    to the same case's previous event, and the digest of the rows it wrote (event_rows);
 * 2. every audited row now against the digest recorded by the last event that wrote it: a row
 *    changed, inserted or deleted outside the app is named with its case and that event;
 * 3. the heads recorded elsewhere (backup manifests): the chain still has each of them, so events
 *    cut from its end — which the links alone cannot show — are noticed.
 */
export async function verifyChain(dbFile: string, options: VerifyOptions = {}): Promise<ChainReport> {
  const started = Date.now();
  const client = new Database(dbFile, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    const hasChain = client.prepare(`select 1 from sqlite_master where type = 'table' and name = 'event_rows'`).get();
    if (!hasChain) {
      return {
        intact: false, count: 0, head: null, rowsChecked: 0, problemCount: 1, elapsedMs: 0,
        problems: [{ kind: 'noChain', seq: null, message: '此数据目录由旧版本建立，尚未启用核验链：请用新版本打开一次（打开时自动建立核验记录起点）' }],
      };
    }
    client.exec('begin');
    try {
      return await run(client, options, started);
    } finally {
      client.exec('commit');
    }
  } finally {
    client.close();
  }
}

async function run(client: Database.Database, options: VerifyOptions, started: number): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let problemCount = 0;
  const report = (p: ChainProblem) => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const tables = auditedTableSql(client);
  registerDigestFunction(client, tables);
  const total = (client.prepare('select count(*) from case_events').pluck().get() as number) + tables.reduce((n, t) => n + (client.prepare(`select count(*) from main."${t.name}"`).pluck().get() as number), 0);
  let done = 0;
  const progress = (phase: VerifyProgress['phase']) => options.onProgress?.({ phase, done, total });
  const checkAbort = () => {
    if (options.signal?.aborted) throw new Error('已取消');
  };

  // Events inserted without a place in the chain.
  for (const e of client.prepare(`select ${EVENT_COLUMNS} from case_events e left join cases c on c.id = e.case_id where e.seq is null or e.hash is null order by e.id`).all() as EventRow[]) {
    report({ kind: 'eventInserted', seq: null, message: `事件 #${e.id}（${describeEvent(e)}）不在链上：在本程序之外插入` });
    done++;
  }

  // 1. The chain, in sequence order, with the rows each event wrote.
  const events = client.prepare(`select ${EVENT_COLUMNS} from case_events e left join cases c on c.id = e.case_id where e.seq > ? order by e.seq limit ${BATCH}`);
  const entries = client.prepare(`select id, seq, table_name, row_key, digest from event_rows where id > ? order by id limit ${BATCH * 4}`);
  let entryBuffer: Entry[] = [];
  let entryCursor = 0;
  const nextEntry = (): Entry | undefined => {
    if (!entryBuffer.length) {
      entryBuffer = entries.all(entryCursor) as Entry[];
      if (!entryBuffer.length) return undefined;
    }
    return entryBuffer[0];
  };
  const takeEntry = () => {
    const e = entryBuffer.shift()!;
    entryCursor = e.id;
    return e;
  };
  const hasher = new RowsHasher();
  const rowsDigestOf = (seq: number) => {
    for (let e = nextEntry(); e && e.seq === seq; e = nextEntry()) hasher.add(takeEntry());
    return hasher.digest();
  };
  const skipOrphans = (beforeSeq: number) => {
    for (let e = nextEntry(); e && e.seq < beforeSeq; e = nextEntry()) {
      const orphan = takeEntry();
      report({ kind: 'rowsOrphaned', seq: orphan.seq, message: `数据行记录（${orphan.table_name} 第 ${orphan.row_key} 行）属于不存在的第 ${orphan.seq} 条事件：该事件被删除` });
    }
  };

  const caseHeads = new Map<number, string>();
  let expected = 1;
  let prevHash = CHAIN_START;
  let head: ChainReport['head'] = null;
  let cursor = 0;
  for (;;) {
    const batch = events.all(cursor) as EventRow[];
    if (!batch.length) break;
    for (const e of batch) {
      const seq = e.seq!;
      cursor = seq;
      const what = `第 ${seq} 条事件（${describeEvent(e)}）`;
      if (seq > expected) {
        report({ kind: 'eventDeleted', seq: expected, message: expected === seq - 1 ? `第 ${expected} 条事件缺失：被删除` : `第 ${expected}—${seq - 1} 条事件缺失：被删除` });
      }
      skipOrphans(seq);
      if (e.prevHash !== prevHash) {
        report({ kind: 'linkBroken', seq, message: `${what}与前一条事件接不上：其前有事件被删除、插入或调换了顺序` });
      }
      const rowsDigest = rowsDigestOf(seq);
      const recomputed = eventHash({
        seq,
        prevHash: e.prevHash ?? '',
        casePrevHash: e.casePrevHash,
        caseUid: e.caseUid,
        at: e.at,
        actor: e.actor,
        actorId: e.actorId,
        action: e.action,
        summary: e.summary,
        before: e.before,
        after: e.after,
        rowsDigest: e.rowsDigest,
        sourceHash: e.sourceHash,
      });
      if (recomputed !== e.hash) report({ kind: 'eventEdited', seq, message: `${what}的内容与其哈希不符：被改动` });
      else if (rowsDigest !== e.rowsDigest) report({ kind: 'rowsEdited', seq, message: `${what}记录的数据行摘要被改动或删减` });
      if (e.caseId !== null && (e.casePrevHash ?? null) !== (caseHeads.get(e.caseId) ?? null)) {
        report({ kind: 'caseLinkBroken', seq, message: `${what}与本案前一条事件接不上：本案有事件被删除或调换了顺序` });
      }
      if (e.caseId !== null) caseHeads.set(e.caseId, e.hash ?? '');
      prevHash = e.hash ?? '';
      expected = seq + 1;
      head = { seq, hash: e.hash ?? '', at: e.at };
      done++;
    }
    progress('events');
    checkAbort();
    await pause();
  }
  skipOrphans(Number.MAX_SAFE_INTEGER);

  // 2. Every audited row against the last digest recorded for it.
  client.exec(`create temp table if not exists audit_latest (table_name text not null, row_key text not null, digest text, seq integer not null, primary key (table_name, row_key)) without rowid`);
  client.exec('delete from temp.audit_latest');
  const maxEntry = client.prepare('select coalesce(max(id), 0) from event_rows').pluck().get() as number;
  const fill = client.prepare(
    `insert into temp.audit_latest select table_name, row_key, digest, seq from event_rows where id > ? and id <= ? order by id
     on conflict (table_name, row_key) do update set digest = excluded.digest, seq = excluded.seq`,
  );
  for (let from = 0; from < maxEntry; from += BATCH * 20) {
    fill.run(from, from + BATCH * 20);
    progress('rows');
    checkAbort();
    await pause();
  }
  const eventOf = client.prepare(`select e.seq, e.at, e.actor, e.summary, c.case_number as caseNumber, e.case_id as caseId from case_events e left join cases c on c.id = e.case_id where e.seq = ?`);
  const caseNumberOf = client.prepare('select case_number from cases where id = ?').pluck();
  let rowsChecked = 0;
  for (const t of tables) {
    rowsChecked += await checkTable(client, t, { eventOf, caseNumberOf, report, onBatch: (n) => { done += n; progress('rows'); checkAbort(); } });
  }
  const hashAt = client.prepare('select hash from case_events where seq = ?').pluck();
  for (const anchor of options.anchors ?? []) {
    const now = hashAt.get(anchor.seq) as string | undefined;
    if (now === anchor.hash) continue;
    report({
      kind: 'anchorMissing',
      seq: anchor.seq,
      message: now === undefined
        ? `${anchor.label}记录链上有第 ${anchor.seq} 条事件，现在链上只有 ${head?.seq ?? 0} 条：末尾的事件被删除`
        : `${anchor.label}记录的第 ${anchor.seq} 条事件的哈希与现在的不同：该事件或其前的事件被改动或重写`,
    });
  }
  progress('done');
  return {
    intact: problemCount === 0,
    count: head?.seq ?? 0,
    head,
    rowsChecked,
    problems,
    problemCount,
    elapsedMs: Date.now() - started,
  };
}

type RowCheckDeps = {
  eventOf: Database.Statement;
  caseNumberOf: Database.Statement;
  report: (p: ChainProblem) => void;
  onBatch: (rows: number) => void;
};

async function checkTable(client: Database.Database, t: TableSql, deps: RowCheckDeps): Promise<number> {
  const maxRowid = (client.prepare(`select coalesce(max(rowid), 0) from main."${t.name}"`).pluck().get() as number) ?? 0;
  const count = client.prepare(`select count(*) from main."${t.name}"`).pluck().get() as number;
  const caseColumn = t.hasCaseId ? 't.case_id' : 'null';
  const mismatches = client.prepare(
    `select k, d, ld, ls, caseId from (
       select ${t.key('t')} as k, ${t.digest('t')} as d, l.digest as ld, l.seq as ls, ${caseColumn} as caseId
       from main."${t.name}" t left join temp.audit_latest l on l.table_name = '${t.name}' and l.row_key = ${t.key('t')}
       where t.rowid > ? and t.rowid <= ?)
     where d is not ld`,
  );
  const where = (row: { caseId: number | null; ls: number | null }) => {
    const event = row.ls === null ? undefined : (deps.eventOf.get(row.ls) as { seq: number; at: string; actor: string; summary: string; caseNumber: string | null; caseId: number | null } | undefined);
    const caseId = event?.caseId ?? row.caseId;
    const caseNumber = event?.caseNumber ?? (caseId === null ? null : (deps.caseNumberOf.get(caseId) as string | null | undefined));
    const caseText = caseId === null ? '' : `，案件${caseNumber ?? `（编号 ${caseId}，尚无案号）`}`;
    return { event, caseText };
  };
  const span = BATCH * 4;
  for (let from = 0; from < maxRowid; from += span) {
    for (const row of mismatches.all(from, from + span) as { k: string; d: string; ld: string | null; ls: number | null; caseId: number | null }[]) {
      const { event, caseText } = where(row);
      const name = `${t.label}（${t.name} 第 ${row.k} 行${caseText}）`;
      if (row.ls === null) {
        deps.report({ kind: 'rowInserted', seq: null, table: t.name, rowKey: row.k, message: `${name}没有任何事件记录过：在本程序之外插入` });
      } else if (row.ld === null) {
        deps.report({ kind: 'rowInserted', seq: row.ls, table: t.name, rowKey: row.k, message: `${name}已由第 ${row.ls} 条事件删除，现在又出现了：在本程序之外插入` });
      } else {
        const by = event ? `第 ${event.seq} 条事件（${describeEvent(event)}）` : `第 ${row.ls} 条事件`;
        deps.report({ kind: 'rowChanged', seq: row.ls, table: t.name, rowKey: row.k, message: `${name}与最后写入它的${by}记录的摘要不符：在本程序之外被改动` });
      }
    }
    deps.onBatch(0);
    await pause();
  }
  deps.onBatch(count);
  const gone = client.prepare(
    `select l.row_key as k, l.seq as ls, null as caseId from temp.audit_latest l
     where l.table_name = '${t.name}' and l.digest is not null and not exists (select 1 from main."${t.name}" t where ${t.match('t', 'l.row_key')})`,
  );
  for (const row of gone.all() as { k: string; ls: number; caseId: null }[]) {
    const { event, caseText } = where(row);
    const by = event ? `第 ${event.seq} 条事件（${describeEvent(event)}）` : `第 ${row.ls} 条事件`;
    deps.report({ kind: 'rowDeleted', seq: row.ls, table: t.name, rowKey: row.k, message: `${t.label}（${t.name} 第 ${row.k} 行${caseText}）由${by}记录，现已不存在：在本程序之外被删除` });
  }
  return count;
}
