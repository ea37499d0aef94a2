import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CaseRow, DashboardView } from '../../electron/core/contract';
import { addDays, todayInChina } from '../../electron/core/dates';
import { freshDataDir, startHost, type RunningHost, repoRoot } from './support/webHost';
import { api } from './support/api';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: true });

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

/** As the host rounds a rate: one decimal, half away from zero. */
const pct = (a: number, b: number) => Math.round((a / b) * 100 * 10 + 1e-9) / 10;

const caseCount = async (page: Page) => {
  const text = (await page.getByTestId('case-count').textContent()) ?? '';
  const m = text.match(/共 ([\d,]+) 件/);
  return m ? Number(m[1]!.replaceAll(',', '')) : null;
};

test('统计: demo of 300 cases → figures, charts, a figure opens its cases, export, a mediated case closed moves 按期办结率', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = freshDataDir();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, '--cases', '300', '--living', '0'], { cwd: repoRoot, stdio: 'ignore' });
  host = await startHost(dataDir);
  const today = todayInChina();
  const from = `${today.slice(0, 4)}-01-01`;

  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByRole('heading', { name: '统计' })).toBeVisible();
  await expect(page.getByTestId('dashboard-period')).toContainText(`${from} 至 ${today}`);
  const view = await api<DashboardView>(host, 'dashboard.get', { from, to: today });
  const m = (key: string) => view.metrics.find((x) => x.key === key)!;
  expect(m('received').value).toBeGreaterThan(0);
  expect(m('closed').value).toBeGreaterThan(0);
  await expect(page.getByTestId('metric-value-received')).toHaveText(`${m('received').value.toLocaleString('zh-CN')}件`);
  await expect(page.getByTestId('metric-value-onTimeRate')).toHaveText(`${m('onTimeRate').value.toFixed(1)}%`);
  await expect(page.getByTestId('metric-value-closed')).toHaveText(`${m('closed').value.toLocaleString('zh-CN')}件`);
  await expect(page.getByTestId('metric-parts-onTimeRate')).toHaveText(`按期 ${m('onTimeClosed').value} / 结案 ${m('closed').value} 件`);
  // charts rendered (recharts draws an svg with lines/bars)
  await expect(page.getByTestId('chart-monthly').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('chart-monthly').locator('.recharts-line').first()).toBeVisible();
  await expect(page.getByTestId('chart-methods').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('overdue-table')).toContainText('已超期');
  await page.waitForTimeout(600); // let the chart animations finish before the picture
  await shot(page, 'dashboard');

  // Export: the button downloads the xlsx through /api/files/export/.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^速裁台统计_.*\.xlsx$/);
  const saved = path.join(dataDir, 'downloaded.xlsx');
  await download.saveAs(saved);
  expect(fs.readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');

  // A figure opens the case list with its filter; the count there is the figure.
  await page.getByTestId('metric-received').click();
  await expect(page).toHaveURL(new RegExp(`#/cases\\?receivedFrom=${from}&receivedTo=${today}$`));
  await expect(page.getByTestId('link-filters')).toContainText(`收案 ${from} 至 ${today}`);
  await expect.poll(() => caseCount(page)).toBe(m('received').value);
  await shot(page, 'dashboard-linked-cases');

  // 按期办结率 → the on-time cases; removing the 按期 chip leaves every case closed in the period.
  await page.goto(`${host.url}#/dashboard`);
  await page.getByTestId('metric-onTimeRate').click();
  await expect(page.getByTestId('link-filters')).toContainText('按期结案');
  const onTimeCount = (await api<{ total: number }>(host, 'cases.search', { ...m('onTimeRate').filter, limit: 1 })).total;
  await expect.poll(() => caseCount(page)).toBe(onTimeCount);
  expect(pct(onTimeCount, m('closed').value)).toBeCloseTo(m('onTimeRate').value, 5);
  await page.getByRole('button', { name: '移除筛选 按期结案' }).click();
  await expect(page).not.toHaveURL(/closedOnTime/);
  await expect.poll(() => caseCount(page)).toBe(m('closed').value);

  // 调撤率 → the mediated or withdrawn cases it counts (not every case closed); 速裁目标内占比 likewise.
  await page.goto(`${host.url}#/dashboard`);
  await page.getByTestId('metric-mediationRate').click();
  await expect(page.getByTestId('link-filters')).toContainText('调解或撤回结案');
  await expect.poll(() => caseCount(page)).toBe(m('mediatedOrWithdrawn').value);
  expect(m('mediatedOrWithdrawn').value).toBeLessThan(m('closed').value);
  await shot(page, 'dashboard-mediation-rate-cases');
  await page.goto(`${host.url}#/dashboard`);
  await page.getByTestId('metric-fastTrackShare').click();
  await expect(page.getByTestId('link-filters')).toContainText('速裁目标内结案');
  await expect.poll(() => caseCount(page)).toBe(m('withinFastTrack').value);

  // A closing method in the breakdown opens its cases.
  await page.goto(`${host.url}#/dashboard`);
  const mediated = view.byClosingMethod.find((x) => x.method === 'mediation')!.count;
  await page.getByTestId('method-mediation').click();
  await expect(page.getByTestId('link-filters')).toContainText('结案方式：调解');
  await expect.poll(() => caseCount(page)).toBe(mediated);

  // ── Close a mediated case (closing service + UI) and see the on-time figure move ──
  const open = await api<{ rows: CaseRow[] }>(host, 'cases.search', { stage: 'mediation', status: 'accepted', limit: 500 });
  const candidate = open.rows.find((r) => r.hasArbitration && r.acceptedOn && r.acceptedOn >= addDays(today, -20));
  expect(candidate, 'a recently accepted case in 快调').toBeTruthy();
  const caseId = candidate!.id;
  await api(host, 'mediation.settleWagesFirst', { caseId, workerIds: null });
  await api(host, 'mediation.setOutcome', { caseId, outcome: 'settled' });
  await api(host, 'mediation.recordSignature', { caseId, party: 'workers', signedOn: today });
  await api(host, 'mediation.recordSignature', { caseId, party: 'respondent', signedOn: today });
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-closing').click();
  await expect(page.getByTestId('close-case')).toBeEnabled();
  await page.getByTestId('close-case').click();
  await page.getByTestId('close-confirm').click();
  await expect(page.getByTestId('closing-result')).toBeVisible();

  const closedAfter = m('closed').value + 1;
  const onTimeAfter = onTimeCount + 1;
  const expectedRate = pct(onTimeAfter, closedAfter).toFixed(1);
  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByTestId('metric-value-closed')).toHaveText(`${closedAfter.toLocaleString('zh-CN')}件`);
  await expect(page.getByTestId('metric-value-onTimeRate')).toHaveText(`${expectedRate}%`);
  await expect(page.getByTestId('metric-parts-onTimeRate')).toHaveText(`按期 ${onTimeAfter.toLocaleString('zh-CN')} / 结案 ${closedAfter.toLocaleString('zh-CN')} 件`);
  await page.getByTestId('metric-onTimeRate').click();
  await expect.poll(() => caseCount(page)).toBe(onTimeAfter);
  const after = await api<DashboardView>(host, 'dashboard.get', { from, to: today });
  expect(after.byClosingMethod.find((x) => x.method === 'mediation')!.count).toBe(mediated + 1);
  test.info().annotations.push({
    type: 'on-time',
    description: `按期办结率 ${m('onTimeRate').value}% (${onTimeCount}/${m('closed').value}) → ${expectedRate}% (${onTimeAfter}/${closedAfter}) after closing case ${caseId}`,
  });
});

test('统计 with a handful of cases: the count axes show whole numbers only (never 0.25件)', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = freshDataDir();
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, '--cases', '2', '--living', '0'], { cwd: repoRoot, stdio: 'ignore' });
  host = await startHost(dataDir);
  await page.goto(`${host.url}#/dashboard`);
  // at most 2 a month: recharts would divide the axis into quarters (0, 0.5, 1, 1.5, 2 or 0.25 steps)
  await expect(page.getByTestId('chart-monthly').locator('.recharts-line').first()).toBeVisible();
  await expect(page.getByTestId('chart-methods').locator('svg.recharts-surface').first()).toBeVisible();
  await page.waitForTimeout(600); // let the chart animations finish
  for (const chart of ['chart-monthly', 'chart-methods']) {
    const ticks = await page.getByTestId(chart).locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
    expect(ticks.length, chart).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick.replace(/件$/, ''), `${chart}: ${ticks.join(' ')}`).toMatch(/^\d+$/);
  }
  await shot(page, 'dashboard-small-counts');
});
