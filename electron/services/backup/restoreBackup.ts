import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupProgress, RestoreCheck } from '../../core/contract';
import { verifyChain } from '../audit/verifyChain';
import { copyToTemp, fsyncPath } from './durable';
import { DATABASE_FILE, readManifest, storePath, type BackupManifest } from './layout';

export type RestoreJob = {
  /** The backup's own folder (…/sucai-20261120-100000-manual); its store is beside it. */
  backupDir: string;
  /** A new data folder: must not exist yet, or be empty. */
  newDataDir: string;
  nativeBinding?: string;
  onProgress?: (p: BackupProgress) => void;
};

export type RestoreOutcome = { ok: boolean; dataDir: string | null; checks: RestoreCheck[] };

const MAX_LISTED = 5;
const listed = (items: string[]) => items.slice(0, MAX_LISTED).join('；') + (items.length > MAX_LISTED ? `；等 ${items.length} 处` : '');

/** Whether a folder can receive a restore: absent, or an empty folder. Returns the Chinese reason when not. */
export function unusableTarget(dir: string): string | null {
  if (!path.isAbsolute(dir)) return `恢复目标须为绝对路径：${dir}`;
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat) return null;
  if (!stat.isDirectory()) return `恢复目标已存在且不是文件夹：${dir}`;
  if (fs.readdirSync(dir).length) return `恢复目标文件夹不是空的：${dir}（恢复只写入新的数据目录，不覆盖已有数据）`;
  return null;
}

/**
 * Restores a backup into a new data folder and verifies it before it is used: it is assembled in
 * a temporary folder beside the target — the database and every file copied from the store, each
 * hashed on the way and compared with the manifest — then checked: SQLite's integrity_check, the
 * audit chain (every event and every audited row, and its head against the manifest), every
 * evidence file against its SHA-256 and every document against its row. Only when every check
 * passed is the folder renamed into place; otherwise it is removed and the checks say what failed.
 */
