import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupResult } from '../../core/contract';
import { createBackupBeforeMigration } from './createBackup';
import { DEFAULT_KEEP, defaultBackupFolder } from './backupService';

const hasTable = (client: Database.Database, name: string) =>
  !!client.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name);

/** Whether drizzle's journal has migrations this database has not had yet (a new, empty database has none to protect). */
export function migrationsPending(client: Database.Database, migrationsFolder: string): boolean {
  if (!hasTable(client, '__drizzle_migrations')) return false;
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const last = journal.entries.at(-1)?.when ?? 0;
  const applied = (client.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null) ?? 0;
  return applied < last;
}

export type BeforeMigrationOptions = { dataDir: string; migrationsFolder: string; appVersion: string; hostFolder?: string; nativeBinding?: string };

/**
 * The backup taken before every migration, of the database as the old version left it. It goes
 * where the other backups go (the folder fixed by the host, else the one chosen in settings when
 * it is reachable, else the data folder's backups/). If it fails, the database is not upgraded.
 */
export function backupBeforeMigration(client: Database.Database, options: BeforeMigrationOptions): (BackupResult & { folder: string }) | null {
  if (!migrationsPending(client, options.migrationsFolder)) return null;
  const saved = hasTable(client, 'backup_settings')
    ? (client.prepare('select folder, keep from backup_settings where id = 1').get() as { folder: string | null; keep: number } | undefined)
    : undefined;
  const chosen = saved?.folder && fs.existsSync(saved.folder) ? saved.folder : null;
  const folder = options.hostFolder ?? chosen ?? defaultBackupFolder(options.dataDir);
  try {
    const result = createBackupBeforeMigration({
      client,
      dataDir: options.dataDir,
      folder,
      reason: 'preMigration',
      appVersion: options.appVersion,
      keep: saved?.keep ?? DEFAULT_KEEP,
      now: new Date(),
      nativeBinding: options.nativeBinding,
    });
    return { ...result, folder };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`升级数据库前的备份失败，数据库未升级：${detail}。请检查备份文件夹 ${folder} 的空间和写入权限`);
  }
}
