/**
 * Failures of the disk or the database file, recognised by their codes (Node's errno, SQLite's
 * extended result codes) and told in Chinese: what happened and what to do. A full disk, a
 * read-only folder or a broken disk is never reported as bad input, a cancel, or an `internal`
 * error with an English message.
 */
import path from 'node:path';
import { AppFailure } from '../../core/contract';

const NOT_SAVED = '刚才的操作没有保存（此前保存的数据不受影响）';

export const DISK_FULL_MESSAGE = `磁盘空间已满，${NOT_SAVED}。请清理数据目录所在磁盘上的空间，或把数据目录移到空间更大的磁盘，然后重试。`;
export const READ_ONLY_MESSAGE = `数据目录不可写（所在磁盘被设为只读，或没有写入权限），${NOT_SAVED}。请检查数据目录的权限和所在磁盘，修复后重新启动速裁台。`;
export const DISK_ERROR_MESSAGE = `读写磁盘出错，${NOT_SAVED}。请检查数据目录所在的磁盘是否损坏或已断开，然后重新启动速裁台。`;
export const CORRUPT_MESSAGE = '数据库文件已损坏，无法继续读写。请关闭速裁台，从备份恢复（npm run restore，或把 backups/ 中最近的备份复制回数据目录），并联系维护人员。';

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The kind of storage trouble an error is, or null for anything else. */
export function storageKind(error: unknown): 'full' | 'readOnly' | 'disk' | 'corrupt' | 'busy' | null {
  const code = codeOf(error);
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'EFBIG') return 'full';
  if (code === 'EROFS' || code.startsWith('SQLITE_READONLY')) return 'readOnly';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    // SQLite reports a full disk while writing its WAL as an I/O error with ENOSPC underneath
    return /no space|disk is full|ENOSPC/i.test(String((error as Error).message)) ? 'full' : 'disk';
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  return null;
}

/**
 * The user's message for a storage error, or null. EACCES/EPERM count as a read-only data folder
 * only for paths inside it; for another path (a file the user picked) they mean "cannot read".
 */
export function storageFailure(error: unknown, dataDir?: string): AppFailure | null {
  const code = codeOf(error);
  if (code === 'EACCES' || code === 'EPERM') {
    const where = (error as NodeJS.ErrnoException).path;
    if (where && dataDir && !isInside(where, dataDir)) return new AppFailure('forbidden', `没有权限读取文件“${path.basename(where)}”，请检查文件权限后重试`);
    return new AppFailure('storage', READ_ONLY_MESSAGE);
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppFailure('not_found', '所引用的记录不存在或已被删除，请刷新后重试');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return new AppFailure('conflict', '与已有记录重复，请刷新后重试');
  switch (storageKind(error)) {
    case 'full':
      return new AppFailure('storage', DISK_FULL_MESSAGE);
    case 'readOnly':
      return new AppFailure('storage', READ_ONLY_MESSAGE);
    case 'disk':
      return new AppFailure('storage', DISK_ERROR_MESSAGE);
    case 'corrupt':
      return new AppFailure('storage', CORRUPT_MESSAGE);
    case 'busy':
      return new AppFailure('conflict', '数据库正忙，请稍后重试');
    default:
      return null;
  }
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
