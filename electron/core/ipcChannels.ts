/** IPC channel names (Electron host only). */
export const METHOD_PREFIX = 'sucai:';
export const EVENT_CHANNEL = 'sucai:event';
export const APP_PROTOCOL = 'sucai';
export const OPEN_FILES_CHANNEL = 'sucai:dialog:openFiles';
/** Desktop only: open (or bring forward) the shared-screen window on the external display. */
export const OPEN_PRESENTATION_CHANNEL = 'sucai:window:openPresentation';
export const OPEN_PATH_CHANNEL = 'sucai:file:open';
/** Desktop only: the preload tells main the path of a file dropped on the window, so it may be imported once. */
export const GRANT_DROPPED_CHANNEL = 'sucai:dialog:grantDropped';
/** Desktop only: close the shared-screen window from the operator's side. */
export const CLOSE_PRESENTATION_CHANNEL = 'sucai:window:closePresentation';
/** Desktop only: the native folder dialog (backups); the folder picked is granted once. */
export const OPEN_FOLDER_CHANNEL = 'sucai:dialog:openFolder';
