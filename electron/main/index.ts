import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createServices, type Services } from '../services/createServices';
import { openDefaultDataFolder } from '../services/legacyDataFolder';
import { registerSchemes, serveRenderer } from './appProtocol';
import { appWebPreferences, loadApp } from './appWindow';
import { registerDownloads } from './downloads';
import { registerEvidenceDialog } from './evidenceDialog';
import { registerFolderDialog } from './folderDialog';
import { registerFileOpener } from './fileOpener';
import { settled, trackHandlers } from './inFlight';
import { registerIpc } from './ipc';
import { registerPresentationWindow } from './presentationWindow';
import { chooseDataFolder, claimDataFolder } from './profile';
import { hardenSessions } from './security';
import { failStartup } from './startupFailure';
import { registerWindowSessions } from './windowSessions';

/** How long quitting waits for running work (an evidence import, a PDF export) before closing the database anyway. */
const QUIT_WAIT_MS = 120_000;

registerSchemes();
const choice = chooseDataFolder();
/** The folder actually opened: the default one, or (when its data could not be moved yet) the old location. */
let dataDir = choice.dataDir;
let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({ width: 1440, height: 900, title: '速裁台', show: false, webPreferences: appWebPreferences() });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  return window;
}

/** A second launch on this data folder: bring the window that serves it to the front. */
function bringToFront(): void {
  const window = mainWindow ?? BrowserWindow.getAllWindows()[0];
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function closeServices(): void {
  const open = services;
  services = null;
  open?.close();
}

function start(): void {
  const root = app.getAppPath();
  const rendererDir = path.join(__dirname, '../renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`界面文件缺失（${rendererDir}）：请在项目目录运行 npm start（它会先构建界面）。`);
  }
  const nativeBinding = process.env.SUCAI_NATIVE_BINDING || undefined;
  const folder = choice.isDefault ? openDefaultDataFolder({ nativeBinding }) : { dataDir: choice.dataDir, note: null };
  if (folder.note) console.log(folder.note);
  dataDir = folder.dataDir;
  services = createServices({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    resourcesDir: path.join(root, 'resources'),
    migrationsFolder: path.join(root, 'db', 'migrations'),
    nativeBinding,
    autoBackup: true,
  });
  trackHandlers(services.handlers);
  hardenSessions();
  serveRenderer(rendererDir, services);
  registerWindowSessions(services);
  registerIpc(services, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  registerEvidenceDialog();
  registerFolderDialog();
  registerFileOpener(services);
  registerPresentationWindow();
  registerDownloads();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  openMainWindow();
}

function openMainWindow(): void {
  mainWindow = createMainWindow();
  loadApp(mainWindow).catch((error) => failStartup(error, dataDir, closeServices));
}

if (!claimDataFolder(choice)) {
  // Another instance serves this data folder: it comes to the front ('second-instance'); this one ends.
  app.quit();
} else {
  app.on('second-instance', bringToFront);
  app.whenReady()
    .then(start)
    .catch((error) => failStartup(error, dataDir, closeServices));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Close the database once running work has settled; quit even if closing fails.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!services) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    void settled(QUIT_WAIT_MS)
      .then((done) => {
        if (!done) console.error('退出时仍有操作未完成，已等待 2 分钟，关闭数据库');
      })
      .finally(() => {
        try {
          closeServices();
        } catch (error) {
          console.error(error);
        }
        app.quit();
      });
  });
}
