import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupProgress, BackupReason, BackupResult } from '../../core/contract';
import { copyToTempSync, fsyncPath, hashFile, writeFileDurably } from './durable';
import { listDataFiles, putInStore, putInStoreSync, type DataFile, type Put } from './dataFiles';
import { DATABASE_FILE, MANIFEST_FILE, BACKUP_FORMAT, backupInfo, listBackups, manifestChecksum, newBackupName, type BackupManifest, type ManifestFile } from './layout';
import { applyRetention } from './retention';

export type BackupJob = {
  /** The live connection: the online backup API copies through it, so its own writes during the copy are included. */
  client: Database.Database;
  dataDir: string;
  folder: string;
  reason: BackupReason;
  appVersion: string;
  keep: number;
  now: Date;
  nativeBinding?: string;
  onProgress?: (p: BackupProgress) => void;
};

/** Pages per step of the online backup; after a restart (another connection wrote) the rest goes in one step. */
const PAGES_PER_STEP = 2048;

/**
 * A backup while the app is in use: the database through SQLite's online backup API
 * (better-sqlite3 `backup()`), then every evidence file, document and holidays.json the folder's
 * store lacks, then the manifest with every hash; written as .<name>.partial and renamed when
 * whole. Old backups beyond `keep` are removed afterwards, and store files none of the rest use.
 */
export async function createBackup(job: BackupJob): Promise<BackupResult & { warnings: string[] }> {
  const { started, name, partial } = begin(job);
  try {
    const dbFile = path.join(partial, DATABASE_FILE);
    let lastRemaining = Infinity;
    let restarted = false;
    await job.client.backup(dbFile, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) restarted = true;
        lastRemaining = remainingPages;
        job.onProgress?.({ job: 'backup', phase: 'database', done: totalPages - remainingPages, total: totalPages, label: '复制数据库' });
        return restarted ? Math.max(totalPages, 1) : PAGES_PER_STEP;
      },
    });
    fsyncPath(dbFile);
    const files = listDataFiles(job.dataDir, previousFiles(job.folder));
    const puts: Put[] = [];
    for (const [i, file] of files.entries()) {
      puts.push(await putInStore(job.folder, file));
      if (i % 20 === 0 || i === files.length - 1) job.onProgress?.({ job: 'backup', phase: 'files', done: i + 1, total: files.length, label: '复制证据与文书' });
    }
    const result = finish(job, name, partial, files, puts, await hashFile(dbFile));
    job.onProgress?.({ job: 'backup', phase: 'done', done: 1, total: 1, label: '备份完成' });
    return { ...result, elapsedMs: Date.now() - started };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The copy made at start before a migration, of the old database (synchronous: the services are
 * not open yet and nothing else writes — the folder's lock keeps other processes out). The WAL is
 * checkpointed into the file first and the file copied; a write by someone else meanwhile is
 * noticed (the WAL is no longer empty) and the copy made again.
 */
export function createBackupBeforeMigration(job: Omit<BackupJob, 'onProgress'>): BackupResult & { warnings: string[] } {
  const { started, name, partial } = begin(job);
  try {
    const source = job.client.name;
    const wal = `${source}-wal`;
    let copied: { sha256: string; size: number } | null = null;
    for (let attempt = 0; attempt < 5 && !copied; attempt++) {
      job.client.pragma('wal_checkpoint(TRUNCATE)');
      const { temp, sha256, size } = copyToTempSync(source, partial);
      if ((fs.statSync(wal, { throwIfNoEntry: false })?.size ?? 0) === 0) {
        fs.renameSync(temp, path.join(partial, DATABASE_FILE));
        copied = { sha256, size };
      } else fs.rmSync(temp, { force: true });
    }
    if (!copied) throw new Error('数据库在复制期间一直有写入，无法做迁移前备份');
    const files = listDataFiles(job.dataDir, previousFiles(job.folder));
    const puts = files.map((file) => putInStoreSync(job.folder, file));
    const result = finish(job, name, partial, files, puts, copied);
    return { ...result, elapsedMs: Date.now() - started };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** The backup's name and its .partial folder, made. */
function begin(job: Omit<BackupJob, 'onProgress'>) {
  fs.mkdirSync(job.folder, { recursive: true });
  const name = newBackupName(job.folder, job.now, job.reason);
  const partial = path.join(job.folder, `.${name}.partial`);
  fs.mkdirSync(partial);
  return { started: Date.now(), name, partial };
}

/** The newest backup's file list in this folder: documents unchanged since keep their hash. */
function previousFiles(folder: string): Map<string, ManifestFile> {
  const latest = listBackups(folder, 'folder')[0];
  return new Map((latest?.manifest.files ?? []).map((f) => [f.path, f]));
}

/** The audit chain of the copied database: how many events, and the last hash. */
function auditHeadOf(dbFile: string, nativeBinding?: string): { auditCount: number | null; auditHead: string | null } {
  const copy = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const columns = copy.prepare(`select name from pragma_table_info('case_events')`).pluck().all() as string[];
    if (!columns.includes('hash')) return { auditCount: null, auditHead: null };
    const head = copy.prepare('select seq, hash from case_events where seq is not null order by seq desc limit 1').get() as { seq: number; hash: string } | undefined;
    return { auditCount: head?.seq ?? 0, auditHead: head?.hash ?? null };
  } finally {
    copy.close();
  }
}

function manifestFor(job: Omit<BackupJob, 'onProgress'>, name: string, partial: string, files: DataFile[], puts: Put[], db: { sha256: string; size: number }): { manifest: BackupManifest; warnings: string[] } {
  const warnings = files.flatMap((f, i) => (puts[i]!.mismatch ? [`证据文件 ${f.path} 的内容与其 SHA-256 不符（已损坏），备份中保存的是它现在的内容`] : []));
  const body: Omit<BackupManifest, 'checksum'> = {
    format: BACKUP_FORMAT,
    version: 1,
    name,
    createdAt: job.now.toISOString(),
    reason: job.reason,
    appVersion: job.appVersion,
    database: { file: DATABASE_FILE, size: db.size, sha256: db.sha256, ...auditHeadOf(path.join(partial, DATABASE_FILE), job.nativeBinding) },
    files: files.map((f, i) => ({ path: f.path, size: puts[i]!.size, sha256: puts[i]!.sha256, mtimeMs: f.mtimeMs })),
  };
  return { manifest: { ...body, checksum: manifestChecksum(body) }, warnings };
}

function seal(job: Omit<BackupJob, 'onProgress'>, name: string, partial: string, manifest: BackupManifest): string[] {
  writeFileDurably(path.join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
  fsyncPath(partial);
  fs.renameSync(partial, path.join(job.folder, name));
  fsyncPath(job.folder);
  return applyRetention(job.folder, job.keep);
}

function finish(job: Omit<BackupJob, 'onProgress'>, name: string, partial: string, files: DataFile[], puts: Put[], db: { sha256: string; size: number }) {
  const { manifest, warnings } = manifestFor(job, name, partial, files, puts, db);
  const removed = seal(job, name, partial, manifest);
  return { backup: backupInfo(manifest, 'folder'), copiedFiles: puts.filter((p) => p.copied).length, reusedFiles: puts.filter((p) => !p.copied).length, removed, warnings };
}
