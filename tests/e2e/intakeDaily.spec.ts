import { expect, test } from '@playwright/test';
import { hostPerTest, idFor } from './support/intake';
import { screenshots } from './support/screenshots';

const shot = screenshots('screens', { fullPage: true });
const hosts = hostPerTest();

test('快立: the respondent chain is built with single clicks, each click lands, no error before typing', async ({ page }) => {
  const host = await hosts.start();
  await page.goto(`${host.url}#/cases/new`);
  await page.getByTestId('respondent-name-0').fill('江西赣建建设集团有限公司');

  // Each "+" click right after the previous one: the new card takes the focus, the next click
  // still lands on its button (nothing moves under the pointer, no dropdown covers it).
  const roles = ['owner', 'subcontractor', 'labourSubcontractor', 'teamLeader'] as const;
  for (const [i, role] of roles.entries()) {
    await page.getByTestId(`add-respondent-${role}`).click();
    // the card is there and its empty name field has the focus, with no list opened over the buttons
    await expect(page.getByTestId(`respondent-name-${i + 1}`)).toBeFocused();
    await expect(page.getByRole('listbox')).toHaveCount(0);
  }
  await expect(page.locator('[data-testid^="respondent-name-"]')).toHaveCount(5);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // the empty name fields show no error (untouched), even after the focus moved on
  await expect(page.locator('.mantine-InputWrapper-error')).toHaveCount(0);
  await shot(page, 'intake-respondent-chain');

  // Typing a name and clearing it, then leaving: now the error shows, and the buttons stay put.
  const add = page.getByTestId('add-respondent-teamLeader');
  // position in the page (not the viewport, which may scroll to the focused field)
  const pageY = () => add.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const y0 = await pageY();
  await page.getByTestId('respondent-name-4').fill('王');
  await page.getByTestId('respondent-name-4').fill('');
  await page.getByTestId('respondent-name-4').blur();
  await expect(page.locator('.mantine-InputWrapper-error')).toHaveCount(1);
  expect(await pageY()).toBe(y0);
});

test('快立 grid: full-width phone normalised, blank 应发/欠发 computed and shown, total says what it leaves out, a deleted row comes back', async ({ page }) => {
  const host = await hosts.start();
  await page.goto(`${host.url}#/cases/new`);

  // Row 1: full-width phone and digits; 应发 and 欠发 left blank (days × wage, minus paid).
  await page.getByLabel('第1行 姓名').fill('张三');
  await page.getByLabel('第1行 身份证号码').fill(idFor('11'));
  await page.getByLabel('第1行 联系电话').fill('１３８ ０７９７ ２２５１');
  await page.getByLabel('第1行 出勤天数').fill('２２.５');
  await page.getByLabel('第1行 日工资').fill('380');
  await page.getByLabel('第1行 已发').fill('1000');
  await page.getByLabel('第1行 姓名').click();
  await expect(page.getByLabel('第1行 联系电话')).toHaveValue('13807972251');
  await expect(page.getByLabel('第1行 出勤天数')).toHaveValue('22.5');
  await expect(page.getByLabel('第1行 应发')).toHaveAttribute('placeholder', '=8,550.00');
  await expect(page.getByLabel('第1行 欠发')).toHaveAttribute('placeholder', '=7,550.00');
  await expect(page.getByTestId('totals-amount')).toContainText('7,550.00');

  // Row 2 has a problem (paid above due): the total says it leaves one person out.
  await page.getByTestId('add-worker-row').click();
  await page.getByLabel('第2行 姓名').fill('李四');
  await page.getByLabel('第2行 身份证号码').fill(idFor('23'));
  await page.getByLabel('第2行 应发').fill('3000');
  await page.getByLabel('第2行 已发').fill('3500');
  await expect(page.getByTestId('totals-left-out')).toHaveText('（另有 1 人的金额因有误未计入）');
  await expect(page.getByTestId('totals-amount')).toContainText('7,550.00');
  await shot(page, 'intake-grid-derived');
  await page.getByLabel('第2行 已发').fill('500');
  await expect(page.getByTestId('totals-left-out')).toHaveCount(0);
  await expect(page.getByTestId('totals-amount')).toContainText('10,050.00');

  // Deleting row 1 can be undone: it comes back in its place with everything typed.
  await page.getByRole('button', { name: '删除第1行' }).click();
  await expect(page.getByLabel('第1行 姓名')).toHaveValue('李四');
  await expect(page.getByTestId('worker-removed')).toContainText('已删除第1行（张三）');
  await page.getByTestId('worker-undo-remove').click();
  await expect(page.getByLabel('第1行 姓名')).toHaveValue('张三');
  await expect(page.getByLabel('第1行 联系电话')).toHaveValue('13807972251');
  await expect(page.getByLabel('第2行 姓名')).toHaveValue('李四');
  await expect(page.getByTestId('totals-amount')).toContainText('10,050.00');
});
