import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { StartupFailure } from '../../electron/services/storage/startupFailure';
import { LOCK_FILE, type LockInfo } from '../../electron/services/storage/folderLock';
import { startApiHost, type ApiHost } from '../support/apiHost';
import { callApi, caseInput, makeId, openTestServices, repoRoot, tempDataDir, workerDraft } from '../support/services';
import { mountSmallDisk, smallDiskUnavailable, type SmallDisk } from '../support/smallDisk';

const run = promisify(execFile);
const lockOf = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')) as LockInfo;

function startupError(open: () => unknown): StartupFailure {
  try {
    open();
  } catch (error) {
    expect(error).toBeInstanceOf(StartupFailure);
    return error as StartupFailure;
  }
  throw new Error('expected the data folder to be refused');
}

describe('one process per data folder (lock file)', () => {
  it('a second opener in the same process is refused with a Chinese message naming the holder; closing releases the lock', () => {
    const dir = tempDataDir();
    const first = openTestServices(dir);
    expect(lockOf(dir)).toMatchObject({ pid: process.pid, hostName: os.hostname(), host: 'web' });
    const error = startupError(() => openTestServices(dir));
    expect(error.title).toBe('数据目录已被另一个速裁台打开');
    expect(error.message).toContain(`进程号 ${process.pid}`);
    expect(error.message).toContain(`计算机“${os.hostname()}”`);
    expect(error.message).toContain('北京时间');
    first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    openTestServices(dir).close();
  });

  it('the web CLI started on a folder in use prints who holds it and exits non-zero', async () => {
    const dir = tempDataDir();
    const holder = openTestServices(dir);
    try {
      const result = await run(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', '--data', dir, '--no-build', '--port', '0'], { cwd: repoRoot }).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('数据目录已被');
      expect(result.stderr).toContain(`进程号 ${process.pid}`);
    } finally {
      holder.close();
    }
  }, 60_000);

  it('a lock left by a process killed with SIGKILL is detected and taken over', async () => {
    const dir = tempDataDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'tests/support/holdFolder.ts'), dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', () => reject(new Error('holder exited early')));
    });
    expect(lockOf(dir).pid).toBe(child.pid);
    expect(startupError(() => openTestServices(dir)).message).toContain(`进程号 ${child.pid}`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(lockOf(dir).pid).toBe(child.pid); // still there: nobody removed it
    const s = openTestServices(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    s.close();
  }, 60_000);

  it('a lock whose pid now belongs to another process (started at another time) is stale too', () => {
    const dir = tempDataDir();
    const reused: LockInfo = { pid: 1, hostName: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', host: 'electron', procStart: 'not-the-same-start' };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(reused));
    const s = openTestServices(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    s.close();
  });

  it('a half-written lock (crash while taking it) is taken over once it is old', () => {
    const dir = tempDataDir();
    const file = path.join(dir, LOCK_FILE);
    fs.writeFileSync(file, '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(file, old, old);
    const s = openTestServices(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    s.close();
  });

  it('a lock from another computer is never taken over: the message names it and how to free the folder', () => {
    const dir = tempDataDir();
    const other: LockInfo = { pid: 4242, hostName: 'ZHONGCAI-PC-02', startedAt: '2026-11-20T01:30:00.000Z', host: 'electron', procStart: null };
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(other));
    const error = startupError(() => openTestServices(dir));
    expect(error.title).toBe('数据目录正由另一台计算机使用');
    expect(error.message).toContain('速裁台桌面版（计算机“ZHONGCAI-PC-02”，进程号 4242，北京时间 2026-11-20 09:30:00 启动）');
    expect(error.message).toContain(path.join(dir, LOCK_FILE));
    expect(lockOf(dir)).toEqual(other);
  });
});

describe('start-up sweep', () => {
  it('removes store files without a row, rows no exhibit references (with their files) and temp files, logs each, and keeps what is referenced', async () => {
    const dir = tempDataDir();
    const s = openTestServices(dir);
    const { id: caseId } = await callApi(s, 'cases.create', caseInput([workerDraft('钟满堂', makeId('360702', '1980-05-06', 11), '8800')]));
    const source = path.join(tempDataDir(), '工资条.txt');
    fs.writeFileSync(source, '钟满堂 8800元');
    const [kept] = await callApi(s, 'evidence.addFromPaths', { caseId, paths: [source], track: 'arbitration', submittedBy: 'applicant' });
    s.close();

    const store = (sha: string) => path.join(dir, 'evidence', sha.slice(0, 2), sha);
    const orphan = 'c0'.padEnd(64, 'f');
    const unreferenced = 'd1'.padEnd(64, 'e');
    for (const sha of [orphan, unreferenced]) {
      fs.mkdirSync(path.dirname(store(sha)), { recursive: true });
      fs.writeFileSync(store(sha), `content ${sha}`);
    }
    const raw = new Database(path.join(dir, 'sucai.db'));
    raw.prepare("insert into evidence_files (sha256, size, mime, stored_at) values (?, 20, 'text/plain', '2026-11-19T00:00:00Z')").run(unreferenced);
    raw.close();
    const temps = [
      path.join(dir, 'evidence', '.incoming', '0123abcd.part'),
      path.join(dir, 'bundles', '.5f3a9c1d2e4b6a70.part'),
      path.join(dir, 'bundles', 'incoming', '9a8b7c6d5e4f.zip'),
      path.join(dir, 'documents', '1', '.tmp-a1b2c3d4e5f60718.docx'),
    ];
    for (const t of temps) {
      fs.mkdirSync(path.dirname(t), { recursive: true });
      fs.writeFileSync(t, 'half');
    }
    const keepDoc = path.join(dir, 'documents', '1', '受理通知书-v1.docx');
    fs.writeFileSync(keepDoc, 'a real document');

    const reopened = openTestServices(dir);
    try {
      expect(fs.existsSync(store(orphan))).toBe(false);
      expect(fs.existsSync(store(unreferenced))).toBe(false);
      expect(reopened.ctx.db.$client.prepare('select sha256 from evidence_files').pluck().all()).toEqual([kept.sha256]);
      expect(fs.readFileSync(store(kept.sha256), 'utf8')).toBe('钟满堂 8800元');
      for (const t of temps) expect(fs.existsSync(t)).toBe(false);
      expect(fs.existsSync(keepDoc)).toBe(true);
      const log = fs.readFileSync(path.join(dir, 'logs', 'sweep.log'), 'utf8');
      expect(log).toContain(`删除证据库中没有记录的文件 evidence/c0/${orphan}`);
      expect(log).toContain(`删除没有任何证据引用的文件记录 ${unreferenced}（20 字节）及其文件`);
      for (const t of temps) expect(log).toContain(path.relative(dir, t));
    } finally {
      reopened.close();
    }
  });

  it("never touches another live process's in-flight upload: the second opener is refused before any sweep", () => {
    const dir = tempDataDir();
    const live = openTestServices(dir);
    const inFlight = path.join(dir, 'evidence', '.incoming', 'feedface.part');
    fs.mkdirSync(path.dirname(inFlight), { recursive: true });
    fs.writeFileSync(inFlight, 'the first 64 MB of a video being uploaded');
    try {
      startupError(() => openTestServices(dir));
      expect(fs.existsSync(inFlight)).toBe(true);
    } finally {
      live.close();
    }
  });
});

describe('the data folder at start', () => {
  const withEvidence = () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.join(dir, 'evidence', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'evidence', 'ab', 'ab'.padEnd(64, '0')), 'a stored exhibit');
    return dir;
  };
  const untouched = (dir: string) => {
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'sucai.db-wal'))).toBe(false);
  };

  it('a brand-new folder initialises, and so does a 0-byte sucai.db in a folder with no data', async () => {
    const fresh = openTestServices(path.join(tempDataDir(), 'new', 'folder'));
    fresh.close();
    const dir = tempDataDir();
    fs.writeFileSync(path.join(dir, 'sucai.db'), '');
    const s = openTestServices(dir);
    expect(s.ctx.db.$client.prepare('select count(*) from commissions').pluck().get()).toBe(1);
    s.close();
  });

  it('a 0-byte sucai.db beside existing evidence is refused, with how to restore; nothing changes', () => {
    const dir = withEvidence();
    fs.writeFileSync(path.join(dir, 'sucai.db'), '');
    const error = startupError(() => openTestServices(dir));
    expect(error.title).toBe('数据库文件缺失或为空');
    expect(error.message).toContain('sucai.db 是空的（0 字节）');
    expect(error.message).toContain('npm run restore');
    expect(fs.statSync(path.join(dir, 'sucai.db')).size).toBe(0);
    untouched(dir);
  });

  it('a missing sucai.db beside generated documents is refused too', () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.join(dir, 'documents', '1'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'documents', '1', '受理通知书-v1.docx'), 'docx');
    expect(startupError(() => openTestServices(dir)).message).toContain('sucai.db 不存在');
    expect(fs.existsSync(path.join(dir, 'sucai.db'))).toBe(false);
  });

  it('a sucai.db that is not SQLite is refused and left byte for byte as it was', () => {
    const dir = tempDataDir();
    const junk = Buffer.from('PK\u0003\u0004 这不是数据库，而是被覆盖的压缩包');
    fs.writeFileSync(path.join(dir, 'sucai.db'), junk);
    const error = startupError(() => openTestServices(dir));
    expect(error.title).toBe('数据库文件已损坏');
    expect(error.message).toContain('不是速裁台的数据库');
    expect(fs.readFileSync(path.join(dir, 'sucai.db'))).toEqual(junk);
    untouched(dir);
  });

  it('an SQLite file without tables beside backups is a lost database, not a new one', () => {
    const dir = tempDataDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'sucai-2026-11-19.db'), 'backup');
    new Database(path.join(dir, 'sucai.db')).exec('vacuum').close();
    expect(startupError(() => openTestServices(dir)).message).toContain('sucai.db 中没有任何数据表');
  });

  it.skipIf(smallDiskUnavailable)('a folder on a read-only disk is refused with what to fix', () => {
    const disk = mountSmallDisk(8192);
    try {
      const dir = path.join(disk.dir, 'data');
      openTestServices(dir).close();
      disk.remount('ro');
      const error = startupError(() => openTestServices(dir));
      expect(error.title).toBe('数据目录不可写');
      expect(error.message).toContain('所在磁盘被挂载为只读');
    } finally {
      disk.unmount();
    }
  });
});

