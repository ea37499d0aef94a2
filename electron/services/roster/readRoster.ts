import { AppFailure } from '../../core/contract';
/**
 * Reads a roster file (.xlsx / .csv) into plain grids of cached cell values, and builds the
 * import preview from the best sheet. Node side (exceljs).
 */
import ExcelJS from 'exceljs';
import { parseRosterGrid, type Grid, type GridCell, type GridMerge, type RosterPreview } from '../../core/workers/rosterGrid';

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '');
}

function unsupported(fileName: string): AppFailure {
  return new AppFailure('invalid_input', `无法读取文件“${baseName(fileName)}”：仅支持 .xlsx 和 .csv，请在表格软件中另存为 .xlsx`);
}

function toBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export async function readRosterFile(fileName: string, bytes: Buffer | Uint8Array): Promise<Grid[]> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'xlsm') return readXlsx(fileName, toBuffer(bytes));
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return [readCsv(fileName, toBuffer(bytes))];
  throw unsupported(fileName);
}

// ---------------------------------------------------------------------------------------------
// .xlsx

const pad = (n: number) => String(n).padStart(2, '0');

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  // exceljs returns spreadsheet dates as UTC instants
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  return h || mi ? `${day} ${pad(h)}:${pad(mi)}` : day;
}

/** exceljs cell value → the value the user sees (cached formula results, rich text as text…). */
export function plainCellValue(value: unknown): GridCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return 'result' in v ? plainCellValue(v.result) : null;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('hyperlink' in v || 'text' in v) return plainCellValue(v.text);
    if ('error' in v) return String(v.error);
  }
  return null;
}

/** "B3:D4" → 0-based bounds */
function parseRange(ref: string): GridMerge | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const a = { r: Number(m[2]) - 1, c: col(m[1]) };
  const b = { r: Number(m[4]) - 1, c: col(m[3]) };
  return { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
}

function isBlank(v: GridCell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

async function readXlsx(fileName: string, buf: Buffer): Promise<Grid[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    if (buf.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
      // an old .xls (or an encrypted workbook) renamed to .xlsx
      throw unsupported(fileName);
    }
    throw new AppFailure('invalid_input', `无法读取文件“${baseName(fileName)}”：文件已损坏或不是有效的 .xlsx 表格，请在表格软件中打开后另存为 .xlsx`);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state === 'hidden' || ws.state === 'veryHidden') return;
    const merges = ((ws.model as { merges?: string[] }).merges ?? [])
      .map(parseRange)
      .filter((m): m is GridMerge => m !== null);
    const rows: GridCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: GridCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // cells covered by a merge repeat the top-left value in exceljs; keep them empty
        if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
        cells[colNumber - 1] = plainCellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    // trim empty trailing cells and rows
    for (const r of rows) while (r.length && isBlank(r[r.length - 1])) r.pop();
    while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
    if (!rows.length) return;
    grids.push({ sheetName: ws.name, rows, merges });
  });
  return grids;
}

// ---------------------------------------------------------------------------------------------
// .csv

/** UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 as saved by Excel on Chinese Windows. */
export function decodeText(buf: Buffer): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(buf.subarray(3));
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  const count = (ch: string) => sample.reduce((n, l) => n + l.split(ch).length - 1, 0);
  const candidates = [',', '\t', ';'].map((ch) => ({ ch, n: count(ch) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0].n > 0 ? candidates[0].ch : ',';
}

/** RFC 4180 style: quoted fields may hold delimiters, doubled quotes and line breaks. */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function readCsv(fileName: string, buf: Buffer): Grid {
  const text = decodeText(buf).replace(/^\ufeff/, '');
  const rows: GridCell[][] = parseDelimited(text, detectDelimiter(text)).map((r) =>
    r.map((c) => (c.trim() === '' ? null : c)),
  );
  for (const r of rows) while (r.length && isBlank(r[r.length - 1])) r.pop();
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const sheetName = baseName(fileName).replace(/\.[^.]+$/, '');
  return { sheetName, rows };
}

// ---------------------------------------------------------------------------------------------
// Preview

/** Reads the file and builds the preview from the sheet that holds the roster. */
export async function previewRoster(fileName: string, bytes: Buffer | Uint8Array, today: string): Promise<RosterPreview> {
  const grids = await readRosterFile(fileName, bytes);
  if (!grids.length) throw new AppFailure('invalid_input', `文件“${baseName(fileName)}”中没有任何内容`);
  let best: RosterPreview | null = null;
  for (const g of grids) {
    const p = parseRosterGrid(g, today);
    if (!p.headerRows.length) continue;
    if (!best || (best.drafts.length === 0 && p.drafts.length > 0)) best = p;
  }
  if (!best) {
    const names = grids.map((g) => `“${g.sheetName}”`).join('、');
    throw new AppFailure(
      'invalid_input',
      `未在文件“${baseName(fileName)}”中找到职工名单：已查看工作表${names}，请确认表格含有“姓名”“身份证号码”等列名`,
    );
  }
  return best;
}
