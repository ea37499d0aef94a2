import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppEvent } from '../core/contract';
import type { Services } from '../services/createServices';
import { dispatch } from '../services/dispatch';
import { systemCaller } from '../services/caller';
import { handleBundleRoute } from './bundleRoutes';
import { handleEvidenceRoute } from './evidenceRoutes';
import { handleDocumentRoute } from './documentRoutes';
import { handleExportRoute } from './exportRoutes';

const MAX_BODY = 40 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export type WebHost = { url: string; port: number; token: string; close: () => Promise<void> };

/**
 * The browser host: the built renderer plus POST /api/<method> and GET /api/events (SSE), on
 * loopback only, every API call carrying the per-launch token.
 */
export async function startWebHost(options: { services: Services; rendererDir: string; port?: number; token?: string }): Promise<WebHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const { services, rendererDir } = options;
  const streams = new Set<http.ServerResponse>();
  const onEvent = (event: AppEvent) => {
    for (const res of streams) res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  services.events.on('event', onEvent);

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('[sucai web]', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Only loopback names: a page on another site cannot reach us through DNS rebinding.
    const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(hostName)) return send(res, 403, 'forbidden');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');

    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-sucai-token'] ?? url.searchParams.get('token');
      if (!given || !safeEqual(String(given), token)) {
        return json(res, 401, { ok: false, error: { code: 'unauthorized', message: '访问令牌无效：请使用启动时打印的完整地址打开' } });
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openStream(req, res);
      if (await handleBundleRoute(req, res, url, services)) return;
      if (await handleExportRoute(req, res, url, services)) return;
      // generated documents (docx / pdf download): before the evidence routes, which answer 404 for other /api/files/ paths
      if (await handleDocumentRoute(services, req, res, url)) return;
      // evidence upload (streamed body) and file download (ranges): after the token check
      if (await handleEvidenceRoute(services, req, res, url)) return;
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      const body = await readBody(req);
      if (body === null) return json(res, 413, { ok: false, error: { code: 'invalid_input', message: '请求过大（上限 40 MB）' } });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return json(res, 400, { ok: false, error: { code: 'invalid_input', message: '请求格式错误' } });
      }
      const result = await dispatch(services.handlers, decodeURIComponent(url.pathname.slice('/api/'.length)), input, systemCaller('web'));
      return json(res, 200, result);
    }
    return serveStatic(url.pathname, res);
  }

  function openStream(req: http.IncomingMessage, res: http.ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse) {
    const relative = path.normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = path.join(rendererDir, relative);
    if (!file.startsWith(rendererDir)) return send(res, 403, 'forbidden');
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600' });
    fs.createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        services.events.off('event', onEvent);
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

function send(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
