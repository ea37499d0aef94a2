/**
 * One process per data folder: `<dataDir>/sucai.lock` names the process that has the folder open
 * (pid, computer, start time, host). A second opener is refused with a Chinese message naming the
 * holder. A lock left by a process that no longer runs (killed, crashed, power cut) is detected on
 * the same computer — the pid is gone, a zombie, or now belongs to a process that started at
 * another time — and taken over. A lock from another computer (a shared folder) cannot be checked
 * from here, so it is never taken over silently.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupFailure } from './startupFailure';

export type LockInfo = {
  pid: number;
  hostName: string;
  /** ISO instant the process opened the folder. */
  startedAt: string;
  host: 'web' | 'electron';
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat field 22), to tell a reused pid. */
  procStart: string | null;
};

export type FolderLock = { file: string; info: LockInfo; release: () => void };

export const LOCK_FILE = 'sucai.lock';
const TAKEOVER_DIR = 'sucai.lock.takeover';
/** A takeover marker older than this was left by a process killed mid-takeover. */
const TAKEOVER_STALE_MS = 10_000;
/** A lock file that is still empty or half-written this long after its last change was left by a crash. */
const UNREADABLE_STALE_MS = 3_000;

const held = new Set<string>();

export function acquireFolderLock(dataDir: string, host: LockInfo['host']): FolderLock {
  const file = path.join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, hostName: os.hostname(), startedAt: new Date().toISOString(), host, procStart: procStartOf(process.pid) };
  const content = `${JSON.stringify(info, null, 2)}\n`;
  const deadline = Date.now() + 5_000;
  for (;;) {
    if (tryCreate(file, content)) break;
    const current = readLock(file);
    if (current === 'missing') {
      // released between our two calls: try again (a dangling symlink stays "missing": give up in time)
    } else if (current !== 'unreadable') {
      if (current.info.hostName !== info.hostName) throw heldElsewhere(dataDir, file, current.info);
      if (held.has(file) || isRunning(current.info)) throw heldHere(dataDir, current.info);
      if (takeOver(dataDir, file, current.raw, content)) {
        console.warn(`[sucai] 接管了已退出进程（进程号 ${current.info.pid}，${current.info.startedAt} 启动）留下的数据目录锁`);
        break;
      }
    } else if (ageMs(file) > UNREADABLE_STALE_MS && takeOver(dataDir, file, rawOf(file), content)) {
      console.warn('[sucai] 接管了一个内容不完整的数据目录锁（上次启动时中断）');
      break;
    }
    if (Date.now() > deadline) throw new StartupFailure('数据目录正被占用', `数据目录正被另一个速裁台程序打开，请稍后重试。数据目录：${dataDir}`);
    sleep(50);
  }
  held.add(file);
  const onExit = () => removeIfOurs(file, content);
  process.on('exit', onExit);
  return {
    file,
    info,
    release: () => {
      process.off('exit', onExit);
      held.delete(file);
      removeIfOurs(file, content);
    },
  };
}

/** Who holds the folder's lock now, if anyone (null when free or left by a process that has ended). */
export function currentHolder(dataDir: string): LockInfo | null {
  const current = readLock(path.join(dataDir, LOCK_FILE));
  if (current === 'missing' || current === 'unreadable') return null;
  return current.info.hostName !== os.hostname() || isRunning(current.info) ? current.info : null;
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

type ReadLock = 'missing' | 'unreadable' | { raw: string; info: LockInfo };

function readLock(file: string): ReadLock {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const info = JSON.parse(raw) as LockInfo;
    if (!Number.isInteger(info.pid) || typeof info.hostName !== 'string' || typeof info.startedAt !== 'string') return 'unreadable';
    return { raw, info };
  } catch {
    return 'unreadable';
  }
}

function rawOf(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Replaces a stale lock atomically: only one process may take over (a directory created with
 * mkdir is the referee), and only if the lock still holds exactly what we judged stale.
 */
function takeOver(dataDir: string, file: string, staleRaw: string | null, content: string): boolean {
  const marker = path.join(dataDir, TAKEOVER_DIR);
  try {
    fs.mkdirSync(marker);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (ageMs(marker) > TAKEOVER_STALE_MS) fs.rmSync(marker, { recursive: true, force: true });
    return false;
  }
  try {
    if (rawOf(file) !== staleRaw) return false;
    const temp = path.join(dataDir, `.${LOCK_FILE}.${crypto.randomBytes(6).toString('hex')}.tmp`);
    fs.writeFileSync(temp, content, { flush: true });
    fs.renameSync(temp, file);
    return true;
  } finally {
    fs.rmSync(marker, { recursive: true, force: true });
  }
}

function removeIfOurs(file: string, content: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === content) fs.rmSync(file, { force: true });
  } catch {
    // already gone, or the folder went away: nothing to release
  }
}

/** Whether the process that wrote the lock still runs (a zombie or a reused pid does not count). */
export function isRunning(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform !== 'linux') return true;
  const stat = procStat(info.pid);
  if (!stat) return false;
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return info.procStart === null || info.procStart === stat.start;
}

function procStat(pid: number): { state: string; start: string } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', start: fields[19] ?? '' };
  } catch {
    return null;
  }
}

function procStartOf(pid: number): string | null {
  return process.platform === 'linux' ? (procStat(pid)?.start ?? null) : null;
}

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const hostLabels: Record<LockInfo['host'], string> = { web: '网页版', electron: '桌面版' };

function describeHolder(info: LockInfo): string {
  const started = new Date(new Date(info.startedAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
  return `速裁台${hostLabels[info.host] ?? ''}（计算机“${info.hostName}”，进程号 ${info.pid}，北京时间 ${started} 启动）`;
}

function heldHere(dataDir: string, info: LockInfo): StartupFailure {
  return new StartupFailure(
    '数据目录已被另一个速裁台打开',
    `数据目录已被 ${describeHolder(info)} 打开。同一数据目录同时只能由一个速裁台使用，以免案件数据相互覆盖。` +
      `请切换到已经打开的那个窗口，或先关闭它再启动；如需同时使用，请另选数据目录。数据目录：${dataDir}`,
  );
}

function heldElsewhere(dataDir: string, file: string, info: LockInfo): StartupFailure {
  return new StartupFailure(
    '数据目录正由另一台计算机使用',
    `数据目录正由 ${describeHolder(info)} 使用。同一数据目录同时只能由一个速裁台使用。请先在那台计算机上关闭速裁台；` +
      `如确认那台计算机已不再使用该目录（例如已关机），可删除锁文件 ${file} 后重新启动。数据目录：${dataDir}`,
  );
}
