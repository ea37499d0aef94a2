import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { accessProblem, contract, seesPersonalData, type ApiError, type AppEvent, type Caller, type MethodName, type MethodSpec, type SignedIn } from '../core/contract';
import { DATA_CSP, RENDERER_CSP } from '../core/csp';
import { maskForObserver } from '../core/masking';
import type { Services } from '../services/createServices';
import { dispatch } from '../services/dispatch';
import { runAs } from '../services/caller';
import { handleBundleRoute } from './bundleRoutes';
import { handleEvidenceRoute } from './evidenceRoutes';
import { handleDocumentRoute } from './documentRoutes';
import { handleExportRoute } from './exportRoutes';
import { answerThenClose, BodyBudget, MAX_BODY, readBody } from './httpBody';
import { webAuth } from './webAuth';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The file routes (outside the JSON API) and the contract method whose access each shares: one
 * permission table, the contract's. A route not listed here answers 404 after the sign-in check.
 */
const FILE_ROUTES: { prefix: string; method: MethodName }[] = [
  { prefix: '/api/upload/evidence', method: 'evidence.addFromPaths' },
  { prefix: '/api/files/evidence/', method: 'evidence.preview' },
  { prefix: '/api/files/document/', method: 'documents.exportPdf' },
  { prefix: '/api/upload/bundle', method: 'bundle.import' },
  { prefix: '/api/files/bundle/', method: 'bundle.export' },
  { prefix: '/api/files/export/', method: 'dashboard.export' },
];

/** The HTTP status of a refused call (domain errors stay 200 with ok:false, as the renderer reads them). */
const REFUSED_STATUS: Partial<Record<ApiError['code'], number>> = { unauthorized: 401, forbidden: 403, locked: 423 };

export type WebHost = {
  url: string;
  port: number;
  /** The per-launch token in automation mode; '' when people sign in. */
  token: string;
  close: () => Promise<void>;
};

export type WebHostOptions = {
  services: Services;
  rendererDir: string;
  port?: number;
  /**
   * 'automation' (the default for programs: tests, benchmarks, scripts): a per-launch token acts
   * as the built-in 系统 account and the printed address carries it. 'login': people sign in, the
   * address is plain. `npm run web` is 'login' unless given --automation.
   */
  mode?: 'automation' | 'login';
  token?: string;
};

