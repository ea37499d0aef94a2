import type { ServiceContext } from '../context';
import type { BackupService } from './backupService';

const FIRST_CHECK_MS = 2_000;
const CHECK_EVERY_MS = 3600_000;

/**
 * The automatic backup: shortly after the first start of each day (China time), and — for an app
 * or web host left running over midnight — at the first hourly check of a new day. A failure is
 * logged and tried again at the next check.
 */
export function scheduleDailyBackups(ctx: ServiceContext, backups: BackupService): void {
  let stopped = false;
  const check = async () => {
    if (stopped || !backups.dueToday()) return;
    try {
      await backups.runDaily();
    } catch (error) {
      if (!stopped) console.error('[sucai] 每日自动备份失败：', error instanceof Error ? error.message : error);
    }
  };
  const first = setTimeout(() => void check(), FIRST_CHECK_MS);
  const hourly = setInterval(() => void check(), CHECK_EVERY_MS);
  first.unref();
  hourly.unref();
  ctx.onClose(() => {
    stopped = true;
    clearTimeout(first);
    clearInterval(hourly);
  });
}
