/**
 * The start-up sweep: what a crash (kill -9, power cut) left in the data folder, removed before
 * the first request is served and while this process holds the folder lock — so no other
 * process's upload or export can be in flight:
 * - files in the evidence store without an `evidence_files` row (stored, then the process died
 *   before the row and its exhibit were written — they are written together, after the rename);
 * - `evidence_files` rows that no exhibit references, with their files (data from before the
 *   row and exhibit were written together);
 * - temporary files of interrupted writes: `evidence/.incoming/*.part`, bundle uploads, `.part` /
 *   `.tmp` files of bundles, packages, exports and documents.
 * Every removal is logged (console and `logs/sweep.log` in the data folder) with what and why.
 * Rows whose file is missing are not touched (the row is the record): 校验 reports them. The sweep
 * reads the store's directory once and looks each file up by primary key, so it stays quick.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { evidenceFiles } from '../../../db/schema';
import { evidenceRoot, incomingDir, isSha256 } from '../evidence/store';

export type SweepReport = {
  orphanFiles: { sha256: string; size: number }[];
  unreferencedRows: { sha256: string; size: number; fileRemoved: boolean }[];
  tempFiles: string[];
};

/** Temp names our writers use: `.xxxx.part`, `.tmp-xxxx.docx`, `name.pdf.<hex>.tmp`, `.xxxx.tmp`. */
const TEMP_NAME = /(^\..*\.(part|tmp)$)|(^\.tmp-.*)|(\.[0-9a-f]{8,}\.tmp$)/;

export function sweepDataFolder(db: Db, dataDir: string, now: Date): SweepReport {
  const report: SweepReport = { orphanFiles: [], unreferencedRows: [], tempFiles: [] };

  // 1. temporary files
  for (const file of listFiles(incomingDir(dataDir))) removeTemp(report, file);
  for (const file of listFiles(path.join(dataDir, 'bundles', 'incoming'))) removeTemp(report, file);
  for (const sub of ['bundles', 'packages', 'exports', 'documents']) {
    for (const file of listFiles(path.join(dataDir, sub), { recursive: true })) {
      if (TEMP_NAME.test(path.basename(file))) removeTemp(report, file);
    }
  }

  // 2. unreferenced rows (and their files), in one transaction
  const unreferenced = db.transaction((tx) => {
    const rows = tx.all<{ sha256: string; size: number }>(
      sql`select sha256, size from ${evidenceFiles} f where not exists (select 1 from exhibits e where e.file_sha256 = f.sha256)`,
    );
    for (const row of rows) tx.run(sql`delete from ${evidenceFiles} where sha256 = ${row.sha256}`);
    return rows;
  });
  for (const row of unreferenced) {
    const file = path.join(evidenceRoot(dataDir), row.sha256.slice(0, 2), row.sha256);
    const fileRemoved = removeQuietly(file);
    report.unreferencedRows.push({ ...row, fileRemoved });
  }

  // 3. store files without a row
  const known = db.$client.prepare('select 1 from evidence_files where sha256 = ?').pluck();
  const root = evidenceRoot(dataDir);
  for (const shard of listDirs(root)) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const name of safeReaddir(path.join(root, shard))) {
      const file = path.join(root, shard, name);
      if (isSha256(name) && name.startsWith(shard)) {
        if (known.get(name)) continue;
        const size = sizeOf(file);
        if (removeQuietly(file)) report.orphanFiles.push({ sha256: name, size });
      }
    }
  }

  logReport(dataDir, report, now);
  return report;
}

function removeTemp(report: SweepReport, file: string): void {
  if (removeQuietly(file)) report.tempFiles.push(file);
}

function removeQuietly(file: string): boolean {
  try {
    fs.rmSync(file, { force: false });
    return true;
  } catch {
    return false;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function listDirs(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch {
    return [];
  }
}

function listFiles(dir: string, options: { recursive?: boolean } = {}): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true, recursive: options.recursive ?? false })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

function logReport(dataDir: string, report: SweepReport, now: Date): void {
  const lines: string[] = [];
  const at = now.toISOString();
  for (const f of report.orphanFiles) lines.push(`${at} 删除证据库中没有记录的文件 evidence/${f.sha256.slice(0, 2)}/${f.sha256}（${f.size} 字节）：上次导入在写入记录前中断`);
  for (const r of report.unreferencedRows) lines.push(`${at} 删除没有任何证据引用的文件记录 ${r.sha256}（${r.size} 字节）${r.fileRemoved ? '及其文件' : ''}`);
  for (const t of report.tempFiles) lines.push(`${at} 删除中断写入留下的临时文件 ${path.relative(dataDir, t)}`);
  if (lines.length === 0) return;
  console.warn(`[sucai] 启动清理：\n${lines.join('\n')}`);
  try {
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    fs.appendFileSync(path.join(dataDir, 'logs', 'sweep.log'), `${lines.join('\n')}\n`);
  } catch {
    // the console has it; a log file that cannot be written must not stop the start
  }
}
