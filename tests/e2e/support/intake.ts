import { expect, test } from '@playwright/test';
import { computeIdCheck } from '../../../electron/core/ids/idNumber';
import { freshDataDir, startHost, type RunningHost } from './webHost';

/** A valid ID number born 1988-01-01 with the sequence `seq` (three digits; check digit by GB 11643). */
export function idFor(seq: string): string {
  const first17 = `360702198801010${seq}`;
  return first17 + computeIdCheck(first17);
}

/**
 * Each test of the spec gets its own web host on a fresh data folder (stopped after it), and fails
 * on any uncaught error in the page. Call at the top of the spec; `start()` inside a test.
 */
export function hostPerTest(): { start: () => Promise<RunningHost> } {
  let host: RunningHost | null = null;
  let pageErrors: string[] = [];
  test.beforeEach(({ page }) => {
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  test.afterEach(async () => {
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    await host?.stop();
    host = null;
  });
  return {
    start: async () => {
      host = await startHost(freshDataDir());
      return host;
    },
  };
}
