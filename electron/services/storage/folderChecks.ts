/**
 * What the data folder must look like before the database is opened. A new folder initialises;
 * a folder that already holds evidence, documents or backups but whose sucai.db is missing,
 * empty (0 bytes), without tables, or not an SQLite file at all must not start as a fresh empty
 * database — the cases would silently "disappear" and new ones would be numbered from 1 again.
 * Such a start is refused with the way back (restore from a backup); nothing is changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { StartupFailure } from './startupFailure';
import { CORRUPT_MESSAGE, DISK_ERROR_MESSAGE, DISK_FULL_MESSAGE, storageKind } from './storageErrors';

export const DB_FILE = 'sucai.db';
/** Folders whose files prove the folder was used before (what the database describes). */
const DATA_FOLDERS = ['evidence', 'documents', 'backups', 'bundles', 'packages', 'exports'];
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const RESTORE_HINT =
  '请从备份恢复：关闭速裁台后在程序目录运行 npm run restore，按提示选择最近的备份（备份在数据目录的 backups/ 中）；' +
  '没有备份时请联系维护人员，不要删除或移动数据目录中的任何文件。';

export type DbFileState = 'missing' | 'empty' | 'sqlite' | 'foreign';

export function dbFileState(file: string): DbFileState {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read === 0) return 'empty';
    return read === head.length && head.equals(SQLITE_HEADER) ? 'sqlite' : 'foreign';
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the folder holds files a database once described (temp files of interrupted writes do not count). */
export function hasExistingData(dataDir: string): boolean {
  const wal = fs.statSync(path.join(dataDir, `${DB_FILE}-wal`), { throwIfNoEntry: false });
  if (wal && wal.size > 0) return true;
  return DATA_FOLDERS.some((sub) => containsFile(path.join(dataDir, sub)));
}

function containsFile(dir: string): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (containsFile(path.join(dir, entry.name))) return true;
    } else if (!/\.(part|tmp)$/.test(entry.name)) return true;
  }
  return false;
}

/** Before the database is opened: refuses a folder whose existing data has lost its database. */
export function checkDatabaseFile(dataDir: string): void {
  const file = path.join(dataDir, DB_FILE);
  const state = dbFileState(file);
  if (state === 'foreign') {
    throw new StartupFailure(
      '数据库文件已损坏',
      `数据目录中的 ${DB_FILE} 不是速裁台的数据库（文件开头不是 SQLite 格式，可能已损坏或被其他文件覆盖）。` +
        `速裁台没有启动，也没有改动该文件。${RESTORE_HINT}数据目录：${dataDir}`,
    );
  }
  if ((state === 'missing' || state === 'empty') && hasExistingData(dataDir)) throw lostDatabase(dataDir, state === 'missing' ? '不存在' : '是空的（0 字节）');
  if (state !== 'missing') requireWritable(file, dataDir);
}

/** On the open connection, before any write: an SQLite file without a single table beside existing data is a lost database too. */
export function checkSchemaPresent(client: Database.Database, dataDir: string): void {
  const { n } = client.prepare('select count(*) as n from sqlite_master').get() as { n: number };
  if (n === 0 && hasExistingData(dataDir)) throw lostDatabase(dataDir, '中没有任何数据表');
}

function lostDatabase(dataDir: string, what: string): StartupFailure {
  return new StartupFailure(
    '数据库文件缺失或为空',
    `数据目录中的数据库文件 ${DB_FILE} ${what}，但目录中已有证据、文书或备份，说明原有数据库已丢失或被截断。` +
      `为免以一个空数据库继续工作、让已有案件“消失”，速裁台没有启动，也没有改动目录中的任何文件。${RESTORE_HINT}数据目录：${dataDir}`,
  );
}

/** The folder (and the database file, if any) must be writable: refused at start with what to fix. */
export function requireWritable(target: string, dataDir: string): void {
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    throw readOnlyFolder(dataDir, target, error);
  }
}

export function readOnlyFolder(dataDir: string, target: string, error: unknown): StartupFailure {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = target === dataDir ? '数据目录' : `数据目录中的 ${path.basename(target)}`;
  const cause = code === 'EROFS' ? '所在磁盘被挂载为只读' : '没有写入权限';
  return new StartupFailure(
    '数据目录不可写',
    `${where}不可写（${cause}），速裁台无法保存任何案件数据，因此没有启动。` +
      `请把数据目录所在磁盘改为可写，或赋予当前用户对数据目录及其中文件的读写权限，然后重新启动；也可用 --data 另选一个可写的数据目录。数据目录：${dataDir}`,
  );
}

/** A database error while opening (after the checks above), as a start failure with its remedy. */
export function openFailure(dataDir: string, error: unknown): StartupFailure {
  if (error instanceof StartupFailure) return error;
  switch (storageKind(error)) {
    case 'readOnly':
      return readOnlyFolder(dataDir, path.join(dataDir, DB_FILE), error);
    case 'full':
      return new StartupFailure('磁盘空间已满', `${DISK_FULL_MESSAGE}速裁台启动时需要少量空间更新数据库。数据目录：${dataDir}`);
    case 'corrupt':
      return new StartupFailure('数据库文件已损坏', `${CORRUPT_MESSAGE}数据目录：${dataDir}`);
    case 'disk':
      return new StartupFailure('读写磁盘出错', `${DISK_ERROR_MESSAGE}数据目录：${dataDir}`);
    case 'busy':
      return new StartupFailure('数据库正被占用', `数据库文件正被另一个程序写入，请关闭该程序后重试。数据目录：${dataDir}`);
    default: {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return readOnlyFolder(dataDir, dataDir, error);
      if (code === 'ENOSPC') return new StartupFailure('磁盘空间已满', `${DISK_FULL_MESSAGE}数据目录：${dataDir}`);
      return new StartupFailure('速裁台无法启动', `打开数据目录时出错：${error instanceof Error ? error.message : String(error)}。数据目录：${dataDir}`);
    }
  }
}
