/**
 * npm run demo -- [--data DIR] [--cases N] [--seed S] [--today YYYY-MM-DD] [--living N] [--force] [--no-floor]
 * --living: how many recent cases go through every stage (default about 60; 0 = fast path only).
 * Fills a data folder with deterministic synthetic cases (same N, seed and today → same data).
 * Refuses a folder that already holds cases unless --force (then the demo cases are added).
 * Then, unless --no-floor, writes the same rows again with bare prepared INSERTs into a scratch
 * database beside it (deleted afterwards) and prints that raw insert floor next to the demo's time.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openRepoServices } from '../electron/services/repoServices';
import { defaultDataDir } from '../electron/services/dataFolder';
import { DEFAULT_DEMO_SEED, generateDemo, type DemoSummary } from '../electron/services/demo/generateDemo';
import { formatYuan } from '../electron/core/money';
import { livingMade, livingSummaryLines } from '../electron/services/demo/living/summaryText';
import { isValidDate } from '../electron/core/dates';
import { measureInsertFloor } from './bench/insertFloor';
import { caseStatusLabels, channelLabels, stageLabels, type CaseStatus, type Channel, type Stage } from '../electron/core/domain';

const root = path.resolve(__dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function existingCases(dataDir: string): number {
  const file = path.join(dataDir, 'sucai.db');
  if (!fs.existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'cases'`).get();
    return table ? (db.prepare('select count(*) as n from cases').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

export function printSummary(summary: DemoSummary): void {
  const label = <K extends string>(labels: Record<K, string>, counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([k, n]) => `${labels[k as K] ?? k} ${n}`)
      .join('，');
  console.log('');
  console.log(`案件 ${summary.cases} 件（集体争议 ${summary.collective} 件），申请人 ${summary.workers} 人次（${summary.distinctWorkers} 人）`);
  console.log(`请求金额合计 ${formatYuan(summary.claimedTotalFen)}；工程项目 ${summary.projects} 个，被申请人 ${summary.organisations} 个`);
  console.log(`状态：${label<CaseStatus>(caseStatusLabels, summary.byStatus)}`);
  console.log(`阶段：${label<Stage>(stageLabels, summary.byStage)}`);
  console.log(`来源：${label<Channel>(channelLabels, summary.byChannel)}`);
  console.log(`容缺受理 ${summary.acceptedWithGaps} 件，已送达 ${summary.served} 件，期限已过 ${summary.overdue} 件`);
  const calls = Object.entries(summary.timings)
    .map(([m, t]) => `${m} ${t.calls}次 ${(t.ms / 1000).toFixed(1)}s（${(t.ms / t.calls).toFixed(1)}ms/次）`)
    .join('；');
  if (summary.living) for (const line of livingSummaryLines(summary.living)) console.log(line);
  console.log(`耗时 ${(summary.elapsedMs / 1000).toFixed(1)}s：${calls}`);
}

async function main() {
  const dataDir = path.resolve(arg('data') ?? process.env.SUCAI_DATA_DIR ?? defaultDataDir());
  const cases = Number(arg('cases') ?? 200);
  const seed = Number(arg('seed') ?? DEFAULT_DEMO_SEED);
  const today = arg('today');
  const living = arg('living') === undefined ? undefined : Number(arg('living'));
  if (living !== undefined && (!Number.isInteger(living) || living < 0)) throw new Error('--living 应为不小于 0 的整数');
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases 应为正整数');
  if (!Number.isInteger(seed)) throw new Error('--seed 应为整数');
  if (today !== undefined && !isValidDate(today)) throw new Error('--today 应为 YYYY-MM-DD');

  const existing = existingCases(dataDir);
  if (existing > 0 && !process.argv.includes('--force')) {
    console.error(`数据目录 ${dataDir} 中已有 ${existing} 件案件，未写入。确需追加演示数据请加 --force，或换一个 --data 目录。`);
    process.exit(2);
  }
  if (existing > 0) console.warn(`注意：数据目录中已有 ${existing} 件案件，演示数据将追加在后面。`);

  const started = { wall: 0, cpu: { user: 0, system: 0 } }; // performance.now() and process.cpuUsage() both count from the process start
  const elapsed = () => ({ ms: performance.now() - started.wall, cpuMs: cpuMs(process.cpuUsage(started.cpu)) });
  const services = openRepoServices(root, dataDir);
  console.log(`正在生成演示数据：${cases} 件，种子 ${seed}，数据目录 ${dataDir}`);
  let lastPercent = -1;
  let summary: DemoSummary | null = null;
  try {
    summary = await generateDemo(services, {
      cases,
      seed,
      today,
      living,
      onProgress: ({ done, total, casesCreated }) => {
        const percent = Math.floor((done / total) * 100);
        if (percent === lastPercent || (percent % 5 !== 0 && done !== total)) return;
        lastPercent = percent;
        if (process.stdout.isTTY) process.stdout.write(`\r  ${percent}%  已收案 ${casesCreated} 件`);
        else console.log(`  ${percent}%  已收案 ${casesCreated} 件`);
      },
    });
    if (process.stdout.isTTY) process.stdout.write('\n');
    printSummary(summary);
    console.log(`生成用时 ${(elapsed().ms / 1000).toFixed(1)}s，CPU ${(elapsed().cpuMs / 1000).toFixed(1)}s（含启动）`);
  } finally {
    services.close();
  }
  if (!process.argv.includes('--no-floor') && existing === 0 && summary) printFloor(dataDir, elapsed(), summary);
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/**
 * The raw insert floor of the folder just generated, next to the fast path's time (wall clock, and
 * CPU of this process), their ratio; the living part on its own line: a fixed cost (--living), not
 * per case, so it is not in the ratio.
 */
