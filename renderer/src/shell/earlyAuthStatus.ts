import type { AuthStatus } from '../../../electron/core/contract';
import { call } from '../api';

/**
 * The sign-in check asked for once at start-up (main.tsx), before the first render: the case list's
 * first page is prefetched only for a session that may read it (a request without one would be
 * answered 401 and logged in the console), and the AuthGate takes this answer instead of asking again.
 */
let first: Promise<AuthStatus> | null = null;

export function startAuthStatus(): Promise<AuthStatus> {
  first ??= call('auth.status', {});
  return first;
}

/** The start-up answer, once (later checks ask the host afresh). */
export function takeStartAuthStatus(): Promise<AuthStatus> | null {
  const answer = first;
  first = null;
  return answer;
}

export const mayReadCases = (s: AuthStatus) => Boolean(s.account && !s.locked && !s.account.mustChangePassword);
