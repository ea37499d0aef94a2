/**
 * npm run verify -- --data DIR [--backups FOLDER]
 * Verifies the data folder's audit chain (every event, every audited row) on a read-only
 * connection — safe while the app is running — and that the chain still holds the heads the
 * backups recorded (the data folder's backups/, and FOLDER). Exit code 0 when intact ("完整"), 1 when not.
 */
import path from 'node:path';
import fs from 'node:fs';
import { verifyChain } from '../electron/services/audit/verifyChain';
import { defaultDataDir } from '../electron/services/dataFolder';
import { arg, fail } from './cliArgs';
import { listBackups } from '../electron/services/backup/layout';

async function main() {
  const dataDir = path.resolve(arg('data') ?? process.env.SUCAI_DATA_DIR ?? defaultDataDir());
  const file = path.join(dataDir, 'sucai.db');
  if (!fs.existsSync(file)) fail(`数据目录中没有数据库：${file}`);
  console.log(`正在核验 ${dataDir} …`);
  const folders = [path.join(dataDir, 'backups'), ...(arg('backups') ? [path.resolve(arg('backups')!)] : [])];
  const anchors = folders.flatMap((folder) =>
    listBackups(folder, 'folder').flatMap(({ manifest: m }) =>
      m.database.auditCount && m.database.auditHead ? [{ label: `备份 ${m.name} `, seq: m.database.auditCount, hash: m.database.auditHead }] : [],
    ),
  );
  const report = await verifyChain(file, {
    anchors,
    onProgress: ({ phase, done, total }) => {
      if (process.stdout.isTTY) process.stdout.write(`\r  ${phase === 'events' ? '事件' : phase === 'rows' ? '数据行' : '完成'} ${done}/${total}   `);
    },
  });
  if (process.stdout.isTTY) process.stdout.write('\n');
  if (report.intact) {
    console.log(`完整：${report.count} 条事件，链头 ${report.head?.hash ?? '（尚无事件）'}`);
    console.log(`数据 ${report.rowsChecked} 行逐行核对无误（用时 ${(report.elapsedMs / 1000).toFixed(1)} 秒）`);
    return;
  }
  console.log(`不完整：发现 ${report.problemCount} 处问题。第一处：`);
  console.log(`  ${report.problems[0]?.message}`);
  for (const p of report.problems.slice(1, 20)) console.log(`  ${p.message}`);
  if (report.problemCount > 20) console.log(`  …（另有 ${report.problemCount - 20} 处）`);
  process.exit(1);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
