import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppFailure, type ApiResult, type BundleImportReport } from '../core/contract';
import type { Services } from '../services/createServices';
import { toApiError } from '../services/failures';
import { bundlesDir } from '../services/bundle/exportBundle';
import { importBundle } from '../services/bundle/importBundle';
import { bundleLimits } from '../services/bundle/limits';

const DOWNLOAD_PREFIX = '/api/files/bundle/';
const UPLOAD_PATH = '/api/upload/bundle';

/** A bundle file name as export writes it: one path segment, no leading dot, ending .sucai.zip. */
function safeBundleName(raw: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!name || name !== path.basename(name) || /[\\/\u0000]/.test(name) || name.startsWith('.') || !name.endsWith('.sucai.zip')) return null;
  return name;
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

/**
 * The two bundle routes of the web host (called after the sign-in and role check, as the caller):
 * GET /api/files/bundle/<fileName> downloads an exported bundle from <dataDir>/bundles/;
 * POST /api/upload/bundle?fileName= streams the body to <dataDir>/bundles/incoming/<random>.zip,
 * imports it, removes the upload, and answers { ok, value | error }.
 * Returns false for any other path.
 */
export async function handleBundleRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, services: Services): Promise<boolean> {
  if (url.pathname.startsWith(DOWNLOAD_PREFIX)) {
    if (req.method !== 'GET') {
      json(res, 405, { ok: false, error: { code: 'invalid_input', message: '只支持下载' } });
      return true;
    }
    const name = safeBundleName(url.pathname.slice(DOWNLOAD_PREFIX.length));
    const file = name ? path.join(bundlesDir(services.ctx.dataDir), name) : null;
    const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!file || !name || !stat?.isFile()) {
      json(res, 404, { ok: false, error: { code: 'not_found', message: '案卷包不存在，请重新导出' } });
      return true;
    }
    res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(stat.size),
      'Content-Disposition': `attachment; filename="bundle.sucai.zip"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    await pipeline(fs.createReadStream(file), res).catch(() => res.destroy());
    return true;
  }

  if (url.pathname !== UPLOAD_PATH) return false;
  if (req.method !== 'POST') {
    json(res, 405, { ok: false, error: { code: 'invalid_input', message: '只支持上传' } });
    return true;
  }
  const displayName = path.basename((url.searchParams.get('fileName') ?? '').replace(/\\/g, '/')).slice(0, 200) || '上传的案卷包';
  const incoming = path.join(bundlesDir(services.ctx.dataDir), 'incoming');
  fs.mkdirSync(incoming, { recursive: true });
  const file = path.join(incoming, `${crypto.randomBytes(12).toString('hex')}.zip`);
  const maxBytes = bundleLimits().maxTotalBytes;
  let received = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > maxBytes) return done(new AppFailure('invalid_input', `案卷包过大（上限 ${Math.round(maxBytes / 1024 ** 2)} MB），未导入`));
      done(null, chunk);
    },
  });
  let result: ApiResult<BundleImportReport>;
  try {
    await pipeline(req, meter, fs.createWriteStream(file, { flags: 'wx' }));
    result = { ok: true, value: await importBundle(services.ctx, file, { displayName }) };
  } catch (error) {
    result = { ok: false, error: toApiError(error, 'bundle upload', services.ctx.dataDir) };
  } finally {
    fs.rmSync(file, { force: true });
  }
  json(res, 200, result);
  return true;
}