/**
 * The browser host: the built renderer plus POST /api/<method>, GET /api/events (SSE) and the
 * file routes, on loopback only. Every /api route needs a signed-in session (or the automation
 * token) except the sign-in methods themselves.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const automation = (options.mode ?? 'automation') === 'automation';
  const token = automation ? (options.token ?? crypto.randomBytes(24).toString('base64url')) : null;
  const { services } = options;
  const rendererDir = path.resolve(options.rendererDir);
  let port = 0;
  const auth = webAuth(services, { port: () => port, token });
  const budget = new BodyBudget();
  const streams = new Map<http.ServerResponse, { caller: Caller; token: string | null }>();
  const onEvent = (event: AppEvent) => {
    for (const [res, stream] of streams) {
      const visible = seesPersonalData(stream.caller.account) ? event : maskForObserver(event);
      res.write(`data: ${JSON.stringify(visible)}\n\n`);
    }
  };
  services.events.on('event', onEvent);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[sucai web]', error);
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: '服务内部错误，请重试；如反复出现请联系维护人员' } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    // Only loopback names: a page on another site cannot reach us through DNS rebinding.
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostName)) return send(res, 403, '拒绝访问：只接受本机地址（127.0.0.1 或 localhost）');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', DATA_CSP);

    const target = (req.url ?? '/').split('?')[0];
    let pathname: string;
    try {
      pathname = decodeURIComponent(target);
    } catch {
      return answerThenClose(req, res, 400, { ok: false, error: { code: 'invalid_input', message: '地址中的百分号编码无效（如 %E0%A4%A），请检查地址' } });
    }
    if (pathname.includes('\0')) return answerThenClose(req, res, 400, { ok: false, error: { code: 'invalid_input', message: '地址中不能含有空字符' } });
    // checked on the request as sent: URL parsing would already have resolved ../ and %2e%2e/
    if (/(^|[/\\])\.\.([/\\]|$)/.test(pathname)) return answerThenClose(req, res, 400, { ok: false, error: { code: 'invalid_input', message: '地址中不能含有“..”' } });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return answerThenClose(req, res, 405, { ok: false, error: { code: 'invalid_input', message: '只支持 GET' } });
      return serveStatic(pathname, url, res);
    }

    const stateChanging = req.method !== 'GET' && req.method !== 'HEAD';
    if (stateChanging && !sameOrigin(req)) {
      return answerThenClose(req, res, 403, { ok: false, error: { code: 'forbidden', message: '拒绝来自其他网站的请求' } });
    }
    const caller = auth.callerFor(req, url);

    if (url.pathname === '/api/events') {
      const refused = accessProblem('signedIn', caller);
      if (refused) return json(res, REFUSED_STATUS[refused.code] ?? 403, { ok: false, error: refused });
      if (req.method !== 'GET') return answerThenClose(req, res, 405, { ok: false, error: { code: 'invalid_input', message: '只支持 GET' } });
      return openStream(req, res, caller);
    }

    if (url.pathname.startsWith('/api/files/') || url.pathname.startsWith('/api/upload/')) {
      const route = FILE_ROUTES.find((r) => url.pathname.startsWith(r.prefix));
      const refused = accessProblem(route ? contract[route.method].access : 'signedIn', caller);
      if (refused) return answerThenClose(req, res, REFUSED_STATUS[refused.code] ?? 403, { ok: false, error: refused });
      return runAs(caller, async () => {
        if (await handleBundleRoute(req, res, url, services)) return;
        if (await handleExportRoute(req, res, url, services)) return;
        if (await handleDocumentRoute(services, req, res, url)) return;
        await handleEvidenceRoute(services, req, res, url); // answers 404 for any other /api/files|upload path
      });
    }

    if (req.method !== 'POST') return answerThenClose(req, res, 405, { ok: false, error: { code: 'invalid_input', message: '接口只支持 POST' } });
    const method = pathname.slice('/api/'.length);
    // Refuse before reading a body when nobody is signed in (only the sign-in methods are public).
    const spec: MethodSpec | null = Object.hasOwn(contract, method) ? contract[method as MethodName] : null;
    const early = spec ? accessProblem(spec.access, caller) : caller.account ? null : accessProblem('signedIn', caller);
    if (early?.code === 'unauthorized') return answerThenClose(req, res, 401, { ok: false, error: early });

    const body = await readBody(req, budget);
    if (body.kind === 'aborted') return res.destroy();
    if (body.kind === 'tooLarge') {
      return answerThenClose(req, res, 413, { ok: false, error: { code: 'invalid_input', message: `请求过大（上限 ${MAX_BODY / 1024 / 1024} MB）；大文件请用上传` } });
    }
    if (body.kind === 'busy') return answerThenClose(req, res, 503, { ok: false, error: { code: 'conflict', message: '服务器正忙于接收其他大请求，请稍后重试' } });
    let input: unknown;
    try {
      input = body.text.length ? JSON.parse(body.text) : {};
    } catch {
      body.release();
      return json(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求格式错误：不是有效的 JSON' } });
    }
    const result = await dispatch(services.handlers, method, input, caller).finally(body.release);
    if (!result.ok) return json(res, REFUSED_STATUS[result.error.code] ?? 200, result);
    if (spec?.session === 'opens') {
      const value = result.value as SignedIn;
      const { grant, ...rest } = value;
      if (grant) res.setHeader('Set-Cookie', auth.grantCookie(grant));
      return json(res, 200, { ok: true, value: rest });
    }
    if (spec?.session === 'closes') {
      res.setHeader('Set-Cookie', auth.clearCookie(req));
      const ended = auth.sessionToken(req);
      for (const [stream, info] of streams) if (info.token === ended) stream.end();
    }
    return json(res, 200, result);
  }

  /** A state-changing request from a page must come from our own origin (the cookie is SameSite=Strict too). */
  function sameOrigin(req: http.IncomingMessage): boolean {
    if (req.headers['sec-fetch-site'] === 'cross-site') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true; // not a browser page (tests, scripts, curl)
    return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || origin === `http://[::1]:${port}`;
  }

  function openStream(req: http.IncomingMessage, res: http.ServerResponse, caller: Caller) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.set(res, { caller, token: auth.sessionToken(req) });
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  function serveStatic(pathname: string, url: URL, res: http.ServerResponse) {
    const relative = path.normalize(pathname).replace(/^([/\\])+/, '');
    let file = path.join(rendererDir, relative);
    if (file !== rendererDir && !file.startsWith(rendererDir + path.sep)) return send(res, 403, '拒绝访问');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const isPage = file.endsWith('index.html');
    const headers: http.OutgoingHttpHeaders = { 'Content-Type': type, 'Cache-Control': isPage ? 'no-store' : 'max-age=3600' };
    if (isPage) {
      headers['Content-Security-Policy'] = RENDERER_CSP;
      const cookie = auth.automationCookie(url);
      if (cookie) headers['Set-Cookie'] = cookie;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: token ? `http://127.0.0.1:${port}/?token=${token}` : `http://127.0.0.1:${port}/`,
    port,
    token: token ?? '',
    close: () =>
      new Promise<void>((resolve) => {
        services.events.off('event', onEvent);
        for (const res of streams.keys()) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function send(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
