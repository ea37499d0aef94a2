import { app, BrowserWindow, dialog, ipcMain, screen, type Display, type Rectangle } from 'electron';
import { CLOSE_PRESENTATION_CHANNEL, OPEN_PRESENTATION_CHANNEL } from '../core/ipcChannels';
import { appWebPreferences, loadApp } from './appWindow';
import { trustedSender } from './ipc';
import { shareSession } from './windowSessions';

/**
 * The shared screen on the room's second display. The operator's window asks on one validated
 * channel (the preload exposes it as window.sucai.openPresentation); main opens the presentation
 * page full screen on an external display when there is one, otherwise as a window on this one.
 * It follows a projector plugged in or out during a hearing, closes with Esc (F11 toggles full
 * screen) or from the operator's side (window.sucai.closePresentation), and never outlives the
 * operator's window. It receives the same events as every window, so it follows each push.
 */

/** external: full screen on the other display; here: a window on the only display; manual: two displays, but the operator must drag it there (Wayland). */
export type Placement = 'external' | 'here' | 'manual';
type Refused = { ok: false; error: { code: 'unauthorized'; message: string } };
export type OpenPresentationResult = { ok: true; value: { placement: Placement } } | Refused;
export type ClosePresentationResult = { ok: true; value: { closed: boolean } } | Refused;

let presentation: BrowserWindow | null = null;
let operator: BrowserWindow | null = null;

/**
 * On Wayland (Electron's default in a Wayland session since 38) an app can neither read nor set
 * window positions. `npm start` runs Electron on X11 (XWayland) there; started any other way, the
 * operator places the window.
 */
export function canPlaceWindows(): boolean {
  if (process.platform !== 'linux') return true;
  const ozone = app.commandLine.getSwitchValue('ozone-platform');
  if (ozone === 'x11' || ozone === 'wayland') return ozone === 'x11';
  return process.env.XDG_SESSION_TYPE !== 'wayland';
}

/** The display that is not the one the operator's window is on (else: not the primary one). */
function externalDisplay(): Display | null {
  const displays = screen.getAllDisplays();
  if (displays.length < 2) return null;
  const operatorDisplay = operator && !operator.isDestroyed() ? screen.getDisplayMatching(operator.getBounds()) : screen.getPrimaryDisplay();
  return displays.find((d) => d.id !== operatorDisplay.id) ?? null;
}

/** A 1280×720 window inset on the operator's display. */
function windowedBounds(): Rectangle {
  const area = (operator && !operator.isDestroyed() ? screen.getDisplayMatching(operator.getBounds()) : screen.getPrimaryDisplay()).workArea;
  return { x: area.x + 40, y: area.y + 40, width: Math.min(1280, area.width - 80), height: Math.min(720, area.height - 80) };
}

function currentPlacement(): { placement: Placement; display: Display | null } {
  const display = externalDisplay();
  if (!display) return { placement: 'here', display: null };
  return canPlaceWindows() ? { placement: 'external', display } : { placement: 'manual', display: null };
}

/** Runs `then` once the window is out of full screen (leaving it is asynchronous on some desktops). */
function leaveFullScreen(window: BrowserWindow, then: () => void): void {
  if (!window.isFullScreen()) return then();
  window.once('leave-full-screen', then);
  window.setFullScreen(false);
}

/**
 * Full screen on the external display; with one display a window, never full screen over the
 * operator. A window the operator placed by hand (Wayland) is left where it is.
 */
function place(window: BrowserWindow): Placement {
  const { placement, display } = currentPlacement();
  if (display) {
    const there = screen.getDisplayMatching(window.getBounds()).id === display.id;
    if (!(there && window.isFullScreen())) {
      leaveFullScreen(window, () => {
        window.setBounds(display.bounds);
        window.setFullScreen(true);
      });
    }
  } else if (placement === 'here' && window.isFullScreen()) {
    leaveFullScreen(window, () => window.setBounds(windowedBounds()));
  }
  return placement;
}

export function openPresentation(from: BrowserWindow | null): Placement {
  operator = from;
  if (presentation && !presentation.isDestroyed()) {
    const placement = place(presentation);
    presentation.show();
    return placement;
  }
  const { placement, display } = currentPlacement();
  const window = new BrowserWindow({
    ...(display ? display.bounds : windowedBounds()),
    title: '速裁台 · 共享屏幕（Esc 关闭）',
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    fullscreen: display !== null,
    show: false,
    webPreferences: appWebPreferences(),
  });
  presentation = window;
  if (operator) shareSession(operator.webContents, window.webContents);
  window.setMenuBarVisibility(false);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (presentation === window) presentation = null;
  });
  // Esc does not leave a BrowserWindow's full screen: here it closes the screen; F11 toggles full screen.
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type !== 'keyDown') return;
    if (input.key === 'Escape') {
      event.preventDefault();
      window.close();
    } else if (input.key === 'F11') {
      event.preventDefault();
      window.setFullScreen(!window.isFullScreen());
    }
  });
  // The screen must not outlive the operator's window.
  from?.once('closed', () => {
    if (!window.isDestroyed()) window.close();
  });
  loadApp(window, '#/present').catch((error: Error) => {
    if (!window.isDestroyed()) window.destroy();
    const options = { type: 'error' as const, title: '展示窗口', message: '展示窗口无法加载界面', detail: error.message };
    void (from && !from.isDestroyed() ? dialog.showMessageBox(from, options) : dialog.showMessageBox(options));
  });
  return placement;
}

/** Closes the presentation window; false when none was open. */
export function closePresentation(): boolean {
  if (!presentation || presentation.isDestroyed()) return false;
  presentation.close();
  return true;
}

export function registerPresentationWindow(): void {
  const refused = (message: string): Refused => ({ ok: false, error: { code: 'unauthorized', message } });
  ipcMain.handle(OPEN_PRESENTATION_CHANNEL, (event): OpenPresentationResult => {
    if (!trustedSender(event)) return refused('拒绝来自未知页面的请求');
    const sender = BrowserWindow.fromWebContents(event.sender);
    if (sender && sender === presentation) return refused('展示窗口不能打开展示窗口');
    return { ok: true, value: { placement: openPresentation(sender) } };
  });
  ipcMain.handle(CLOSE_PRESENTATION_CHANNEL, (event): ClosePresentationResult => {
    if (!trustedSender(event)) return refused('拒绝来自未知页面的请求');
    return { ok: true, value: { closed: closePresentation() } };
  });
  // A projector plugged in or out during a hearing: the open screen follows.
  const follow = () => {
    if (presentation && !presentation.isDestroyed()) place(presentation);
  };
  screen.on('display-added', follow);
  screen.on('display-removed', follow);
}
