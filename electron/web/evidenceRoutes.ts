/**
 * Evidence over HTTP (the web host calls this after its sign-in and role check, as the caller):
 *
 * POST /api/upload/evidence?caseId=&fileName=&track=&submittedBy=[&importId=]
 *   The raw request body is the file. It is streamed into the evidence store (never buffered),
 *   then the exhibit is created. Answers an ApiResult whose value is the new ExhibitView.
 *   A client that closes the request, or evidence.cancelImport with the same importId, leaves no
 *   file and no exhibit. Progress goes out as evidence.importProgress events (SSE).
 *
 * GET|HEAD /api/files/evidence/<exhibitId>[?download=1]   (for <img>/<video>/pdf.js, and the download link)
 *   The stored file with its content type, inline (an attachment with download=1, recorded on the
 *   case timeline), `nosniff`, single byte ranges (206/416).
 *   The path comes from the exhibit's SHA-256 only, so nothing outside the store is reachable.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { z } from 'zod';
import { AppFailure, errorStatus, type ApiResult } from '../core/contract';
import { toApiError } from '../services/failures';
import { submitters, tracks } from '../core/domain';
import type { Services } from '../services/createServices';
import { beginImport, importSources } from '../services/evidence/imports';
import { evidenceMaxBytes, formatBytes } from '../services/evidence/limits';
import { exhibitFile, type ExhibitFile } from '../services/evidence/files';
import { recordEvidenceDownload } from '../services/sensitiveReads';

const uploadQuery = z.object({
  caseId: z.coerce.number().int().positive(),
  fileName: z.string().trim().min(1).max(255),
  track: z.enum(tracks),
  submittedBy: z.enum(submitters),
  importId: z.string().min(1).max(64).optional(),
});

/** Returns false when the path is not an evidence route (the caller goes on). */
export async function handleEvidenceRoute(services: Services, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  if (url.pathname === '/api/upload/evidence') {
    if (req.method !== 'POST') methodNotAllowed(res, 'POST');
    else await upload(services, req, res, url);
    return true;
  }
  const file = /^\/api\/files\/evidence\/(\d{1,12})$/.exec(url.pathname);
  if (file) {
    if (req.method !== 'GET' && req.method !== 'HEAD') methodNotAllowed(res, 'GET, HEAD');
    else serveFile(services, req, res, Number(file[1]), url.searchParams.get('download') === '1');
    return true;
  }
  if (url.pathname.startsWith('/api/upload/') || url.pathname.startsWith('/api/files/')) {
    fail(res, new AppFailure('not_found', '没有这个地址'));
    return true;
  }
  return false;
}

async function upload(services: Services, req: http.IncomingMessage, res: http.ServerResponse, url: URL) {
  const query = uploadQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return fail(res, new AppFailure('invalid_input', '上传参数不完整：需要 caseId、fileName、track、submittedBy'), true);
  const { caseId, fileName, track, submittedBy, importId } = query.data;
  const length = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  const max = evidenceMaxBytes();
  if (length !== null && Number.isFinite(length) && length > max) {
    return fail(res, new AppFailure('invalid_input', `文件“${fileName}”超过大小上限 ${formatBytes(max)}，未保存`), true);
  }
  const ctx = services.ctx;
  let run: ReturnType<typeof beginImport>;
  try {
    run = beginImport(ctx, importId);
  } catch (error) {
    return fail(res, error, true);
  }
  // the client went away before the whole body arrived: abort, which removes the partial file
  const onClose = () => {
    if (!req.complete) run.abort();
  };
  req.on('close', onClose);
  try {
    const [exhibit] = await importSources(ctx, { caseId, track, submittedBy }, [{ fileName, total: length, open: () => req }], run);
    json(res, 200, { ok: true, value: exhibit });
  } catch (error) {
    fail(res, error, true, ctx.dataDir);
  } finally {
    req.off('close', onClose);
    run.release();
  }
}

/** `download`: the user asked to download the file (an attachment, recorded on the case timeline); otherwise it is shown inline. */
function serveFile(services: Services, req: http.IncomingMessage, res: http.ServerResponse, id: number, download: boolean) {
  let stored: ExhibitFile;
  try {
    stored = exhibitFile(services.ctx, id);
  } catch (error) {
    return fail(res, error);
  }
  const { row, file, size } = stored;

  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': row.mime,
    'Content-Disposition': contentDisposition(row.fileName, download ? 'attachment' : 'inline'),
    'X-Content-Type-Options': 'nosniff',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, no-cache',
    ETag: `"${row.sha256}"`,
  };
  // Evidence is data, never a page of ours: no script may run if a stored XML/HTML-like file is
  // opened directly. PDFs are exempt so the browser's own viewer may still show them.
  if (row.mime !== 'application/pdf') headers['Content-Security-Policy'] = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

  const range = parseRange(req.headers.range, size);
  if (range === 'invalid') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` });
    return res.end();
  }
  const [start, end] = range ?? [0, size - 1];
  if (download && req.method === 'GET' && start === 0) recordEvidenceDownload(services.ctx, id);
  const length = size === 0 ? 0 : end - start + 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': length,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) return res.end();
  const stream = fs.createReadStream(file, { start, end, highWaterMark: 1024 * 1024 });
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

/**
 * One `bytes=` range (first-last, first-, -suffix) → [start, end]; null means send the whole file
 * (no header, several ranges, or another unit); 'invalid' means 416.
 */
export function parseRange(header: string | undefined, size: number): [number, number] | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return 'invalid';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start >= size || start > end) return 'invalid';
  return [start, end];
}

/** `inline; filename="ascii fallback"; filename*=UTF-8''percent-encoded` (RFC 6266 / 8187). */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment' = 'inline'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function json(res: http.ServerResponse, status: number, value: unknown, close = false) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...(close ? { Connection: 'close' } : {}) });
  res.end(JSON.stringify(value));
}

/** Errors as the API's ApiResult; `close` when the request body may not have been read to the end. */
function fail(res: http.ServerResponse, error: unknown, close = false, dataDir?: string) {
  const result: ApiResult<never> = { ok: false, error: toApiError(error, 'evidence route', dataDir) };
  json(res, errorStatus[result.error.code], result, close);
}

function methodNotAllowed(res: http.ServerResponse, allow: string) {
  res.writeHead(405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('method not allowed');
}
