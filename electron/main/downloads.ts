import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { APP_PROTOCOL } from '../core/ipcChannels';

/**
 * "下载原文件" (and any other download link) in the desktop window: the file is served by the app
 * scheme, and Electron asks where to save it in the system's save dialog, starting in the user's
 * Downloads folder with the file's own name. Downloads from anywhere else are cancelled.
 */
export function registerDownloads(): void {
  session.defaultSession.on('will-download', (event, item, contents) => {
    if (!item.getURL().startsWith(`${APP_PROTOCOL}://app/`)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: '保存文件',
      buttonLabel: '保存',
      defaultPath: path.join(app.getPath('downloads'), item.getFilename()),
    });
    item.once('done', (_event, state) => {
      if (state !== 'interrupted') return;
      const window = BrowserWindow.fromWebContents(contents);
      const options = { type: 'error' as const, title: '下载未完成', message: `「${item.getFilename()}」没有保存完整，请重新下载。` };
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    });
  });
}
