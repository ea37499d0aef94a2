/**
 * The crash harness: a real web host process under a writer loop — cases created and accepted,
 * evidence uploaded (the same contents again and again, so deduplication is hit), a hearing record
 * typed; two uploaders at once — killed with SIGKILL at a random moment, restarted on the same folder (stale lock taken
 * over, start-up sweep), and checked: integrity_check and foreign_key_check pass, every write the
 * client saw acknowledged is there, no case is half-written, case numbers are unique and gapless,
 * the evidence store has no file without a row, no row without an exhibit, no `.part`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { postApi } from '../apiHost';
import { caseInput, makeId, repoRoot, workerDraft } from '../services';

const TOKEN = 'sucai-crash-harness-automation-token';

export type TrialOptions = { trials: number; dataDir: string; seed?: number; log?: (line: string) => void; maxKillDelayMs?: number };
export type CrashSummary = {
  trials: number;
  acknowledged: { casesCreated: number; casesAccepted: number; uploads: number; recordSaves: number };
  unacknowledged: number;
  killedDuringUpload: number;
  sweptAtStart: number;
  checks: number;
  failures: string[];
  elapsedMs: number;
};

type Acks = {
  cases: Map<number, number>; // case id → worker count
  accepted: Map<number, string>; // case id → case number
  exhibits: Map<number, string>; // exhibit id → sha256
  record: { hearingId: number; sent: string[]; acked: number };
};

/** Deterministic pseudo-random numbers, so a failing run can be repeated with its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

type Host = { child: ChildProcess; base: string; exited: Promise<void> };

/**
 * The host is bundled once (our TypeScript only; packages stay in node_modules), so each of the
 * hundreds of restarts costs a process start, not a TypeScript compile.
 */
async function bundleHost(): Promise<string> {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-crash-host-')), 'crashHost.cjs');
  await build({ entryPoints: [path.join(repoRoot, 'tests/support/crash/crashHost.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile, logLevel: 'error' });
  // packages are resolved from the repository, as when run in place
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(path.dirname(outfile), 'node_modules'));
  return outfile;
}

let hostScript: Promise<string> | null = null;

async function startHost(dataDir: string): Promise<Host> {
  hostScript ??= bundleHost();
  const child = spawn(process.execPath, [await hostScript, repoRoot, dataDir], {
    cwd: repoRoot,
    env: { ...process.env, SUCAI_AUTOMATION_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).port);
    });
    void exited.then(() => reject(new Error(`host exited before listening: ${stderr}`)));
    setTimeout(() => reject(new Error(`host did not start within 60 s: ${stderr}`)), 60_000);
  });
  return { child, base: `http://127.0.0.1:${port}`, exited };
}

async function call<T>(host: Host, method: string, input: unknown): Promise<T> {
  const reply = await postApi(host.base, TOKEN, method, input, 30_000);
  if (!reply.body?.ok) throw new Error(`${method}: ${reply.body?.error?.message ?? reply.text}`);
  return reply.body.value as T;
}

/** Contents uploaded again and again: small and large (a kill often lands mid-upload of the large ones). */
function contentPool(): Buffer[] {
  const pool: Buffer[] = [];
  for (const [i, size] of [1_000, 40_000, 300_000, 1_500_000, 4_000_000].entries()) {
    const b = Buffer.alloc(size);
    for (let j = 0; j < size; j += 4096) b.writeUInt32LE((i * 2654435761 + j) >>> 0, j);
    pool.push(b);
  }
  return pool;
}

async function setUp(host: Host, acks: Acks): Promise<void> {
  await call(host, 'accounts.create', { username: 'wangjianguo', name: '王建国', roles: ['arbitrator'], password: 'sucai-crash-2026' });
  await call(host, 'accounts.create', { username: 'zhouting', name: '周婷', roles: ['clerk'], password: 'sucai-crash-2026' });
  const rooms = await call<{ rooms: { id: number }[]; staff: { id: number; roles: string[] }[] }>(host, 'rooms.save', { name: '第一仲裁庭' });
  const created = await call<{ id: number }>(host, 'cases.create', caseInput([workerDraft('张三丰', makeId('360702', '1980-01-01', 1), '12000')]));
  acks.cases.set(created.id, 1);
  const detail = await call<{ caseNumber: string }>(host, 'cases.accept', { id: created.id, acceptedOn: '2026-11-18' });
  acks.accepted.set(created.id, detail.caseNumber);
  const presiding = rooms.staff.find((p) => p.roles.includes('arbitrator'))!.id;
  const clerk = rooms.staff.find((p) => p.roles.includes('clerk'))!.id;
  const hearing = await call<{ id: number }>(host, 'hearings.schedule', {
    caseId: created.id, startsAt: '2026-11-30T09:00', endsAt: '2026-11-30T10:30', roomId: rooms.rooms[0].id, procedure: 'simplified', presidingId: presiding, clerkId: clerk, noticeServedOn: '2026-11-20',
  });
  acks.record.hearingId = hearing.id;
}

