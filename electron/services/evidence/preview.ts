/**
 * evidence.preview: what the viewer shows for types the browser cannot render itself.
 * - xlsx: every visible sheet, cached formula results (never recalculated), first 500 rows × 50
 *   columns each, `truncated` when there is more. Workbooks over 64 MiB are not parsed (exceljs
 *   holds the workbook in memory) and get kind 'none'.
 * - csv: a table from the first 200 KB; txt (any other text): the first 200 KB as text.
 *   UTF-8 (with or without BOM) or GBK/GB18030.
 * - anything else: kind 'none' (PDF, images and video are fetched from /api/files/… directly).
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { AppFailure, type MethodOutput } from '../../core/contract';
import type { ServiceContext } from '../context';
import { decodeText, parseDelimited, plainCellValue } from '../roster/readRoster';
import { trimPartialUtf8 } from './detectType';
import { storedExhibit } from './files';

export type Preview = MethodOutput<'evidence.preview'>;

export const PREVIEW_MAX_ROWS = 500;
export const PREVIEW_MAX_COLS = 50;
export const PREVIEW_TEXT_BYTES = 200 * 1024;
export const PREVIEW_XLSX_MAX_BYTES = 64 * 1024 * 1024;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function previewExhibit(ctx: ServiceContext, id: number): Promise<Preview> {
  const { row, file } = storedExhibit(ctx, id);
  if (!fs.existsSync(file)) throw new AppFailure('not_found', `证据文件缺失（SHA-256 ${row.sha256.slice(0, 12)}…），请运行“校验”查看`);

  if (row.mime === XLSX_MIME) {
    if (row.size > PREVIEW_XLSX_MAX_BYTES) return { kind: 'none' };
    return previewXlsx(file);
  }
  if (row.mime.startsWith('text/')) {
    const { text, truncated } = await readTextHead(file, row.size);
    if (row.mime === 'text/csv' || /\.csv$/i.test(row.fileName)) return { kind: 'table', sheets: [csvSheet(row.fileName, text, truncated)] };
    return { kind: 'text', text, truncated };
  }
  return { kind: 'none' };
}

async function previewXlsx(file: string): Promise<Preview> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return { kind: 'none' };
  }
  const sheets: { name: string; rows: string[][]; truncated: boolean }[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') return;
    const rows: string[][] = [];
    let truncated = false;
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (rowNumber > PREVIEW_MAX_ROWS) {
        truncated = true;
        return;
      }
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > PREVIEW_MAX_COLS) {
          truncated = true;
          return;
        }
        if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
        const value = plainCellValue(cell.value);
        cells[col - 1] = value === null ? '' : String(value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    sheets.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []), truncated });
  });
  return { kind: 'table', sheets };
}

async function readTextHead(file: string, size: number): Promise<{ text: string; truncated: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, PREVIEW_TEXT_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const truncated = size > PREVIEW_TEXT_BYTES;
    const head = buf.subarray(0, bytesRead);
    let text = decodeText(truncated ? trimUtf8Tail(head) : head).replace(/^\ufeff/, '');
    if (truncated) text = text.replace(/\ufffd+$/, '');
    return { text, truncated };
  } finally {
    await handle.close();
  }
}

/** Keeps a cut UTF-8 sample decodable as UTF-8 (otherwise decodeText would fall back to GBK). */
function trimUtf8Tail(buf: Buffer): Buffer {
  const trimmed = trimPartialUtf8(buf);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimmed);
    return trimmed;
  } catch {
    return buf; // not UTF-8 at all: GBK decoding of the whole head
  }
}

function csvSheet(fileName: string, text: string, cut: boolean): { name: string; rows: string[][]; truncated: boolean } {
  const sample = text.split(/\r?\n/).slice(0, 20);
  const count = (ch: string) => sample.reduce((n, l) => n + l.split(ch).length - 1, 0);
  const delimiter = [',', '\t', ';'].sort((a, b) => count(b) - count(a))[0] ?? ',';
  // a cut file ends with a partial line: drop it
  const parsed = parseDelimited(cut ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text, delimiter);
  const truncated = cut || parsed.length > PREVIEW_MAX_ROWS || parsed.some((r) => r.length > PREVIEW_MAX_COLS);
  return {
    name: fileName.replace(/\.[^.]+$/, ''),
    rows: parsed.slice(0, PREVIEW_MAX_ROWS).map((r) => r.slice(0, PREVIEW_MAX_COLS)),
    truncated,
  };
}
