/**
 * Why a data folder could not be opened, in Chinese, for a person: what happened and what to do.
 * Both hosts show it as it is — the desktop app in an error box at start (title + message), the
 * web CLI on stderr before it exits non-zero. Nothing in the folder was changed.
 */
export class StartupFailure extends Error {
  constructor(
    /** One short line: the error box's title. */
    public readonly title: string,
    message: string,
  ) {
    super(message);
    this.name = 'StartupFailure';
  }
}

/** Title and message for any error thrown while opening a data folder. */
export function describeStartupError(error: unknown): { title: string; message: string } {
  if (error instanceof StartupFailure) return { title: error.title, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { title: '速裁台无法启动', message: `打开数据目录时出错：${detail}` };
}