/** The writer loop: three clients at once until the host dies. Counts what was in flight at the kill. */
async function writerLoop(host: Host, acks: Acks, random: () => number, trial: number, pool: Buffer[], stats: { unacknowledged: number; uploadsInFlight: number; errors: string[] }): Promise<void> {
  let stop = false;
  void host.exited.then(() => (stop = true));
  let serial = trial * 1000;
  const cases = async () => {
    while (!stop) {
      const n = 1 + Math.floor(random() * 4);
      const workers = Array.from({ length: n }, (_, i) => workerDraft(`${'赵钱孙李周吴郑王'[serial % 8]}${'甲乙丙丁'[i]}${'一二三四五六七八九十'[Math.floor(serial / 8) % 10]}`, makeId('360702', '1985-06-15', (serial * 5 + i) % 997), String(1000 + i)));
      serial++;
      try {
        const { id } = await call<{ id: number }>(host, 'cases.create', caseInput(workers, { receivedOn: '2026-11-16' }));
        acks.cases.set(id, n);
        if (random() < 0.7) {
          const detail = await call<{ caseNumber: string }>(host, 'cases.accept', { id, acceptedOn: '2026-11-18' });
          acks.accepted.set(id, detail.caseNumber);
        }
      } catch (error) {
        stats.unacknowledged++;
        if (!host.child.killed) stats.errors.push(String(error));
      }
    }
  };
  const uploads = async () => {
    while (!stop) {
      const caseIds = [...acks.cases.keys()];
      const caseId = caseIds[Math.floor(random() * caseIds.length)];
      const body = pool[Math.floor(random() * pool.length)];
      stats.uploadsInFlight++;
      try {
        const res = await fetch(`${host.base}/api/upload/evidence?${new URLSearchParams({ caseId: String(caseId), fileName: `证据${serial++}.bin`, track: 'arbitration', submittedBy: 'applicant' })}`, {
          method: 'POST',
          headers: { 'X-Sucai-Token': TOKEN },
          body: new Uint8Array(body),
        });
        const reply = (await res.json()) as { ok: boolean; value?: { id: number; sha256: string } };
        if (reply.ok && reply.value) acks.exhibits.set(reply.value.id, reply.value.sha256);
        else {
          stats.unacknowledged++;
          stats.errors.push(JSON.stringify(reply));
        }
      } catch (error) {
        stats.unacknowledged++;
        if (!host.child.killed) stats.errors.push(String(error));
      } finally {
        stats.uploadsInFlight--;
      }
    }
  };
  const typing = async () => {
    while (!stop) {
      const content = `${acks.record.sent.at(-1) ?? '审：现在开庭。'}第${acks.record.sent.length}句，申请人陈述欠薪事实。`;
      acks.record.sent.push(content);
      const index = acks.record.sent.length - 1;
      try {
        await call(host, 'hearings.saveRecordStep', { hearingId: acks.record.hearingId, step: 'investigation', content });
        acks.record.acked = Math.max(acks.record.acked, index);
      } catch (error) {
        stats.unacknowledged++;
        if (!host.child.killed) stats.errors.push(String(error));
      }
    }
  };
  await Promise.all([cases(), uploads(), uploads(), typing()]);
}

