/**
 * npm run bench -- --audit [--cases N] [--workers W] [--batch B]
 * The audit chain's cost against a floor. Both runs write the same rows with the same prepared
 * statements, B cases per transaction (default 2000 cases × 25 workers, 200 per transaction):
 * per case one cases row, W workers, W claim items and one event.
 *   floor   — plain inserts into a migrated database; the event row without any hash;
 *   chained — the same on a connection with the chain's TEMP triggers, the event through the
 *             chain writer (row digests into event_rows, sequence, previous hash, own hash).
 * Then `verify` on the chained folder, and the SHA-256 of the same rows alone (the hashing share).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { openDataFolder } from '../electron/services/dataFolder';
import { chainWriter } from '../electron/services/audit/chainWriter';
import { verifyChain } from '../electron/services/audit/verifyChain';
import { rowDigest } from '../electron/services/audit/rowSql';
import { arg } from './cliArgs';

const root = path.resolve(__dirname, '..');
const migrationsFolder = path.join(root, 'db', 'migrations');

type Shape = { cases: number; workers: number; batch: number };

function prepare(client: Database.Database) {
  client.exec(`insert or ignore into commissions (id, name, case_number_pattern, fast_track_target_days, operator_name, updated_at)
    values (1, '赣州市劳动人事争议仲裁委员会', '赣市劳人仲案字〔{year}〕第{n}号', 30, '操作员', '2026-01-01T00:00:00Z')`);
  return {
    insertCase: client.prepare(
      `insert into cases (uid, commission_id, channel, received_on, worker_count, claimed_total_fen, created_at, updated_at)
       values (?, 1, 'walkIn', '2026-11-16', ?, ?, '2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z')`,
    ),
    insertWorker: client.prepare(
      `insert into workers (case_id, sort_order, name, name_initials, id_number, phone, job_type, team, days_worked, daily_wage_fen, due_fen, paid_fen, owed_fen)
       values (?, ?, ?, 'zs', ?, '13800138000', '钢筋工', '一班', 26, 35000, 910000, 0, 910000)`,
    ),
    insertClaim: client.prepare(`insert into claim_items (case_id, worker_id, type, amount_fen) values (?, ?, 'unpaidWages', 910000)`),
    plainEvent: client.prepare(`insert into case_events (case_id, at, actor, action, summary, after) values (?, ?, '系统', 'case.received', ?, ?)`),
  };
}

function run(client: Database.Database, shape: Shape, chained: boolean): number {
  const s = prepare(client);
  const writer = chained ? chainWriter(client) : null;
  const started = performance.now();
  for (let from = 0; from < shape.cases; from += shape.batch) {
    client.transaction(() => {
      for (let c = from; c < Math.min(shape.cases, from + shape.batch); c++) {
        const caseId = Number(s.insertCase.run(crypto.randomUUID().replaceAll('-', ''), shape.workers, shape.workers * 910000).lastInsertRowid);
        for (let w = 0; w < shape.workers; w++) {
          const workerId = Number(s.insertWorker.run(caseId, w, `工人${w}`, `36070219800101${String(c * shape.workers + w).padStart(4, '0')}`).lastInsertRowid);
          s.insertClaim.run(caseId, workerId);
        }
        const summary = `收案：申请人${shape.workers}人`;
        const after = JSON.stringify({ workers: shape.workers });
        if (writer) {
          writer.append({ caseId, at: new Date().toISOString(), actor: '系统', actorId: 0, action: 'case.received', summary, before: null, after, sourceHash: null });
        } else {
          s.plainEvent.run(caseId, new Date().toISOString(), summary, after);
        }
      }
    })();
  }
  return performance.now() - started;
}

export async function auditBench(): Promise<void> {
  const shape: Shape = { cases: Number(arg('cases') ?? 2000), workers: Number(arg('workers') ?? 25), batch: Number(arg('batch') ?? 200) };
  const rows = shape.cases * (1 + 2 * shape.workers);
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-floor-')), fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-chain-'))];
  try {
    const floorDb = openDatabase(path.join(dirs[0]!, 'sucai.db'), { migrationsFolder });
    const floor = run(floorDb.$client, shape, false);
    floorDb.$client.close();
    const folder = openDataFolder(dirs[1]!, { migrationsFolder, resourcesDir: path.join(root, 'resources'), host: 'web', now: new Date() });
    const chainDb = folder.db;
    const chained = run(chainDb.$client, shape, true);
    const entries = chainDb.$client.prepare('select count(*) from event_rows').pluck().get() as number;
    const sample = chainDb.$client.prepare('select * from workers limit 1').get() as Record<string, unknown>;
    const columns = Object.keys(sample).sort();
    const values = columns.map((c) => sample[c]);
    chainDb.$client.close();
    folder.release();

    // the hashing share: the same number of SHA-256 digests of rows like these, alone
    const t = performance.now();
    for (let i = 0; i < rows; i++) rowDigest(columns, values);
    const hashing = performance.now() - t;

    const v = performance.now();
    const report = await verifyChain(path.join(dirs[1]!, 'sucai.db'));
    const verifyMs = performance.now() - v;

    const per = (ms: number) => `${((ms * 1000) / shape.cases).toFixed(0).padStart(6)} µs/件  ${((ms * 1000) / rows).toFixed(2).padStart(6)} µs/行`;
    console.log(`\n核验链的代价：${shape.cases} 件 × ${shape.workers} 名劳动者（每件 1 行案件 + ${shape.workers} 行申请人 + ${shape.workers} 行请求 + 1 条事件，共 ${rows} 行数据），每个事务 ${shape.batch} 件`);
    console.log(`下限（同样的插入，不链接）   ${(floor / 1000).toFixed(2).padStart(7)} s   ${per(floor)}`);
    console.log(`链接（触发器 + 摘要 + 哈希）  ${(chained / 1000).toFixed(2).padStart(7)} s   ${per(chained)}   event_rows ${entries} 行`);
    console.log(`其中 SHA-256 行摘要单独计算  ${(hashing / 1000).toFixed(2).padStart(7)} s   ${per(hashing)}`);
    console.log(`比值 链接 / 下限：${(chained / floor).toFixed(2)}`);
    console.log(`verify：${report.intact ? '完整' : '不完整'}，${report.count} 条事件、${report.rowsChecked} 行，${(verifyMs / 1000).toFixed(2)} s（${((verifyMs * 1000) / report.rowsChecked).toFixed(2)} µs/行）`);
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}
