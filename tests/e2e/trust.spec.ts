import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { freshDataDir, startHost, type RunningHost, repoRoot } from './support/webHost';
import { uploadEvidence } from './support/api';
import { screenshotDir } from './support/screenshots';

/**
 * 核验 and 备份与恢复 in settings, in Chromium against the real web host: the chain verifies as
 * 完整 with its head hash; a worker's amount changed with a SQLite client is named; a backup
 * restores into a new folder with every check shown; a corrupted backup is refused.
 */
const shots = screenshotDir('screens');
/** The panel itself (readable), and the whole page around it. */
const shot = async (page: Page, testId: string, name: string) => {
  await page.getByTestId(testId).scrollIntoViewIfNeeded();
  await page.getByTestId(testId).screenshot({ path: path.join(shots, `${name}.png`) });
};

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

async function openSettings(page: Page, h: RunningHost) {
  await page.goto(`${h.url}#/settings`);
  await expect(page.getByTestId('audit-panel')).toBeVisible();
}

test('核验, backups and restore in settings', async ({ page }) => {
  const dataDir = freshDataDir();
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--data', dataDir, '--cases', '12', '--living', '0'], { cwd: repoRoot, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);

  host = await startHost(dataDir);
  for (const [fileName, text] of [['工资表.csv', '姓名,应发\n罗建国,4200\n'], ['考勤记录.txt', '2025年7月 出勤 26 天\n']]) {
    await uploadEvidence(host, { caseId: 1, fileName, track: 'arbitration', submittedBy: 'applicant' }, Buffer.from(text!));
  }
  await openSettings(page, host);
  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-result');
  await expect(result).toHaveAttribute('data-state', 'intact');
  await expect(result).toContainText('完整');
  await expect(page.getByTestId('audit-head')).toHaveText(/^[0-9a-f]{64}$/);
  await shot(page, 'audit-panel', 'settings-audit-intact');

  // back up now (the daily backup of the first start may already be there)
  await page.getByTestId('backup-now').click();
  await expect(page.getByText(/备份完成：sucai-\d{8}-\d{6}(-\d+)?-manual/)).toBeVisible({ timeout: 30_000 });
  const rows = page.getByTestId('backup-list').locator('tbody tr');
  await expect(rows.filter({ hasText: '手动' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '手动' })).toContainText('2 个');
  await shot(page, 'backups-panel', 'settings-backups');

  // restore it: a new folder beside the data folder, every check shown
  await rows.filter({ hasText: '手动' }).getByTestId('backup-restore').click();
  await page.getByTestId('restore-confirm').click();
  const restored = page.getByTestId('restore-result');
  await expect(restored).toBeVisible({ timeout: 30_000 });
  await expect(restored).toContainText('核验链：完整');
  await expect(restored).toContainText(`${dataDir}-恢复-`);
  await page.getByRole('dialog').screenshot({ path: path.join(shots, 'settings-restore-result.png') });
  await page.keyboard.press('Escape');

  // an outsider changes a worker's amount with a SQLite client while the app is stopped
  await host.stop();
  host = null;
  const outsider = new Database(path.join(dataDir, 'sucai.db'));
  const worker = outsider.prepare('select id, name from workers order by id limit 1').get() as { id: number; name: string };
  outsider.prepare('update workers set owed_fen = owed_fen + 500000 where id = ?').run(worker.id);
  outsider.close();
  // and breaks the newest backup's database
  const backups = path.join(dataDir, 'backups');
  const manual = fs.readdirSync(backups).find((n) => n.endsWith('-manual'))!;
  const db = path.join(backups, manual, 'sucai.db');
  const bytes = fs.readFileSync(db);
  bytes[bytes.length - 100] ^= 0xff;
  fs.writeFileSync(db, bytes);

  host = await startHost(dataDir);
  await openSettings(page, host);
  await page.getByTestId('audit-verify').click();
  await expect(result).toHaveAttribute('data-state', 'broken');
  await expect(page.getByTestId('audit-first-problem')).toContainText(`申请人（workers 第 ${worker.id} 行`);
  await expect(page.getByTestId('audit-first-problem')).toContainText('在本程序之外被改动');
  await shot(page, 'audit-panel', 'settings-audit-broken');

  await page.getByTestId('backup-list').locator('tbody tr').filter({ hasText: '手动' }).getByTestId('backup-restore').click();
  await page.getByTestId('restore-confirm').click();
  await expect(page.getByTestId('backup-error')).toContainText(`备份 ${manual} 未通过核验，未恢复：数据库文件：sucai.db 与清单中的 SHA-256 不符`);
  await shot(page, 'backups-panel', 'settings-restore-refused');
});
