import { expect, test, type Page } from '@playwright/test';
import { hostPerTest, idFor } from './support/intake';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: false });
const hosts = hostPerTest();

async function typeWorker(page: Page, row: number, w: { name: string; id?: string; owed?: string }) {
  await page.getByLabel(`第${row}行 姓名`).fill(w.name);
  if (w.id) await page.getByLabel(`第${row}行 身份证号码`).fill(w.id);
  if (w.owed) await page.getByLabel(`第${row}行 欠发`).fill(w.owed);
}

test('快立: extra claims (加班费) per worker move with the row, survive a reload and count in the total', async ({ page }) => {
  const host = await hosts.start();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  await page.goto(`${host.url}#/cases/new`);

  await page.getByTestId('project-name').fill('赣州章贡区滨江花园二期工程');
  await page.getByTestId('respondent-name-0').fill('江西赣建建设集团有限公司');
  await page.getByTestId('respondent-credit-code-0').fill('91350100M000100Y43');

  // A throwaway first row, then the two workers typed by hand.
  await typeWorker(page, 1, { name: '临时行' });
  await page.getByTestId('add-worker-row').click();
  await typeWorker(page, 2, { name: '张三', id: idFor('11'), owed: '5000' });
  await page.getByTestId('add-worker-row').click();
  await typeWorker(page, 3, { name: '李四', id: idFor('23'), owed: '3000' });

  // Row 3 (李四): open the claims editor with the keyboard (Alt+Enter from a cell of the row).
  await expect(page.getByTestId('extra-claims-2')).toHaveText('+');
  await page.getByLabel('第3行 姓名').press('Alt+Enter');
  const editor = page.getByRole('dialog');
  await expect(editor).toContainText('第3行 李四');
  await page.getByTestId('extra-claim-type-0').click();
  await page.getByRole('option', { name: '加班费' }).click();
  await expect(page.getByTestId('extra-claim-type-0')).toHaveValue('加班费');

  // An invalid amount is reported under the field and blocks saving with a clear reason.
  await page.getByTestId('extra-claim-amount-0').fill('12.345');
  await expect(editor).toContainText('金额最多保留两位小数');
  await shot(page, 'new-case-extra-claims-invalid');
  await page.getByTestId('extra-claim-done').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('extra-claims-2')).toContainText('加班费 金额有误');
  // (the throwaway row's own errors come first; the full list is the reason's title)
  await expect(page.getByTestId('save-blocked-reason')).toHaveAttribute('title', /第3行 申请人李四 加班费金额：金额最多保留两位小数/);
  await expect(page.getByTestId('totals-errors')).toContainText('错误 3 处');
  await expect(page.getByTestId('save-case')).toBeDisabled();

  // Fix it (mouse this time); a second, blank item is dropped when the editor closes.
  await page.getByTestId('extra-claims-2').click();
  await expect(editor).toBeVisible();
  await page.getByTestId('extra-claim-amount-0').fill('1200');
  await page.getByTestId('extra-claim-note-0').fill('2024年5月至8月延时加班');
  await page.getByTestId('extra-claim-add').click();
  await expect(page.getByTestId('extra-claim-type-1')).toBeVisible();
  await expect(editor).not.toContainText('金额最多保留两位小数');
  await expect(page.getByTestId('extra-claims-total')).toContainText('¥1,200.00');
  await shot(page, 'new-case-extra-claims');
  await page.getByTestId('extra-claim-done').click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('extra-claims-2')).toHaveText('加班费 1,200.00');

  // Deleting the first row moves the claim with 李四 (keyed by the row, not its position).
  await page.getByRole('button', { name: '删除第1行' }).click();
  await expect(page.getByLabel('第2行 姓名')).toHaveValue('李四');
  await expect(page.getByTestId('extra-claims-1')).toHaveText('加班费 1,200.00');
  await expect(page.getByTestId('extra-claims-0')).toHaveText('+');
  await expect(page.getByTestId('totals-amount')).toContainText('9,200.00');

  // The draft (claims included) survives a reload.
  await expect(page.getByTestId('autosave-state')).toHaveText('草稿已自动保存');
  await page.reload();
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByTestId('extra-claims-1')).toHaveText('加班费 1,200.00');
  await expect(page.getByTestId('totals-amount')).toContainText('9,200.00');
  await shot(page, 'new-case-extra-claims-grid');

  await expect(page.getByTestId('save-case')).toBeEnabled();
  await page.getByTestId('save-case').click();

  // The case page: the claim is stored against 李四 and counted in the claimed total.
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  const workers = page.getByTestId('workers');
  await expect(workers.locator('thead')).toContainText('其他请求');
  await expect(workers.locator('tbody tr').filter({ hasText: '李四' })).toContainText('加班费 1,200.00');
  await expect(workers.locator('tbody tr').filter({ hasText: '张三' })).not.toContainText('加班费');
  await expect(page.getByTestId('case-total')).toContainText('2人');
  await expect(page.getByTestId('case-total')).toContainText('9,200.00');
});

test('快立: 为所有申请人添加同一请求 adds the same claim to every filled row', async ({ page }) => {
  const host = await hosts.start();
  await page.goto(`${host.url}#/cases/new`);
  await typeWorker(page, 1, { name: '王五', id: idFor('35'), owed: '2000' });
  await page.getByTestId('add-worker-row').click();
  await typeWorker(page, 2, { name: '赵六', id: idFor('47'), owed: '1000' });
  await page.getByTestId('bulk-claim-open').click();
  const modal = page.getByRole('dialog');
  await expect(modal).toContainText('2 名申请人');
  await page.getByTestId('bulk-claim-amount').fill('abc');
  await expect(modal).toContainText('金额格式不正确');
  await page.getByTestId('bulk-claim-amount').fill('500');
  await expect(modal).toContainText('合计增加 ¥1,000.00');
  await shot(page, 'new-case-bulk-claim');
  await page.getByTestId('bulk-claim-amount').press('Enter');
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('extra-claims-0')).toHaveText('经济补偿 500.00');
  await expect(page.getByTestId('extra-claims-1')).toHaveText('经济补偿 500.00');
  await expect(page.getByTestId('totals-amount')).toContainText('4,000.00');
});
