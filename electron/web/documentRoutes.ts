/**
 * Generated documents over HTTP (the web host calls this after its sign-in and role check):
 *
 * GET|HEAD /api/files/document/<documentId>?format=docx|pdf
 *   The stored docx (default) or its PDF (converted with LibreOffice on first request), as an
 *   attachment named after the document title and version (filename*=UTF-8''…).
 *   The path comes from the documents table only, so nothing else in the data folder is reachable.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { AppFailure, errorStatus, type ApiResult } from '../core/contract';
import { toApiError } from '../services/failures';
import type { Services } from '../services/createServices';
import { documentPath, requireDocument } from '../services/documents/generate';
import { exportDocumentPdf } from '../services/documents/pdf';

const PREFIX = /^\/api\/files\/document\/(\d{1,12})$/;
const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

function fail(res: http.ServerResponse, error: unknown) {
  const result: ApiResult<never> = { ok: false, error: toApiError(error, 'document download') };
  res.writeHead(errorStatus[result.error.code], { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

/** "受理通知书（张三等30人）-第2版.docx", without characters file systems refuse. */
function downloadName(title: string, version: number, ext: 'docx' | 'pdf'): string {
  return `${title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')}-第${version}版.${ext}`;
}

/** Returns false when the path is not a document route (the caller goes on). */
export async function handleDocumentRoute(services: Services, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
  const match = PREFIX.exec(url.pathname);
  if (!match) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('method not allowed');
    return true;
  }
  const format = url.searchParams.get('format') ?? 'docx';
  if (format !== 'docx' && format !== 'pdf') {
    fail(res, new AppFailure('invalid_input', 'format 只能是 docx 或 pdf'));
    return true;
  }
  try {
    const row = requireDocument(services.ctx.db, Number(match[1]));
    const file = format === 'pdf' ? (await exportDocumentPdf(services.ctx, row.id)).path : documentPath(services.ctx.dataDir, row);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new AppFailure('not_found', `文书文件缺失：${row.fileName}，请重新生成`);
    const name = downloadName(row.title, row.version, format);
    res.writeHead(200, {
      'Content-Type': TYPES[format],
      'Content-Length': stat.size,
      'Content-Disposition': `attachment; filename="${row.fileName.replace(/\.docx$/, `.${format}`)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  } catch (error) {
    fail(res, error);
  }
  return true;
}
