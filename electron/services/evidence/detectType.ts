/**
 * What a stored file is, from its bytes (never from its name): file-type's magic numbers first,
 * then plain text (UTF-8, or GB18030/GBK as saved on Chinese Windows), else octet-stream.
 * PDFs also get a page count.
 */
import fs from 'node:fs';
import FileType from 'file-type';
import { PDFDocument } from 'pdf-lib';

export type DetectedType = { mime: string; extension: string | null; pageCount: number | null };

/** pdf-lib parses the whole document in memory: above this size the page count is left empty. */
export const PDF_PAGE_COUNT_MAX_BYTES = 256 * 1024 * 1024;
const TEXT_SAMPLE_BYTES = 64 * 1024;

export async function detectType(file: string, size: number, fileName: string): Promise<DetectedType> {
  const sniffed = size > 0 ? await FileType.fromFile(file) : undefined;
  if (sniffed) {
    const pageCount = sniffed.mime === 'application/pdf' ? await pdfPageCount(file, size) : null;
    return { mime: sniffed.mime, extension: sniffed.ext, pageCount };
  }
  if (size > 0 && (await looksLikeText(file))) {
    const csv = /\.csv$/i.test(fileName.trim());
    return { mime: csv ? 'text/csv' : 'text/plain', extension: csv ? 'csv' : 'txt', pageCount: null };
  }
  return { mime: 'application/octet-stream', extension: null, pageCount: null };
}

async function pdfPageCount(file: string, size: number): Promise<number | null> {
  if (size > PDF_PAGE_COUNT_MAX_BYTES) return null;
  try {
    const bytes = await fs.promises.readFile(file);
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
    return doc.getPageCount();
  } catch {
    return null; // damaged or unusual PDF: still stored, page count unknown
  }
}

async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(TEXT_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const sample = buf.subarray(0, bytesRead);
    const complete = bytesRead < TEXT_SAMPLE_BYTES;
    return isText(sample, complete);
  } finally {
    await handle.close();
  }
}

/** Control characters other than tab, LF, FF, CR (and ESC/SUB) mean binary. */
function hasBinaryControls(text: string): boolean {
  return /[\u0000-\u0008\u000b\u000e-\u0019\u001c-\u001f\u007f]/.test(text);
}

/** Drops an incomplete UTF-8 sequence at the end of a sample cut from a longer file. */
export function trimPartialUtf8(buf: Buffer): Buffer {
  let i = buf.length - 1;
  let back = 0;
  while (i >= 0 && back < 4 && (buf[i] & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return buf;
  const lead = buf[i];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return need > back + 1 ? buf.subarray(0, i) : buf;
}

export function isText(sample: Buffer, complete: boolean): boolean {
  const body = complete ? sample : trimPartialUtf8(sample);
  const start = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0;
  try {
    return !hasBinaryControls(new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(start)));
  } catch {
    // not UTF-8: GB18030 (a superset of GBK) with every byte mapped and no control characters;
    // a sample cut from a longer file may end inside a character, so its last few may be broken
    const text = new TextDecoder('gb18030').decode(sample);
    const bad = text.indexOf('\ufffd');
    return (bad === -1 || (!complete && bad >= text.length - 4)) && !hasBinaryControls(text);
  }
}
