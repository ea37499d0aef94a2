import { BrowserWindow, dialog, ipcMain } from 'electron';
import { OPEN_FOLDER_CHANNEL } from '../core/ipcChannels';
import { trustedSender } from './ipc';
import { grantPaths } from './pathGrants';

export type OpenFolderResult = { ok: true; value: string | null } | { ok: false; error: { code: 'unauthorized'; message: string } };

/**
 * The native folder dialog (backups: the folder to back up to, an empty folder to restore into).
 * The folder picked is granted once, for the contract method the renderer then calls with it.
 */
export function registerFolderDialog(): void {
  ipcMain.handle(OPEN_FOLDER_CHANNEL, async (event, title: unknown): Promise<OpenFolderResult> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: '拒绝来自未知页面的请求' } };
    const window = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      title: typeof title === 'string' ? title.slice(0, 60) : '选择文件夹',
      buttonLabel: '选择',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    const chosen = result.canceled ? null : (result.filePaths[0] ?? null);
    if (chosen) grantPaths([chosen]);
    return { ok: true, value: chosen };
  });
}