function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Every check after a restart; returns the problems found (none when all hold). */
export function verifyFolder(dataDir: string, acks: Acks): string[] {
  const problems: string[] = [];
  const db = new Database(path.join(dataDir, 'sucai.db'), { readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);

    for (const [id, n] of acks.cases) {
      const row = db.prepare('select worker_count as n from cases where id = ?').get(id) as { n: number } | undefined;
      if (!row) problems.push(`acknowledged case ${id} is missing`);
      else if (row.n !== n) problems.push(`case ${id}: ${row.n} workers stored, ${n} acknowledged`);
    }
    for (const [id, number] of acks.accepted) {
      const stored = db.prepare('select case_number from cases where id = ?').pluck().get(id);
      if (stored !== number) problems.push(`acknowledged acceptance of case ${id} as ${number}: stored ${String(stored)}`);
    }
    const half = db
      .prepare(
        `select c.id from cases c where
           c.worker_count < 1
           or (select count(*) from workers w where w.case_id = c.id) != c.worker_count
           or not exists (select 1 from case_respondents r where r.case_id = c.id)
           or not exists (select 1 from claim_items i where i.case_id = c.id)
           or not exists (select 1 from case_events e where e.case_id = c.id and e.action = 'case.received')
           or not exists (select 1 from case_search s where s.rowid = c.id)
           or (c.status != 'received' and (c.case_number is null or c.case_seq is null))`,
      )
      .pluck()
      .all();
    if (half.length) problems.push(`half-written cases: ${half.join(', ')}`);
    const years = db.prepare('select case_year as year, case_seq as seq, case_number as number from cases where case_seq is not null order by case_year, case_seq').all() as { year: number; seq: number; number: string }[];
    const byYear = new Map<number, number[]>();
    for (const r of years) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.seq]);
    for (const [year, seqs] of byYear) {
      if (seqs.some((seq, i) => seq !== i + 1)) problems.push(`case numbers of ${year} are not 1…${seqs.length}: ${seqs.join(',')}`);
    }
    if (new Set(years.map((r) => r.number)).size !== years.length) problems.push('duplicate case numbers');

    for (const [id, sha] of acks.exhibits) {
      const stored = db.prepare('select file_sha256 from exhibits where id = ?').pluck().get(id);
      if (stored !== sha) problems.push(`acknowledged exhibit ${id} (${sha.slice(0, 8)}) is missing`);
    }
    const rows = db.prepare('select sha256, size from evidence_files').all() as { sha256: string; size: number }[];
    const unreferenced = db.prepare('select sha256 from evidence_files f where not exists (select 1 from exhibits e where e.file_sha256 = f.sha256)').pluck().all();
    if (unreferenced.length) problems.push(`evidence_files rows without an exhibit: ${unreferenced.length}`);
    const store = path.join(dataDir, 'evidence');
    const onDisk = fs.readdirSync(store, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
    const parts = onDisk.filter((e) => e.name.endsWith('.part'));
    if (parts.length) problems.push(`.part files left: ${parts.length}`);
    const known = new Map(rows.map((r) => [r.sha256, r.size]));
    for (const e of onDisk) {
      if (e.name.endsWith('.part')) continue;
      if (!known.has(e.name)) problems.push(`store file without a row: ${e.name.slice(0, 12)}`);
    }
    for (const r of rows) {
      const file = path.join(store, r.sha256.slice(0, 2), r.sha256);
      if (!fs.existsSync(file)) problems.push(`row without its file: ${r.sha256.slice(0, 12)}`);
      else if (fs.statSync(file).size !== r.size || sha256(file) !== r.sha256) problems.push(`stored file damaged: ${r.sha256.slice(0, 12)}`);
    }

    if (acks.record.hearingId) {
      const content = db.prepare("select content from hearing_record_steps where hearing_id = ? and step = 'investigation'").pluck().get(acks.record.hearingId) as string | undefined;
      const index = content === undefined ? -1 : acks.record.sent.indexOf(content);
      if (acks.record.acked >= 0 && index < acks.record.acked) problems.push(`hearing record lost typing: stored #${index}, acknowledged #${acks.record.acked}`);
    }
  } finally {
    db.close();
  }
  return problems;
}

export async function runCrashTrials(options: TrialOptions): Promise<CrashSummary> {
  const started = Date.now();
  const random = rng(options.seed ?? 20261120);
  const log = options.log ?? (() => undefined);
  const pool = contentPool();
  const acks: Acks = { cases: new Map(), accepted: new Map(), exhibits: new Map(), record: { hearingId: 0, sent: [], acked: -1 } };
  const summary: CrashSummary = { trials: 0, acknowledged: { casesCreated: 0, casesAccepted: 0, uploads: 0, recordSaves: 0 }, unacknowledged: 0, killedDuringUpload: 0, sweptAtStart: 0, checks: 0, failures: [], elapsedMs: 0 };
  const sweepLog = path.join(options.dataDir, 'logs', 'sweep.log');
  const sweptLines = () => (fs.existsSync(sweepLog) ? fs.readFileSync(sweepLog, 'utf8').split('\n').filter(Boolean).length : 0);
  let host = await startHost(options.dataDir);
  await setUp(host, acks);
  for (let trial = 1; trial <= options.trials; trial++) {
    const stats = { unacknowledged: 0, uploadsInFlight: 0, errors: [] as string[] };
    const delay = 80 + Math.floor(random() * (options.maxKillDelayMs ?? 2500));
    const loop = writerLoop(host, acks, random, trial, pool, stats);
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (stats.uploadsInFlight > 0) summary.killedDuringUpload++;
    host.child.kill('SIGKILL');
    await host.exited;
    await loop;
    summary.unacknowledged += stats.unacknowledged;
    const sweptBefore = sweptLines();
    host = await startHost(options.dataDir);
    summary.sweptAtStart += sweptLines() - sweptBefore;
    const problems = verifyFolder(options.dataDir, acks);
    summary.checks++;
    summary.trials = trial;
    for (const p of problems) summary.failures.push(`trial ${trial} (killed after ${delay} ms): ${p}`);
    // a write refused while the host was alive is a failure of the loop, not of the crash
    for (const e of stats.errors.slice(0, 3)) summary.failures.push(`trial ${trial}: a write failed before the kill: ${e}`);
    log(`trial ${trial}/${options.trials}: killed after ${delay} ms, ${problems.length ? `PROBLEMS: ${problems.join('; ')}` : 'consistent'} (cases ${acks.cases.size}, exhibits ${acks.exhibits.size}, record saves ${acks.record.acked + 1})`);
    if (summary.failures.length) break;
  }
  host.child.kill('SIGTERM');
  await host.exited;
  summary.acknowledged = { casesCreated: acks.cases.size, casesAccepted: acks.accepted.size, uploads: acks.exhibits.size, recordSaves: acks.record.acked + 1 };
  summary.elapsedMs = Date.now() - started;
  return summary;
}
