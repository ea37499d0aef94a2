import { app, session, shell, type WebContents } from 'electron';
import { APP_PROTOCOL } from '../core/ipcChannels';

/** Electron's security checklist: deny permissions, block navigation, new windows and <webview>. */
export function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_PROTOCOL}://app/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** Only https links to the government sites we cite open in the system browser. */
function isVettedExternal(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && /(^|\.)gov\.cn$/.test(parsed.hostname);
  } catch {
    return false;
  }
}
