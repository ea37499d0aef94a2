// The living demo as a new user first sees it, in real Chromium: this week's hearing calendar, the
// documents tab of a closed collective case, and the dashboard. On SUCAI_DEMO_DIR when given (e.g. a
// fresh `npm run demo -- --cases 2000` folder), else on a fresh 200-case demo. PNGs under
// test-results/demo-living/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CaseRow, DocumentView } from '../../electron/core/contract';
import { api } from './support/api';
import { freshDataDir, repoRoot, startHost, type RunningHost } from './support/webHost';

const shots = path.join(repoRoot, 'test-results', 'demo-living');
fs.mkdirSync(shots, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

let host: RunningHost;
const given = process.env.SUCAI_DEMO_DIR;
const dataDir = given ?? freshDataDir();

test.beforeAll(async () => {
  test.setTimeout(900_000);
  if (!given) execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, '--cases', '200'], { cwd: repoRoot, stdio: 'ignore' });
  host = await startHost(dataDir);
});
test.afterAll(async () => host?.stop());

test('calendar of this week, a closed collective case’s documents, the dashboard', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`${host.url}#/hearings`);
  const calendar = page.getByTestId('hearing-calendar');
  await expect(calendar).toBeVisible();
  await expect(calendar.locator('[data-testid^="hearing-block-"]').first()).toBeVisible();
  await shot(page, 'calendar-this-week');
  await page.getByTestId('week-next').click();
  await expect(calendar.locator('[data-testid^="hearing-block-"]').first()).toBeVisible();
  await shot(page, 'calendar-next-week');

  // a closed collective case with its 调解书 or 裁决书
  let target: { id: number; docs: DocumentView[] } | null = null;
  for (let offset = 0; !target; offset += 500) {
    const { rows } = await api<{ rows: CaseRow[] }>(host, 'cases.search', { status: 'closed', offset, limit: 500 });
    if (!rows.length) break;
    for (const c of rows.filter((r) => r.isCollective)) {
      const { documents } = await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId: c.id });
      if (documents.some((d) => d.kind === 'award' || d.kind === 'mediationDocument')) {
        target = { id: c.id, docs: documents };
        break;
      }
    }
  }
  expect(target, 'a closed collective case with documents').not.toBeNull();
  await page.goto(`${host.url}#/cases/${target!.id}`);
  await page.getByTestId('tab-documents').click();
  const section = page.getByTestId('documents-section');
  await expect(section.locator('[data-testid^="doc-row-"]').first()).toBeVisible();
  await expect(section).toContainText('结案审批表');
  await shot(page, 'closed-collective-documents');

  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByTestId('dashboard-period')).toBeVisible();
  await page.waitForTimeout(1500);
  await shot(page, 'dashboard');
  await page.goto(`${host.url}#/warnings`);
  await page.waitForTimeout(1000);
  await shot(page, 'warnings');
});
