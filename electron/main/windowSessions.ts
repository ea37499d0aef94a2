import type { WebContents } from 'electron';
import { contract, seesPersonalData, type ApiResult, type AppEvent, type Caller, type MethodName, type SignedIn } from '../core/contract';
import { maskForObserver } from '../core/masking';
import type { Services } from '../services/createServices';
import { takeGrantedPaths } from './pathGrants';

/**
 * Desktop sign-in: main keeps the session token of each window (webContents) — the renderer never
 * sees it — and builds the caller of every IPC call from it, the way the web host does from its
 * cookie. The shared-screen window uses its operator's session. Closing the last window of a
 * session signs it out.
 */
const tokens = new Map<number, string>();
let services: Services | null = null;

export function registerWindowSessions(opened: Services): void {
  services = opened;
}

export function callerFor(contents: WebContents): Caller {
  const token = tokens.get(contents.id);
  const resolved = token && services ? services.resolveSession(token) : null;
  return { host: 'electron', ...(resolved ?? { account: null }), takeGrantedPaths };
}

/** After a sign-in method: keeps or forgets the window's token, and hands the rest to the renderer. */
export function keepSession(contents: WebContents, name: string, result: ApiResult<unknown>): ApiResult<unknown> {
  if (!result.ok || !Object.hasOwn(contract, name)) return result;
  const kind = (contract[name as MethodName] as { session?: 'opens' | 'closes' }).session;
  if (kind === 'opens') {
    const { grant, ...rest } = result.value as SignedIn;
    if (grant) bind(contents, grant.token);
    return { ok: true, value: rest };
  }
  if (kind === 'closes') forget(contents);
  return result;
}

/** An event as this window may see it: an observer's window gets it masked. */
export function eventFor(contents: WebContents, event: AppEvent): AppEvent {
  return seesPersonalData(callerFor(contents).account) ? event : maskForObserver(event);
}

/** The shared-screen window follows its operator's session. */
export function shareSession(from: WebContents, to: WebContents): void {
  const token = tokens.get(from.id);
  if (token) bind(to, token);
}

function bind(contents: WebContents, token: string): void {
  const first = !tokens.has(contents.id);
  tokens.set(contents.id, token);
  if (first) contents.once('destroyed', () => forget(contents));
}

function forget(contents: WebContents): void {
  const token = tokens.get(contents.id);
  tokens.delete(contents.id);
  if (token && ![...tokens.values()].includes(token) && services?.ctx.db.$client.open) services.endSession(token);
}
