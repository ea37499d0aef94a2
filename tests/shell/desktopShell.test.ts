/**
 * The desktop shell, checked where Electron cannot run: the BUILT main bundle (out/main/index.js)
 * and preload (out/preload/index.cjs) are loaded under Node with a stand-in for the `electron`
 * module (./electronStandIn.ts) that only records what is registered and created. The services
 * behind it are the real ones on a real SQLite file. Run after `electron-vite build` (npm test
 * builds first). The real-Electron suite (tests/e2e-electron) covers the same where the binary exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../electron/core/contract';
import { CLOSE_PRESENTATION_CHANNEL, METHOD_PREFIX, OPEN_FILES_CHANNEL, OPEN_FOLDER_CHANNEL, OPEN_PATH_CHANNEL, OPEN_PRESENTATION_CHANNEL } from '../../electron/core/ipcChannels';
import { callApi, caseInput, makeId, openTestServices, repoRoot, tempDataDir, workerDraft } from '../support/services';
import { createStandIn, display, loadMainBundle, loadPreloadBundle, type StandIn, type StandInOptions } from './electronStandIn';

const mainBundle = path.join(repoRoot, 'out', 'main', 'index.js');
const preloadBundle = path.join(repoRoot, 'out', 'preload', 'index.cjs');
/** What the preload exposes besides the contract's methods (desktop-only channels). */
const DESKTOP_EXTRAS = ['on', 'openFiles', 'openFolder', 'openPath', 'openPresentation', 'closePresentation', 'pathForFile'];
/** Every permission name Electron 41 passes to the session's handlers (docs/api/session.md). */
const PERMISSIONS = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection', 'media',
  'mediaKeySystem', 'midi', 'midiSysex', 'notifications', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
  'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem', 'hid', 'serial', 'usb',
  'deprecated-sync-clipboard-read', 'automatic-fullscreen', 'local-fonts',
];
const APP_PAGE = 'sucai://app/index.html';

type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
const savedEnv = { ...process.env };

beforeAll(() => {
  for (const file of [mainBundle, preloadBundle]) {
    if (!fs.existsSync(file)) throw new Error(`缺少构建产物 ${file}：先运行 npx electron-vite build（npm test 会先构建）`);
  }
});
afterEach(() => {
  process.env = { ...savedEnv };
});

/** Loads the main bundle on a data folder (SUCAI_DATA_DIR unless `dataDir` is null) with a fresh stand-in. */
function launch(dataDir: string | null, options: Partial<StandInOptions> = {}, env: Record<string, string | undefined> = {}): StandIn {
  process.env = { ...savedEnv, ...env } as NodeJS.ProcessEnv;
  if (dataDir) process.env.SUCAI_DATA_DIR = dataDir;
  else delete process.env.SUCAI_DATA_DIR;
  if (!env.SUCAI_NATIVE_BINDING) delete process.env.SUCAI_NATIVE_BINDING;
  const standIn = createStandIn({ userData: path.join(tempDataDir('sucai-profile-'), 'sucai-desk'), appPath: repoRoot, ...options });
  fs.mkdirSync(standIn.app.getPath('userData'), { recursive: true });
  loadMainBundle(mainBundle, standIn);
  return standIn;
}

/** Calls a registered IPC handler as a frame at `url` in `window` (default: the main window) would. */
async function invoke(standIn: StandIn, channel: string, input?: unknown, url = APP_PAGE, window = standIn.record.windows[0]): Promise<Result> {
  const handler = standIn.record.handles.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return (await handler(standIn.frameEvent(url, window), input)) as Result;
}

/**
 * Signs the main window in, as a person would at first start: the administrator's account, then a
 * colleague who files and hears cases. Main keeps the session for the window; the renderer never sees it.
 */
async function signIn(standIn: StandIn): Promise<void> {
  const password = 'sucai-shell-2026';
  const setup = await invoke(standIn, `${METHOD_PREFIX}auth.setup`, { name: '管理员', username: 'admin', password });
  expect(setup).toMatchObject({ ok: true });
  expect(setup).not.toHaveProperty('value.grant'); // the token stays in main
  const created = await invoke(standIn, `${METHOD_PREFIX}accounts.create`, { username: 'zhou', name: '周婷', roles: ['clerk', 'arbitrator', 'inspector'], password });
  expect(created).toMatchObject({ ok: true });
  expect(await invoke(standIn, `${METHOD_PREFIX}auth.login`, { username: 'zhou', password })).toMatchObject({ ok: true });
  // a new account sets its own password first
  expect(await invoke(standIn, `${METHOD_PREFIX}auth.changePassword`, { currentPassword: password, newPassword: `${password}-own` })).toMatchObject({ ok: true });
}

