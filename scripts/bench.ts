/**
 * npm run bench -- [--cases N] [--runs R] [--seed S] [--keep]
 * Generates N demo cases (default 2000) into a temp data folder, then times the case list,
 * search, case page and related-cases calls through the validated dispatcher (median and p95 of
 * R runs, default 30) and prints SQLite's query plans for the list and overdue queries.
 *
 * npm run bench -- --evidence [--size-mib M]
 * Writes an M MiB file of random bytes (default 1024, streamed), then in the same run times
 * `sha256sum FILE`, `cp FILE` and an import through the evidence store (storeStream: hash + copy
 * + fsync + rename) and a 校验 re-hash, with throughput and peak memory. Temp files are removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { MethodInput, MethodName } from '../electron/core/contract';
import type { Services } from '../electron/services/createServices';
import { openRepoServices } from '../electron/services/repoServices';
import { dispatch } from '../electron/services/dispatch';
import { DEFAULT_DEMO_SEED, generateDemo } from '../electron/services/demo/generateDemo';
import { printSummary } from './demo';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { hashFile, storeStream } from '../electron/services/evidence/store';

const root = path.resolve(__dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const open = (dataDir: string): Services => openRepoServices(root, dataDir);

async function call<M extends MethodName>(services: Services, name: M, input: MethodInput<M>): Promise<unknown> {
  const result = await dispatch(services.handlers, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

type Row = { label: string; median: number; p95: number; result: string };

async function time<M extends MethodName>(
  services: Services,
  runs: number,
  label: string,
  name: M,
  input: MethodInput<M>,
  describe: (value: unknown) => string,
): Promise<Row> {
  let last: unknown;
  for (let i = 0; i < 3; i++) last = await call(services, name, input); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await call(services, name, input);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { label, median: percentile(samples, 50), p95: percentile(samples, 95), result: describe(last) };
}

/** Runs one call while recording every statement (SQL and bound values) it prepares. */
async function captureStatements<M extends MethodName>(services: Services, name: M, input: MethodInput<M>) {
  const client = services.ctx.db.$client;
  const original = client.prepare;
  const captured: { source: string; args: unknown[] }[] = [];
  client.prepare = function (this: typeof client, source: string) {
    const stmt = original.call(this, source);
    for (const method of ['all', 'get', 'run'] as const) {
      const fn = stmt[method] as (...a: unknown[]) => unknown;
      (stmt as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        captured.push({ source, args });
        return fn.apply(stmt, args);
      };
    }
    return stmt;
  } as typeof client.prepare;
  try {
    await call(services, name, input);
  } finally {
    client.prepare = original;
  }
  return captured;
}

const ALIASES: Record<string, string> = { c: 'cases', w: 'workers', w1: 'workers', w2: 'workers', c1: 'cases', c2: 'cases' };

function explain(services: Services, title: string, statements: { source: string; args: unknown[] }[]): string[] {
  const client = services.ctx.db.$client;
  const flags: string[] = [];
  console.log(`\n── ${title}`);
  for (const { source, args } of statements) {
    const oneLine = source.replace(/\s+/g, ' ').trim();
    console.log(`  SQL: ${oneLine.length > 150 ? `${oneLine.slice(0, 150)}…` : oneLine}`);
    const plan = client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...(args as unknown[])) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    for (const row of plan) {
      const d = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, d);
      const scan = /^SCAN (\w+)/.exec(row.detail);
      const table = scan ? (ALIASES[scan[1]!] ?? scan[1]!) : null;
      const flagged = !!table && (table === 'cases' || table === 'workers');
      if (flagged) flags.push(`${title}: ${row.detail}`);
      console.log(`  ${'  '.repeat(d)}${row.detail}${flagged ? '   ⚠ SCAN' : ''}`);
    }
  }
  return flags;
}

