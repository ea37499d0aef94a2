import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { AppFailure, type BackupReason, type BackupResult, type BackupStatus, type RestoreResult } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { backupSettings } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { createBackup } from './createBackup';
import { describeReason, listBackups } from './layout';
import { restoreBackup, type RestoreOutcome } from './restoreBackup';

export const DEFAULT_KEEP = 10;

export type BackupOptions = {
  appVersion: string;
  /** Web host: the backup folder fixed at start (--backup-dir); the UI cannot change it. */
  hostFolder?: string;
  nativeBinding?: string;
};

export const defaultBackupFolder = (dataDir: string) => path.join(dataDir, 'backups');

/**
 * Backups of one data folder: where they go (the data folder's backups/, a folder the
 * administrator picked on the desktop, or one fixed when the web host started), how many are kept,
 * one backup at a time, restore into a new data folder. Every backup and restore is an event of
 * the chain (not about a case).
 */
export function backupService(ctx: ServiceContext, options: BackupOptions) {
  let running: Promise<unknown> | null = null;
  let runningDaily = false;

  const settings = () => ctx.db.select().from(backupSettings).where(eq(backupSettings.id, 1)).get() ?? { id: 1, folder: null, keep: DEFAULT_KEEP };
  const saveSettings = (values: { folder?: string | null; keep?: number }) =>
    ctx.db
      .insert(backupSettings)
      .values({ id: 1, folder: settings().folder, keep: settings().keep, ...values })
      .onConflictDoUpdate({ target: backupSettings.id, set: values })
      .run();

  const folder = (): { folder: string; source: BackupStatus['folderSource'] } => {
    if (options.hostFolder) return { folder: options.hostFolder, source: 'host' };
    const chosen = settings().folder;
    return chosen ? { folder: chosen, source: 'chosen' } : { folder: defaultBackupFolder(ctx.dataDir), source: 'default' };
  };

  const known = () => {
    const current = folder().folder;
    const here = listBackups(current, 'folder');
    // the data folder's own backups/ (copies made before a migration, earlier backups) stay offered;
    // a name in both places means the one in the folder in use
    const names = new Set(here.map((b) => b.manifest.name));
    const local = path.resolve(current) === path.resolve(defaultBackupFolder(ctx.dataDir)) ? [] : listBackups(defaultBackupFolder(ctx.dataDir), 'dataDir').filter((b) => !names.has(b.manifest.name));
    return [...here, ...local].sort((a, b) => (a.manifest.createdAt < b.manifest.createdAt ? 1 : a.manifest.createdAt > b.manifest.createdAt ? -1 : 0));
  };

  const status = (): BackupStatus => {
    const where = folder();
    return { folder: where.folder, folderSource: where.source, keep: settings().keep, backups: known().map((b) => b.info), running: running !== null };
  };

  /** One at a time: a second request while one runs is told so. */
  function exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (running) throw new AppFailure('conflict', `正在进行备份或恢复，请等它完成后再${what}`);
    const job = work().finally(() => {
      running = null;
      ctx.emit({ type: 'backups.changed' });
    });
    running = job;
    ctx.emit({ type: 'backups.changed' });
    return job;
  }

  /**
   * A backup asked for while the automatic one of the day is copying waits for it, then runs: the
   * administrator who clicks 立即备份 a few seconds after starting the app gets a backup, not a refusal.
   */
  const run = async (reason: BackupReason): Promise<BackupResult> => {
    while (running && runningDaily && reason === 'manual') await running.catch(() => undefined);
    const job = backUp(reason);
    runningDaily = reason === 'daily';
    return job.finally(() => {
      runningDaily = false;
    });
  };

  const backUp = (reason: BackupReason): Promise<BackupResult> =>
    exclusive('备份', async () => {
      const { folder: target, source } = folder();
      // a chosen folder that is not there (a USB disk not plugged in) is not made on the local disk
      if (source !== 'default' && !fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) {
        throw new AppFailure('conflict', `备份文件夹 ${target} 不存在或不可用（U盘未插入？网络共享未连接？），未备份`);
      }
      const result = await createBackup({
        client: ctx.db.$client,
        dataDir: ctx.dataDir,
        folder: target,
        reason,
        appVersion: options.appVersion,
        keep: settings().keep,
        now: ctx.now(),
        nativeBinding: options.nativeBinding,
        onProgress: (progress) => ctx.emit({ type: 'backups.progress', progress }),
      });
      const mb = (result.backup.databaseBytes / 1024 ** 2).toFixed(1);
      ctx.db.transaction((tx) =>
        appendEvent(tx, ctx.now(), {
          caseId: null,
          action: 'backup.created',
          summary: `${describeReason(reason)}备份：${result.backup.name}（数据库 ${mb} MB，文件 ${result.backup.fileCount} 个，其中新复制 ${result.copiedFiles} 个）→ ${target}${result.warnings.length ? `；注意：${result.warnings.join('；')}` : ''}`,
          after: { name: result.backup.name, folder: target, auditCount: result.backup.auditCount, auditHead: result.backup.auditHead, removed: result.removed, warnings: result.warnings },
        }),
      );
      return result;
    });

  const restore = (name: string, target: string): Promise<RestoreResult> =>
    exclusive('恢复', async () => {
      const backup = known().find((b) => b.manifest.name === name);
      if (!backup) throw new AppFailure('not_found', `找不到备份 ${name}：请刷新备份列表后重选`);
      const outcome = await restoreBackup({
        backupDir: backup.dir,
        newDataDir: target,
        nativeBinding: options.nativeBinding,
        onProgress: (progress) => ctx.emit({ type: 'backups.progress', progress }),
      });
      if (!outcome.ok) throw new AppFailure('conflict', refusal(name, outcome));
      ctx.db.transaction((tx) =>
        appendEvent(tx, ctx.now(), {
          caseId: null,
          action: 'backup.restored',
          summary: `从备份 ${name} 恢复到新的数据目录 ${target}，核验通过`,
          after: { name, dataDir: target, checks: outcome.checks },
        }),
      );
      return { dataDir: target, checks: outcome.checks };
    });

  /** A new folder beside the data folder, named after the backup: the browser never names a path. */
  const besideDataDir = (name: string) => {
    const base = `${path.resolve(ctx.dataDir)}-恢复-${name.replace(/^sucai-/, '')}`;
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!fs.existsSync(candidate)) return candidate;
    }
  };

  return {
    status,
    run: () => run('manual'),
    runDaily: () => run('daily'),
    configure: (keep: number) => {
      const before = settings().keep;
      ctx.db.transaction((tx) => {
        saveSettings({ keep });
        appendEvent(tx, ctx.now(), { caseId: null, action: 'backup.configured', summary: `备份保留份数：${before} → ${keep}`, before: { keep: before }, after: { keep } });
      });
      ctx.emit({ type: 'backups.changed' });
      return status();
    },
    chooseFolder: (chosen: string) => {
      if (options.hostFolder) throw new AppFailure('conflict', `备份文件夹已在启动时指定为 ${options.hostFolder}，不能在此更改`);
      const stat = fs.statSync(chosen, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) throw new AppFailure('invalid_input', `备份文件夹不存在：${chosen}`);
      try {
        fs.accessSync(chosen, fs.constants.W_OK);
      } catch {
        throw new AppFailure('invalid_input', `备份文件夹不可写入：${chosen}（请检查U盘是否写保护、网络共享是否有写权限）`);
      }
      const before = settings().folder;
      ctx.db.transaction((tx) => {
        saveSettings({ folder: chosen });
        appendEvent(tx, ctx.now(), { caseId: null, action: 'backup.folderChosen', summary: `备份文件夹改为 ${chosen}`, before: { folder: before }, after: { folder: chosen } });
      });
      ctx.emit({ type: 'backups.changed' });
      return status();
    },
    restore: (name: string) => restore(name, besideDataDir(name)),
    restoreTo: (name: string, target: string) => restore(name, target),
    /** The chain heads the backups recorded, for verify to find them still in the chain. */
    anchors: () =>
      known().flatMap((b) =>
        b.manifest.database.auditCount && b.manifest.database.auditHead
          ? [{ label: `备份 ${b.manifest.name} `, seq: b.manifest.database.auditCount, hash: b.manifest.database.auditHead }]
          : [],
      ),
    /** True when no backup was made today (China time) in the folder in use. */
    dueToday: () => !listBackups(folder().folder, 'folder').some((b) => todayInChina(new Date(b.manifest.createdAt)) === todayInChina(ctx.now())),
  };
}

export type BackupService = ReturnType<typeof backupService>;

export function refusal(name: string, outcome: RestoreOutcome): string {
  const failed = outcome.checks.filter((c) => !c.ok).map((c) => `${c.label}：${c.detail}`);
  return `备份 ${name} 未通过核验，未恢复：${failed.join('；')}`;
}
