import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { defaultDataDir, legacyDataDir } from './dataFolder';

/**
 * Earlier versions kept the desktop app's data in Electron's userData folder, which is also
 * Chromium's profile. On the first start with the default data folder, our own files are moved
 * (renamed: same disk, instant, nothing copied) from there to the new default folder. The database
 * moves last, so an interrupted move is simply finished by the next start. When the move cannot be
 * done (another disk, a file held open by a program still running), nothing stays half-moved: the
 * old folder is opened as before, and the next start tries again.
 */
const ENTRIES = ['evidence', 'documents', 'bundles', 'packages', 'exports', 'backups', 'holidays.json'];
const DATABASE = 'sucai.db';

export type DefaultDataFolder = { dataDir: string; note: string | null };

export function openDefaultDataFolder(options: { nativeBinding?: string } = {}): DefaultDataFolder {
  return adoptLegacyDataFolder(defaultDataDir(), legacyDataDir(), options.nativeBinding);
}

export function adoptLegacyDataFolder(target: string, legacy: string, nativeBinding?: string): DefaultDataFolder {
  const has = (dir: string, name: string) => fs.existsSync(path.join(dir, name));
  if (path.resolve(target) === path.resolve(legacy) || has(target, DATABASE) || !has(legacy, DATABASE)) return { dataDir: target, note: null };
  if (!foldWriteAheadLog(path.join(legacy, DATABASE), nativeBinding)) {
    return { dataDir: legacy, note: `旧数据目录 ${legacy} 正被另一个速裁台程序使用，本次仍在原处打开；关闭它后重新启动即可迁移到 ${target}` };
  }
  const moved: string[] = [];
  try {
    fs.mkdirSync(target, { recursive: true });
    for (const name of [...ENTRIES, DATABASE]) if (moveEntry(legacy, target, name)) moved.push(name);
  } catch (error) {
    for (const name of moved.reverse()) moveEntry(target, legacy, name);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { dataDir: legacy, note: `未能把旧数据目录 ${legacy} 移到 ${target}（${code}），本次仍在原处打开` };
  }
  return { dataDir: target, note: `已把数据从旧位置 ${legacy} 移到 ${target}` };
}

/** Folds the WAL into the database and closes it; false when another process still has it open. */
function foldWriteAheadLog(file: string, nativeBinding?: string): boolean {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  // The last connection to close deletes the WAL; it is still there only when someone else has the file open.
  return !fs.existsSync(`${file}-wal`);
}

/** Renames one entry; an empty folder already at the target (created by an earlier start) gives way. */
function moveEntry(from: string, to: string, name: string): boolean {
  const source = path.join(from, name);
  const destination = path.join(to, name);
  if (!fs.existsSync(source)) return false;
  if (fs.existsSync(destination) && fs.statSync(destination).isDirectory() && fs.readdirSync(destination).length === 0) fs.rmdirSync(destination);
  if (fs.existsSync(destination)) throw Object.assign(new Error(`${destination} 已存在`), { code: 'EEXIST' });
  fs.renameSync(source, destination);
  return true;
}
