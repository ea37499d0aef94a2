import type { ApiResult, AppEvent, MethodInput, MethodName, MethodOutput } from '../../electron/core/contract';

/**
 * The renderer's one way to the backend. In Electron it uses window.sucai (preload; main knows
 * the window's session); in a browser it posts to the web host, which knows the session by its
 * HttpOnly cookie. The renderer never holds a token.
 */
type Bridge = Record<string, (input: unknown) => Promise<ApiResult<unknown>>> & {
  on: (cb: (event: AppEvent) => void) => () => void;
};

declare global {
  interface Window {
    sucai?: Bridge;
  }
}

export class ApiCallError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Told when a call finds the session gone (signed out, expired) or locked, so the shell can ask for the password. */
const sessionListeners = new Set<(code: 'unauthorized' | 'locked') => void>();
export function onSessionProblem(listener: (code: 'unauthorized' | 'locked') => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

async function invoke(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.sucai) return window.sucai[name](input);
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接速裁台服务，请确认服务仍在运行' } };
  }
  try {
    return (await response.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `速裁台服务的回答无法识别（HTTP ${response.status}），请重试` } };
  }
}

/** Calls a contract method; resolves to its value or throws ApiCallError with a Chinese message. */
export async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await invoke(name, input);
  if (!result.ok) {
    const code = result.error.code;
    if ((code === 'unauthorized' || code === 'locked') && !name.startsWith('auth.')) for (const listener of sessionListeners) listener(code);
    throw new ApiCallError(code, result.error.message);
  }
  return result.value as MethodOutput<M>;
}

/**
 * Subscribes to backend events (SSE in the browser, IPC in Electron); returns the unsubscribe.
 * The browser keeps ONE event stream for the whole page (Chromium allows 6 connections per host).
 */
const listeners = new Set<(event: AppEvent) => void>();
let source: EventSource | null = null;

function connect() {
  source = new EventSource('/api/events');
  source.onmessage = (message) => {
    const event = JSON.parse(message.data) as AppEvent;
    for (const listener of [...listeners]) listener(event);
  };
}

export function onEvent(callback: (event: AppEvent) => void): () => void {
  if (window.sucai) return window.sucai.on(callback);
  listeners.add(callback);
  if (!source || source.readyState === EventSource.CLOSED) connect();
  return () => {
    listeners.delete(callback);
    if (!listeners.size && source) {
      source.close();
      source = null;
    }
  };
}

/** After signing in again (or unlocking): a stream the host closed is opened anew. */
export function reconnectEvents(): void {
  if (window.sucai || !listeners.size) return;
  if (!source || source.readyState === EventSource.CLOSED) connect();
}
