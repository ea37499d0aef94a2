import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { adoptLegacyDataFolder } from '../../electron/services/legacyDataFolder';
import { callApi, openTestServices, tempDataDir } from '../support/services';

/**
 * Earlier versions kept the desktop data in Electron's userData (the Chromium profile). The first
 * start with the default folder moves our files out of it — or, when it cannot, opens the old
 * folder unchanged. Real SQLite files throughout.
 */

/** A legacy folder whose last write is still in the WAL (as after a crash), plus an evidence file and Chromium's own files. */
async function legacyFolder(): Promise<string> {
  const live = tempDataDir('sucai-live-');
  const services = openTestServices(live);
  await callApi(services, 'settings.update', { ...(await callApi(services, 'settings.get', {})), fastTrackTargetDays: 17 });
  const legacy = path.join(tempDataDir('sucai-config-'), 'sucai-desk');
  fs.mkdirSync(legacy);
  for (const name of ['sucai.db', 'sucai.db-wal']) fs.copyFileSync(path.join(live, name), path.join(legacy, name)); // snapshot while open
  services.close();
  expect(fs.statSync(path.join(legacy, 'sucai.db-wal')).size).toBeGreaterThan(0);
  fs.mkdirSync(path.join(legacy, 'evidence', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(legacy, 'evidence', 'ab', 'abcdef'), '证据');
  fs.mkdirSync(path.join(legacy, 'backups'));
  fs.writeFileSync(path.join(legacy, 'backups', '备份.zip'), '备份');
  fs.mkdirSync(path.join(legacy, 'Local Storage'));
  fs.writeFileSync(path.join(legacy, 'Preferences'), '{}');
  return legacy;
}

const targetDays = async (dataDir: string) => {
  const services = openTestServices(dataDir);
  try {
    return (await callApi(services, 'settings.get', {})).fastTrackTargetDays;
  } finally {
    services.close();
  }
};

describe('moving the data of earlier versions out of the Chromium profile', () => {
  it('moves the database (with what was still in its WAL) and the evidence; Chromium files stay', async () => {
    const legacy = await legacyFolder();
    const target = path.join(tempDataDir('sucai-share-'), 'sucai-desk');
    const result = adoptLegacyDataFolder(target, legacy);
    expect(result).toEqual({ dataDir: target, note: `已把数据从旧位置 ${legacy} 移到 ${target}` });
    expect(fs.readFileSync(path.join(target, 'evidence', 'ab', 'abcdef'), 'utf8')).toBe('证据');
    expect(fs.readdirSync(legacy).sort()).toEqual(['Local Storage', 'Preferences']);
    expect(await targetDays(target)).toBe(17);
    // the next start finds the data in place and does nothing
    expect(adoptLegacyDataFolder(target, legacy)).toEqual({ dataDir: target, note: null });
  });

  it('finishes a move that was interrupted before the database moved', async () => {
    const legacy = await legacyFolder();
    const target = path.join(tempDataDir('sucai-share-'), 'sucai-desk');
    fs.mkdirSync(target);
    fs.renameSync(path.join(legacy, 'evidence'), path.join(target, 'evidence'));
    expect(adoptLegacyDataFolder(target, legacy).dataDir).toBe(target);
    expect(fs.existsSync(path.join(target, 'evidence', 'ab', 'abcdef'))).toBe(true);
    expect(await targetDays(target)).toBe(17);
  });

  it('a database still open in another program: nothing moves, the old folder is opened', async () => {
    const legacy = await legacyFolder();
    const target = path.join(tempDataDir('sucai-share-'), 'sucai-desk');
    const other = new Database(path.join(legacy, 'sucai.db'));
    try {
      other.prepare('SELECT count(*) FROM commissions').get();
      const result = adoptLegacyDataFolder(target, legacy);
      expect(result.dataDir).toBe(legacy);
      expect(result.note).toContain('正被另一个速裁台程序使用');
      expect(fs.existsSync(path.join(legacy, 'evidence', 'ab', 'abcdef'))).toBe(true);
      expect(fs.existsSync(path.join(target, 'sucai.db'))).toBe(false);
    } finally {
      other.close();
    }
  });

  it('something of the same name already at the new place: everything moved back, the old folder opened', async () => {
    const legacy = await legacyFolder();
    const target = path.join(tempDataDir('sucai-share-'), 'sucai-desk');
    fs.mkdirSync(path.join(target, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(target, 'backups', '别人的文件'), 'x');
    const result = adoptLegacyDataFolder(target, legacy);
    expect(result.dataDir).toBe(legacy);
    expect(result.note).toContain('EEXIST');
    expect(fs.existsSync(path.join(legacy, 'evidence', 'ab', 'abcdef'))).toBe(true);
    expect(fs.existsSync(path.join(target, 'evidence'))).toBe(false); // moved before the clash, then back
    expect(fs.readFileSync(path.join(target, 'backups', '别人的文件'), 'utf8')).toBe('x');
    expect(await targetDays(legacy)).toBe(17);
  });

  it('the new folder already has a database: the old one is left alone', async () => {
    const legacy = await legacyFolder();
    const target = tempDataDir('sucai-share-');
    openTestServices(target).close();
    expect(adoptLegacyDataFolder(target, legacy)).toEqual({ dataDir: target, note: null });
    expect(fs.existsSync(path.join(legacy, 'sucai.db'))).toBe(true);
  });
});
