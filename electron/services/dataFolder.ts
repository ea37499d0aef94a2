import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCalendar, type Calendar, type HolidayOverride } from '../core/clock/calendar';
import { storedHolidayOverrides } from './settings/holidays';
import { holidayOverridesFileSchema } from '../core/clock/overridesSchema';
import { openDatabase, type Db } from '../../db/open';

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

/** Creates the folder layout of architecture.md and opens (migrating) sucai.db. */
export function openDataFolder(dataDir: string, paths: AppPaths): Db {
  for (const sub of ['evidence', 'documents', 'backups']) fs.mkdirSync(path.join(dataDir, sub), { recursive: true });
  return openDatabase(path.join(dataDir, 'sucai.db'), { migrationsFolder: paths.migrationsFolder, nativeBinding: paths.nativeBinding });
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
    const parsed = holidayOverridesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`节假日文件格式错误：${file}：${parsed.error.issues[0]?.message}`);
    for (const notice of parsed.data.notices) overrides.push(...notice.days);
  }
  if (db) overrides.push(...storedHolidayOverrides(db));
  return createCalendar(overrides);
}

/**
 * A calendar whose data can be reloaded while the services run (a notice saved in settings counts
 * at once): every call goes to the calendar built last.
 */
export function reloadableCalendar(build: () => Calendar): Calendar & { reload: () => void } {
  let current = build();
  return {
    isWorkday: (date) => current.isWorkday(date),
    describe: (date) => current.describe(date),
    covers: (year) => current.covers(year),
    reload: () => {
      current = build();
    },
  };
}
