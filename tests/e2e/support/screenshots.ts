import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './webHost';

/** test-results/<folder>, made if missing: where a spec's PNGs go (looked at after the run). */
export function screenshotDir(folder: string): string {
  const dir = path.join(repoRoot, 'test-results', folder);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A spec's `shot(page, name[, fullPage])`: saves test-results/<folder>/<name>.png, the whole page or
 * the viewport. `fromTop` scrolls to the top first (a scrolled page would draw the fixed header
 * mid-image in a full-page shot).
 */
export function screenshots(folder: string, how: { fullPage: boolean; fromTop?: boolean }) {
  const dir = screenshotDir(folder);
  return async (page: Page, name: string, fullPage = how.fullPage): Promise<void> => {
    if (how.fromTop) await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
  };
}
