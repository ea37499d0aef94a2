/**
 * npm run bench -- [--cases N] [--runs R] [--seed S] [--keep]
 * Generates N demo cases (default 2000) into a temp data folder, then times the case list,
 * search, case page and related-cases calls through the validated dispatcher (median and p95 of
 * R runs, default 30) and prints SQLite's query plans for the list and overdue queries.
 *
 * npm run bench -- --dashboard [--cases N] [--runs R] [--seed S] [--keep] [--data DIR]
 * (--data: time an existing demo folder instead of generating one; the folder is left in place)
 * Generates N demo cases (default 20000) into a temp folder, then times dashboard.get (本年 to date
 * and the whole 18-month span) through the dispatcher, median and p95 of R runs (default 30), the
 * handler's own elapsedMs, one dashboard.export, and prints the query plans of its statements.
 *
 * npm run bench -- --evidence [--size-mib M]
 * Writes an M MiB file of random bytes (default 1024, streamed), then in the same run times
 * `sha256sum FILE`, `cp FILE` and an import through the evidence store (storeStream: hash + copy
 * + fsync + rename) and a 校验 re-hash, with throughput and peak memory. Temp files are removed.
 *
 * npm run bench -- --documents [--workers N] [--runs R]
 * Builds an N-worker case (default 500) with every claim awarded, then in the same run times the
 * award docx (collect + build + Packer.toBuffer, median of R runs, default 5; plus one end-to-end
 * documents.generate that also writes the file and the row) next to the docx library packing the
 * same per-worker table alone (one plain Table, no layout primitives).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { MethodInput, MethodName } from '../electron/core/contract';
import type { Services } from '../electron/services/createServices';
import { openRepoServices } from '../electron/services/repoServices';
import { dispatch } from '../electron/services/dispatch';
import { systemCaller } from '../electron/services/caller';
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
  const result = await dispatch(services.handlers, name, input, systemCaller('web'));
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
    const summary = await generateDemo(services, { cases, seed, living: 0 }); // the fast path only: its figures against the floor
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

async function dashboardBench() {
  const cases = Number(arg('cases') ?? 20000);
  const runs = Number(arg('runs') ?? 30);
  const seed = Number(arg('seed') ?? DEFAULT_DEMO_SEED);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases 应为正整数');
  const given = arg('data');
  const dataDir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-dashboard-'));
  console.log(`数据目录：${dataDir}`);
  let services = open(dataDir);
  try {
    if (!given) {
      const t0 = performance.now();
      const summary = await generateDemo(services, { cases, seed, living: 0 }); // the fast path only: its figures against the floor
      printSummary(summary);
      console.log(`生成 ${cases} 件用时 ${((performance.now() - t0) / 1000).toFixed(1)}s`);
      services.close();
      services = open(dataDir);
    }
    const db = services.ctx.db;
    const count = (q: ReturnType<typeof sql>) => db.get<{ n: number }>(q)!.n;
    const total = count(sql`select count(*) as n from cases`);
    console.log(
      `案件 ${total} 件，付款 ${count(sql`select count(*) as n from payments`)} 笔，预警 ${count(sql`select count(*) as n from warnings`)} 条，` +
        `已结案 ${count(sql`select count(*) as n from cases where closed_on is not null`)} 件（有结案方式 ${count(sql`select count(*) as n from cases where closing_method is not null`)} 件）`,
    );

    const today = ((await call(services, 'app.info', {})) as { today: string }).today;
    const span = db.get<{ first: string }>(sql`select min(received_on) as first from cases`)!.first;
    const periods = [
      { label: `本年 ${today.slice(0, 4)}-01-01 至 ${today}`, from: `${today.slice(0, 4)}-01-01`, to: today },
      { label: `全部 ${span} 至 ${today}`, from: span, to: today },
    ];
    const rows: (Row & { handlerLast: number })[] = [];
    for (const p of periods) {
      const elapsed: number[] = [];
      const row = await time(services, runs, `dashboard.get ${p.label}`, 'dashboard.get', { from: p.from, to: p.to }, (v) => {
        const view = v as { metrics: { key: string; value: number }[]; elapsedMs: number };
        elapsed.push(view.elapsedMs);
        const m = (k: string) => view.metrics.find((x) => x.key === k)?.value;
        return `收案 ${m('received')}，结案 ${m('closed')}，按期 ${m('onTimeRate')}%，调撤 ${m('mediationRate')}%，追回 ${((m('recoveredFen') ?? 0) / 1e6).toFixed(2)}万元`;
      });
      rows.push({ ...row, handlerLast: elapsed[0] ?? NaN });
    }
    const t1 = performance.now();
    const exported = (await call(services, 'dashboard.export', { from: periods[0]!.from, to: periods[0]!.to })) as { path: string };
    const exportMs = performance.now() - t1;

    console.log(`\n${total} 件，每项 ${runs} 次（另 3 次预热），经 dispatch 计时，单位 ms`);
    for (const r of rows) {
      console.log(`${r.label}\n    中位数 ${r.median.toFixed(2)}   p95 ${r.p95.toFixed(2)}   （最后一次 elapsedMs ${r.handlerLast.toFixed(1)}）  ${r.result}`);
    }
    console.log(`dashboard.export（本年，含案件清单）${exportMs.toFixed(0)} ms，${mb(fs.statSync(exported.path).size)}`);

    const flags = explain(services, 'dashboard.get 本年', await captureStatements(services, 'dashboard.get', { from: periods[0]!.from, to: periods[0]!.to }));
    console.log(flags.length ? `\n⚠ 对 cases/workers 的 SCAN：\n  ${flags.join('\n  ')}` : '\n无 cases/workers 的全表 SCAN（payments 按 paid_at 无索引，一次扫描）。');
  } finally {
    services.close();
    if (!given && !process.argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`保留数据目录：${dataDir}`);
  }
}

async function documentsBench() {
  const count = Number(arg('workers') ?? 500);
  const runs = Number(arg('runs') ?? 5);
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--workers 与 --runs 应为正整数');
  const { Document, Packer, Paragraph, Table, TableRow, TableCell, TextRun, WidthType } = await import('docx');
  const { documentBuilder } = await import('../electron/services/documents/registry');
  const { computeIdCheck } = await import('../electron/core/ids/idNumber');
  const { emptyWorkerDraft } = await import('../electron/core/workers/workerDraft');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-bench-docs-'));
  const services = open(dataDir);
  const api = async <M extends MethodName>(name: M, input: MethodInput<M>) => {
    const r = await dispatch(services.handlers, name, input, systemCaller('web'));
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as never;
  };
  try {
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
    const given = ['建华', '志强', '秀英', '国平', '德明', '桂兰', '海涛', '春生', '玉梅', '长青', '小军', '立新'];
    const workers = Array.from({ length: count }, (_, i) => {
      const first17 = `360702${1970 + (i % 30)}0${(i % 9) + 1}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
      return { ...emptyWorkerDraft(), name: `${surnames[i % surnames.length]}${given[Math.floor(i / surnames.length) % given.length]}${i >= 384 ? String.fromCharCode(0x4e00 + i) : ''}`, idNumber: first17 + computeIdCheck(first17), owed: String(6000 + (i % 40) * 125) };
    });
    const settings = (await api('settings.get', {})) as MethodInput<'settings.update'>;
    await api('settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-01-01', monthlyFen: 191_000 }] });
    const { id } = (await api('cases.create', {
      channel: 'walkIn', receivedOn: '2026-11-02', procedure: 'ordinary', cause: '追索劳动报酬',
      project: { name: '赣州蓉江新区安置房三期工程', address: '赣州市南康区蓉江新区' },
      respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' } }],
      workers, extraClaims: [], representativeIndexes: [0, 1, 2],
    })) as { id: number };
    await api('cases.accept', { id, acceptedOn: '2026-11-04' });
    const detail = (await api('cases.get', { id })) as { workers: { claims: { id: number; amountFen: number }[] }[] };
    const items = detail.workers.flatMap((w) => w.claims.map((c) => ({ claimItemId: c.id, awardedFen: c.amountFen })));
    await api('award.save', { caseId: id, decidedOn: '2026-12-10', defence: '被申请人辩称工程款尚未结清。', factsFound: '经查，申请人在涉案项目务工，被申请人拖欠工资。', reasoning: '本委认为，用人单位应当按时足额支付劳动报酬。', items });

    const builder = documentBuilder('award');
    if (!builder) throw new Error('裁决书的生成功能尚未接入');
    const build = async () => {
      const data = builder.collect(services.ctx, services.ctx.db, id, '');
      const docs = builder.build(data);
      let bytes = 0;
      for (const d of docs) bytes += (await Packer.toBuffer(d.document)).length;
      return { docs: docs.length, bytes };
    };
    // the same per-worker table, packed by docx alone
    const rows = detail.workers.map((w, i) => [String(i + 1), workers[i]!.name, workers[i]!.idNumber, '拖欠工资', (w.claims[0]!.amountFen / 100).toFixed(2), (w.claims[0]!.amountFen / 100).toFixed(2)]);
    const tableOnly = async () => {
      const cell = (t: string) => new TableCell({ width: { size: 1400, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun(t)] })] });
      const table = new Table({ rows: [['序号', '姓名', '公民身份号码', '请求项目', '请求金额', '裁决金额'], ...rows].map((r, i) => new TableRow({ tableHeader: i === 0, cantSplit: true, children: r.map(cell) })) });
      return { docs: 1, bytes: (await Packer.toBuffer(new Document({ sections: [{ children: [table] }] }))).length };
    };
    const measure = async (work: () => Promise<{ docs: number; bytes: number }>) => {
      await work(); // warm-up
      const times: number[] = [];
      let last = { docs: 0, bytes: 0 };
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        last = await work();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, min: times[0]!, ...last };
    };
    const award = await measure(build);
    const alone = await measure(tableOnly);
    const t = performance.now();
    const generated = (await api('documents.generate', { caseId: id, kind: 'award' })) as { fileName: string; size: number }[];
    const endToEnd = performance.now() - t;
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    console.log(`\n裁决书 docx，${count} 名劳动者，每项 ${runs} 次（另 1 次预热），单位 ms`);
    console.log(`裁决书 collect + build + pack       中位数 ${award.median.toFixed(0).padStart(6)}   最快 ${award.min.toFixed(0).padStart(6)}   ${award.docs} 份，${kb(award.bytes)}`);
    console.log(`docx 库单独打包同一表格             中位数 ${alone.median.toFixed(0).padStart(6)}   最快 ${alone.min.toFixed(0).padStart(6)}   ${alone.docs} 份，${kb(alone.bytes)}`);
    console.log(`documents.generate（含写盘、入库）  ${endToEnd.toFixed(0).padStart(6)}   ${generated.map((g) => `${g.fileName} ${kb(g.size)}`).join('，')}`);
    console.log(`比值 裁决书 / 单独表格：${(award.median / alone.median).toFixed(2)}`);
  } finally {
    services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

(process.argv.includes('--documents') ? documentsBench() : process.argv.includes('--evidence') ? evidenceBench() : process.argv.includes('--dashboard') ? dashboardBench() : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
