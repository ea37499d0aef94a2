import path from 'node:path';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { verifyChain } from '../audit/verifyChain';
import { backupService, type BackupOptions } from './backupService';
import { scheduleDailyBackups } from './daily';

/** backups.* and audit.verify: the administrator's trust tools in settings. */
export function backupHandlers(ctx: ServiceContext, options: BackupOptions & { autoBackup?: boolean }): HandlersOf<'backups.'> & HandlersOf<'audit.'> {
  const backups = backupService(ctx, options);
  if (options.autoBackup) scheduleDailyBackups(ctx, backups);
  return {
    'audit.verify': () =>
      verifyChain(path.join(ctx.dataDir, 'sucai.db'), {
        nativeBinding: options.nativeBinding,
        anchors: backups.anchors(),
        onProgress: (progress) => ctx.emit({ type: 'audit.verifyProgress', progress }),
      }),
    'backups.status': () => backups.status(),
    'backups.run': () => backups.run(),
    'backups.configure': ({ keep }) => backups.configure(keep),
    'backups.chooseFolder': ({ path: folder }) => backups.chooseFolder(folder),
    'backups.restore': ({ name }) => backups.restore(name),
    'backups.restoreTo': ({ name, path: target }) => backups.restoreTo(name, target),
  };
}
