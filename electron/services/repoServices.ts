import fs from 'node:fs';
import path from 'node:path';
import { createServices, type ServiceOptions, type Services } from './createServices';

/** Services for a command run from the repository (web host, demo, bench): paths from the repo root. */
export function openRepoServices(root: string, dataDir: string, extra: Pick<ServiceOptions, 'autoBackup' | 'backupDir'> = {}): Services {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
  return createServices({
    dataDir,
    host: 'web',
    version,
    resourcesDir: path.join(root, 'resources'),
    migrationsFolder: path.join(root, 'db', 'migrations'),
    ...extra,
  });
}
