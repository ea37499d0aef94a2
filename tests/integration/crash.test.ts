/**
 * The crash harness in CI: about 20 SIGKILLs of a real web host process under a writer loop, each
 * followed by a restart and every consistency check (tests/support/crash/harness.ts). The long run
 * is `npm run crashtest -- --trials 200`; SUCAI_CRASH_TRIALS changes the count here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../support/crash/harness';
import { repoRoot, tempDataDir } from '../support/services';

const TRIALS = Number(process.env.SUCAI_CRASH_TRIALS ?? 20);

describe('crash harness', () => {
  it(`kill -9 at random moments, ${TRIALS} times: nothing acknowledged lost, nothing half-written, nothing orphaned`, async () => {
    const summary = await runCrashTrials({ trials: TRIALS, dataDir: tempDataDir('sucai-crash-'), log: (line) => console.log(line) });
    fs.mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(repoRoot, 'test-results', 'crash-summary.json'), JSON.stringify(summary, null, 2));
    console.log(`crash harness: ${JSON.stringify(summary)}`);
    expect(summary.failures).toEqual([]);
    expect(summary.trials).toBe(TRIALS);
    // the loop really wrote: every kind of write was acknowledged at least once
    expect(summary.acknowledged.casesCreated).toBeGreaterThan(TRIALS);
    expect(summary.acknowledged.uploads).toBeGreaterThan(0);
    expect(summary.acknowledged.recordSaves).toBeGreaterThan(TRIALS);
  }, 60_000 + TRIALS * 30_000);
});
