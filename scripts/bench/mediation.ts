/**
 * mediation.recordPayment on the largest case with unpaid agreed amounts, measured on a COPY of the
 * folder (payments are written; the folder given stays as it was). Its floor is the raw INSERT of one
 * payment row in its own IMMEDIATE transaction on a bare connection with the app's pragmas (WAL,
 * synchronous FULL): what durably recording a payment needs at least. mediation.get on the same case
 * is printed beside it (one read of the whole 快调 table, which the call returns).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { Services } from '../../electron/services/createServices';
import { openRepoServices } from '../../electron/services/repoServices';
import { call, floorNote, percentile, printTable, timePaired, timeRuns, type Row } from './measure';

/** The case with the most workers with agreed amounts (a collective case mediated through the full flow), or null. */
function pickCase(services: Services): { id: number; workers: number } | null {
  return (
    services.ctx.db.get<{ id: number; workers: number }>(sql`
      select s.case_id as id, c.worker_count as workers
      from (select case_id, count(distinct worker_id) as n from settlement_items where agreed_fen > 0 group by 1) s join cases c on c.id = s.case_id
      where c.status <> 'rejected' order by s.n desc, c.id limit 1`) ?? null
  );
}

export async function benchMediation(root: string, dataDir: string, runs: number): Promise<void> {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-mediation-'));
  try {
    const t0 = performance.now();
    const source = new Database(path.join(dataDir, 'sucai.db'), { readonly: true });
    await source.backup(path.join(temp, 'sucai.db'));
    source.close();
    console.log(`\n快调付款：在数据目录的副本上测量（${temp}，复制 ${((performance.now() - t0) / 1000).toFixed(1)} s）`);
    const services = openRepoServices(root, temp, { autoBackup: false });
    try {
      await measure(services, path.join(temp, 'sucai.db'), runs);
    } finally {
      services.close();
    }
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

async function measure(services: Services, dbPath: string, runs: number): Promise<void> {
  const chosen = pickCase(services);
  if (!chosen) {
    console.log('  没有带调解金额的案件：跳过（用 npm run demo 生成的目录含全流程调解案件）');
    return;
  }
  const bare = new Database(dbPath);
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.pragma('busy_timeout = 10000');
  // on the copy only: the case's payments removed, so every worker has a balance to pay again
  const removed = bare.prepare('delete from payments where case_id = ?').run(chosen.id).changes;
  const today = (await call(services, 'app.info', {})).today;
  let view = await call(services, 'mediation.get', { caseId: chosen.id });
  // workers who can take many 1-yuan payments: balance left, and room in the instalment it would go to
  const payable = view.rows.filter((r) => {
    const open = r.instalments.find((i) => i.paidFen < i.amountFen);
    return r.balanceFen >= 100 * (runs + 10) && (!r.instalments.length || (open && open.amountFen - open.paidFen >= 100 * (runs + 10)));
  });
  if (!payable.length) {
    console.log(`  案件 ${chosen.id}（${chosen.workers} 人）没有足够余额的工人：跳过`);
    return;
  }
  let n = 0;
  const cpu: number[] = [];
  const pay = async () => {
    const row = payable[n++ % payable.length]!;
    const before = process.cpuUsage();
    view = await call(services, 'mediation.recordPayment', { caseId: chosen.id, workerId: row.workerId, amountFen: 100, paidAt: `${today}T09:00`, method: 'cash', reference: `基准${n}` });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  };

  // the floor: one payment row, its own transaction, on that bare connection with the app's pragmas
  const insert = bare.prepare(`insert into payments (case_id, worker_id, amount_fen, paid_at, method, reference, exhibit_id, instalment_id, created_at)
    values (?, ?, 1, ?, 'cash', ?, null, null, ?)`);
  const floorWorker = payable[0]!.workerId;
  const insertOne = bare.transaction(() => insert.run(chosen.id, floorWorker, `${today}T09:00`, '下限', new Date().toISOString()));
  let m = 0;
  const floor = () => {
    m++;
    insertOne.immediate();
  };
  try {
    const [timing, floorTiming] = await timePaired(runs, pay, floor);
    const get = await timeRuns(runs, () => call(services, 'mediation.get', { caseId: chosen.id }));
    const rows: Row[] = [
      {
        label: `mediation.recordPayment（${chosen.workers}人）`,
        median: timing.median,
        p95: timing.p95,
        floor: floorTiming.median,
        goal: '',
        result: `CPU 中位数 ${percentile(cpu, 50).toFixed(1)}；${n} 笔，返回 ${view.rows.length} 名工人的快调表（副本上先删去本案已有付款 ${removed} 笔）`,
      },
      { label: `mediation.get（同一案件）`, median: get.median, p95: get.p95, floor: null, goal: '', result: '整案读取一次' },
    ];
    printTable(`快调付款（经 dispatch，${runs} 次，与下限交替进行，另 2 次预热；毫秒）`, rows);
    floorNote(`付款表插入一行（预编译 INSERT，单独的 IMMEDIATE 事务，WAL + synchronous FULL，另一连接；${m} 行）`);
  } finally {
    bare.close();
  }
}
