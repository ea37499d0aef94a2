/**
 * Timing helpers for npm run bench: calls through the validated dispatcher (as any client), the
 * SQL those calls ran replayed raw as their floor, medians and p95, and the printed table where
 * every figure stands next to its floor and the ratio.
 */
import type Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodOutput } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';

export async function call<M extends MethodName>(services: Services, name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(services.handlers, name, input, systemCaller('web', '基准测试'));
  if (!result.ok) throw new Error(`${name}：${result.error.message}`);
  return result.value as MethodOutput<M>;
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Wall-clock median and p95; `cpu` the same of the CPU time of the process (user + system), which another load on the machine moves less. */
export type Timing = { median: number; p95: number; samples: number[]; cpu?: { median: number; p95: number } };

/** Runs `work` `runs` times after 3 warm-up runs; milliseconds. */
export async function timeRuns(runs: number, work: () => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return { median: percentile(samples, 50), p95: percentile(samples, 95), samples };
}

/**
 * Two pieces of work timed alternately (a, b, a, b, …) so that both meet the same load on a shared
 * machine: the figure and its floor.
 */
export async function timePaired(runs: number, a: () => unknown | Promise<unknown>, b: () => unknown | Promise<unknown>): Promise<[Timing, Timing]> {
  for (let i = 0; i < 2; i++) {
    await a();
    await b();
  }
  const sa: number[] = [];
  const sb: number[] = [];
  const ca: number[] = [];
  const cb: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    await a();
    sa.push(performance.now() - t0);
    ca.push(cpuMs(c0));
    t0 = performance.now();
    c0 = process.cpuUsage();
    await b();
    sb.push(performance.now() - t0);
    cb.push(cpuMs(c0));
  }
  const timing = (samples: number[], cpu: number[]): Timing => ({ median: percentile(samples, 50), p95: percentile(samples, 95), samples, cpu: { median: percentile(cpu, 50), p95: percentile(cpu, 95) } });
  return [timing(sa, ca), timing(sb, cb)];
}

/** One statement a call ran: its SQL, the values bound, and whether rows came back raw or plucked. */
export type Statement = { source: string; args: unknown[]; method: 'all' | 'get' | 'run' | 'iterate'; raw: boolean; pluck: boolean };

/**
 * Records every statement run on this connection while `work` runs (prepared once or per call:
 * the recording sits on the statements themselves).
 */
export async function captureStatements(client: Database.Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const proto = Object.getPrototypeOf(client.prepare('select 1')) as Record<string, unknown>;
  const captured: Statement[] = [];
  const originals: [string, unknown][] = [];
  const modes = new WeakMap<object, { raw: boolean; pluck: boolean }>();
  for (const mode of ['raw', 'pluck'] as const) {
    const original = proto[mode] as (this: object, on?: boolean) => unknown;
    originals.push([mode, original]);
    proto[mode] = function (this: object, on = true) {
      const m = modes.get(this) ?? { raw: false, pluck: false };
      if (mode === 'raw') modes.set(this, { raw: on, pluck: on ? false : m.pluck });
      else modes.set(this, { raw: on ? false : m.raw, pluck: on });
      return original.call(this, on);
    };
  }
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = proto[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    originals.push([method, original]);
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const m = modes.get(this) ?? { raw: false, pluck: false };
      captured.push({ source: this.source, args, method, ...m });
      return original.apply(this, args);
    };
  }
  try {
    await work();
  } finally {
    for (const [name, fn] of originals) proto[name] = fn;
  }
  return captured;
}

/**
 * The floor of a call: the same statements with the same values, prepared beforehand and run
 * straight through better-sqlite3 — no dispatcher, no validation, no query building, no mapping.
 */
export function replayer(client: Database.Database, statements: Statement[]): () => void {
  const prepared = statements.map((s) => {
    const stmt = client.prepare(s.source);
    if (stmt.reader) stmt.raw(s.raw);
    if (stmt.reader && s.pluck) stmt.pluck(true);
    return { stmt, s };
  });
  return () => {
    for (const { stmt, s } of prepared) {
      if (s.method === 'iterate') for (const _ of stmt.iterate(...s.args)) void _;
      else if (s.method === 'all') stmt.all(...s.args);
      else if (s.method === 'get') stmt.get(...s.args);
      else stmt.run(...s.args);
    }
  };
}

/** Query plans of the statements that read cases or workers by a full scan (FTS tables scanning is normal). */
export function scans(client: Database.Database, statements: Statement[]): string[] {
  const flags: string[] = [];
  for (const { source, args, method } of statements) {
    if (method === 'run' || !/^\s*(select|with)/i.test(source)) continue;
    const plan = client.prepare(`explain query plan ${source}`).all(...args) as { detail: string }[];
    for (const { detail } of plan) {
      const m = /^SCAN (\w+)(?! USING)/.exec(detail);
      if (m && /^(cases|workers|c|w|w1|w2|c1|c2|claim_items|case_events|payments)$/.test(m[1]!) && !/USING (COVERING )?INDEX/.test(detail))
        flags.push(`${detail}  ←  ${source.replace(/\s+/g, ' ').slice(0, 100)}…`);
    }
  }
  return flags;
}

export type Row = { label: string; median: number; p95: number; floor: number | null; floorLabel?: string; goal?: string; result?: string };

const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, n: number) => text + ' '.repeat(Math.max(1, n - width(text)));
const num = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Prints the rows: median and p95, the floor's median and the ratio median ÷ floor, the goal, what came back. */
export function printTable(title: string, rows: Row[]): void {
  const w = Math.max(24, ...rows.map((r) => width(r.label) + 2));
  console.log(`\n${title}`);
  console.log(`${pad('操作', w)}${'中位数'.padStart(7)}${'p95'.padStart(9)}${'下限'.padStart(8)}${'比值'.padStart(7)}   目标          结果`);
  for (const r of rows) {
    const floor = r.floor === null ? '—' : num(r.floor);
    const ratio = r.floor ? (r.median / r.floor).toFixed(2) : '—';
    console.log(`${pad(r.label, w)}${num(r.median).padStart(10)}${num(r.p95).padStart(9)}${floor.padStart(10)}${ratio.padStart(9)}   ${pad(r.goal ?? '', 14)}${r.result ?? ''}`);
  }
}

/** The table's note on what each floor is. */
export function floorNote(text: string): void {
  console.log(`  下限：${text}`);
}
