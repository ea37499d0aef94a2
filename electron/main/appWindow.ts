import path from 'node:path';
import type { BrowserWindow, WebPreferences } from 'electron';
import { APP_PROTOCOL } from '../core/ipcChannels';

/** Every window of the app: our sandboxed CommonJS preload, isolated from the page, no Node. */
export function appWebPreferences(): WebPreferences {
  return {
    preload: path.join(__dirname, '../preload/index.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
  };
}

/**
 * Loads the UI (optionally at a hash route). Rejects when the page cannot load; a load superseded
 * by another navigation (ERR_ABORTED: a reload) is not a failure.
 */
export async function loadApp(window: BrowserWindow, hash = ''): Promise<void> {
  try {
    await window.loadURL(`${APP_PROTOCOL}://app/index.html${hash}`);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_ABORTED') throw error;
  }
}
