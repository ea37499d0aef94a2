import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../core/contract';
import { EVENT_CHANNEL, METHOD_PREFIX, APP_PROTOCOL } from '../core/ipcChannels';
import type { Services } from '../services/createServices';
import { dispatch } from '../services/dispatch';
import { callerFor, eventFor, keepSession } from './windowSessions';

/** Only our own UI, loaded from the app protocol, may call the backend. */
export function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_PROTOCOL}://app/`);
}

/** Registers every contract method through the one validated handler, and forwards events. */
export function registerIpc(services: Services, windows: () => WebContents[]): void {
  for (const name of methodNames) {
    ipcMain.handle(METHOD_PREFIX + name, async (event, input) => {
      if (!trustedSender(event)) return { ok: false, error: { code: 'unauthorized', message: '拒绝来自未知页面的请求' } };
      return keepSession(event.sender, name, await dispatch(services.handlers, name, input, callerFor(event.sender)));
    });
  }
  services.events.on('event', (appEvent) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, eventFor(contents, appEvent));
  });
}
