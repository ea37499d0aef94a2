import path from 'node:path';
import { BrowserWindow, ipcMain, screen, type Display } from 'electron';
import { APP_PROTOCOL, OPEN_PRESENTATION_CHANNEL } from '../core/ipcChannels';
import { trustedSender } from './ipc';
import { shareSession } from './windowSessions';

/**
 * The shared screen on the room's second display. The operator's window asks on one validated
 * channel (the preload exposes it as window.sucai.openPresentation); main opens the presentation
 * page full screen on an external display when there is one, otherwise as a window on this one.
 * It loads the same UI from the app protocol with the main window's security preferences, and it
 * receives the same events (registerIpc sends to every window), so it follows each push.
 */

export type OpenPresentationResult =
  | { ok: true; value: { external: boolean } }
  | { ok: false; error: { code: 'unauthorized'; message: string } };

let presentation: BrowserWindow | null = null;

/** The display that is not the one the operator's window is on (else: not the primary one). */
function externalDisplay(operator: BrowserWindow | null): Display | null {
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return null;
  const operatorDisplay = operator ? screen.getDisplayMatching(operator.getBounds()) : screen.getPrimaryDisplay();
  return displays.find((d) => d.id !== operatorDisplay.id) ?? null;
}

function placeOn(window: BrowserWindow, display: Display | null): void {
  if (display) {
    if (window.isFullScreen()) window.setFullScreen(false);
    window.setBounds(display.bounds);
    window.setFullScreen(true);
  }
}

export function openPresentation(operator: BrowserWindow | null): { external: boolean } {
  const display = externalDisplay(operator);
  if (presentation && !presentation.isDestroyed()) {
    placeOn(presentation, display);
    presentation.show();
    return { external: display !== null };
  }
  const area = (display ?? screen.getPrimaryDisplay()).workArea;
  const window = new BrowserWindow({
    x: area.x + (display ? 0 : 40),
    y: area.y + (display ? 0 : 40),
    width: display ? area.width : Math.min(1280, area.width - 80),
    height: display ? area.height : Math.min(720, area.height - 80),
    title: '速裁台 · 共享屏幕',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    fullscreen: display !== null,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  presentation = window;
  if (operator) shareSession(operator.webContents, window.webContents);
  window.setMenuBarVisibility(false);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (presentation === window) presentation = null;
  });
  // The screen must not outlive the operator's window.
  operator?.once('closed', () => {
    if (!window.isDestroyed()) window.close();
  });
  void window.loadURL(`${APP_PROTOCOL}://app/index.html#/present`);
  return { external: display !== null };
}

export function registerPresentationWindow(): void {
  ipcMain.handle(OPEN_PRESENTATION_CHANNEL, (event): OpenPresentationResult => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: '拒绝来自未知页面的请求' } };
    const sender = BrowserWindow.fromWebContents(event.sender);
    if (sender && sender === presentation) return { ok: false, error: { code: 'unauthorized', message: '展示窗口不能打开展示窗口' } };
    return { ok: true, value: openPresentation(sender) };
  });
}
