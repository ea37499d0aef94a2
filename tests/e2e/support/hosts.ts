import { execFileSync } from 'node:child_process';
import { test } from '@playwright/test';
import { freshDataDir, repoRoot, startHost, type RunningHost } from './webHost';

/** The hosts a test starts, pushed here, are stopped after each test. */
export function hostsStoppedAfterEach(): RunningHost[] {
  const hosts: RunningHost[] = [];
  test.afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
  });
  return hosts;
}

/**
 * One web host for the whole spec on a demo folder: SUCAI_DEMO_DIR when given (`given` is then
 * true: leave it as it was), else a fresh folder made by `npm run demo` with `demoArgs`. Started
 * before all tests (the returned `host` is filled in then), stopped after all.
 */
export function demoHostPerSpec(demoArgs: string[]): { given: boolean; host: RunningHost } {
  const given = process.env.SUCAI_DEMO_DIR;
  const dataDir = given ?? freshDataDir();
  const host = {} as RunningHost;
  test.beforeAll(async () => {
    test.setTimeout(900_000);
    if (!given) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, ...demoArgs], { cwd: repoRoot, stdio: 'ignore' });
    Object.assign(host, await startHost(dataDir));
  });
  test.afterAll(async () => host.stop?.());
  return { given: given !== undefined, host };
}
