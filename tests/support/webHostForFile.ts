import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { openTestServices, tempDataDir } from './services';

/** A folder standing in for the built renderer: an index.html only. */
export function stubRendererDir(): string {
  const dir = tempDataDir('sucai-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>速裁台</title>');
  return dir;
}

/**
 * One web host for the whole test file, on fresh services and a stub renderer: started before the
 * file's tests, closed after them. Read `web.host` inside the tests.
 */
export function webHostForFile(): { readonly host: WebHost; readonly services: Services } {
  let services: Services | null = null;
  let host: WebHost | null = null;
  beforeAll(async () => {
    services = openTestServices();
    host = await startWebHost({ services, rendererDir: stubRendererDir() });
  });
  afterAll(async () => {
    await host?.close();
    services?.close();
  });
  return {
    get host() {
      if (!host) throw new Error('web host not started yet (read it inside a test)');
      return host;
    },
    get services() {
      if (!services) throw new Error('services not opened yet (read them inside a test)');
      return services;
    },
  };
}
