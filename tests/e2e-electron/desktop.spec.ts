import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = path.resolve(__dirname, '../..');

/** The Electron binary electron's postinstall would have downloaded, if it did. */
function electronBinary(): string | null {
  try {
    const file = require('electron') as unknown as string;
    return typeof file === 'string' && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const skipReason = !binary
  ? '未安装 Electron 可执行文件（ELECTRON_SKIP_BINARY_DOWNLOAD，或本机无法下载）：桌面端测试跳过，浏览器端 e2e 覆盖同一界面与服务'
  : !process.env.SUCAI_NATIVE_BINDING
    ? '未提供 Electron ABI 的 better-sqlite3（SUCAI_NATIVE_BINDING，先运行一次 npm start 生成，见 README）：桌面端测试跳过'
    : null;
if (skipReason) console.log(`[e2e-electron] 跳过：${skipReason}`);
test.skip(!!skipReason, skipReason ?? '');

test('the desktop app opens, lists cases and keeps the security baseline', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [root, '--data', dataDir], env: { ...(process.env as Record<string, string>) } });
  const window = await app.firstWindow();
  // a new data folder: the first start asks for the administrator, who is then signed in (this window)
  await window.getByTestId('setup-name').fill('林海');
  await window.getByTestId('setup-username').fill('linhai');
  await window.getByTestId('setup-password').fill('guanliyuan-2026');
  await window.getByTestId('setup-confirm').fill('guanliyuan-2026');
  await window.getByTestId('setup-submit').click();
  await window.getByRole('link', { name: '案件列表' }).click();
  await expect(window.getByRole('heading', { name: '案件列表' })).toBeVisible();
  // contextIsolation + sandbox + no nodeIntegration: the page sees neither Node nor Electron.
  expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  const info = await window.evaluate(() => (window as unknown as { sucai: Record<string, (i: unknown) => Promise<unknown>> }).sucai['app.info']({}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
  await app.close();
});
