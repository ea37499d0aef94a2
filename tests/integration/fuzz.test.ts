/**
 * Property-based fuzzing of EVERY contract method through the web host (automation token), walked
 * from the contract so a method added later is fuzzed too. For each method: plausible inputs (real
 * ids, real-looking values), inputs with one broken field (wrong type, missing, huge or control
 * text, impossible date, out-of-range number or index, an id that does not exist) and garbage.
 *
 * Always: an answer (no hang), HTTP 200 with a JSON ApiResult (never a 500); a failure is never
 * an unexpected exception (`internal` only for a failed tool on a valid input), its message is Chinese (CJK, no English sentence, no stack) and the database is
 * unchanged (PRAGMA data_version from a second connection). An input the schema refuses, or a
 * write naming an id that does not exist, must fail.
 *
 * Bounded here (SUCAI_FUZZ_RUNS multiplies the runs: `npm run fuzz -- --runs 20`). Figures go to
 * test-results/fuzz-summary.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodSpec } from '../../electron/core/contract';
import { garbage, mutated, plausible, type Mutation } from '../support/fuzz/arbitraries';
import { seedFolder } from '../support/fuzz/seed';
import { startApiHost, type ApiHost } from '../support/apiHost';
import { openTestServices, repoRoot } from '../support/services';
import type { Services } from '../../electron/services/createServices';

const RUNS = Math.max(1, Number(process.env.SUCAI_FUZZ_RUNS ?? 1));
const SEED = Number(process.env.SUCAI_FUZZ_SEED ?? 20261120);
const CJK = /[\u4e00-\u9fff]/;
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[\s,:;]+[A-Za-z]{2,}){2,}/;
const STACK = /\n\s+at |\bat \S+ \(.*:\d+:\d+\)|\b(Type|Range|Reference|Syntax|Sqlite)?Error:/;
/** What the dispatcher says for an unexpected exception: never acceptable. */
const REFUSED_STATUS: Record<string, number> = { unauthorized: 401, forbidden: 403, locked: 423 };
const UNEXPECTED = '操作失败：程序内部错误';
/** A failing property reports the method, the seed and a short input, not megabytes of it. */
const reporter = <T,>(out: fc.RunDetails<T>) => {
  if (!out.failed) return;
  const input = JSON.stringify(out.counterexample)?.slice(0, 600);
  const cause = out.errorInstance instanceof Error ? out.errorInstance.message.slice(0, 1500) : String(out.errorInstance).slice(0, 1500);
  throw new Error(`fuzz failed (seed ${out.seed}, path ${out.counterexamplePath}): ${cause}\ninput: ${input}`);
};

let s: Services & { dataDir: string };
let api: ApiHost;
let reader: Database.Database;
const summary = { seed: SEED, runsMultiplier: RUNS, methods: 0, calls: 0, outcomes: {} as Record<string, number>, byMutation: {} as Record<string, number>, perMethod: {} as Record<string, { calls: number; ok: number; failed: number }>, slowestMs: 0 };

beforeAll(async () => {
  s = openTestServices();
  await seedFolder(s);
  api = await startApiHost(s);
  reader = new Database(path.join(s.dataDir, 'sucai.db'), { readonly: true });
}, 120_000);

afterAll(async () => {
  reader?.close();
  await api?.close();
  s?.close();
  fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, 'test-results', 'fuzz-summary.json'), JSON.stringify(summary, null, 2));
  console.log(`fuzz: ${summary.methods} methods, ${summary.calls} calls, outcomes ${JSON.stringify(summary.outcomes)}`);
});

const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;

async function probe(method: string, input: unknown, mustFail: string | null, mutation?: Mutation): Promise<void> {
  const before = dataVersion();
  const started = Date.now();
  if (process.env.SUCAI_FUZZ_TRACE) fs.appendFileSync(process.env.SUCAI_FUZZ_TRACE, `${new Date().toISOString()} ${method} ${JSON.stringify(input)?.slice(0, 300)}\n`);
  const reply = await api.call(method, input, 150_000);
  summary.slowestMs = Math.max(summary.slowestMs, Date.now() - started);
  const stats = (summary.perMethod[method] ??= { calls: 0, ok: 0, failed: 0 });
  stats.calls++;
  summary.calls++;
  if (mutation) summary.byMutation[mutation.kind] = (summary.byMutation[mutation.kind] ?? 0) + 1;
  const where = `${method} ${JSON.stringify(input)?.slice(0, 400)}`;
  expect(reply.body, `${where}: not JSON: ${reply.text.slice(0, 200)}`).not.toBeNull();
  // refusals carry their HTTP status (401 请先登录, 403 无权, 423 已锁屏); every other answer is a 200 with ok/error
  const refusedCode = reply.body?.ok === false ? reply.body.error?.code : undefined;
  expect(reply.status, where).toBe((refusedCode && REFUSED_STATUS[refusedCode]) || 200);
  const body = reply.body!;
  const outcome = body.ok ? 'ok' : body.error!.code;
  summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
  if (body.ok) {
    stats.ok++;
    expect(mustFail, `${where} succeeded but must fail: ${mustFail}`).toBeNull();
    return;
  }
  stats.failed++;
  const { code, message } = body.error!;
  expect(message, `${where}: an unexpected exception`).not.toContain(UNEXPECTED);
  // internal only for a deliberate report of a failed tool (LibreOffice) on a valid input, never for bad input
  if (mustFail) expect(code, `${where} → ${message}`).not.toBe('internal');
  expect(message, where).toMatch(CJK);
  expect(message, where).not.toMatch(ENGLISH_SENTENCE);
  expect(message, where).not.toMatch(STACK);
  expect(dataVersion(), `${where} failed (${message}) but changed the database`).toBe(before);
}

describe('fuzz: every contract method through the web host', () => {
  it.each(methodNames.map((m) => [m]))('%s', async (method) => {
    summary.methods++;
    const spec = contract[method] as MethodSpec;
    const schemaRefuses = (input: unknown) => !spec.input.safeParse(input).success;
    await fc.assert(
      fc.asyncProperty(plausible(spec.input), async (input) => {
        await probe(method, input, null);
      }),
      { numRuns: 6 * RUNS, seed: SEED, endOnFailure: true, reporter },
    );
    const broken = mutated(spec.input);
    if (broken) {
      await fc.assert(
        fc.asyncProperty(broken, async ({ input, mutation }) => {
          const mustFail = schemaRefuses(input)
            ? `the schema refuses it (${mutation.kind} at ${mutation.path.join('.')})`
            : mutation.kind === 'missingId' && !spec.reads
              ? `a write naming an id that does not exist (${mutation.path.join('.')})`
              : null;
          await probe(method, input, mustFail, mutation);
        }),
        { numRuns: 14 * RUNS, seed: SEED, endOnFailure: true, reporter },
      );
    }
    await fc.assert(
      fc.asyncProperty(garbage, async (input) => {
        await probe(method, input, null);
      }),
      { numRuns: 2 * RUNS, seed: SEED, endOnFailure: true, reporter },
    );
  }, 600_000);
});
