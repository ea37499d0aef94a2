import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { caseInput, makeId, workerDraft } from '../support/services';

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

/** The Electron-ABI better-sqlite3: SUCAI_NATIVE_BINDING, else the copy npm start prepared. */
function nativeBinding(): string | null {
  if (process.env.SUCAI_NATIVE_BINDING) return process.env.SUCAI_NATIVE_BINDING;
  const version = (name: string) => (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const file = path.join(root, '.electron-native', `electron-${version('electron')}-better-sqlite3-${version('better-sqlite3')}`, 'better_sqlite3.node');
  return fs.existsSync(file) ? file : null;
}

const binary = electronBinary();
const binding = nativeBinding();
const skipReason = !binary
  ? '未安装 Electron 可执行文件（npm start 会下载它；本机无法下载）：桌面端测试跳过，tests/shell 的冒烟测试与浏览器端 e2e 覆盖同一外壳、界面与服务'
  : !binding
    ? '没有 Electron ABI 的 better-sqlite3（先运行一次 npm start 生成，或设置 SUCAI_NATIVE_BINDING，见 README）：桌面端测试跳过'
    : null;
if (skipReason) console.log(`[e2e-electron] 跳过：${skipReason}`);
test.skip(!!skipReason, skipReason ?? '');

type Bridge = Record<string, (input?: unknown) => Promise<{ ok: boolean; value?: unknown }>>;

async function launch(dataDir: string): Promise<{ app: ElectronApplication; window: Page }> {
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, '--data', dataDir],
    env: { ...(process.env as Record<string, string>), SUCAI_NATIVE_BINDING: binding! },
  });
  const window = await app.firstWindow();
  // a new data folder: the first start asks for the administrator, who is then signed in (this window)
  await window.getByTestId('setup-name').fill('林海');
  await window.getByTestId('setup-username').fill('linhai');
  await window.getByTestId('setup-password').fill('guanliyuan-2026');
  await window.getByTestId('setup-confirm').fill('guanliyuan-2026');
  await window.getByTestId('setup-submit').click();
  await window.getByRole('link', { name: '案件列表' }).click();
  await expect(window.getByRole('heading', { name: '案件列表' })).toBeVisible();
  return { app, window };
}

test('the desktop app opens, lists cases and keeps the security baseline', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-electron-'));
  const { app, window } = await launch(dataDir);
  // contextIsolation + sandbox + no nodeIntegration: the page sees neither Node nor Electron.
  expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  const info = await window.evaluate(() => (window as unknown as { sucai: Bridge }).sucai['app.info']({}));
  expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
  // The "复制" buttons: clipboard writing is granted to our page (the page must have focus to write).
  await window.bringToFront();
  expect(await window.evaluate(() => navigator.clipboard.writeText('SHA-256').then(() => 'ok', (e: Error) => e.name))).toBe('ok');
  // Unknown paths under the app scheme are 404, not index.html.
  expect(await window.evaluate(() => fetch('/api/nope').then((r) => r.status))).toBe(404);
  await app.close();
});

test('下载原文件: saved through the save dialog the app sets up, byte for byte', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-electron-'));
  const original = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-picked-')), '工资表.txt');
  fs.writeFileSync(original, '罗建国 2026年10月 工资 4200 元\n');
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-saved-')), '工资表.txt');
  const { app, window } = await launch(dataDir);

  // The file dialog answers with our file (the user's pick); the case and the exhibit go through the bridge.
  await app.evaluate(({ dialog }, file) => {
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as typeof dialog.showOpenDialog;
  }, original);
  const input = caseInput([workerDraft('罗建国', makeId('360702', '1985-03-02', 11), '4200')]);
  const caseId = await window.evaluate(async ([data, file]) => {
    const sucai = (window as unknown as { sucai: Bridge }).sucai;
    const created = (await sucai['cases.create'](data)) as { value: { id: number } };
    await sucai.openFiles();
    await sucai['evidence.addFromPaths']({ caseId: created.value.id, paths: [file], track: 'arbitration', submittedBy: 'applicant' });
    return created.value.id;
  }, [input, original] as const);

  // Where the dialog would open, and then the user's choice: recorded by a listener after the app's own.
  await app.evaluate(({ session }, target) => {
    const state = globalThis as unknown as { download?: { options: unknown; state?: string } };
    session.defaultSession.on('will-download', (_event, item) => {
      state.download = { options: item.getSaveDialogOptions() };
      item.setSavePath(target);
      item.once('done', (_e, done) => (state.download!.state = done));
    });
  }, saved);

  await window.evaluate((id) => ((globalThis as unknown as Window).location.hash = `#/cases/${id}`), caseId);
  await window.getByTestId('tab-evidence').click();
  await window.getByTestId('evidence-open-1').click();
  await window.getByTestId('viewer-download').click();
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { download?: { state?: string } }).download?.state), { timeout: 20_000 }).toBe('completed');
  const download = await app.evaluate(() => (globalThis as unknown as { download: { options: { title?: string; defaultPath?: string } } }).download);
  expect(download.options.title).toBe('保存文件');
  expect(path.basename(download.options.defaultPath ?? '')).toBe('工资表.txt');
  expect(fs.readFileSync(saved)).toEqual(fs.readFileSync(original));
  await app.close();
});
