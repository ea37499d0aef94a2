import { BrowserWindow, dialog, ipcMain } from 'electron';
import { APP_PROTOCOL, GRANT_DROPPED_CHANNEL, OPEN_FILES_CHANNEL } from '../core/ipcChannels';
import { trustedSender } from './ipc';
import { grantPaths } from './pathGrants';

/**
 * The native file dialog for adding evidence. The renderer asks for paths on this one channel
 * (the preload exposes it next to the contract methods), then passes them to `evidence.addFromPaths`,
 * which streams each file into the store with progress and cancel. No contract method is added:
 * choosing files is a desktop concern, importing them is the service's.
 */

export type OpenFilesResult = { ok: true; value: string[] } | { ok: false; error: { code: 'unauthorized'; message: string } };

export function registerEvidenceDialog(): void {
  ipcMain.handle(OPEN_FILES_CHANNEL, async (event): Promise<OpenFilesResult> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: '拒绝来自未知页面的请求' } };
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: '选择文件',
      buttonLabel: '选择',
      properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const chosen = result.canceled ? [] : result.filePaths.slice(0, 200);
    grantPaths(chosen);
    return { ok: true, value: chosen };
  });
  // A file dropped on the window: the preload read its path from the File object (webUtils).
  ipcMain.on(GRANT_DROPPED_CHANNEL, (event, dropped: unknown) => {
    if (event.senderFrame?.url.startsWith(`${APP_PROTOCOL}://app/`) && typeof dropped === 'string') grantPaths([dropped]);
  });
}
