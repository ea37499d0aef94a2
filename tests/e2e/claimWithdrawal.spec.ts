// 撤回部分仲裁请求 at the 快调 table: the representative of a 12-worker collective case withdraws every
// 经济补偿 item at once (with the workers' consent), one worker's overtime is withdrawn on its own row,
// a refusal keeps what was typed; withdrawn items are struck through and tagged 已撤回, the totals
// leave them out, and the full 调解书 becomes possible once the wages are agreed.
import { expect, test } from '@playwright/test';
import type { MediationView, Settings } from '../../electron/core/contract';
import { addDays, todayInChina } from '../../electron/core/dates';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { freshDataDir, startHost } from './support/webHost';
import { api, makeId } from './support/api';
import { screenshots } from './support/screenshots';
import { hostsStoppedAfterEach } from './support/hosts';

const shot = screenshots('screens', { fullPage: true, fromTop: true });

const hosts = hostsStoppedAfterEach();

const names = ['罗建国', '宋静英', '黄志强', '刘春生', '钟桂兰', '谢永明', '曾德福', '邱小平', '赖海军', '温秀珍', '廖国华', '肖长青'];

test('撤回: every 经济补偿 of a collective case at once, one overtime item on its row; struck through, out of the totals', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const today = todayInChina();
  const settings = await api<Settings>(host, 'settings.get', {});
  await api(host, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-01-01', monthlyFen: 185_000 }] });
  const { id } = await api<{ id: number }>(host, 'cases.create', {
    channel: 'walkIn',
    receivedOn: addDays(today, -10),
    procedure: 'ordinary',
    cause: '追索劳动报酬',
    project: { name: '南康家具产业园标准厂房', address: '赣州市南康区' },
    respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' } }],
    workers: names.map((n, i) => ({ ...emptyWorkerDraft(), name: n, idNumber: makeId('360702', `197${i % 10}-0${(i % 9) + 1}-1${i % 9}`, 10 + i), owed: String(5000 + 100 * i) })),
    extraClaims: [...names.map((_, i) => ({ workerIndex: i, type: 'compensation', amount: '1000' })), { workerIndex: 3, type: 'overtime', amount: '800' }],
    representativeIndexes: [0, 1, 2],
  });
  await api(host, 'cases.accept', { id, acceptedOn: addDays(today, -9) });

  await page.goto(`${host.url}#/cases/${id}`);
  await page.getByTestId('tab-mediation').click();
  await expect(page.getByTestId('mediation-table')).toBeVisible();

  // all 经济补偿 at once: the representative, with the represented workers' consent
  await page.getByTestId('withdraw-type').selectOption('compensation');
  await expect(page.getByTestId('withdraw-selected')).toContainText('（12项）');
  await page.getByTestId('withdraw-selected').click();
  await expect(page.getByTestId('withdraw-summary')).toContainText('请求金额合计12,000.00元');
  await expect(page.getByTestId('withdraw-name')).toHaveValue('罗建国');
  await page.getByTestId('withdraw-reason').fill('经济补偿另行主张');
  // without the consent: refused, what was typed stays
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-error')).toContainText('代表人撤回仲裁请求须经被代表的劳动者同意');
  await expect(page.getByTestId('withdraw-reason')).toHaveValue('经济补偿另行主张');
  await page.getByTestId('withdraw-consent-on').fill(addDays(today, -1));
  await page.getByTestId('withdraw-consent-note').fill('12名劳动者签名的同意书');
  await shot(page, 'claim-withdrawal-dialog');
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('withdraw-form')).toHaveCount(0);
  await expect(page.getByTestId('claim-withdrawn-0-1')).toContainText('已撤回');

  // one item on its own row: 刘春生's overtime, by the worker himself
  await page.getByTestId('withdraw-3-2').click();
  await expect(page.getByTestId('withdraw-name')).toHaveValue('刘春生');
  await page.getByTestId('withdraw-submit').click();
  await expect(page.getByTestId('claim-withdrawn-3-2')).toBeVisible();

  // the wages of everyone agreed: every item agreed or withdrawn → no "partial only" note
  await page.getByTestId('wages-first').click();
  await expect.poll(async () => (await api<MediationView>(host, 'mediation.get', { caseId: id })).allAgreed).toBe(true);
  await expect(page.getByTestId('mediation-partial-note')).toHaveCount(0);
  const view = await api<MediationView>(host, 'mediation.get', { caseId: id });
  // claimed = wages only: 12 × 5,000 + 100 × (0 + … + 11) = 66,600.00元
  expect(view.totals.claimedFen).toBe(6_660_000);
  expect(view.totals.agreedFen).toBe(6_660_000);
  await shot(page, 'claim-withdrawal-table');
});