describe.skipIf(smallDiskUnavailable)('disk full and read-only while working (a real 4 MB tmpfs)', () => {
  let disk: SmallDisk;
  let s: Services & { dataDir: string };
  let api: ApiHost;
  let caseId: number;
  const filler = () => path.join(disk.dir, 'filler.bin');
  const dataVersion = () => {
    const reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
    try {
      return { version: reader.pragma('data_version', { simple: true }), cases: reader.prepare('select count(*) from cases').pluck().get(), exhibits: reader.prepare('select count(*) from exhibits').pluck().get() };
    } finally {
      reader.close();
    }
  };
  const storeFiles = () => fs.readdirSync(path.join(s.dataDir, 'evidence'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const upload = (name: string, body: Buffer) =>
    fetch(`${api.base}/api/upload/evidence?${new URLSearchParams({ caseId: String(caseId), fileName: name, track: 'arbitration', submittedBy: 'applicant' })}`, {
      method: 'POST',
      headers: { 'X-Sucai-Token': api.host.token },
      body: new Uint8Array(body),
    });

  beforeAll(async () => {
    disk = mountSmallDisk(4096);
    s = openTestServices(path.join(disk.dir, 'data'));
    api = await startApiHost(s);
    const created = await api.call('cases.create', caseInput([workerDraft('钟满堂', makeId('360702', '1980-05-06', 11), '8800')]));
    caseId = (created.body?.value as { id: number }).id;
  });
  afterAll(async () => {
    await api.close();
    s.close();
    disk.unmount();
  });

  it('an upload that runs out of space says so (never "已取消导入") and keeps no file, row or exhibit', async () => {
    const res = await upload('监控录像.mp4', Buffer.alloc(6 * 1024 * 1024, 7));
    const body = await res.json();
    expect(res.status).toBe(507);
    expect(body).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(body.error.message).toContain('文件“监控录像.mp4”未保存：磁盘空间已满');
    expect(body.error.message).not.toContain('取消');
    expect(storeFiles()).toEqual([]);
    expect(dataVersion().exhibits).toBe(0);
    // a small file still fits afterwards
    const ok = await (await upload('工资条.txt', Buffer.from('钟满堂 8800元'))).json();
    expect(ok).toMatchObject({ ok: true, value: { seq: 1 } });
  });

  it('a database write on a full disk is refused in Chinese, nothing changes, and works again once there is space', async () => {
    fs.writeFileSync(filler(), Buffer.alloc(0));
    try {
      const chunk = Buffer.alloc(64 * 1024, 1);
      for (;;) fs.appendFileSync(filler(), chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }
    const before = dataVersion();
    const workers = Array.from({ length: 200 }, (_, i) => workerDraft(`工人${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉'[Math.floor(i / 10) % 10]}`, makeId('360702', '1981-02-03', 100 + i), '12345.67', { note: '备注'.repeat(90) }));
    const full = await api.call('cases.create', caseInput(workers));
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(full.body?.error?.message).toMatch(/^磁盘空间已满，刚才的操作没有保存/);
    expect(dataVersion()).toEqual(before);
    fs.rmSync(filler());
    const again = await api.call('cases.create', caseInput(workers.slice(0, 3)));
    expect(again.body).toMatchObject({ ok: true });
  });

  it('an upload into a folder that cannot be written (chattr +i) says the data folder is not writable', async () => {
    const incoming = path.join(s.dataDir, 'evidence', '.incoming');
    fs.mkdirSync(incoming, { recursive: true });
    await run('chattr', ['+i', incoming]);
    try {
      const body = await (await upload('考勤表.txt', Buffer.from('考勤'))).json();
      expect(body).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(body.error.message).toContain('数据目录不可写');
    } finally {
      await run('chattr', ['-i', incoming]);
    }
  });
});
