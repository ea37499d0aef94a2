import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { defaultDataDir } from '../services/dataFolder';

/**
 * Which data folder this process serves, and the Chromium profile that goes with it.
 *
 * The data folder (sucai.db, evidence, documents) is never Chromium's profile: --data DIR, else
 * SUCAI_DATA_DIR, else our own default folder (services/dataFolder.ts). The profile (caches and
 * Local Storage, which holds the intake drafts and the hearing record's crash guard) is kept per
 * data folder, outside it: the default folder keeps Electron's own userData, so drafts of earlier
 * versions stay; any other folder gets userData/profiles/<hash of its path>. Electron's
 * single-instance lock is keyed by the profile, so one process serves a data folder, and a second
 * launch on another folder is its own instance.
 */
export type DataFolderChoice = { dataDir: string; isDefault: boolean; profileDir: string };

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(p).toLowerCase() : path.resolve(p));
  return norm(a) === norm(b);
}

export function chooseDataFolder(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): DataFolderChoice {
  const flag = argv.indexOf('--data');
  const given = flag > 0 && argv[flag + 1] ? argv[flag + 1] : env.SUCAI_DATA_DIR;
  const dataDir = path.resolve(given || defaultDataDir());
  const isDefault = samePath(dataDir, defaultDataDir());
  if (isDefault) return { dataDir, isDefault, profileDir: app.getPath('userData') };
  const key = createHash('sha256').update(process.platform === 'win32' ? dataDir.toLowerCase() : dataDir).digest('hex').slice(0, 16);
  return { dataDir, isDefault, profileDir: path.join(app.getPath('userData'), 'profiles', key) };
}

/** Before ready: points Chromium at the folder's profile and takes its single-instance lock. */
export function claimDataFolder(choice: DataFolderChoice): boolean {
  if (!choice.isDefault) {
    fs.mkdirSync(choice.profileDir, { recursive: true });
    app.setPath('userData', choice.profileDir);
  }
  return app.requestSingleInstanceLock({ dataDir: choice.dataDir });
}
