// npm test: every suite in order — layer check (eslint), type check, unit, integration, build, the
// desktop shell's smoke test (tests/shell: the built bundles under Node), e2e in Chromium, e2e in
// Electron (skips with a reason where no Electron binary is installed) — then one plain
// "N passed, N failed, N skipped" line for CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function single(title, command, args) {
  const ok = run(title, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
}

function vitest(title, folder) {
  const report = path.join(results, `${folder.replaceAll('/', '-')}.json`);
  fs.rmSync(report, { force: true });
  const ok = run(title, bin('vitest'), ['run', folder, '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (!fs.existsSync(report)) return void (totals.failed += 1);
  const data = JSON.parse(fs.readFileSync(report, 'utf8'));
  totals.passed += data.numPassedTests;
  totals.failed += data.numFailedTests + (ok || data.numFailedTests ? 0 : 1);
  totals.skipped += data.numPendingTests + data.numTodoTests;
}

function playwright(title, config) {
  const name = path.basename(path.dirname(config));
  const report = path.join(results, `${name}-report.json`);
  fs.rmSync(report, { force: true });
  const ok = run(title, bin('playwright'), ['test', '-c', config]);
  if (!fs.existsSync(report)) return void (totals.failed += 1);
  const stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected + (ok || stats.unexpected ? 0 : 1);
  totals.skipped += stats.skipped;
}

single('层级检查 lint (eslint, architecture.md 的依赖规则)', bin('eslint'), ['.']);
single('类型检查 tsc', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
vitest('单元测试 unit', 'tests/unit');
vitest('集成测试 integration (真实 SQLite 文件)', 'tests/integration');
single('构建 electron-vite build', bin('electron-vite'), ['build']);
vitest('桌面外壳冒烟测试 shell smoke (构建后的主进程与 preload，在 Node 中以 electron 替身加载)', 'tests/shell');
playwright('端到端 e2e (Chromium + web host)', 'tests/e2e/playwright.config.ts');
playwright('端到端 e2e-electron', 'tests/e2e-electron/playwright.config.ts');

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
