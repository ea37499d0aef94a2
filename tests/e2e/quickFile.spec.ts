import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { rosterWithBrokenId } from './support/fixtures';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: true });

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

test('快立: import the fixture roster, fix a broken ID, save, accept, restart, find by pinyin initials', async ({ page }) => {
  const dataDir = freshDataDir();
  host = await startHost(dataDir);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  await page.goto(`${host.url}#/cases/new`);

  // Project and the first respondent (a general contractor with a credit code).
  await page.getByTestId('project-name').fill('赣州蓉江新区安置房三期工程');
  await page.getByTestId('respondent-name-0').fill('江西赣建建设集团有限公司');
  await page.getByTestId('respondent-credit-code-0').fill('91350100M000100Y43');

  // Import the LibreOffice roster with one ID's check digit broken: the preview marks that cell.
  const file = path.join(dataDir, 'roster-broken.xlsx');
  const roster = await rosterWithBrokenId(file);
  await page.getByTestId('roster-file-input').setInputFiles(file);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('import-issues')).toContainText('第7行 C列（身份证号码）');
  await expect(preview.locator('[data-error="true"]').first()).toBeVisible();
  await expect(preview.getByTestId('import-skipped')).toContainText('合计');
  await shot(page, 'new-case-import-preview');
  await preview.getByTestId('import-all').click();
  await expect(preview).toBeHidden();

  // The grid keeps the problem on its cell until the clerk fixes it in place.
  const idInput = page.getByLabel('第3行 身份证号码');
  await expect(idInput).toHaveValue(roster.broken);
  await expect(page.getByTestId('save-case')).toBeDisabled();
  await idInput.fill(roster.good);
  await expect(page.locator('[data-error="true"]')).toHaveCount(0);
  await expect(page.getByTestId('totals-workers')).toContainText('18');
  await expect(page.getByTestId('totals-amount')).toContainText('457,870.00');
  await shot(page, 'new-case-grid');
  await page.getByTestId('save-case').click();

  // The case page: 快立 stage, the chain, 18 workers, acceptance due in 5 working days.
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  await expect(page.getByTestId('case-title')).toHaveText('待受理案件');
  await expect(page.getByTestId('case-total')).toContainText('18人');
  await expect(page.getByTestId('deadline-acceptanceDecision')).toContainText('年');
  await page.getByTestId('accept-case').click();
  await page.getByTestId('decision-confirm').click();
  const year = new Date().getFullYear();
  await expect(page.getByTestId('case-number')).toHaveText(`赣市劳人仲案字〔${year}〕第1号`);
  await expect(page.getByTestId('case-title')).toHaveText(`赣市劳人仲案字〔${year}〕第1号`);
  await expect(page.getByTestId('deadline-serveCopy')).toContainText('进行中');
  await expect(page.getByTestId('deadline-award')).toContainText('年');
  await expect(page.getByTestId('timeline')).toContainText('受理，案号');
  await shot(page, 'case-page');

  // Restart the host on the same folder; the case is found by a worker's pinyin initials.
  await host.stop();
  host = await startHost(dataDir);
  await page.goto(host.url);
  await page.getByTestId('case-search').fill('sjy'); // 宋静英, the row whose ID was fixed
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  await expect(page.getByTestId('case-row')).toContainText(`第1号`);
  await page.getByTestId('case-row').click();
  await expect(page.getByTestId('workers')).toContainText(roster.name);
  await expect(page.getByTestId('workers')).toContainText(roster.good);
});
