import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import { eventHash } from '../../electron/services/audit/eventHash';
import { auditedTables, isDerivedIndexTable, unauditedTables } from '../../electron/services/audit/auditedTables';
import { appPaths, callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import { readZip, writeZip, type ZipEntry } from '../support/zip';

/**
 * The audit chain against an outsider: each test copies a data folder made through the services,
 * changes it with a plain better-sqlite3 connection (no triggers, no app code — what someone with a
 * SQLite client would do), and runs verify, which must name what was done.
 */
let source: string;
let caseNumber: string;
let workerIds: number[];

beforeAll(async () => {
  source = tempDataDir('sucai-audit-src-');
  const s = openTestServices(source);
  try {
    const created = await callApi(
      s,
      'cases.create',
      caseInput([
        workerDraft('张三', makeId('360702', '1980-01-01', 1), '12000'),
        workerDraft('李四', makeId('360702', '1982-02-02', 2), '8000'),
        workerDraft('王五', makeId('360702', '1984-03-03', 3), '9500'),
      ]),
    );
    const accepted = await callApi(s, 'cases.accept', { id: created.id, acceptedOn: '2026-11-17' });
    await callApi(s, 'cases.recordService', { id: created.id, servedOn: '2026-11-18' });
    await callApi(s, 'backups.configure', { keep: 5 }); // an event not about a case
    caseNumber = accepted.caseNumber!;
    workerIds = accepted.workers.map((w) => w.id);
  } finally {
    s.close();
  }
});

/** A copy of the source folder, changed by an outsider's connection. */
function tampered(change: (db: Database.Database) => void): string {
  const dir = tempDataDir('sucai-audit-');
  fs.cpSync(source, dir, { recursive: true });
  const db = new Database(path.join(dir, 'sucai.db'));
  try {
    change(db);
  } finally {
    db.close();
  }
  return path.join(dir, 'sucai.db');
}

type EventRow = { id: number; seq: number; summary: string; hash: string; prev_hash: string };
const events = (db: Database.Database) => db.prepare('select id, seq, summary, hash, prev_hash from case_events order by seq').all() as EventRow[];

describe('verify on an untouched folder', () => {
  it('reports 完整 with the count and the head hash, after every row was checked', async () => {
    const db = new Database(path.join(source, 'sucai.db'), { readonly: true });
    const all = events(db);
    db.close();
    const report = await verifyChain(path.join(source, 'sucai.db'));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ intact: true, count: all.length, head: { seq: all.length, hash: all.at(-1)!.hash } });
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect(report.rowsChecked).toBeGreaterThan(10);
  });

  it('is what audit.verify returns in the app', async () => {
    const s = openTestServices(source);
    try {
      const report = await callApi(s, 'audit.verify', {});
      expect(report.intact).toBe(true);
      expect(report.head?.hash).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      s.close();
    }
  });
});

