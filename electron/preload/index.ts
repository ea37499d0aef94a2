import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { methodNames, type AppEvent } from '../core/contract';
import {
  CLOSE_PRESENTATION_CHANNEL,
  EVENT_CHANNEL,
  GRANT_DROPPED_CHANNEL,
  METHOD_PREFIX,
  OPEN_FILES_CHANNEL,
  OPEN_FOLDER_CHANNEL,
  OPEN_PATH_CHANNEL,
  OPEN_PRESENTATION_CHANNEL,
} from '../core/ipcChannels';

/**
 * window.sucai: exactly the contract's methods plus on(event). Channel names never reach the
 * renderer; every call goes through main's one validated handler.
 */
const api: Record<string, unknown> = {};
for (const name of methodNames) {
  api[name] = (input: unknown) => ipcRenderer.invoke(METHOD_PREFIX + name, input);
}
api.on = (callback: (event: AppEvent) => void) => {
  const listener = (_: IpcRendererEvent, event: AppEvent) => callback(event);
  ipcRenderer.on(EVENT_CHANNEL, listener);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
};
// Desktop only: the native file dialog for evidence; the paths then go to evidence.addFromPaths.
api.openFiles = () => ipcRenderer.invoke(OPEN_FILES_CHANNEL);
// Desktop only: the native folder dialog (backups); the folder is then passed to backups.chooseFolder / backups.restoreTo.
api.openFolder = (title: string) => ipcRenderer.invoke(OPEN_FOLDER_CHANNEL, title);
// Desktop only: open a generated document in the system's word processor (to print), or show it in its folder.
api.openPath = (path: string, action: 'open' | 'show') => ipcRenderer.invoke(OPEN_PATH_CHANNEL, { path, action });
// Desktop only: the shared-screen window on the external display (open / close from the operator's side).
api.openPresentation = () => ipcRenderer.invoke(OPEN_PRESENTATION_CHANNEL);
api.closePresentation = () => ipcRenderer.invoke(CLOSE_PRESENTATION_CHANNEL);
// Desktop only: the path of a file dropped on the window (evidence drag-and-drop).
api.pathForFile = (file: File) => {
  const dropped = webUtils.getPathForFile(file);
  // Only a real file from the disk has a path; main grants it for one import.
  if (dropped) ipcRenderer.send(GRANT_DROPPED_CHANNEL, dropped);
  return dropped;
};
contextBridge.exposeInMainWorld('sucai', api);
