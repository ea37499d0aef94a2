/**
 * npm run bench -- [--data DIR | --cases N [--keep]] [modes…] [--runs R]
 *
 * Measures a data folder as it is (--data: a folder generated once by npm run demo, measured many
 * times; it is left as it was), or a demo folder of N cases generated into a temp folder (default
 * 2000, removed afterwards unless --keep). Every figure is printed next to its floor measured on the
 * same data in the same run, and the ratio. Modes (default: all of them):
 *   --search      the case list and each kind of search a clerk types (floor: the same SQL, raw)
 *   --case        the largest case's page and related cases (floor: the same SQL, raw)
 *   --dashboard   this year and the whole span (floor: the same SQL, raw); the year's export only on a
 *                 temp folder or with --export (an export logs an event in every exported case)
 *   --documents   the award of a 500-worker case [--workers N] (floor: the docx library alone)
 *   --evidence    importing a 512 MiB file [--size-mib M] (floor: Node SHA-256 or dd conv=fsync, the slower)
 *   --mediation   recording one payment on the largest mediated case, on a copy of the folder (floor:
 *                 the raw insert of one payment row in its own transaction)
 *   --ui          Chromium against the web host: first paint, keystroke to results, the 1,000-worker
 *                 case page, the web host's memory (floor: the same API calls without the page)
 * All calls go through the validated dispatcher (or, for --ui, the web host's HTTP API) as 系统.
 *
 * Two measurements of their own, on temp folders:
 * npm run bench -- --audit [--cases N] [--workers W] [--batch B]
 *   the audit chain's cost (triggers, row digests, hashes) against plain inserts of the same rows,
 *   and verify's speed (scripts/benchAudit.ts)
 * npm run bench -- --bodies [--count N] [--size-mib M]
 *   the web host's memory while N large JSON bodies arrive at once (scripts/benchBodies.ts)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Services } from '../electron/services/createServices';
import { openRepoServices } from '../electron/services/repoServices';
import { DEFAULT_DEMO_SEED, generateDemo } from '../electron/services/demo/generateDemo';
import { printSummary } from './demo';
import { benchSearch } from './bench/search';
import { benchCasePage } from './bench/casePage';
import { benchDashboard } from './bench/dashboard';
import { benchMediation } from './bench/mediation';
import { benchDocuments } from './bench/documents';
import { benchEvidence } from './bench/evidence';
import { benchUi } from './bench/ui';

const root = path.resolve(__dirname, '..');
const MODES = ['search', 'case', 'dashboard', 'mediation', 'documents', 'evidence', 'ui'] as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function positive(name: string, fallback: number): number {
  const value = Number(arg(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} 应为正整数`);
  return value;
}

function describeFolder(services: Services, dataDir: string): void {
  const one = (q: ReturnType<typeof sql>) => services.ctx.db.get<{ n: number }>(q)!.n;
  services.ctx.db.$client.pragma('wal_checkpoint(PASSIVE)');
  const size = fs.statSync(path.join(dataDir, 'sucai.db')).size;
  console.log(
    `数据目录 ${dataDir}：案件 ${one(sql`select count(*) as n from cases`)} 件，申请人 ${one(sql`select count(*) as n from workers`)} 人次，` +
      `时间线 ${one(sql`select count(*) as n from case_events`)} 条，付款 ${one(sql`select count(*) as n from payments`)} 笔；sucai.db ${(size / 1048576).toFixed(0)} MB`,
  );
  console.log(`本机：${os.cpus().length} 核，负载 ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')}（1/5/15 分钟），Node ${process.version}`);
}

async function main() {
  const runs = positive('runs', 30);
  const chosen = MODES.filter((m) => process.argv.includes(`--${m}`));
  const modes = chosen.length ? chosen : MODES;
  const given = arg('data');
  const dataDir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-'));
  if (given && !fs.existsSync(path.join(dataDir, 'sucai.db'))) throw new Error(`${dataDir} 中没有 sucai.db：请先 npm run demo -- --data ${given} --cases N`);

  let services = openRepoServices(root, dataDir);
  try {
    if (!given) {
      const cases = positive('cases', 2000);
      console.log(`生成演示数据 ${cases} 件到 ${dataDir}`);
      printSummary(await generateDemo(services, { cases, seed: DEFAULT_DEMO_SEED, living: 0 })); // the fast path only: its figures against the floor
      services.close();
      services = openRepoServices(root, dataDir); // fresh connection and the real clock, as the app opens it
    }
    describeFolder(services, dataDir);
    if (modes.includes('search')) await benchSearch(services, runs);
    if (modes.includes('case')) await benchCasePage(services, runs);
    if (modes.includes('dashboard')) await benchDashboard(services, runs, !given || process.argv.includes('--export'));
    if (modes.includes('mediation')) await benchMediation(root, dataDir, runs);
    if (modes.includes('documents')) await benchDocuments(services, positive('workers', 500), positive('doc-runs', 5));
    if (modes.includes('evidence')) await benchEvidence(services, positive('size-mib', 512), positive('evidence-runs', 3));
    if (modes.includes('ui')) {
      services.close(); // the web host opens the folder in its own process
      await benchUi(root, dataDir, runs);
      services = openRepoServices(root, dataDir);
    }
  } finally {
    services.close();
    if (!given && !process.argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
    else if (!given) console.log(`保留数据目录：${dataDir}`);
  }
}

const run = process.argv.includes('--audit')
  ? import('./benchAudit').then((m) => m.auditBench())
  : process.argv.includes('--bodies')
    ? import('./benchBodies').then((m) => m.bodiesBench())
    : main();
run.catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
