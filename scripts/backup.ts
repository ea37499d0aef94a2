/**
 * npm run backup -- --data DIR --to FOLDER [--keep N]
 * Backs up a data folder into FOLDER (a USB disk, a network share): the database through SQLite's
 * online backup API on a read-only connection (safe while the app is running), the files the
 * folder's store lacks, a manifest with hashes. Keeps the newest N backups there (default: the
 * data folder's setting, else 10).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createBackup } from '../electron/services/backup/createBackup';
import { DEFAULT_KEEP } from '../electron/services/backup/backupService';
import { defaultDataDir } from '../electron/services/dataFolder';
import { arg, fail } from './cliArgs';

async function main() {
  const dataDir = path.resolve(arg('data') ?? process.env.SUCAI_DATA_DIR ?? defaultDataDir());
  const to = arg('to');
  if (!to) fail('请用 --to 指定备份文件夹，例如：npm run backup -- --data 数据目录 --to /media/U盘/速裁台备份');
  const file = path.join(dataDir, 'sucai.db');
  if (!fs.existsSync(file)) fail(`数据目录中没有数据库：${file}`);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const saved = client.prepare(`select 1 from sqlite_master where name = 'backup_settings'`).get()
      ? (client.prepare('select keep from backup_settings where id = 1').pluck().get() as number | undefined)
      : undefined;
    const keep = arg('keep') ? Number(arg('keep')) : saved ?? DEFAULT_KEEP;
    if (!Number.isInteger(keep) || keep < 1) fail('--keep 应为正整数');
    const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')).version as string;
    let shown = '';
    const result = await createBackup({
      client,
      dataDir,
      folder: path.resolve(to),
      reason: 'manual',
      appVersion: version,
      keep,
      now: new Date(),
      onProgress: ({ label, done, total }) => {
        const line = `  ${label} ${done}/${total}`;
        if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
        else if (line !== shown && done === total) console.log(line);
        shown = line;
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    const b = result.backup;
    console.log(`备份完成：${path.join(path.resolve(to), b.name)}`);
    console.log(`数据库 ${(b.databaseBytes / 1024 ** 2).toFixed(1)} MB；文件 ${b.fileCount} 个（新复制 ${result.copiedFiles} 个，已有 ${result.reusedFiles} 个）；核验链 ${b.auditCount ?? '—'} 条，链头 ${b.auditHead ?? '—'}`);
    if (result.removed.length) console.log(`按保留 ${keep} 份删除了较早的备份：${result.removed.join('、')}`);
    for (const w of result.warnings) console.log(`注意：${w}`);
  } finally {
    client.close();
  }
}

main().catch((error) => fail(`备份失败：${error instanceof Error ? error.message : String(error)}`));
