import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { APP_PROTOCOL } from '../core/ipcChannels';
import { RENDERER_CSP } from '../core/csp';
import type { Services } from '../services/createServices';
import { exhibitFile } from '../services/evidence/files';

/** Registered before ready: sucai://app is a standard, secure origin that fetch() may use. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const text = (body: string, status: number) => new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * The same file paths the web host serves (/api/files/evidence/<id>), answered from the services,
 * so the renderer's viewers work unchanged in the desktop app.
 */
function serveFile(services: Services, pathname: string): Response | null {
  const evidence = pathname.match(/^\/api\/files\/evidence\/(\d+)$/);
  if (!evidence) return null;
  try {
    const { file, row, size } = exhibitFile(services.ctx, Number(evidence[1]));
    const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream;
    return new Response(body, { headers: { 'Content-Type': row.mime, 'Content-Length': String(size), 'X-Content-Type-Options': 'nosniff' } });
  } catch (error) {
    return text(error instanceof Error ? error.message : '文件不存在', 404);
  }
}

/** The built file a path names, or null: only files inside rendererDir, `/` is index.html. */
function rendererFile(rendererDir: string, pathname: string): string | null {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const file = path.resolve(rendererDir, `.${relative}`);
  const inside = path.relative(rendererDir, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null; // missing, or a name the file system refuses (e.g. a NUL byte)
  }
}

/**
 * sucai://app/… serves the built renderer and the evidence files; everything else — an unknown
 * file, any other /api/ path, another host — is a 404, never index.html.
 */
export function serveRenderer(rendererDir: string, services: Services): void {
  protocol.handle(APP_PROTOCOL, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return text('未找到', 404);
    const served = serveFile(services, url.pathname);
    if (served) return served;
    const file = url.pathname.startsWith('/api/') ? null : rendererFile(rendererDir, url.pathname);
    if (!file) return text('未找到', 404);
    if (!file.endsWith('index.html')) return net.fetch(pathToFileURL(file).toString());
    // the page's CSP as a header, as the web host sends it (a <meta> cannot carry frame-ancestors)
    return net.fetch(pathToFileURL(file).toString()).then((page) => {
      const headers = new Headers(page.headers);
      headers.set('Content-Security-Policy', RENDERER_CSP);
      headers.set('X-Frame-Options', 'DENY');
      return new Response(page.body, { status: page.status, headers });
    });
  });
}
