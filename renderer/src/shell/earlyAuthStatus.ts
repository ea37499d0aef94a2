import type { AuthStatus } from '../../../electron/core/contract';
import { call } from '../api';

/**
 * The sign-in check asked for once at start-up (boot.ts, before React loads): the case list's first
 * page is prefetched only for a session that may read it (a request without one would be answered
 * 401 and logged in the console), and the AuthGate takes this answer instead of asking again — when
 * it is already here, in its very first render.
 */
export type StartAuthStatus = { answer: Promise<AuthStatus>; value?: AuthStatus };
let first: StartAuthStatus | null = null;

export function startAuthStatus(): Promise<AuthStatus> {
  if (!first) {
    const entry: StartAuthStatus = { answer: call('auth.status', {}) };
    entry.answer.then((value) => (entry.value = value)).catch(() => undefined);
    first = entry;
  }
  return first.answer;
}

/** The start-up answer, once (later checks ask the host afresh). */
export function takeStartAuthStatus(): StartAuthStatus | null {
  const answer = first;
  first = null;
  return answer;
}

export const mayReadCases = (s: AuthStatus) => Boolean(s.account && !s.locked && !s.account.mustChangePassword);
