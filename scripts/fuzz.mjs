// npm run fuzz -- [--runs 20] [--seed N]: the fuzz suite (tests/integration/fuzz.test.ts) with
// more runs per method than in npm test. Figures in test-results/fuzz-summary.json.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const arg = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, SUCAI_FUZZ_RUNS: arg('runs') ?? '20', ...(arg('seed') ? { SUCAI_FUZZ_SEED: arg('seed') } : {}) };
const result = spawnSync(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', 'tests/integration/fuzz.test.ts', '--testTimeout=0'], { cwd: root, stdio: 'inherit', env });
process.exit(result.status ?? 1);
