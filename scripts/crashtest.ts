/**
 * npm run crashtest -- [--trials 200] [--seed N] [--data DIR]
 * The long run of the crash harness (tests/support/crash/harness.ts): a real web host killed with
 * SIGKILL at random moments under a writer loop, restarted and checked after every kill. Prints
 * each trial and the figures; exits non-zero on the first inconsistency.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCrashTrials } from '../tests/support/crash/harness';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const trials = Number(arg('trials') ?? 200);
  const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
  const dataDir = path.resolve(arg('data') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-crashtest-')));
  console.log(`崩溃测试：${trials} 次 kill -9，种子 ${seed}，数据目录 ${dataDir}`);
  const summary = await runCrashTrials({ trials, seed, dataDir, log: (line) => console.log(line) });
  const out = path.resolve(__dirname, '..', 'test-results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'crashtest-summary.json'), JSON.stringify({ seed, ...summary }, null, 2));
  console.log(JSON.stringify({ seed, ...summary }, null, 2));
  if (summary.failures.length) {
    console.error(`不一致：${summary.failures.join('\n')}`);
    process.exit(1);
  }
  console.log(`${summary.trials} 次全部一致（用时 ${Math.round(summary.elapsedMs / 1000)} 秒）`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
