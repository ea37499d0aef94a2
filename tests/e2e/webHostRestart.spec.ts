import net from 'node:net';
import { expect, test } from '@playwright/test';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { screenshots } from './support/screenshots';

/**
 * Issue 11 §5: "a restarted web host keeps working for open tabs". The web host keeps its sign-in
 * sessions in the data folder (only their hashes) and serves on the same address from one start
 * to the next, so a tab left open while the host is restarted goes on working, signed in, with
 * what was typed still there; while the host is down, an action says so in Chinese.
 */
const shot = screenshots('screens', { fullPage: false });

let host: RunningHost | null = null;
test.afterEach(async () => {
  await host?.stop();
  host = null;
});

/** A loopback port free right now (the host is then started on it, and restarted on it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test('a tab left open while the web host restarts on the same folder and port keeps working, signed in', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = freshDataDir();
  const port = await freePort();
  host = await startHost(dataDir, 'login', port);
  expect(host.url).toBe(`http://127.0.0.1:${port}/`);

  // first start: the administrator signs in (the accounts page opens)
  await page.goto(host.url);
  await page.getByTestId('setup-name').fill('林海');
  await page.getByTestId('setup-username').fill('linhai');
  await page.getByTestId('setup-password').fill('guanliyuan-2026');
  await page.getByTestId('setup-confirm').fill('guanliyuan-2026');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('accounts-table')).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('林海');

  // the host stops; the tab stays open, the administrator types a new account and submits
  await host.stop();
  host = null;
  await page.getByTestId('new-account-name').fill('周婷');
  await page.getByTestId('new-account-username').fill('zhouting');
  await page.getByTestId('new-account-password').fill('chushi-mima-2026');
  await page.getByTestId('add-account').getByRole('checkbox', { name: '书记员' }).check();
  await page.getByTestId('new-account-submit').click();
  await expect(page.getByTestId('add-account')).toContainText('无法连接速裁台服务，请确认服务仍在运行');
  await shot(page, 'web-host-down');

  // restarted on the same folder and port: the same tab, not reloaded, still signed in, submits again
  host = await startHost(dataDir, 'login', port);
  expect(host.url).toBe(`http://127.0.0.1:${port}/`);
  await expect(page.getByTestId('new-account-name')).toHaveValue('周婷'); // what was typed is still there
  await page.getByTestId('new-account-submit').click();
  await expect(page.getByTestId('account-zhouting')).toContainText('书记员');
  await expect(page.getByTestId('login')).toHaveCount(0);
  await expect(page.getByTestId('user-menu')).toContainText('林海');
  // moving on in the same tab works too (a read after the restart)
  await page.goto(`${host.url}#/cases`);
  await expect(page.getByTestId('login')).toHaveCount(0);
  await expect(page.getByTestId('user-menu')).toContainText('林海');
  await shot(page, 'web-host-restarted');
});
