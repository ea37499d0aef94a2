import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupReasonLabels, type BackupInfo, type BackupReason } from '../../core/contract';
import { listDir } from './durable';

/**
 * A backup folder (the data folder's backups/, a USB disk, a network share) holds:
 *
 *   store/<first 2 hex>/<sha256>      every file of every backup, once (content-addressed)
 *   sucai-20261120-100000-manual/     one folder per backup:
 *     sucai.db                        the database (SQLite online backup API)
 *     manifest.json                   what the backup holds, with hashes (below)
 *
 * A backup is written as .<name>.partial and renamed when complete, so a folder named like a
 * backup is always a whole one.
 */
export const BACKUP_FORMAT = 'sucai-backup';
export const DATABASE_FILE = 'sucai.db';
export const MANIFEST_FILE = 'manifest.json';
export const STORE_DIR = 'store';
export const BACKUP_NAME_RE = /^sucai-(\d{8})-(\d{6})(?:-(\d+))?-(manual|daily|preMigration)$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A data-folder path a backup may hold: evidence/, documents/, holidays.json — nothing that leaves the folder. */
const dataPath = z
  .string()
  .max(1000)
  .refine((p) => !p.split('/').some((part) => part === '..' || part === '') && (/^(evidence|documents)\//.test(p) || p === 'holidays.json'));

export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  name: z.string().regex(BACKUP_NAME_RE),
  createdAt: z.string(),
  reason: z.enum(['manual', 'daily', 'preMigration']),
  appVersion: z.string().max(40),
  database: z.object({
    file: z.literal(DATABASE_FILE),
    size: z.number().int().min(0),
    sha256,
    auditCount: z.number().int().min(0).nullable(),
    auditHead: sha256.nullable(),
  }),
  files: z.array(z.object({ path: dataPath, size: z.number().int().min(0), sha256, mtimeMs: z.number() })),
  /** SHA-256 of the manifest without this field (JSON.stringify), so an edited manifest is noticed. */
  checksum: sha256,
});
export type BackupManifest = z.infer<typeof backupManifestSchema>;
export type ManifestFile = BackupManifest['files'][number];

export function manifestChecksum(m: Omit<BackupManifest, 'checksum'>): string {
  const { checksum: _ignored, ...body } = m as BackupManifest;
  return crypto.createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

export const storePath = (folder: string, sha: string) => path.join(folder, STORE_DIR, sha.slice(0, 2), sha);

/** China local time as the backup's name: sucai-YYYYMMDD-HHMMSS[-n]-reason, unique in the folder. */
export function newBackupName(folder: string, at: Date, reason: BackupReason): string {
  const china = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const stamp = `${china.slice(0, 10).replaceAll('-', '')}-${china.slice(11, 19).replaceAll(':', '')}`;
  for (let n = 1; ; n++) {
    const name = `sucai-${stamp}${n > 1 ? `-${n}` : ''}-${reason}`;
    if (!fs.existsSync(path.join(folder, name)) && !fs.existsSync(path.join(folder, `.${name}.partial`))) return name;
  }
}

/** Reads and checks a backup's manifest; null when the folder is not a whole backup. */
export function readManifest(backupDir: string): { manifest: BackupManifest | null; problem: string | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(backupDir, MANIFEST_FILE), 'utf8'));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    return { manifest: null, problem: missing ? '缺少清单文件 manifest.json' : '清单文件 manifest.json 不是有效的 JSON' };
  }
  const parsed = backupManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { manifest: null, problem: `清单文件格式不符（${issue?.path.join('.') || '整体'}）` };
  }
  if (manifestChecksum(parsed.data) !== parsed.data.checksum) return { manifest: parsed.data, problem: '清单文件被改动：其校验和不符' };
  return { manifest: parsed.data, problem: null };
}

export function backupInfo(m: BackupManifest, location: BackupInfo['location']): BackupInfo {
  return {
    name: m.name,
    location,
    createdAt: m.createdAt,
    reason: m.reason,
    appVersion: m.appVersion,
    databaseBytes: m.database.size,
    fileCount: m.files.length,
    fileBytes: m.files.reduce((n, f) => n + f.size, 0),
    auditCount: m.database.auditCount,
    auditHead: m.database.auditHead,
  };
}

/** The whole backups in a folder, newest first (unreadable ones are left out). */
export function listBackups(folder: string, location: BackupInfo['location']): { dir: string; manifest: BackupManifest; info: BackupInfo }[] {
  const names = listDir(folder);
  const found: { dir: string; manifest: BackupManifest; info: BackupInfo }[] = [];
  for (const name of names) {
    if (!BACKUP_NAME_RE.test(name)) continue;
    const dir = path.join(folder, name);
    const { manifest } = readManifest(dir);
    if (manifest && manifest.name === name) found.push({ dir, manifest, info: backupInfo(manifest, location) });
  }
  return found.sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : a.manifest.createdAt > b.manifest.createdAt ? -1 : a.manifest.name < b.manifest.name ? 1 : -1));
}

export const describeReason = (reason: BackupReason) => backupReasonLabels[reason];
