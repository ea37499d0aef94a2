/** IPC channel names (Electron host only). */
export const METHOD_PREFIX = 'sucai:';
export const EVENT_CHANNEL = 'sucai:event';
export const APP_PROTOCOL = 'sucai';
export const OPEN_FILES_CHANNEL = 'sucai:dialog:openFiles';
