import fs from 'node:fs';
import path from 'node:path';
import { ipcMain, shell } from 'electron';
import { OPEN_PATH_CHANNEL } from '../core/ipcChannels';
import type { Services } from '../services/createServices';
import { trustedSender } from './ipc';

/**
 * Desktop only: open a generated document (or its PDF) in the system's word processor — where the
 * clerk prints it — or show it in its folder. Only files inside this data folder's documents/,
 * bundles/, packages/ and exports/ may be opened.
 */
export function registerFileOpener(services: Services): void {
  const roots = ['documents', 'bundles', 'packages', 'exports'].map((d) => path.join(fs.realpathSync.native(services.ctx.dataDir), d) + path.sep);
  ipcMain.handle(OPEN_PATH_CHANNEL, async (event, input: { path?: unknown; action?: unknown }) => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: '拒绝来自未知页面的请求' } };
    const file = typeof input?.path === 'string' && fs.existsSync(input.path) ? fs.realpathSync.native(input.path) : null;
    if (!file || !roots.some((root) => file.startsWith(root))) {
      return { ok: false, error: { code: 'invalid_input', message: '只能打开数据目录中生成的文书和材料' } };
    }
    if (input.action === 'show') {
      shell.showItemInFolder(file);
      return { ok: true, value: null };
    }
    const problem = await shell.openPath(file);
    return problem ? { ok: false, error: { code: 'internal', message: `无法用本机程序打开：${problem}` } } : { ok: true, value: null };
  });
}