export async function restoreBackup(job: RestoreJob): Promise<RestoreOutcome> {
  const checks: RestoreCheck[] = [];
  const fail = (label: string, detail: string) => checks.push({ label, ok: false, detail });
  const pass = (label: string, detail: string) => checks.push({ label, ok: true, detail });
  const progress = (phase: BackupProgress['phase'], done: number, total: number, label: string) => job.onProgress?.({ job: 'restore', phase, done, total, label });

  const unusable = unusableTarget(job.newDataDir);
  if (unusable) return { ok: false, dataDir: null, checks: [{ label: '恢复目标', ok: false, detail: unusable }] };
  const { manifest, problem } = readManifest(job.backupDir);
  if (!manifest || problem) return { ok: false, dataDir: null, checks: [{ label: '清单', ok: false, detail: problem ?? '清单不可读' }] };
  pass('清单', `${manifest.name}，${manifest.files.length} 个文件，校验和一致`);

  const folder = path.dirname(job.backupDir);
  const temp = path.join(path.dirname(job.newDataDir), `.${path.basename(job.newDataDir)}.restoring-${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(temp, { recursive: true });
  try {
    // 1. The database, against the manifest.
    progress('database', 0, 1, '复制数据库');
    const dbFile = path.join(temp, DATABASE_FILE);
    const dbSource = path.join(job.backupDir, DATABASE_FILE);
    if (!fs.existsSync(dbSource)) fail('数据库文件', '备份中缺少 sucai.db');
    else {
      const copied = await copyToTemp(dbSource, temp);
      fs.renameSync(copied.temp, dbFile);
      if (copied.sha256 !== manifest.database.sha256 || copied.size !== manifest.database.size) fail('数据库文件', 'sucai.db 与清单中的 SHA-256 不符：备份的数据库已损坏或被改动');
      else pass('数据库文件', `SHA-256 ${copied.sha256.slice(0, 12)}… 与清单一致`);
    }

    // 2. Every file, from the store, against the manifest (and evidence against its own name).
    const bad = await restoreFiles(folder, temp, manifest, (done) => progress('files', done, manifest.files.length, '复制证据与文书'));
    if (bad.length) fail('文件', listed(bad));
    else pass('文件', `${manifest.files.length} 个文件逐一核对 SHA-256，与清单一致`);

    // 3. The database itself: integrity, the audit chain, evidence and documents present.
    if (checks.every((c) => c.ok)) {
      progress('verify', 0, 1, '核验');
      await verifyDatabase(dbFile, temp, manifest, job.nativeBinding, { pass, fail });
    }
    if (!checks.every((c) => c.ok)) {
      fs.rmSync(temp, { recursive: true, force: true });
      return { ok: false, dataDir: null, checks };
    }
    for (const sub of ['evidence', 'documents', 'backups']) fs.mkdirSync(path.join(temp, sub), { recursive: true });
    fsyncPath(temp);
    if (fs.existsSync(job.newDataDir)) fs.rmdirSync(job.newDataDir);
    fs.renameSync(temp, job.newDataDir);
    fsyncPath(path.dirname(job.newDataDir));
    progress('done', 1, 1, '恢复完成');
    return { ok: true, dataDir: job.newDataDir, checks };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

async function restoreFiles(folder: string, temp: string, manifest: BackupManifest, onProgress: (done: number) => void): Promise<string[]> {
  const bad: string[] = [];
  for (const [i, f] of manifest.files.entries()) {
    const source = storePath(folder, f.sha256);
    const dest = path.join(temp, ...f.path.split('/'));
    if (!fs.existsSync(source)) {
      bad.push(`${f.path}：备份中缺少此文件`);
      continue;
    }
    const copied = await copyToTemp(source, path.dirname(dest));
    if (copied.sha256 !== f.sha256) {
      fs.rmSync(copied.temp, { force: true });
      bad.push(`${f.path}：内容与清单中的 SHA-256 不符（备份中的文件已损坏或被改动）`);
      continue;
    }
    fs.renameSync(copied.temp, dest);
    if (f.path.startsWith('evidence/') && path.basename(f.path) !== f.sha256) bad.push(`${f.path}：证据文件的内容与其 SHA-256 不符（备份时已损坏）`);
    if (i % 20 === 0) onProgress(i + 1);
  }
  onProgress(manifest.files.length);
  return bad;
}

type Report = { pass: (label: string, detail: string) => void; fail: (label: string, detail: string) => void };

async function verifyDatabase(dbFile: string, dataDir: string, manifest: BackupManifest, nativeBinding: string | undefined, r: Report): Promise<void> {
  const client = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const integrity = (client.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      r.fail('数据库完整性', `integrity_check：${listed(integrity)}`);
      return;
    }
    r.pass('数据库完整性', 'integrity_check：ok');
    const missing: string[] = [];
    for (const { sha256 } of client.prepare('select sha256 from evidence_files').all() as { sha256: string }[]) {
      if (!fs.existsSync(path.join(dataDir, 'evidence', sha256.slice(0, 2), sha256))) missing.push(`evidence/${sha256.slice(0, 2)}/${sha256}`);
    }
    if (missing.length) r.fail('证据文件', `数据库中登记而备份中没有：${listed(missing)}`);
    else r.pass('证据文件', '数据库登记的每个证据文件都在，且内容与 SHA-256 一致');
    const byPath = new Map(manifest.files.map((f) => [f.path, f.sha256]));
    const documents: string[] = [];
    for (const d of client.prepare('select case_id as caseId, file_name as fileName, sha256 from documents').all() as { caseId: number; fileName: string; sha256: string }[]) {
      const rel = `documents/${d.caseId}/${d.fileName}`;
      const sha = byPath.get(rel);
      if (!sha) documents.push(`${rel}：备份中没有`);
      else if (sha !== d.sha256) documents.push(`${rel}：与数据库记录的 SHA-256 不符`);
    }
    if (documents.length) r.fail('文书', listed(documents));
    else r.pass('文书', '数据库登记的每份文书都在，且与记录的 SHA-256 一致');
  } finally {
    client.close();
  }
  const chain = await verifyChain(dbFile, { nativeBinding });
  if (manifest.database.auditCount === null) {
    if (chain.problems[0]?.kind === 'noChain') r.pass('核验链', '备份来自尚无核验链的版本：打开时将建立核验记录起点');
    else r.fail('核验链', '清单未记录核验链，数据库中却有');
    return;
  }
  if (!chain.intact) {
    r.fail('核验链', `${chain.problems[0]?.message ?? '不完整'}${chain.problemCount > 1 ? `（共 ${chain.problemCount} 处问题）` : ''}`);
  } else if (chain.count !== manifest.database.auditCount || (chain.head?.hash ?? null) !== manifest.database.auditHead) {
    r.fail('核验链', `链头与清单不符：清单为第 ${manifest.database.auditCount} 条，数据库为第 ${chain.count} 条`);
  } else {
    r.pass('核验链', `完整：${chain.count} 条事件，链头 ${chain.head?.hash.slice(0, 16) ?? '（无）'}…，数据 ${chain.rowsChecked} 行逐行核对`);
  }
}
