/**
 * The raw insert floor of a data folder: the same rows written again with nothing but prepared
 * INSERT statements — one per table, row by row, into a freshly migrated database next to it (same
 * disk, same pragmas, same indexes, foreign keys on), committing every 50,000 rows; the search rows
 * go into the full-text index as stored. No validation, no services, no work per row beyond binding
 * the values: what SQLite and the disk need to store this data. Tables that triggers fill from the
 * others are not copied (the copy's triggers fill them, as they do for the services). The copy is
 * deleted afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/open';

export type InsertFloor = { ms: number; cpuMs: number; rows: number; tables: { table: string; rows: number; ms: number; cpuMs: number }[] };

const COMMIT_EVERY = 50_000;

/** Tables with rows of their own, parents before children. */
function tablesInOrder(source: Database.Database): string[] {
  const names = (
    source
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\'
         and name not like 'case\\_search%' escape '\\' and sql not like 'CREATE VIRTUAL%'`,
      )
      .pluck()
      .all() as string[]
  ).filter((t) => !triggerFilled(source, t));
  const parents = new Map(names.map((t) => [t, (source.prepare(`select "table" from pragma_foreign_key_list(?)`).pluck().all(t) as string[]).filter((p) => p !== t)]));
  const ordered: string[] = [];
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p);
    ordered.push(t);
  };
  names.forEach(visit);
  return ordered;
}

/** A table written only by triggers (the dashboard's daily figures): a trigger on another table inserts into it. */
function triggerFilled(source: Database.Database, table: string): boolean {
  const triggers = source.prepare(`select sql from sqlite_master where type = 'trigger' and tbl_name <> ?`).pluck().all(table) as string[];
  return triggers.some((sql) => new RegExp(`insert\\s+into\\s+"?${table}"?[\\s(]`, 'i').test(sql));
}

export function measureInsertFloor(dataDir: string, migrationsFolder: string): InsertFloor {
  const file = path.join(dataDir, `insert-floor-${process.pid}.db`);
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  };
  remove();
  const source = new Database(path.join(dataDir, 'sucai.db'), { readonly: true, fileMustExist: true });
  const target = openDatabase(file, { migrationsFolder }).$client;
  try {
    const tables: InsertFloor['tables'] = [];
    const started = performance.now();
    let pending = 0;
    for (const name of process.env.FLOOR_DEFER?.split(',') ?? []) target.exec(`drop index ${name}`);
    target.exec('begin immediate');
    const tick = () => {
      if (++pending < COMMIT_EVERY) return;
      target.exec('commit');
      target.exec('begin immediate');
      pending = 0;
    };
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const startedCpu = cpu();
    const copy = (table: string, select: string, insert: string) => {
      const t0 = performance.now();
      const c0 = cpu();
      const stmt = target.prepare(insert);
      let rows = 0;
      for (const row of source.prepare(select).raw().iterate()) {
        stmt.run(row as unknown[]);
        rows++;
        tick();
      }
      tables.push({ table, rows, ms: performance.now() - t0, cpuMs: cpu() - c0 });
    };
    for (const table of tablesInOrder(source)) {
      const columns = (source.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).map((c) => `"${c}"`);
      target.prepare(`delete from "${table}"`).run(); // rows a migration seeded
      copy(table, `select ${columns.join(', ')} from "${table}"`, `insert into "${table}" (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
    }
    if (process.env.FLOOR_DEFER) {
      const t0 = performance.now();
      const c0 = cpu();
      for (const name of process.env.FLOOR_DEFER.split(',')) {
        const sql = source.prepare(`select sql from sqlite_master where name = ?`).pluck().get(name) as string;
        target.exec(sql);
      }
      tables.push({ table: 'deferred indexes', rows: 0, ms: performance.now() - t0, cpuMs: cpu() - c0 });
    }
    copy('case_search', 'select rowid, body from case_search', 'insert into case_search (rowid, body) values (?, ?)');
    target.exec('commit');
    const ms = performance.now() - started;
    return { ms, cpuMs: cpu() - startedCpu, rows: tables.reduce((n, t) => n + t.rows, 0), tables };
  } finally {
    source.close();
    target.close();
    remove();
  }
}
