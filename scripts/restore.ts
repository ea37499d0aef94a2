/**
 * npm run restore -- --from BACKUP --data NEWDIR
 * Restores a backup into a new data folder (NEWDIR must not exist or be empty) and verifies it
 * before use: integrity_check, the audit chain, every evidence file's SHA-256. BACKUP is one
 * backup's folder, or a backup folder (then its newest backup). Exit code 1 when refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { restoreBackup } from '../electron/services/backup/restoreBackup';
import { listBackups, MANIFEST_FILE } from '../electron/services/backup/layout';
import { arg, fail } from './cliArgs';

async function main() {
  const from = arg('from');
  const data = arg('data');
  if (!from || !data) fail('用法：npm run restore -- --from 备份文件夹 --data 新的数据目录');
  let backupDir = path.resolve(from);
  if (!fs.existsSync(path.join(backupDir, MANIFEST_FILE))) {
    const newest = listBackups(backupDir, 'folder')[0];
    if (!newest) fail(`${backupDir} 中没有完整的备份（找不到 ${MANIFEST_FILE}）`);
    backupDir = newest.dir;
  }
  console.log(`正在从 ${backupDir} 恢复到 ${path.resolve(data)} …`);
  const outcome = await restoreBackup({ backupDir, newDataDir: path.resolve(data) });
  for (const c of outcome.checks) console.log(`  ${c.ok ? '✓' : '✗'} ${c.label}：${c.detail}`);
  if (!outcome.ok) fail('备份未通过核验，未恢复（新的数据目录未建立）。');
  console.log(`恢复完成并已核验：${outcome.dataDir}`);
  console.log(`打开：npm run web -- --data ${outcome.dataDir}`);
}

main().catch((error) => fail(`恢复失败：${error instanceof Error ? error.message : String(error)}`));
