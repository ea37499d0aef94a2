import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { freshDataDir, repoRoot, startHost, type RunningHost } from './support/webHost';
import { nameInitials } from '../../electron/core/pinyin';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: false });

let host: RunningHost;
const dataDir = freshDataDir();

test.beforeAll(async () => {
  // The demo command itself, as a user runs it: 300 deterministic cases.
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, '--cases', '300', '--living', '0'], { cwd: repoRoot, stdio: 'ignore' });
  host = await startHost(dataDir);
});
test.afterAll(async () => host?.stop());

test('the case list: virtualised, filtered by stage and due date, searched by initials', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('case-count')).toHaveText('共 300 件');
  const rendered = await page.getByTestId('case-row').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60); // only the rows in view (plus overscan) are in the page
  await shot(page, 'case-list');

  await page.getByTestId('case-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByTestId('case-row').last()).not.toContainText('加载中');

  await page.locator('label', { hasText: '已超期' }).click();
  const overdue = Number((await page.getByTestId('case-count').innerText()).match(/\d+/)![0]);
  expect(overdue).toBeLessThan(300);
  await expect(page.getByTestId('case-row').first()).toContainText('超期');
  await shot(page, 'case-list-overdue');
  await page.locator('label', { hasText: '全部期限' }).click();

  // A worker of the first listed case, found again by the pinyin initials of their name.
  await page.getByTestId('case-row').first().click();
  const name = (await page.getByTestId('workers').locator('tbody tr').first().locator('td').nth(1).innerText()).replace(/代表人/, '').trim();
  await page.goto(host.url);
  await page.getByTestId('case-search').fill(nameInitials(name));
  await expect(page.getByTestId('case-count')).not.toHaveText('共 300 件');
  await expect(page.getByTestId('case-row').first()).toBeVisible();
});

test('the exact case number finds that case alone; 第N号 the cases numbered N', async ({ page }) => {
  await page.goto(host.url);
  await page.locator('label', { hasText: '已超期' }).click(); // an accepted case, with its number
  await expect(page.getByTestId('case-row').first()).toContainText('超期');
  const caseNumber = /\S+〔\d{4}〕第\d+号/.exec(await page.getByTestId('case-row').first().innerText())![0];
  const seq = Number(/第(\d+)号/.exec(caseNumber)![1]);
  await page.locator('label', { hasText: '全部期限' }).click();
  await page.getByTestId('case-search').fill(caseNumber);
  await expect(page.getByTestId('case-count')).toHaveText('共 1 件');
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row').first()).toContainText(caseNumber);
  await shot(page, 'case-list-case-number');
  await page.getByTestId('case-search').fill(`第${seq}号`);
  await expect(page.getByTestId('case-row').first()).toContainText(`第${seq}号`);
  for (const row of await page.getByTestId('case-row').all()) await expect(row).toContainText(`第${seq}号`);
});

test('a collective case page with related cases and its timeline', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('case-search').fill('');
  const collective = page.getByTestId('case-row').filter({ hasText: '集体' }).first();
  await collective.click();
  await expect(page.getByTestId('stage-bar')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('收案');
  await shot(page, 'case-page-collective', true);
});

test('each page starts at its top: scrolled down on one page, the next page opens at the top', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 600 });
  const scrollToBottom = async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  };
  const expectAtTop = () => expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  // The intake form draws at once, long, when its code is loaded (no loader in between that would
  // shorten the page and bring the scroll back to 0 by itself): visited once, then reached scrolled down.
  await page.goto(`${host.url}#/cases/new`);
  await expect(page.getByText('申请人（劳动者）').first()).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('chart-methods')).toBeVisible({ timeout: 60_000 });
  await scrollToBottom();
  await page.getByRole('link', { name: '新建案件（快立）', exact: true }).click();
  await expect(page.getByText('申请人（劳动者）').first()).toBeVisible();
  // long enough that the old position (> 200 px) would still be there if the page did not go up
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeGreaterThan(200);
  await expectAtTop();
  await shot(page, 'page-top-new-case');
  // and the other ways: the intake form scrolled down → the case list → a collective case page
  await scrollToBottom();
  await page.getByRole('link', { name: '案件列表', exact: true }).click();
  await expectAtTop();
  await page.getByTestId('case-row').filter({ hasText: '集体' }).first().click();
  await expect(page.getByTestId('stage-bar')).toBeVisible();
  await expectAtTop();
  await expect(page.getByTestId('stage-bar')).toBeInViewport();
  // from the foot of the case page to 设置
  await scrollToBottom();
  await page.getByRole('link', { name: '设置', exact: true }).click();
  await expect(page.getByLabel('速裁结案目标（天）')).toBeVisible({ timeout: 30_000 });
  await expectAtTop();
});

test('settings persist: fast-track target and minimum wage', async ({ page }) => {
  await page.goto(`${host.url}#/settings`);
  const target = page.getByLabel('速裁结案目标（天）');
  await target.fill('25');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('速裁结案目标（天）')).toHaveValue('25');
  await shot(page, 'settings');
});
