import { app, dialog } from 'electron';

/**
 * When the app cannot start (the database component built for Node instead of Electron, a bad
 * holidays.json, a failed migration, a data folder locked by another program…), no window would
 * open and nothing would say why. Instead: one error box in Chinese saying what happened and what
 * to do, then exit non-zero so `npm start` reports the failure too.
 */
export const STARTUP_FAILURE_TITLE = '速裁台无法启动';

const NATIVE_MODULE = /NODE_MODULE_VERSION|ERR_DLOPEN_FAILED|better_sqlite3|bindings file|\.node'/;

export function explainStartupError(error: unknown, dataDir: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  const where = `数据目录：${dataDir}`;
  if (NATIVE_MODULE.test(`${message} ${String(code ?? '')}`)) {
    return [
      '数据库组件（better-sqlite3）不是为本机的 Electron 版本准备的，无法打开数据库。',
      '请在项目目录运行 npm start 启动桌面版：它会为 Electron 准备这个组件并交给程序（SUCAI_NATIVE_BINDING）。',
      '也可以改用浏览器版：npm run web。',
      '',
      where,
    ].join('\n');
  }
  // Our own start-up checks already say in Chinese what is wrong and what to do.
  if (/[\u4e00-\u9fff]/.test(message)) return `${message}\n\n${where}`;
  return ['速裁台启动时出错。请把下面的信息发给技术支持；也可以先改用浏览器版：npm run web。', '', where, `错误信息：${message}`].join('\n');
}

/** Shows the error box (a GUI dialog once ready; on Linux before ready it goes to stderr) and exits with 1. */
export function failStartup(error: unknown, dataDir: string, cleanup: () => void): void {
  console.error(error);
  try {
    cleanup();
  } catch (closeError) {
    console.error(closeError);
  }
  dialog.showErrorBox(STARTUP_FAILURE_TITLE, explainStartupError(error, dataDir));
  app.exit(1);
}
