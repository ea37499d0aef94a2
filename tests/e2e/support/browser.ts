import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's Chromium (never a downloaded browser), with the flags our closed network needs. */
export function chromiumLaunchOptions() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-chromium-'))}`,
    ],
  };
}
