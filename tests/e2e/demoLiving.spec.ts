// The living demo as a new user first sees it, in real Chromium: this week's hearing calendar, the
// documents tab of a closed collective case, and the dashboard. On SUCAI_DEMO_DIR when given (e.g. a
// fresh `npm run demo -- --cases 2000` folder), else on a fresh 200-case demo. PNGs under
// test-results/demo-living/.
import { expect, test } from '@playwright/test';
import type { CaseRow, DocumentView } from '../../electron/core/contract';
import { api } from './support/api';
import { addDays, todayInChina } from '../../electron/core/dates';
import { screenshots } from './support/screenshots';
import { demoHostPerSpec } from './support/hosts';

const shot = screenshots('demo-living', { fullPage: true });
const { host, given } = demoHostPerSpec(['--cases', '200']);

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

  // 已超期: a few cases kept open past the fast-track target, none past a deadline by more than six weeks
  const overdue = await api<{ total: number; rows: CaseRow[] }>(host, 'cases.search', { due: 'overdue', limit: 500 });
  expect(overdue.total).toBeGreaterThan(0);
  const sixWeeksAgo = addDays(todayInChina(), -42);
  expect(overdue.rows.filter((r) => r.nextDueOn! < sixWeeksAgo).map((r) => r.caseNumber)).toEqual([]);
  await page.goto(`${host.url}#/cases`);
  await page.locator('label', { hasText: '已超期' }).click();
  await expect(page.getByTestId('case-row').first()).toContainText('超期');
  await shot(page, 'cases-overdue');

  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByTestId('dashboard-period')).toBeVisible();
  await page.waitForTimeout(1500);
  await shot(page, 'dashboard');
  await page.goto(`${host.url}#/warnings`);
  await page.waitForTimeout(1000);
  await shot(page, 'warnings');
});
