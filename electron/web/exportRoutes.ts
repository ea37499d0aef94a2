import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Services } from '../services/createServices';
import { exportsDir } from '../services/dashboard/exportDashboard';

const DOWNLOAD_PREFIX = '/api/files/export/';

/** An export file name as dashboard.export writes it: one path segment, no leading dot, .xlsx. */
function safeExportName(raw: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (!name || name !== path.basename(name) || /[\\/\u0000]/.test(name) || name.startsWith('.') || !name.endsWith('.xlsx')) return null;
  return name;
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(value));
}

/**
 * GET /api/files/export/<fileName>: downloads an xlsx written by dashboard.export from
 * <dataDir>/exports/ (called after the sign-in and role check). Returns false for any other path.
 */
export async function handleExportRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, services: Services): Promise<boolean> {
  if (!url.pathname.startsWith(DOWNLOAD_PREFIX)) return false;
  if (req.method !== 'GET') {
    json(res, 405, { ok: false, error: { code: 'invalid_input', message: '只支持下载' } });
    return true;
  }
  const name = safeExportName(url.pathname.slice(DOWNLOAD_PREFIX.length));
  const file = name ? path.join(exportsDir(services.ctx.dataDir), name) : null;
  const stat = file ? fs.statSync(file, { throwIfNoEntry: false }) : undefined;
  if (!file || !name || !stat?.isFile()) {
    json(res, 404, { ok: false, error: { code: 'not_found', message: '导出文件不存在，请重新导出' } });
    return true;
  }
  res.writeHead(200, {
    'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'Content-Length': String(stat.size),
    'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'Cache-Control': 'no-store',
  });
  await pipeline(fs.createReadStream(file), res).catch(() => res.destroy());
  return true;
}