describe('verify names each tampering', () => {
  it('an event edited: its content no longer matches its hash', async () => {
    const file = tampered((db) => db.prepare(`update case_events set summary = '受理，案号（被改）' where seq = 2`).run());
    const report = await verifyChain(file);
    expect(report.intact).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'eventEdited', seq: 2 });
    expect(report.problems[0]!.message).toMatch(/^第 2 条事件（.+受理，案号（被改）\）的内容与其哈希不符：被改动$/);
  });

  it('an event edited and its own hash recomputed: the next event no longer links to it', async () => {
    const file = tampered((db) => {
      const e = db.prepare(`select e.*, c.uid from case_events e join cases c on c.id = e.case_id where seq = 2`).get() as Record<string, never>;
      const summary = '受理，案号（被改）';
      const hash = eventHash({
        seq: e.seq, prevHash: e.prev_hash, casePrevHash: e.case_prev_hash, caseUid: e.uid, at: e.at, actor: e.actor, actorId: e.actor_id,
        action: e.action, summary, before: e.before, after: e.after, rowsDigest: e.rows_digest, sourceHash: e.source_hash,
      });
      db.prepare('update case_events set summary = ?, hash = ? where seq = 2').run(summary, hash);
    });
    const report = await verifyChain(file);
    expect(report.problems[0]).toMatchObject({ kind: 'linkBroken', seq: 3 });
    expect(report.problems[0]!.message).toContain('与前一条事件接不上');
  });

  it('an event deleted: the gap is named', async () => {
    const file = tampered((db) => db.prepare('delete from case_events where seq = 2').run());
    const report = await verifyChain(file);
    expect(report.problems[0]).toMatchObject({ kind: 'eventDeleted', seq: 2, message: '第 2 条事件缺失：被删除' });
  });

  it('an event inserted outside the chain, and one slipped into the middle of it', async () => {
    const outside = tampered((db) =>
      db.prepare(`insert into case_events (case_id, at, actor, action, summary) values (1, '2026-11-19T02:00:00.000Z', '张三', 'case.note', '补记：当事人已撤诉')`).run(),
    );
    const a = await verifyChain(outside);
    expect(a.problems[0]).toMatchObject({ kind: 'eventInserted', seq: null });
    expect(a.problems[0]!.message).toMatch(/不在链上：在本程序之外插入$/);

    const middle = tampered((db) => {
      // make room after event 1 and insert a forged event 2 that links correctly to event 1
      db.prepare('update case_events set seq = -seq where seq >= 2').run();
      db.prepare('update case_events set seq = 1 - seq where seq < 0').run();
      const first = db.prepare(`select e.*, c.uid from case_events e join cases c on c.id = e.case_id where seq = 1`).get() as Record<string, never>;
      const forged = { seq: 2, prevHash: first.hash as string, casePrevHash: first.hash as string, caseUid: first.uid, at: '2026-11-16T03:00:00.000Z', actor: '系统', actorId: 0, action: 'case.note', summary: '伪造的记录', before: null, after: null, rowsDigest: null, sourceHash: null };
      db.prepare(
        `insert into case_events (case_id, at, actor, actor_id, action, summary, seq, prev_hash, case_prev_hash, hash) values (1, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
      ).run(forged.at, forged.actor, forged.actorId, forged.action, forged.summary, forged.prevHash, forged.casePrevHash, eventHash(forged));
    });
    const b = await verifyChain(middle);
    expect(b.intact).toBe(false);
    // the forgery does not cover the rows recorded under its number; the event after it was
    // hashed with its old number and its old predecessor
    expect(b.problems[0]).toMatchObject({ seq: 2, kind: 'rowsEdited' });
    expect(b.problems.map((p) => `${p.kind}:${p.seq}`)).toContain('linkBroken:3');
  });

  it('events reordered (their sequence numbers swapped)', async () => {
    const file = tampered((db) => {
      db.prepare('update case_events set seq = -1 where seq = 2').run();
      db.prepare('update case_events set seq = 2 where seq = 3').run();
      db.prepare('update case_events set seq = 3 where seq = -1').run();
    });
    const report = await verifyChain(file);
    expect(report.problems[0]).toMatchObject({ seq: 2 });
    expect(['linkBroken', 'eventEdited']).toContain(report.problems[0]!.kind);
  });

  it("a worker's amount edited with a SQLite client: the row no longer matches the digest of the last event that wrote it", async () => {
    const file = tampered((db) => db.prepare('update workers set owed_fen = owed_fen + 100000 where id = ?').run(workerIds[1]));
    const report = await verifyChain(file);
    expect(report.intact).toBe(false);
    expect(report.problemCount).toBe(1);
    expect(report.problems[0]).toMatchObject({ kind: 'rowChanged', table: 'workers', rowKey: String(workerIds[1]), seq: 1 });
    const db = new Database(file, { readonly: true });
    const created = db.prepare('select summary from case_events where seq = 1').pluck().get() as string;
    db.close();
    expect(report.problems[0]!.message).toBe(
      `申请人（workers 第 ${workerIds[1]} 行，案件${caseNumber}）与最后写入它的第 1 条事件（2026年11月20日，系统：${created}）记录的摘要不符：在本程序之外被改动`,
    );
  });

  it('…and the outsider who also rewrites the recorded digest breaks that event instead', async () => {
    const file = tampered((db) => {
      db.prepare('update workers set owed_fen = 1 where id = ?').run(workerIds[0]);
      db.prepare(`update event_rows set digest = ? where table_name = 'workers' and row_key = ?`).run('0'.repeat(64), String(workerIds[0]));
    });
    const report = await verifyChain(file);
    expect(report.problems[0]).toMatchObject({ kind: 'rowsEdited', seq: 1 });
  });

  it('events cut from the end: the links cannot show it, the head a backup recorded does', async () => {
    const db = new Database(path.join(source, 'sucai.db'), { readonly: true });
    const last = events(db).at(-1)!;
    db.close();
    const anchors = [{ label: '备份 sucai-20261120-100000-manual ', seq: last.seq, hash: last.hash }];
    expect((await verifyChain(path.join(source, 'sucai.db'), { anchors })).intact).toBe(true);
    const file = tampered((d) => d.prepare('delete from case_events where seq = ?').run(last.seq));
    expect((await verifyChain(file)).intact).toBe(true); // a shorter chain is still a chain
    const report = await verifyChain(file, { anchors });
    expect(report.problems).toEqual([
      {
        kind: 'anchorMissing',
        seq: last.seq,
        message: `备份 sucai-20261120-100000-manual 记录链上有第 ${last.seq} 条事件，现在链上只有 ${last.seq - 1} 条：末尾的事件被删除`,
      },
    ]);
  });

  it('a row inserted and a row deleted outside the app', async () => {
    const file = tampered((db) => {
      db.prepare(`insert into claim_items (case_id, worker_id, type, amount_fen) values (1, ?, 'overtime', 50000)`).run(workerIds[0]);
      db.prepare(`delete from missing_materials`).run();
      db.prepare(`delete from claim_items where worker_id = ? and type = 'unpaidWages'`).run(workerIds[2]);
    });
    const report = await verifyChain(file);
    const kinds = report.problems.map((p) => `${p.kind}:${p.table}`);
    expect(kinds).toContain('rowInserted:claim_items');
    expect(kinds).toContain('rowDeleted:claim_items');
    const inserted = report.problems.find((p) => p.kind === 'rowInserted')!;
    expect(inserted.message).toMatch(new RegExp(`^仲裁请求（claim_items 第 \\d+ 行，案件${caseNumber.replace(/[〔〕]/g, '.')}）没有任何事件记录过：在本程序之外插入$`));
    expect(report.problems.find((p) => p.kind === 'rowDeleted')!.message).toMatch(/由第 1 条事件（.+）记录，现已不存在：在本程序之外被删除$/);
  });
});

describe('a data folder made before the chain existed', () => {
  it('is chained at its first start (existing events in order, every row digested), backed up first, and verified from then on', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(appPaths.migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const before = journal.entries.findIndex((e) => e.tag.includes('audit_chain'));
    const oldMigrations = tempDataDir('sucai-pre-audit-migrations-');
    fs.mkdirSync(path.join(oldMigrations, 'meta'));
    for (const e of journal.entries.slice(0, before)) fs.copyFileSync(path.join(appPaths.migrationsFolder, `${e.tag}.sql`), path.join(oldMigrations, `${e.tag}.sql`));
    fs.writeFileSync(path.join(oldMigrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, before) }));

    const dataDir = tempDataDir();
    const old = openDatabase(path.join(dataDir, 'sucai.db'), { migrationsFolder: oldMigrations });
    old.$client.exec(`
      insert into commissions (id, name, case_number_pattern, fast_track_target_days, operator_name, updated_at)
        values (1, '赣州市劳动人事争议仲裁委员会', '赣市劳人仲案字〔{year}〕第{n}号', 30, '老版本', '2026-01-01T00:00:00Z');
      insert into cases (id, uid, commission_id, channel, received_on, worker_count, claimed_total_fen, created_at, updated_at)
        values (1, 'c0ffee00c0ffee00c0ffee00c0ffee00', 1, 'walkIn', '2026-11-16', 1, 123400, '2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z');
      insert into workers (case_id, sort_order, name, name_initials, id_number, owed_fen) values (1, 0, '钟海涛', 'zht', '${makeId('360702', '1984-04-04', 77)}', 123400);
      insert into case_events (case_id, at, actor, action, summary) values (1, '2026-11-16T01:00:00Z', '老版本', 'case.received', '收案：钟海涛');
      insert into case_events (case_id, at, actor, action, summary) values (1, '2026-11-16T02:00:00Z', '老版本', 'case.note', '补充材料');
    `);
    old.$client.close();

    const s = openTestServices(dataDir);
    const backups = await callApi(s, 'backups.status', {});
    s.close();
    // the copy taken before the migration is the old database: no chain tables in it
    expect(backups.backups.map((b) => b.reason)).toEqual(['preMigration']);
    const copy = new Database(path.join(dataDir, 'backups', backups.backups[0]!.name, 'sucai.db'), { readonly: true });
    expect(copy.prepare(`select name from sqlite_master where name = 'event_rows'`).get()).toBeUndefined();
    expect((copy.prepare('select count(*) as n from case_events').get() as { n: number }).n).toBe(2);
    copy.close();

    const report = await verifyChain(path.join(dataDir, 'sucai.db'));
    expect(report.problems).toEqual([]);
    const db = new Database(path.join(dataDir, 'sucai.db'));
    const chained = db.prepare('select seq, actor, action, summary from case_events order by seq').all();
    expect(chained.slice(0, 3)).toEqual([
      { seq: 1, actor: '老版本', action: 'case.received', summary: '收案：钟海涛' },
      { seq: 2, actor: '老版本', action: 'case.note', summary: '补充材料' },
      { seq: 3, actor: '系统', action: 'audit.genesis', summary: expect.stringContaining('此前的事件 2 条已按写入顺序链接') },
    ]);
    db.prepare('update workers set owed_fen = 1').run();
    db.close();
    const after = await verifyChain(path.join(dataDir, 'sucai.db'));
    expect(after.problems[0]).toMatchObject({ kind: 'rowChanged', table: 'workers', seq: 3 });
  });
});

describe('case bundles carry the events with their hashes', () => {
  let bundle: string;
  let entries: ZipEntry[];
  const manifestOf = () => JSON.parse(entries[0]!.data.toString('utf8')) as { events: { seq: number; summary: string; hash: string }[] };
  const rezip = (name: string, change: (m: ReturnType<typeof manifestOf>) => void) => {
    const m = manifestOf();
    change(m);
    return writeZip(path.join(tempDataDir('sucai-audit-bundle-'), name), [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(m)) }, ...entries.slice(1)]);
  };

  beforeAll(async () => {
    const dir = tempDataDir('sucai-audit-export-');
    fs.cpSync(source, dir, { recursive: true });
    const s = openTestServices(dir);
    try {
      bundle = (await callApi(s, 'bundle.export', { caseId: 1 })).path;
    } finally {
      s.close();
    }
    entries = await readZip(bundle);
    expect(entries[0]!.name).toBe('manifest.json');
  });

  it('imports a bundle whose events verify, and chains them into the receiving folder', async () => {
    const m = manifestOf();
    expect(m.events.length).toBeGreaterThanOrEqual(3);
    expect(m.events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    const s = openTestServices();
    try {
      const report = await callApi(s, 'bundle.import', { path: bundle });
      expect(report.eventCheck).toMatch(new RegExp(`^时间线 ${m.events.length} 条记录的哈希全部核对无误`));
      const imported = s.ctx.db.$client.prepare('select source_hash from case_events where source_hash is not null order by seq').pluck().all();
      expect(imported).toEqual(m.events.map((e) => e.hash));
      expect((await callApi(s, 'audit.verify', {})).intact).toBe(true);
    } finally {
      s.close();
    }
  });

  it('refuses a bundle whose event was edited, removed or moved after export, naming the event', async () => {
    const s = openTestServices();
    try {
      const edited = await rezip('edited.sucai.zip', (m) => (m.events[1]!.summary = '受理（被改）'));
      await expect(callApi(s, 'bundle.import', { path: edited })).rejects.toThrow(/案卷包未导入（本机数据未作任何更改）：时间线第 2 条（.+受理（被改））与其哈希不符：导出后内容被改动/);
      const removed = await rezip('removed.sucai.zip', (m) => m.events.splice(1, 1));
      await expect(callApi(s, 'bundle.import', { path: removed })).rejects.toThrow(/时间线第 2 条（.+）与前一条记录接不上/);
      const moved = await rezip('moved.sucai.zip', (m) => m.events.reverse());
      await expect(callApi(s, 'bundle.import', { path: moved })).rejects.toThrow(/时间线第 1 条（.+）之前的记录缺失/);
      expect(s.ctx.db.$client.prepare('select count(*) from cases').pluck().get()).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe('which tables the chain covers', () => {
  it('every table is on the chain or listed as off it with a reason', () => {
    const db = new Database(path.join(source, 'sucai.db'), { readonly: true });
    const names = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
    db.close();
    const undecided = names.filter((n) => !isDerivedIndexTable(n) && !auditedTables.some((t) => t.name === n) && !(n in unauditedTables));
    expect(undecided).toEqual([]);
    expect(auditedTables.filter((t) => t.name in unauditedTables)).toEqual([]);
  });
});
