import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_PROTOCOL } from '../core/ipcChannels';
import { createServices, type Services } from '../services/createServices';
import { registerSchemes, serveRenderer } from './appProtocol';
import { registerIpc } from './ipc';
import { registerEvidenceDialog } from './evidenceDialog';
import { registerFileOpener } from './fileOpener';
import { registerPresentationWindow } from './presentationWindow';
import { hardenSessions } from './security';
import { registerWindowSessions } from './windowSessions';

/** --data DIR, else SUCAI_DATA_DIR, else Electron's userData folder. */
function dataDir(): string {
  const flag = process.argv.indexOf('--data');
  if (flag > 0 && process.argv[flag + 1]) return path.resolve(process.argv[flag + 1]);
  return process.env.SUCAI_DATA_DIR ? path.resolve(process.env.SUCAI_DATA_DIR) : app.getPath('userData');
}

registerSchemes();
let services: Services | null = null;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: '速裁台',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_PROTOCOL}://app/index.html`);
  return window;
}

app.whenReady().then(() => {
  const root = app.getAppPath();
  services = createServices({
    dataDir: dataDir(),
    host: 'electron',
    version: app.getVersion(),
    resourcesDir: path.join(root, 'resources'),
    migrationsFolder: path.join(root, 'db', 'migrations'),
    nativeBinding: process.env.SUCAI_NATIVE_BINDING || undefined,
  });
  hardenSessions();
  serveRenderer(path.join(__dirname, '../renderer'), services);
  registerWindowSessions(services);
  registerIpc(services, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  registerEvidenceDialog();
  registerFileOpener(services);
  registerPresentationWindow();
  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
});

app.on('window-all-closed', () => {
  services?.close();
  services = null;
  if (process.platform !== 'darwin') app.quit();
});
