import { app, session, shell, type WebContents } from 'electron';
import { APP_PROTOCOL } from '../core/ipcChannels';

/**
 * Electron's security checklist: block navigation, new windows and <webview>; deny every permission
 * except the two our own pages need — writing to the clipboard (every "复制" button) and HTML
 * fullscreen (double-click on the presentation page) — and those only to the app's own origin.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

const APP_ORIGIN = `${APP_PROTOCOL}://app`;
const fromApp = (url: string | undefined) => url === APP_ORIGIN || (url ?? '').startsWith(`${APP_ORIGIN}/`);

export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(GRANTED_PERMISSIONS.has(permission) && fromApp(details.requestingUrl)),
  );
  ses.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      GRANTED_PERMISSIONS.has(permission) && fromApp(requestingOrigin) && !details.embeddingOrigin,
  );
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
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
