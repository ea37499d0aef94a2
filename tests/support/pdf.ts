// Reading generated documents back in tests: docx → PDF with LibreOffice (the same converter the app
// uses, with the project fontconfig and a private profile), text with pdftotext, pages, PNG renders.
// Convert one document at a time: LibreOffice takes a core for ~1–2 s per file.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { convertDocxToPdf, findSoffice, fontconfigFile } from '../../electron/services/documents/pdf';

export const hasSoffice = (): boolean => findSoffice() !== null;

/** docx → PDF next to it (same base name); returns the PDF path. */
export async function docxToPdf(docx: string, outPdf = docx.replace(/\.docx$/i, '.pdf')): Promise<string> {
  await convertDocxToPdf(docx, outPdf, { timeoutMs: 120_000 });
  return outPdf;
}

/** The text of a PDF, one string per page (pdftotext splits pages with form feeds). */
export function pdfPages(pdf: string, options: { layout?: boolean } = {}): string[] {
  const out = execFileSync('pdftotext', [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = out.split('\f');
  if (pages.length && pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Whole text with all whitespace removed: pdftotext puts spaces between CJK and digits. */
export const compact = (text: string): string => text.replace(/\s+/g, '');

export function pdfText(pdf: string): string {
  return pdfPages(pdf).join('\f');
}

export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** Fonts embedded in the PDF (to check that 仿宋/宋体/黑体 resolved to CJK fonts). */
export function pdfFonts(pdf: string): string[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Renders pages to PNG (pdftoppm): `<outPrefix>-1.png`, … Returns the files written. */
export function renderPng(pdf: string, outPrefix: string, options: { dpi?: number; first?: number; last?: number } = {}): string[] {
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  const args = ['-png', '-r', String(options.dpi ?? 60)];
  if (options.first) args.push('-f', String(options.first));
  if (options.last) args.push('-l', String(options.last));
  execFileSync('pdftoppm', [...args, pdf, outPrefix], { env: { ...process.env, ...(fontconfigFile() ? { FONTCONFIG_FILE: fontconfigFile() as string } : {}) } });
  const dir = path.dirname(outPrefix);
  const base = path.basename(outPrefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(dir, f));
}

export type PdfLine = { page: number; y: number; xMin: number; xMax: number; text: string };

/** The text lines of a PDF with their horizontal extent in points (pdftotext -bbox, words grouped by baseline). */
export function pdfLines(pdf: string): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: PdfLine[] = [];
  let page = 0;
  for (const m of html.matchAll(/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    const [xMin, yMin, xMax, text] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] as string];
    const line = lines.find((l) => l.page === page && Math.abs(l.y - yMin) < 2);
    if (line) {
      line.xMin = Math.min(line.xMin, xMin);
      line.xMax = Math.max(line.xMax, xMax);
      line.text += text;
    } else lines.push({ page, y: yMin, xMin, xMax, text });
  }
  return lines;
}