export function printFloor(dataDir: string, generated: { ms: number; cpuMs: number }, summary: DemoSummary): void {
  console.log('正在测量写入下限（同样的行，仅用预编译 INSERT 逐行写入一个新数据库）…');
  const cpu = process.cpuUsage();
  const floor = measureInsertFloor(dataDir, path.join(root, 'db', 'migrations'));
  const floorCpu = cpuMs(process.cpuUsage(cpu));
  const s = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
  const biggest = [...floor.tables].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const fast = summary.fastPath;
  const living = summary.living;
  console.log(`写入下限 ${s(floor.ms)}（CPU ${s(floorCpu)}）：${floor.rows} 行（${biggest.map((t) => `${t.table} ${t.rows}行 ${s(t.ms)}`).join('，')}）${living ? '；含全流程案件的行' : ''}`);
  console.log(`快速路径 ${s(fast.ms)}（CPU ${s(fast.cpuMs)}）：${summary.cases - (living?.cases ?? 0)} 件收案、受理、送达、推进与结案，批量写入`);
  console.log(`比值 快速路径 / 写入下限：${(fast.ms / floor.ms).toFixed(2)}（CPU ${(fast.cpuMs / floorCpu).toFixed(2)}；目标 ≤ 3，机器繁忙时以 CPU 为准）`);
  const withSetup = { ms: fast.ms + summary.setup.ms, cpuMs: fast.cpuMs + summary.setup.cpuMs };
  console.log(
    `设置与人员 ${s(summary.setup.ms)}（CPU ${s(summary.setup.cpuMs)}）：仲裁委员会设置、工作人员账号和仲裁庭（案件多到要增设审判组时随 --cases 增加），不计入上面的比值；计入时 ${(withSetup.ms / floor.ms).toFixed(2)}（CPU ${(withSetup.cpuMs / floorCpu).toFixed(2)}）`,
  );
  if (living) {
    const made = livingMade(living);
    console.log(
      `全流程 ${s(living.elapsedMs)}（CPU ${s(living.cpuMs)}）：最近的 ${living.cases} 件案件走完每个环节，生成文书 ${made.documents} 份、证据文件 ${made.evidence} 个——固定开销（--living 决定，与 --cases 无关），不计入上面的比值`,
    );
  }
  console.log(`启动（加载程序、打开数据目录）CPU ${s(Math.max(0, generated.cpuMs - fast.cpuMs - summary.setup.cpuMs - (living?.cpuMs ?? 0)))}；合计 ${s(generated.ms)}（CPU ${s(generated.cpuMs)}）`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
