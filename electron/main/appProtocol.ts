import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_PROTOCOL } from '../core/ipcChannels';

/** sucai://app/… serves the built renderer; nothing outside that folder is reachable. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_PROTOCOL, (request) => {
    const { pathname } = new URL(request.url);
    let file = path.join(rendererDir, path.normalize(decodeURIComponent(pathname)));
    if (!file.startsWith(rendererDir)) return new Response('forbidden', { status: 403 });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(rendererDir, 'index.html');
    return net.fetch(pathToFileURL(file).toString());
  });
}
