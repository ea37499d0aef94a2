import fs from 'node:fs';
import type Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { createCalendar, type Calendar, type HolidayOverride } from '../core/clock/calendar';
import { storedHolidayOverrides } from './settings/holidays';
import { holidayOverridesFileSchema } from '../core/clock/overridesSchema';
import { openDatabase, type Db } from '../../db/open';
import { acquireFolderLock } from './storage/folderLock';
import { checkDatabaseFile, checkSchemaPresent, DB_FILE, openFailure, requireWritable } from './storage/folderChecks';
import { sweepDataFolder, type SweepReport } from './storage/sweep';
import { StartupFailure } from './storage/startupFailure';
import { describeZodError } from '../core/contract';
import { startChain } from './audit/genesis';
import { chainWriter } from './audit/chainWriter';
import { runDataUpgrades } from './audit/dataUpgrades';
import { backupBeforeMigration } from './backup/beforeMigration';

/**
 * Where the app keeps its data when no --data / SUCAI_DATA_DIR is given: a folder of our own, never
 * Electron's userData (that is Chromium's profile: caches, Local Storage). Both hosts use it.
 * Linux: $XDG_DATA_HOME/sucai-desk (~/.local/share/sucai-desk); Windows: %LOCALAPPDATA%\sucai-desk
 * (local, not the roaming profile); macOS: ~/Library/Application Support/sucai-desk-data.
 */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'sucai-desk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'sucai-desk-data');
  return path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'sucai-desk');
}

/**
 * Where earlier versions kept the desktop app's data: Electron's default userData for our name
 * (appData/sucai-desk), which on Windows and macOS was also the web host's default.
 */
export function legacyDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'sucai-desk');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'sucai-desk');
  return path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'sucai-desk');
}

export type AppPaths = { resourcesDir: string; migrationsFolder: string; nativeBinding?: string };

export type OpenedFolder = { db: Db; sweep: SweepReport; release: () => void };

const hasTable = (client: Database.Database, name: string) =>
  !!client.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name);

/**
 * Opens a data folder for this process alone: takes the folder lock, refuses a folder that cannot
 * be written or whose existing data lost its database (folderChecks), creates the layout of
 * architecture.md, opens (migrating) sucai.db and sweeps what a crash left behind. Every refusal
 * is a StartupFailure with a Chinese message; the folder is left as it was. Before a migration the
 * old database is backed up; the migration that creates the audit chain's tables also starts the
 * chain on the folder's existing data; from then on the connection notes every audited row it
 * writes (electron/services/audit).
 */
export function openDataFolder(
  dataDir: string,
  paths: AppPaths & { host: 'web' | 'electron'; now: Date; version?: string; backupDir?: string },
): OpenedFolder {
  let release: () => void;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireFolderLock(dataDir, paths.host).release;
  } catch (error) {
    throw openFailure(dataDir, error);
  }
  try {
    requireWritable(dataDir, dataDir);
    checkDatabaseFile(dataDir);
    for (const sub of ['evidence', 'documents', 'backups']) fs.mkdirSync(path.join(dataDir, sub), { recursive: true });
    let chainMissing = false;
    let preMigration: ReturnType<typeof backupBeforeMigration> = null;
    const db = openDatabase(path.join(dataDir, DB_FILE), {
      migrationsFolder: paths.migrationsFolder,
      nativeBinding: paths.nativeBinding,
      beforeMigrate: (client) => {
        checkSchemaPresent(client, dataDir);
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
    try {
      if (chainMissing) startChain(db.$client, paths.now);
      const writer = chainWriter(db.$client);
      runDataUpgrades(db.$client, writer, paths.now);
      const done = preMigration as ReturnType<typeof backupBeforeMigration>;
      if (done) {
        writer.append({
          caseId: null,
          at: paths.now.toISOString(),
          actor: '系统',
          actorId: null,
          action: 'backup.created',
          summary: `迁移前备份：${done.backup.name}（升级数据库之前的版本）→ ${done.folder}`,
          before: null,
          after: JSON.stringify({ name: done.backup.name, folder: done.folder, auditCount: done.backup.auditCount, auditHead: done.backup.auditHead }),
          sourceHash: null,
        });
      }
      return { db, sweep: sweepDataFolder(db, dataDir, paths.now), release };
    } catch (error) {
      db.$client.close();
      throw error;
    }
  } catch (error) {
    release();
    throw openFailure(dataDir, error);
  }
}

/**
 * Holiday notices beyond the library's data: the bundled resources/holidays/overrides.json, then
 * the data folder's holidays.json (same format), then the notices entered in settings (stored in
 * the database) — a later source wins for the same day.
 */
export function loadCalendar(dataDir: string, paths: AppPaths, db?: Db) {
  const overrides: HolidayOverride[] = [];
  for (const file of [path.join(paths.resourcesDir, 'holidays', 'overrides.json'), path.join(dataDir, 'holidays.json')]) {
    if (!fs.existsSync(file)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      throw new StartupFailure('节假日文件格式错误', `节假日文件不是有效的 JSON：${file}。请按 resources/holidays/README.md 的格式修改，或删除该文件后重新启动。`);
    }
    const parsed = holidayOverridesFileSchema.safeParse(raw);
    if (!parsed.success) throw new StartupFailure('节假日文件格式错误', `节假日文件格式错误：${file}：${describeZodError(parsed.error, holidayOverridesFileSchema, { technical: true })}`);
    for (const notice of parsed.data.notices) overrides.push(...notice.days);
  }
  if (db) overrides.push(...storedHolidayOverrides(db));
  return createCalendar(overrides);
}

/**
 * A calendar whose data can be reloaded while the services run (a notice saved in settings counts
 * at once): every call goes to the calendar built last.
 */
export function reloadableCalendar(build: () => Calendar): Calendar & { reload: () => void; base: () => Calendar } {
  let current = build();
  return {
    // what deadlines remember their answers by (core/clock/deadlines runPeriod): the calendar read now
    base: () => current,
    isWorkday: (date) => current.isWorkday(date),
    describe: (date) => current.describe(date),
    covers: (year) => current.covers(year),
    reload: () => {
      current = build();
    },
  };
}
