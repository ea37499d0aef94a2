import fs from 'node:fs';
import type Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { createCalendar, type HolidayOverride } from '../core/clock/calendar';
import { holidayOverridesFileSchema } from '../core/clock/overridesSchema';
import { openDatabase, type Db } from '../../db/open';
import { startChain } from './audit/genesis';
import { chainWriter } from './audit/chainWriter';
import { backupBeforeMigration } from './backup/beforeMigration';

/** Where the app keeps its data when no --data / SUCAI_DATA_DIR is given. */
export function defaultDataDir(): string {
  const base =
    process.platform === 'win32'
      ? process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Application Support')
        : process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'sucai-desk');
}

export type AppPaths = { resourcesDir: string; migrationsFolder: string; nativeBinding?: string };

const hasTable = (client: Database.Database, name: string) =>
  !!client.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name);

/**
 * Creates the folder layout of architecture.md and opens (migrating) sucai.db. Before a migration
 * the old database is backed up; the migration that creates the audit chain's tables also starts
 * the chain on the folder's existing data; from then on the connection notes every audited row it
 * writes (electron/services/audit).
 */
export function openDataFolder(dataDir: string, paths: AppPaths & { version?: string; backupDir?: string }): Db {
  for (const sub of ['evidence', 'documents', 'backups']) fs.mkdirSync(path.join(dataDir, sub), { recursive: true });
  let chainMissing = false;
  let preMigration: ReturnType<typeof backupBeforeMigration> = null;
  const db = openDatabase(path.join(dataDir, 'sucai.db'), {
    migrationsFolder: paths.migrationsFolder,
    nativeBinding: paths.nativeBinding,
    beforeMigrate: (client) => {
      preMigration = backupBeforeMigration(client, {
        dataDir,
        migrationsFolder: paths.migrationsFolder,
        appVersion: paths.version ?? '',
        hostFolder: paths.backupDir,
        nativeBinding: paths.nativeBinding,
      });
      chainMissing = !hasTable(client, 'event_rows');
    },
  });
  if (chainMissing) startChain(db.$client, new Date());
  const writer = chainWriter(db.$client);
  const done = preMigration as ReturnType<typeof backupBeforeMigration>;
  if (done) {
    writer.append({
      caseId: null,
      at: new Date().toISOString(),
      actor: '系统',
      actorId: null,
      action: 'backup.created',
      summary: `迁移前备份：${done.backup.name}（升级数据库之前的版本）→ ${done.folder}`,
      before: null,
      after: JSON.stringify({ name: done.backup.name, folder: done.folder, auditCount: done.backup.auditCount, auditHead: done.backup.auditHead }),
      sourceHash: null,
    });
  }
  return db;
}

/**
 * Holiday notices beyond the library's data: the bundled resources/holidays/overrides.json, then
 * the data folder's holidays.json (same format) so a tribunal can add next year's notice itself.
 */
export function loadCalendar(dataDir: string, paths: AppPaths) {
  const overrides: HolidayOverride[] = [];
  for (const file of [path.join(paths.resourcesDir, 'holidays', 'overrides.json'), path.join(dataDir, 'holidays.json')]) {
    if (!fs.existsSync(file)) continue;
    const parsed = holidayOverridesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`节假日文件格式错误：${file}：${parsed.error.issues[0]?.message}`);
    for (const notice of parsed.data.notices) overrides.push(...notice.days);
  }
  return createCalendar(overrides);
}
