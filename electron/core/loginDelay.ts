/**
 * The growing delay after failed sign-ins (and unlocks) of one account: the first
 * FREE_ATTEMPTS failures cost nothing (typos), then each further failure doubles the wait,
 * starting at FIRST_DELAY_SECONDS, up to MAX_DELAY_SECONDS. A success resets the count.
 */
export const FREE_ATTEMPTS = 3;
export const FIRST_DELAY_SECONDS = 5;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds to wait after `failures` failures in a row (0: the next attempt may go ahead at once). */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Whole seconds still to wait at `now` (0 when an attempt is allowed). */
export function secondsToWait(failures: number, lastFailedAt: string | null, now: Date): number {
  const delay = delayAfterFailures(failures);
  if (!delay || !lastFailedAt) return 0;
  const until = Date.parse(lastFailedAt) + delay * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** "请 40 秒后再试" / "请 3 分钟后再试". */
export function waitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
  return `密码连续输错次数过多，请 ${wait}后再试`;
}
