import { z } from 'zod';
import { out } from './fields';
import type { Methods } from './spec';

export type BackupReason = 'manual' | 'daily' | 'preMigration';
export const backupReasonLabels: Record<BackupReason, string> = { manual: '手动', daily: '每日自动', preMigration: '迁移前' };

/** One backup in a backup folder (its manifest, read back). */
export type BackupInfo = {
  /** The backup's folder name, e.g. sucai-20261120-100000-manual. */
  name: string;
  /** Where it is: the backup folder in use, or the data folder's own backups/ (e.g. a copy made before a migration). */
  location: 'folder' | 'dataDir';
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  databaseBytes: number;
  fileCount: number;
  fileBytes: number;
  /** The audit chain in the backed-up database: events and the last hash. */
  auditCount: number | null;
  auditHead: string | null;
};

export type BackupStatus = {
  folder: string;
  /** default: the data folder's backups/; chosen: picked by the administrator (desktop); host: fixed when the web host started (--backup-dir). */
  folderSource: 'default' | 'chosen' | 'host';
  keep: number;
  backups: BackupInfo[];
  running: boolean;
};

export type BackupResult = { backup: BackupInfo; copiedFiles: number; reusedFiles: number; removed: string[]; elapsedMs: number };

/** One check of a restore, in order; a restore is used only when every check passed. */
export type RestoreCheck = { label: string; ok: boolean; detail: string };
export type RestoreResult = { dataDir: string; checks: RestoreCheck[] };

export type BackupProgress = { job: 'backup' | 'restore'; phase: 'database' | 'files' | 'verify' | 'done'; done: number; total: number; label: string };

const backupName = z
  .string({ error: '请选择一个备份' })
  .regex(/^sucai-\d{8}-\d{6}(-\d+)?-(manual|daily|preMigration)$/, '备份名称不正确：请从备份列表中选择');
const localPath = z.string({ error: '请选择文件夹' }).min(1, '请选择文件夹').max(4096, '路径过长');
const strict = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `不认识的字段：${issue.keys.join('、')}` : undefined) });

export const backupsContract = {
  'backups.status': { input: strict({}).default({}), output: out<BackupStatus>(), access: ['admin'], reads: true },
  /** Backs up now into the backup folder in use (never a folder named by the request). */
  'backups.run': { input: strict({}).default({}), output: out<BackupResult>(), access: ['admin'], reads: false },
  'backups.configure': {
    input: strict({ keep: z.number({ error: '保留份数应为整数' }).int('保留份数应为整数').min(1, '至少保留 1 份').max(365, '最多保留 365 份') }),
    output: out<BackupStatus>(),
    access: ['admin'],
    reads: false,
  },
  /** Desktop: the folder the administrator picked in the native dialog (a USB disk, a network share). */
  'backups.chooseFolder': {
    input: strict({ path: localPath }),
    output: out<BackupStatus>(),
    access: ['admin'],
    reads: false,
    hosts: ['electron'],
    localPaths: (input: { path: string }) => [input.path],
  },
  /** Restores a listed backup into a new data folder next to this one, verified before use. */
  'backups.restore': { input: strict({ name: backupName }), output: out<RestoreResult>(), access: ['admin'], reads: false },
  /** Desktop: the same, into an empty folder the administrator picked. */
  'backups.restoreTo': {
    input: strict({ name: backupName, path: localPath }),
    output: out<RestoreResult>(),
    access: ['admin'],
    reads: false,
    hosts: ['electron'],
    localPaths: (input: { path: string }) => [input.path],
  },
} as const satisfies Methods;
