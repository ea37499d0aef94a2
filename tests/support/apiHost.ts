/**
 * A real web host in this process, called over HTTP with its automation token (startWebHost's
 * `token` option), the way scripts and the fuzz suite drive the app.
 */
import type { Services } from '../../electron/services/createServices';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { stubRendererDir } from './webHostForFile';

export const AUTOMATION_TOKEN = 'sucai-test-automation-token-0123456789';

export type ApiReply = { status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null; text: string };

export type ApiHost = { host: WebHost; base: string; call: (method: string, input: unknown, timeoutMs?: number) => Promise<ApiReply>; close: () => Promise<void> };

export async function startApiHost(services: Services): Promise<ApiHost> {
  const host = await startWebHost({ services, rendererDir: stubRendererDir(), token: AUTOMATION_TOKEN });
  const base = `http://127.0.0.1:${host.port}`;
  return { host, base, call: (method, input, timeoutMs) => postApi(base, AUTOMATION_TOKEN, method, input, timeoutMs), close: () => host.close() };
}

/** POST /api/<method> with a raw JSON body (anything JSON can carry, right or wrong). */
export async function postApi(base: string, token: string, method: string, input: unknown, timeoutMs = 20_000): Promise<ApiReply> {
  const res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Sucai-Token': token },
    body: JSON.stringify(input),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let body: ApiReply['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, text };
}