describe('desktop shell: the built main bundle and preload under Node', () => {
  it('registers the scheme before ready, one handler per method, sandboxed windows, and refuses untrusted senders', async () => {
    const dataDir = tempDataDir('sucai-shell-');
    const shell = launch(dataDir);
    const { record } = shell;

    // Before ready: the privileged scheme, the profile for this data folder, the single-instance lock keyed by it.
    expect(record.schemes).toEqual([{ schemes: [{ scheme: 'sucai', privileges: { standard: true, secure: true, supportFetchAPI: true } }], beforeReady: true }]);
    expect(record.order).toEqual(['registerSchemesAsPrivileged', 'setPath:userData', 'requestSingleInstanceLock']);
    const profile = record.setPaths[0][1];
    expect(path.relative(dataDir, profile).startsWith('..')).toBe(true); // the Chromium profile is not in the data folder…
    expect(path.relative(profile, dataDir).startsWith('..')).toBe(true); // …nor the data folder in the profile
    expect(record.lockRequests).toEqual([{ dataDir }]);
    expect(record.windows).toHaveLength(0);

    await shell.becomeReady();

    // One handler per contract method, and only the desktop channels besides.
    const channels = [...record.handles.keys()];
    for (const name of methodNames) expect(channels.filter((c) => c === METHOD_PREFIX + name), name).toHaveLength(1);
    expect(channels.filter((c) => !methodNames.some((name) => c === METHOD_PREFIX + name)).sort()).toEqual(
      [OPEN_FILES_CHANNEL, OPEN_FOLDER_CHANNEL, OPEN_PATH_CHANNEL, OPEN_PRESENTATION_CHANNEL, CLOSE_PRESENTATION_CHANNEL].sort(),
    );

    // Our own page is served; a page from anywhere else is refused, on every channel.
    await signIn(shell);
    const info = await invoke(shell, `${METHOD_PREFIX}app.info`, {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'sucai://evil/index.html', '']) {
      for (const channel of [`${METHOD_PREFIX}app.info`, OPEN_FILES_CHANNEL, OPEN_PATH_CHANNEL, OPEN_PRESENTATION_CHANNEL, CLOSE_PRESENTATION_CHANNEL]) {
        expect(await invoke(shell, channel, {}, url), `${channel} from ${url}`).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
    }
    expect(fs.existsSync(path.join(dataDir, 'sucai.db'))).toBe(true);

    // Every window: context isolation, sandbox, no Node; the preload is the built CommonJS file.
    await invoke(shell, OPEN_PRESENTATION_CHANNEL);
    expect(record.windows).toHaveLength(2);
    for (const window of record.windows) {
      const prefs = window.options.webPreferences ?? {};
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
      expect(prefs.preload).toBe(preloadBundle);
      expect(window.loadedURLs[0]).toMatch(/^sucai:\/\/app\/index\.html/);
      expect(window.webContents.windowOpenHandler, 'window.open handler').not.toBeNull();
      expect(window.webContents.listenerCount('will-navigate')).toBe(1);
    }

    // A second launch on this folder brings the window forward.
    shell.app.emit('second-instance', {}, [], '/', { dataDir });
    expect(record.windows[0].focused).toBe(true);
  });

  it('grants only clipboard writing and fullscreen, and only to the app origin', async () => {
    const shell = launch(tempDataDir('sucai-shell-'));
    await shell.becomeReady();
    const { permissionRequest, permissionCheck } = shell.record;
    const requested = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      permissionRequest!(null, permission, (answer: boolean) => (granted = answer), { requestingUrl, isMainFrame: true });
      return granted;
    };
    const grantedToApp = PERMISSIONS.filter((p) => requested(p, APP_PAGE));
    expect(grantedToApp.sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
    expect(PERMISSIONS.filter((p) => requested(p, 'https://example.com/'))).toEqual([]);
    expect(PERMISSIONS.filter((p) => permissionCheck!(null, p, 'sucai://app', { isMainFrame: true })).sort()).toEqual(['clipboard-sanitized-write', 'fullscreen']);
    expect(PERMISSIONS.filter((p) => permissionCheck!(null, p, 'https://example.com', { isMainFrame: true }))).toEqual([]);
    // a cross-origin frame embedded in our page gets nothing
    expect(permissionCheck!(null, 'clipboard-sanitized-write', 'sucai://app', { embeddingOrigin: 'sucai://app', isMainFrame: false })).toBe(false);
  });

  it('the app scheme: files of the built UI, evidence files, 404 for everything else (malformed encoding too)', async () => {
    const shell = launch(tempDataDir('sucai-shell-'));
    await shell.becomeReady();
    const handler = shell.record.protocolHandlers.get('sucai')!;
    const get = async (url: string) => {
      const response = await handler(new Request(url));
      return { status: response.status, text: await response.text() };
    };
    const index = fs.readFileSync(path.join(repoRoot, 'out', 'renderer', 'index.html'), 'utf8');
    expect(await get('sucai://app/index.html')).toEqual({ status: 200, text: index });
    expect(await get('sucai://app/')).toEqual({ status: 200, text: index });
    for (const url of [
      'sucai://app/api/cases.search',
      'sucai://app/api/files/evidence/999999',
      'sucai://app/api/unknown',
      'sucai://app/no-such-file.js',
      'sucai://app/assets',
      'sucai://app/%E0%A4%A',
      'sucai://app/%',
      'sucai://app/a%00b',
      'sucai://app/..%2f..%2fpackage.json',
      'sucai://app/%2e%2e/main/index.js',
      'sucai://other/index.html',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('local paths: refused unless picked or dropped; a dropped file is granted once (preload → main)', async () => {
    const shell = launch(tempDataDir('sucai-shell-'));
    await shell.becomeReady();
    const required = loadPreloadBundle(preloadBundle, shell);
    expect(required).toEqual(['electron']);
    const bridge = shell.record.exposed.get('sucai')!;
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, ...DESKTOP_EXTRAS].sort());
    await signIn(shell);

    const created = (await bridge['cases.create'](caseInput([workerDraft('张三', makeId('360702', '1990-01-01', 11), '1000')]))) as Result;
    expect(created.ok).toBe(true);
    const caseId = (created.value as { id: number }).id;
    const dropped = path.join(tempDataDir('sucai-dropped-'), '工资表.txt');
    fs.writeFileSync(dropped, '张三 1000 元');
    const addFromPaths = (paths: string[]) => bridge['evidence.addFromPaths']({ caseId, paths, track: 'arbitration', submittedBy: 'applicant' }) as Promise<Result>;

    expect(await addFromPaths([dropped])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await addFromPaths(['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(bridge.pathForFile({ path: dropped })).toBe(dropped); // the drop: the preload tells main
    expect(await addFromPaths([dropped])).toMatchObject({ ok: true });
    expect(await addFromPaths([dropped])).toMatchObject({ ok: false, error: { code: 'forbidden' } }); // used once
    // a grant sent from a page that is not ours does nothing
    for (const listener of shell.record.listeners.get('sucai:dialog:grantDropped') ?? []) listener(shell.frameEvent('https://evil.example/'), '/etc/passwd');
    expect(await addFromPaths(['/etc/passwd'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('downloads from the app go through a save dialog; others are cancelled', async () => {
    const shell = launch(tempDataDir('sucai-shell-'));
    await shell.becomeReady();
    const listeners = shell.record.sessionEvents.get('will-download') ?? [];
    expect(listeners).toHaveLength(1);
    const download = (url: string) => {
      const item = { url, options: null as null | Record<string, unknown>, getURL: () => url, getFilename: () => '工资表.pdf', setSaveDialogOptions: (o: Record<string, unknown>) => (item.options = o), once: () => {} };
      let cancelled = false;
      listeners[0]({ preventDefault: () => (cancelled = true) }, item, shell.record.windows[0].webContents);
      return { cancelled, options: item.options };
    };
    const own = download('sucai://app/api/files/evidence/3');
    expect(own.cancelled).toBe(false);
    expect(own.options).toMatchObject({ title: '保存文件', buttonLabel: '保存', defaultPath: path.join(shell.app.getPath('downloads'), '工资表.pdf') });
    expect(download('https://example.com/x.exe').cancelled).toBe(true);
  });

  it('the presentation window follows the projector, never covers the operator, and closes with Esc or from the operator', async () => {
    const shell = launch(tempDataDir('sucai-shell-'), { displays: [display(1, 0)] });
    await shell.becomeReady();
    const opened = await invoke(shell, OPEN_PRESENTATION_CHANNEL);
    expect(opened).toEqual({ ok: true, value: { placement: 'here' } });
    const screen = shell.record.windows[1];
    expect(screen.options.fullscreen).toBe(false);

    shell.setDisplays([display(1, 0), display(2, 1920)]);
    shell.screen.emit('display-added');
    expect(screen.isFullScreen()).toBe(true);
    expect(screen.getBounds().x).toBe(1920);

    shell.setDisplays([display(1, 0)]);
    shell.screen.emit('display-removed');
    expect(screen.isFullScreen()).toBe(false);
    expect(screen.getBounds().x).toBeLessThan(1920);

    // the presentation window cannot open another one
    expect(await invoke(shell, OPEN_PRESENTATION_CHANNEL, undefined, `${APP_PAGE}#/present`, screen)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(shell.record.windows).toHaveLength(2);
    let prevented = false;
    screen.webContents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { type: 'keyDown', key: 'Escape' });
    expect(prevented).toBe(true);
    expect(screen.isDestroyed()).toBe(true);
    expect(await invoke(shell, CLOSE_PRESENTATION_CHANNEL)).toEqual({ ok: true, value: { closed: false } });

    // With two displays it opens full screen on the other one; the operator's button closes it.
    shell.setDisplays([display(1, 0), display(2, 1920)]);
    expect(await invoke(shell, OPEN_PRESENTATION_CHANNEL)).toEqual({ ok: true, value: { placement: 'external' } });
    const second = shell.record.windows[2];
    expect(second.options).toMatchObject({ fullscreen: true, x: 1920 });
    expect(await invoke(shell, CLOSE_PRESENTATION_CHANNEL)).toEqual({ ok: true, value: { closed: true } });
    expect(second.isDestroyed()).toBe(true);
  });

  it('Wayland without XWayland: the operator places the screen (no fullscreen over their own display)', async () => {
    const shell = launch(tempDataDir('sucai-shell-'), { displays: [display(1, 0), display(2, 1920)] }, { XDG_SESSION_TYPE: 'wayland' });
    await shell.becomeReady();
    const expected = process.platform === 'linux' ? 'manual' : 'external';
    expect(await invoke(shell, OPEN_PRESENTATION_CHANNEL)).toEqual({ ok: true, value: { placement: expected } });
    if (process.platform === 'linux') expect(shell.record.windows[1].options.fullscreen).toBe(false);
  });

  it('quitting waits for a running evidence import, then closes the database and quits', async () => {
    const dataDir = tempDataDir('sucai-shell-');
    const shell = launch(dataDir);
    await shell.becomeReady();
    await signIn(shell);
    const created = await invoke(shell, `${METHOD_PREFIX}cases.create`, caseInput([workerDraft('张三', makeId('360702', '1990-01-01', 11), '1000')]));
    const video = path.join(tempDataDir('sucai-video-'), '现场录像.mp4');
    fs.writeFileSync(video, Buffer.alloc(96 * 2 ** 20, 7));
    for (const grant of shell.record.listeners.get('sucai:dialog:grantDropped') ?? []) grant(shell.frameEvent(APP_PAGE), video);
    const importing = invoke(shell, `${METHOD_PREFIX}evidence.addFromPaths`, { caseId: (created.value as { id: number }).id, paths: [video], track: 'arbitration', submittedBy: 'applicant' });

    shell.app.quit();
    expect(shell.app.quitted).toBe(false); // will-quit waits for the import
    expect(await importing).toMatchObject({ ok: true });
    await expect.poll(() => shell.app.quitted, { timeout: 10_000 }).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'sucai.db-wal'))).toBe(false); // the last connection closed: SQLite removed its WAL
    const services = openTestServices(dataDir);
    expect((services.ctx.db.$client.prepare('SELECT count(*) AS n FROM exhibits').get() as { n: number }).n).toBe(1);
    services.close();
  });
});

describe('desktop shell: failures at startup are shown, not silent', () => {
  it('createServices throws (a bad holidays.json): a Chinese error box naming the file, exit 1, no window', async () => {
    const dataDir = tempDataDir('sucai-shell-');
    fs.writeFileSync(path.join(dataDir, 'holidays.json'), '{"notices": "不是列表"}');
    const shell = launch(dataDir);
    await shell.becomeReady();
    expect(shell.record.errorBoxes).toHaveLength(1);
    expect(shell.record.errorBoxes[0].title).toBe('速裁台无法启动');
    expect(shell.record.errorBoxes[0].content).toContain('节假日文件格式错误');
    expect(shell.record.errorBoxes[0].content).toContain(dataDir);
    expect(shell.record.exits).toEqual([1]);
    expect(shell.record.windows).toHaveLength(0);
  });

  it('the database component built for the wrong runtime: says to use npm start, exit 1', async () => {
    const shell = launch(tempDataDir('sucai-shell-'), {}, { SUCAI_NATIVE_BINDING: path.join(tempDataDir('sucai-nobinding-'), 'better_sqlite3.node') });
    await shell.becomeReady();
    expect(shell.record.errorBoxes[0]?.content).toMatch(/better-sqlite3[\s\S]*npm start/);
    expect(shell.record.errorBoxes[0].content).not.toMatch(/Cannot find module|at Module/);
    expect(shell.record.exits).toEqual([1]);
  });

  it('the window cannot load the UI: an error box and exit 1', async () => {
    const loadError = Object.assign(new Error("ERR_FILE_NOT_FOUND (-6) loading 'sucai://app/index.html'"), { code: 'ERR_FILE_NOT_FOUND', errno: -6 });
    const shell = launch(tempDataDir('sucai-shell-'), { loadError });
    await shell.becomeReady();
    expect(shell.record.errorBoxes).toHaveLength(1);
    expect(shell.record.errorBoxes[0].content).toContain('ERR_FILE_NOT_FOUND');
    expect(shell.record.exits).toEqual([1]);
  });

  it('a second launch on the same data folder ends at once and opens nothing', async () => {
    const dataDir = tempDataDir('sucai-shell-');
    const shell = launch(dataDir, { lock: false });
    expect(shell.record.quits).toBe(1);
    await shell.becomeReady();
    expect(shell.record.windows).toHaveLength(0);
    expect(shell.record.handles.size).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'sucai.db'))).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('desktop shell: the default data folder', () => {
  it('is our own folder, not the Chromium profile; data of the old location (userData) is moved there', async () => {
    const home = tempDataDir('sucai-home-');
    const legacy = path.join(home, 'config', 'sucai-desk'); // Electron's userData = the old data folder
    const legacyServices = openTestServices(legacy);
    await callApi(legacyServices, 'settings.update', { ...(await callApi(legacyServices, 'settings.get', {})), fastTrackTargetDays: 21 });
    legacyServices.close();
    fs.mkdirSync(path.join(legacy, 'Local Storage', 'leveldb'), { recursive: true }); // Chromium's own files stay
    fs.writeFileSync(path.join(legacy, 'evidence', 'marker'), 'x');

    const shell = launch(null, { userData: legacy }, { XDG_DATA_HOME: path.join(home, 'share'), XDG_CONFIG_HOME: path.join(home, 'config') });
    expect(shell.record.setPaths).toEqual([]); // the default folder keeps Electron's own profile (its drafts)
    await shell.becomeReady();
    const target = path.join(home, 'share', 'sucai-desk');
    await signIn(shell);
    expect(await invoke(shell, `${METHOD_PREFIX}app.info`, {})).toMatchObject({ ok: true, value: { dataDir: target } });
    expect(await invoke(shell, `${METHOD_PREFIX}settings.get`, {})).toMatchObject({ ok: true, value: { fastTrackTargetDays: 21 } });
    expect(fs.existsSync(path.join(target, 'evidence', 'marker'))).toBe(true);
    expect(fs.existsSync(path.join(legacy, 'sucai.db'))).toBe(false);
    expect(fs.existsSync(path.join(legacy, 'Local Storage'))).toBe(true);
  });
});