function folderSize(dir: string): { total: number; files: Record<string, number> } {
  const files: Record<string, number> = {};
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const size = fs.statSync(full).size;
    files[path.relative(dir, full)] = size;
    total += size;
  }
  return { total, files };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const cases = Number(arg('cases') ?? 2000);
  const runs = Number(arg('runs') ?? 30);
  const seed = Number(arg('seed') ?? DEFAULT_DEMO_SEED);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases 应为正整数');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-'));
  console.log(`数据目录：${dataDir}`);

  let services = open(dataDir);
  try {
    const t0 = performance.now();
    const summary = await generateDemo(services, { cases, seed });
    printSummary(summary);
    console.log(`生成 ${cases} 件用时 ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    // Reopen as the app would (fresh connection, real clock).
    services.close();
    services = open(dataDir);

    const db = services.ctx.db;
    const twoCharName = db.get<{ name: string }>(sql`select name from workers where length(name) = 2 group by name order by count(*) desc limit 1`)!.name;
    const idPrefix = db.get<{ p: string }>(sql`select substr(id_number, 1, 10) as p from workers order by id limit 1 offset 100`)!.p;
    const bigCase = db.get<{ id: number; n: number }>(sql`select id, worker_count as n from cases order by worker_count desc, id limit 1`)!;
    const busyCase = db.get<{ id: number }>(sql`
      select r.case_id as id from case_respondents r
      where r.organisation_id = (select organisation_id from case_respondents group by organisation_id order by count(*) desc limit 1)
      order by r.case_id desc limit 1`)!.id;
    const deepOffset = Math.max(0, Math.min(1900, summary.cases - 100));

    const list = (v: unknown) => {
      const r = v as { total: number; rows: unknown[] };
      return `${r.rows.length} 行 / 共 ${r.total}`;
    };
    const rows: Row[] = [];
    const add = async <M extends MethodName>(label: string, name: M, input: MethodInput<M>, describe: (v: unknown) => string) =>
      rows.push(await time(services, runs, label, name, input, describe));
    await add('search 无条件（首页100）', 'cases.search', {}, list);
    await add("search 拼音首字母 'zs'", 'cases.search', { query: 'zs' }, list);
    await add(`search 两字姓名 '${twoCharName}'`, 'cases.search', { query: twoCharName }, list);
    await add(`search 身份证前缀 '${idPrefix}'`, 'cases.search', { query: idPrefix }, list);
    await add("search 工程项目 '安置房'", 'cases.search', { query: '安置房' }, list);
    await add("search 阶段 'hearing'", 'cases.search', { stage: 'hearing' }, list);
    await add('search 已超期 overdue', 'cases.search', { due: 'overdue' }, list);
    await add("search 'zs' + 阶段 'closing'", 'cases.search', { query: 'zs', stage: 'closing' }, list);
    await add(`search 深翻页 offset ${deepOffset}`, 'cases.search', { offset: deepOffset }, list);
    await add(`cases.get（${bigCase.n}人案件）`, 'cases.get', { id: bigCase.id }, (v) => `${(v as { workers: unknown[] }).workers.length} 名申请人`);
    await add(`cases.related（${bigCase.n}人案件）`, 'cases.related', { id: bigCase.id }, (v) => `${(v as unknown[]).length} 件相关`);
    await add('cases.related（常见被申请人）', 'cases.related', { id: busyCase }, (v) => `${(v as unknown[]).length} 件相关`);

    const width = Math.max(...rows.map((r) => r.label.length)) + 4;
    console.log(`\n${cases} 件，每项 ${runs} 次（另 3 次预热），单位 ms`);
    console.log(`${'操作'.padEnd(width)}${'中位数'.padStart(8)}${'p95'.padStart(10)}   结果`);
    for (const r of rows) console.log(`${r.label.padEnd(width)}${r.median.toFixed(2).padStart(10)}${r.p95.toFixed(2).padStart(10)}   ${r.result}`);

    const flags = [
      ...explain(services, '无条件列表', await captureStatements(services, 'cases.search', {})),
      ...explain(services, '已超期 overdue', await captureStatements(services, 'cases.search', { due: 'overdue' })),
      ...explain(services, "拼音 'zs'", await captureStatements(services, 'cases.search', { query: 'zs' })),
      ...explain(services, `cases.related（${bigCase.n}人案件）`, await captureStatements(services, 'cases.related', { id: bigCase.id })),
    ];
    console.log(flags.length ? `\n⚠ 对 cases/workers 的 SCAN（FTS 虚表的扫描属正常）：\n  ${flags.join('\n  ')}` : '\n无 cases/workers 的全表 SCAN。');

    services.ctx.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const size = folderSize(dataDir);
    console.log(`\n数据目录大小：${mb(size.total)}（${Object.entries(size.files).filter(([, s]) => s > 0).map(([f, s]) => `${f} ${mb(s)}`).join('，')}）`);
  } finally {
    services.close();
    if (!process.argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`保留数据目录：${dataDir}`);
  }
}

/** Streams `mib` MiB of random bytes to `file` in 1 MiB blocks (memory stays flat). */
async function writeRandomFile(file: string, mib: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const block = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < mib; i++) {
    crypto.randomFillSync(block);
    if (!out.write(Buffer.from(block))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

function timeCommand(command: string, args: string[]): { ms: number; stdout: string } {
  const t0 = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (result.error || result.status !== 0) throw new Error(`${command} 失败：${result.error?.message ?? result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** Samples resident memory every 50 ms while `work` runs; returns its result and the highest sample. */
async function withRssSampling<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

async function evidenceBench() {
  const mib = Number(arg('size-mib') ?? 1024);
  if (!Number.isInteger(mib) || mib < 1) throw new Error('--size-mib 应为正整数');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-evidence-'));
  const source = path.join(dir, 'source.bin');
  const copy = path.join(dir, 'copy.bin');
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  let services: Services | null = null;
  const maxRss = () => process.resourceUsage().maxRSS * 1024; // KiB → bytes
  try {
    console.log(`证据库基准：${mib} MiB 随机数据，临时目录 ${dir}`);
    let t0 = performance.now();
    await writeRandomFile(source, mib);
    console.log(`生成文件用时 ${((performance.now() - t0) / 1000).toFixed(1)}s（此后文件多半在页缓存中，三者条件相同）`);
    services = open(dataDir);
    const rssBefore = process.memoryUsage().rss;
    const maxRssBefore = maxRss();

    const sum = timeCommand('sha256sum', [source]);
    const cp = timeCommand('cp', ['--reflink=never', source, copy]);
    fs.rmSync(copy, { force: true });
    const ctx = services.ctx;
    const stored = await withRssSampling(() =>
      storeStream(ctx, fs.createReadStream(source, { highWaterMark: 1024 * 1024 }), { fileName: 'bench.bin', maxBytes: Number.MAX_SAFE_INTEGER }),
    );
    const verify = await withRssSampling(() => hashFile(path.join(dataDir, 'evidence', stored.value.sha256.slice(0, 2), stored.value.sha256)));
    const expected = sum.stdout.split(/\s+/)[0];
    if (stored.value.sha256 !== expected || verify.value !== expected) {
      throw new Error(`哈希不一致：sha256sum ${expected}，证据库 ${stored.value.sha256}，校验 ${verify.value}`);
    }

    const rate = (ms: number) => `${(mib / (ms / 1000)).toFixed(0)} MiB/s`.padStart(13);
    const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`.padStart(9);
    const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    const label = (text: string) => text + ' '.repeat(Math.max(1, 44 - width(text)));
    console.log(`\n${label('操作')}${'用时'.padStart(7)}${'吞吐'.padStart(11)}`);
    console.log(`${label('sha256sum FILE')}${secs(sum.ms)}${rate(sum.ms)}`);
    console.log(`${label('cp --reflink=never FILE COPY')}${secs(cp.ms)}${rate(cp.ms)}`);
    console.log(`${label('证据库导入 storeStream（哈希+写入+fsync）')}${secs(stored.ms)}${rate(stored.ms)}`);
    console.log(`${label('校验 hashFile（流式重新哈希）')}${secs(verify.ms)}${rate(verify.ms)}`);
    console.log(`\nSHA-256 ${stored.value.sha256}（与 sha256sum 一致），类型 ${stored.value.mime}`);
    console.log(`内存：导入前 RSS ${mb(rssBefore)}；导入期间采样峰值 RSS ${mb(stored.peakRss)}；校验期间 ${mb(verify.peakRss)}`);
    console.log(`      进程 maxRSS（resourceUsage）导入前 ${mb(maxRssBefore)} → 结束 ${mb(maxRss())}（文件 ${mib} MiB：内存不随文件大小增长）`);
  } finally {
    services?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(process.argv.includes('--evidence') ? evidenceBench() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
