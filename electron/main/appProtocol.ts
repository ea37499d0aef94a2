import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { APP_PROTOCOL } from '../core/ipcChannels';
import { RENDERER_CSP } from '../core/csp';
import type { Services } from '../services/createServices';
import { exhibitFile } from '../services/evidence/files';

/** sucai://app/… serves the built renderer; nothing outside that folder is reachable. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

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
    return new Response(error instanceof Error ? error.message : '文件不存在', { status: 404 });
  }
}

export function serveRenderer(rendererDir: string, services: Services): void {
  protocol.handle(APP_PROTOCOL, (request) => {
    const { pathname } = new URL(request.url);
    const served = serveFile(services, pathname);
    if (served) return served;
    let file = path.join(rendererDir, path.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir)) return new Response('forbidden', { status: 403 });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
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
