import type { ApiResult, AppEvent, MethodInput, MethodName, MethodOutput } from '../../electron/core/contract';

/**
 * The renderer's one way to the backend. In Electron it uses window.sucai (preload); in a browser
 * it posts to the web host with the per-launch token from the address it was opened with.
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

function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem('sucai.token', fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem('sucai.token') ?? '';
}

const token = typeof window !== 'undefined' && !window.sucai ? webToken() : '';

async function invoke(name: string, input: unknown): Promise<ApiResult<unknown>> {
  if (window.sucai) return window.sucai[name](input);
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Sucai-Token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接速裁台服务，请确认服务仍在运行' } };
  }
  return (await response.json()) as ApiResult<unknown>;
}

/** Calls a contract method; resolves to its value or throws ApiCallError with a Chinese message. */
export async function call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await invoke(name, input);
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value as MethodOutput<M>;
}

/**
 * Subscribes to backend events (SSE in the browser, IPC in Electron); returns the unsubscribe.
 * The browser keeps ONE event stream for the whole page (Chromium allows 6 connections per host).
 */
const listeners = new Set<(event: AppEvent) => void>();
let source: EventSource | null = null;

export function onEvent(callback: (event: AppEvent) => void): () => void {
  if (window.sucai) return window.sucai.on(callback);
  listeners.add(callback);
  if (!source) {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data) as AppEvent;
      for (const listener of [...listeners]) listener(event);
    };
  }
  return () => {
    listeners.delete(callback);
    if (!listeners.size && source) {
      source.close();
      source = null;
    }
  };
}
