import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/createServices';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';
import { createBackup } from '../../electron/services/backup/createBackup';
import { manifestChecksum, readManifest, storePath } from '../../electron/services/backup/layout';
import { restoreBackup } from '../../electron/services/backup/restoreBackup';
import { backupService } from '../../electron/services/backup/backupService';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import { appPaths, callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';

/**
 * Backups and restore on real folders: a backup taken while a writer runs restores to a folder
 * that verifies and opens; a corrupted backup is refused, naming what failed, and leaves no folder.
 */
let s: Services & { dataDir: string };
let n = 0;
const names = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
const nameOf = (i: number) => `${names[i % names.length]}${names[(i * 7) % names.length]}工`;
const newCase = () => {
  n++;
  return callApi(s, 'cases.create', caseInput([workerDraft(nameOf(n), makeId('360702', '1980-01-01', n), String(1000 + n))]));
};

beforeAll(async () => {
  s = openTestServices();
  for (let i = 0; i < 3; i++) await newCase();
  const work = tempDataDir('sucai-backup-files-');
  fs.writeFileSync(path.join(work, '工资表.csv'), '姓名,应发\n钱王工,1001\n');
  fs.writeFileSync(path.join(work, '考勤.txt'), '2026年10月 出勤 26 天\n');
  await callApi(s, 'evidence.addFromPaths', { caseId: 1, paths: [path.join(work, '工资表.csv'), path.join(work, '考勤.txt')], track: 'arbitration', submittedBy: 'applicant' });
  fs.mkdirSync(path.join(s.dataDir, 'documents', '1'), { recursive: true });
  fs.writeFileSync(path.join(s.dataDir, 'documents', '1', '说明.txt'), '一份生成的文书');
});
afterAll(() => s.close());

const backupsDir = () => path.join(s.dataDir, 'backups');
const restoredPath = (name: string) => path.join(tempDataDir('sucai-restore-parent-'), name);

describe('a backup taken while a writer is running', () => {
  it('restores (through the app) to a new folder that verifies and opens', async () => {
    const events: string[] = [];
    const stop = s.events.on('event', (e) => e.type === 'backups.progress' && events.push(e.progress.phase));
    const backup = callApi(s, 'backups.run', {});
    // the writer: cases created while the backup runs, on the same connection
    const written: number[] = [];
    for (let i = 0; i < 15; i++) {
      written.push((await newCase()).id);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await backup;
    stop.off('event', () => undefined);
    expect(events).toContain('database');
    expect(events.at(-1)).toBe('done');
    expect(result.backup.fileCount).toBe(3); // two evidence files and one document
    expect(result.copiedFiles).toBe(3);

    const restored = await callApi(s, 'backups.restore', { name: result.backup.name });
    expect(restored.checks.every((c) => c.ok)).toBe(true);
    expect(restored.checks.map((c) => c.label)).toEqual(['清单', '数据库文件', '文件', '数据库完整性', '证据文件', '文书', '核验链']);
    expect(restored.dataDir).toBe(`${path.resolve(s.dataDir)}-恢复-${result.backup.name.replace(/^sucai-/, '')}`);
    const copy = openTestServices(restored.dataDir);
    try {
      const cases = copy.ctx.db.$client.prepare('select count(*) from cases').pluck().get() as number;
      expect(cases).toBeGreaterThanOrEqual(3);
      expect(cases).toBeLessThanOrEqual(3 + written.length);
      const detail = await callApi(copy, 'cases.get', { id: 1 });
      expect(detail.workers[0]!.name).toBe(nameOf(1));
      const exhibits = await callApi(copy, 'evidence.list', { caseId: 1 });
      expect(exhibits.map((e) => e.fileName).sort()).toEqual(['工资表.csv', '考勤.txt']);
      expect((await callApi(copy, 'audit.verify', {})).intact).toBe(true);
    } finally {
      copy.close();
    }
    // the live folder records the backup and the restore in its chain
    const actions = s.ctx.db.$client.prepare(`select action from case_events where case_id is null order by seq`).pluck().all();
    expect(actions).toEqual(expect.arrayContaining(['backup.created', 'backup.restored']));
  });

  it('from a second connection (the command line, while the app writes): a consistent snapshot', async () => {
    const to = tempDataDir('sucai-backup-usb-');
    const reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
    try {
      const job = createBackup({ client: reader, dataDir: s.dataDir, folder: to, reason: 'manual', appVersion: 'test', keep: 5, now: new Date() });
      for (let i = 0; i < 10; i++) {
        await newCase();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const result = await job;
      const target = restoredPath('from-cli');
      const outcome = await restoreBackup({ backupDir: path.join(to, result.backup.name), newDataDir: target });
      expect(outcome.checks.filter((c) => !c.ok)).toEqual([]);
      const report = await verifyChain(path.join(target, 'sucai.db'));
      expect(report).toMatchObject({ intact: true, count: result.backup.auditCount, head: { hash: result.backup.auditHead } });
    } finally {
      reader.close();
    }
  });

  it('copies only what the target lacks, and keeps the newest N', async () => {
    const to = tempDataDir('sucai-backup-keep-');
    const reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
    try {
      const job = (i: number) => createBackup({ client: reader, dataDir: s.dataDir, folder: to, reason: 'daily', appVersion: 'test', keep: 2, now: new Date(Date.UTC(2026, 10, 20 + i)) });
      const first = await job(0);
      const second = await job(1);
      expect(first.copiedFiles).toBe(3);
      expect(second).toMatchObject({ copiedFiles: 0, reusedFiles: 3, removed: [] });
      const third = await job(2);
      expect(third.removed).toEqual([first.backup.name]);
      expect(fs.readdirSync(to).filter((d) => d.startsWith('sucai-')).sort()).toEqual([second.backup.name, third.backup.name]);
    } finally {
      reader.close();
    }
  });
});

describe('a corrupted backup is refused, naming what failed', () => {
  let folder: string;
  let name: string;
  beforeAll(async () => {
    folder = tempDataDir('sucai-backup-bad-');
    const reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
    try {
      name = (await createBackup({ client: reader, dataDir: s.dataDir, folder, reason: 'manual', appVersion: 'test', keep: 5, now: new Date() })).backup.name;
    } finally {
      reader.close();
    }
  });

  /** A copy of the good backup folder with one thing broken. */
  function broken(breakIt: (backupDir: string, copyFolder: string) => void): string {
    const copy = tempDataDir('sucai-backup-broken-');
    fs.cpSync(folder, copy, { recursive: true });
    breakIt(path.join(copy, name), copy);
    return path.join(copy, name);
  }
  async function expectRefused(backupDir: string, label: string, detail: RegExp) {
    const target = restoredPath('refused');
    const outcome = await restoreBackup({ backupDir, newDataDir: target });
    expect(outcome.ok).toBe(false);
    const failed = outcome.checks.filter((c) => !c.ok);
    expect(failed[0]).toMatchObject({ label });
    expect(failed[0]!.detail).toMatch(detail);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.readdirSync(path.dirname(target))).toEqual([]); // nothing half-restored beside it
  }

  it('the good one restores', async () => {
    const outcome = await restoreBackup({ backupDir: path.join(folder, name), newDataDir: restoredPath('good') });
    expect(outcome.ok).toBe(true);
  });

  it('a byte of the database flipped', async () => {
    const dir = broken((b) => {
      const file = path.join(b, 'sucai.db');
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      fs.writeFileSync(file, bytes);
    });
    await expectRefused(dir, '数据库文件', /sucai\.db 与清单中的 SHA-256 不符/);
  });

  it('an evidence file altered in the store', async () => {
    const { manifest } = readManifest(path.join(folder, name));
    const evidence = manifest!.files.find((f) => f.path.startsWith('evidence/'))!;
    const dir = broken((_, copy) => fs.appendFileSync(storePath(copy, evidence.sha256), '改动'));
    await expectRefused(dir, '文件', new RegExp(`${evidence.path}：内容与清单中的 SHA-256 不符`));
  });

  it('an evidence file missing from the store', async () => {
    const { manifest } = readManifest(path.join(folder, name));
    const evidence = manifest!.files.find((f) => f.path.startsWith('evidence/'))!;
    const dir = broken((_, copy) => fs.rmSync(storePath(copy, evidence.sha256)));
    await expectRefused(dir, '文件', new RegExp(`${evidence.path}：备份中缺少此文件`));
  });

  it('the manifest edited', async () => {
    const edited = broken((b) => {
      const file = path.join(b, 'manifest.json');
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      m.createdAt = '2020-01-01T00:00:00.000Z';
      fs.writeFileSync(file, JSON.stringify(m));
    });
    await expectRefused(edited, '清单', /清单文件被改动：其校验和不符/);

    // edited with its checksum recomputed: the files no longer match what it says
    const forged = broken((b) => {
      const file = path.join(b, 'manifest.json');
      const m = JSON.parse(fs.readFileSync(file, 'utf8'));
      m.files = m.files.filter((f: { path: string }) => !f.path.startsWith('evidence/'));
      m.checksum = manifestChecksum(m);
      fs.writeFileSync(file, JSON.stringify(m));
    });
    await expectRefused(forged, '证据文件', /数据库中登记而备份中没有：evidence\//);
  });

  it('the database changed with a SQLite client before it was backed up: the chain says so', async () => {
    const dataDir = tempDataDir('sucai-backup-tampered-');
    fs.cpSync(s.dataDir, dataDir, { recursive: true, filter: (src) => !src.includes(`${path.sep}backups`) });
    const outsider = new Database(path.join(dataDir, 'sucai.db'));
    outsider.prepare('update workers set owed_fen = 1 where id = 1').run();
    outsider.close();
    const to = tempDataDir('sucai-backup-of-tampered-');
    const reader = new Database(path.join(dataDir, 'sucai.db'), { readonly: true });
    const result = await createBackup({ client: reader, dataDir, folder: to, reason: 'manual', appVersion: 'test', keep: 5, now: new Date() });
    reader.close();
    await expectRefused(path.join(to, result.backup.name), '核验链', /申请人（workers 第 1 行.*在本程序之外被改动/);
  });

  it('through the app the refusal is one Chinese message', async () => {
    const target = restoredPath('app');
    const dir = broken((b) => fs.appendFileSync(path.join(b, 'sucai.db'), Buffer.from([1])));
    // put the broken backup where the app looks: its backup folder
    fs.cpSync(path.dirname(dir), backupsDir(), { recursive: true });
    await expect(callApi(s, 'backups.restoreTo', { name, path: target })).rejects.toThrow(
      new RegExp(`^conflict: 备份 ${name} 未通过核验，未恢复：数据库文件：sucai\\.db 与清单中的 SHA-256 不符`),
    );
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('who may back up and restore, and how', () => {
  it('only an administrator; in the browser, no method names a local path', async () => {
    const clerk = { host: 'web' as const, account: { id: 5, name: '书记员甲', roles: ['clerk' as const] } };
    const refused = await dispatch(s.handlers, 'backups.run', {}, clerk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const web = await dispatch(s.handlers, 'backups.restoreTo', { name: 'sucai-20261120-100000-manual', path: '/tmp/x' }, systemCaller('web'));
    expect(web).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const chosen = await dispatch(s.handlers, 'backups.chooseFolder', { path: '/tmp' }, systemCaller('web'));
    expect(chosen).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const badName = await dispatch(s.handlers, 'backups.restore', { name: '../../etc' }, systemCaller('web'));
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '名称：备份名称不正确：请从备份列表中选择' } });
  });

  it('the desktop may pick the backup folder; the choice is kept and recorded', async () => {
    const usb = tempDataDir('sucai-usb-');
    const status = await callApi(s, 'backups.chooseFolder', { path: usb });
    expect(status).toMatchObject({ folder: usb, folderSource: 'chosen' });
    const result = await callApi(s, 'backups.run', {});
    expect(fs.existsSync(path.join(usb, result.backup.name, 'manifest.json'))).toBe(true);
    const listed = (await callApi(s, 'backups.status', {})).backups;
    expect(listed.find((b) => b.name === result.backup.name)).toMatchObject({ location: 'folder', reason: 'manual' });
    expect(listed.some((b) => b.location === 'dataDir')).toBe(true); // the earlier ones in the data folder are still offered
  });
});

describe('automatic backups', () => {
  it('at the first start of a day, once', async () => {
    const dataDir = tempDataDir('sucai-daily-');
    const open = () => createServices({ ...appPaths, dataDir, host: 'web', version: 'test', now: () => new Date('2026-11-20T02:00:00Z'), autoBackup: true });
    const daily = async (services: Services) => (await callApi(services, 'backups.status', {})).backups.filter((b) => b.reason === 'daily');
    const first = open();
    try {
      for (let waited = 0; (await daily(first)).length === 0 && waited < 20_000; waited += 250) await new Promise((r) => setTimeout(r, 250));
      expect((await daily(first)).map((b) => b.name)).toEqual(['sucai-20261120-100000-daily']);
    } finally {
      first.close();
    }
    const second = open(); // later the same day: nothing new
    try {
      await new Promise((r) => setTimeout(r, 3000));
      expect(await daily(second)).toHaveLength(1);
    } finally {
      second.close();
    }
  }, 40_000);

  it('立即备份 while the automatic backup is copying waits for it and then backs up; a second 立即备份 meanwhile is refused in Chinese', async () => {
    const services = openTestServices();
    try {
      const backups = backupService(services.ctx, { appVersion: 'test' });
      const daily = backups.runDaily();
      const manual = backups.run();
      await expect(backups.run()).rejects.toThrow(/^正在进行备份或恢复，请等它完成后再备份$/);
      const [a, b] = await Promise.all([daily, manual]);
      expect(a.backup.name).toMatch(/-daily$/);
      expect(b.backup.name).toMatch(/-manual$/);
      expect(backups.status().backups.map((x) => x.reason).sort()).toEqual(['daily', 'manual']);
      expect(backups.status().running).toBe(false);
    } finally {
      services.close();
    }
  });
});
