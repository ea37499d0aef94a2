/**
 * Small evidence files made from a case's own facts: a wage ledger (PDF), a site photo (PNG) and
 * the roster (xlsx). Deterministic bytes for the same input, so a file used twice is stored once
 * (the store is content-addressed). The PDF uses the reader's built-in Chinese font (STSong-Light,
 * Adobe-GB1), so it stays a few kilobytes.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { formatYuan } from '../../../core/money';
import type { Rng } from '../random';

export type LedgerRow = { name: string; idNumber: string; owedFen: number; trade?: string | null };

// ── PDF ──────────────────────────────────────────────────────────────────────────────────────────
function utf16Hex(text: string): string {
  return Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
}

/** A one-page A4 PDF: lines of (x, y, size, text). */
export function tinyPdf(lines: { x: number; y: number; size: number; text: string }[], rules: { x1: number; y1: number; x2: number; y2: number }[] = []): Buffer {
  const content =
    rules.map((r) => `${r.x1} ${r.y1} m ${r.x2} ${r.y2} l S`).join('\n') +
    '\n' +
    lines.map((l) => `BT /F1 ${l.size} Tf ${l.x} ${l.y} Td <${utf16Hex(l.text)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** 工资发放台账: who was owed what on the project (up to 30 rows; the rest summed on the last line). */
export function wageLedgerPdf(facts: { project: string; employer: string; period: string; rows: LedgerRow[] }): Buffer {
  const lines: { x: number; y: number; size: number; text: string }[] = [];
  const rules: { x1: number; y1: number; x2: number; y2: number }[] = [];
  lines.push({ x: 200, y: 790, size: 18, text: '农民工工资发放台账' });
  lines.push({ x: 60, y: 760, size: 10, text: `项目：${facts.project}` });
  lines.push({ x: 60, y: 744, size: 10, text: `用工单位：${facts.employer}　　期间：${facts.period}` });
  const cols = [60, 100, 170, 330, 440];
  const head = ['序号', '姓名', '身份证号码', '应发未发（元）', '签名'];
  let y = 715;
  head.forEach((h, i) => lines.push({ x: cols[i]!, y, size: 10, text: h }));
  rules.push({ x1: 55, y1: y - 5, x2: 540, y2: y - 5 });
  const shown = facts.rows.slice(0, 30);
  shown.forEach((r, i) => {
    y -= 18;
    lines.push({ x: cols[0]!, y, size: 9, text: String(i + 1) });
    lines.push({ x: cols[1]!, y, size: 9, text: r.name });
    lines.push({ x: cols[2]!, y, size: 9, text: r.idNumber });
    lines.push({ x: cols[3]!, y, size: 9, text: formatYuan(r.owedFen) });
    lines.push({ x: cols[4]!, y, size: 9, text: '未领' });
  });
  const rest = facts.rows.slice(30);
  if (rest.length) {
    y -= 18;
    lines.push({ x: cols[1]!, y, size: 9, text: `另${rest.length}人（见花名册）` });
    lines.push({ x: cols[3]!, y, size: 9, text: formatYuan(rest.reduce((s, r) => s + r.owedFen, 0)) });
  }
  y -= 8;
  rules.push({ x1: 55, y1: y, x2: 540, y2: y });
  y -= 18;
  lines.push({ x: 60, y, size: 10, text: `合计 ${facts.rows.length} 人，应发未发 ${formatYuan(facts.rows.reduce((s, r) => s + r.owedFen, 0))}` });
  lines.push({ x: 60, y: y - 30, size: 10, text: '制表：劳务班组　　核对：项目部　　（演示数据）' });
  return tinyPdf(lines, rules);
}

// ── PNG ──────────────────────────────────────────────────────────────────────────────────────────
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A site photo: sky, a half-built block with scaffolding, a tower crane, bare ground (320×240 RGB). */
export function sitePhotoPng(rng: Rng): Buffer {
  const w = 320;
  const h = 240;
  const floors = rng.int(5, 11);
  const left = rng.int(60, 130);
  const width = rng.int(110, 160);
  const craneX = rng.int(20, 50);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const top = 200 - floors * 14;
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      let r = 150 + Math.floor((y / h) * 60);
      let g = 190 + Math.floor((y / h) * 40);
      let b = 235;
      if (y >= 200) [r, g, b] = [140 - ((x * 7 + y * 3) % 17), 110 - ((x * 5 + y) % 13), 80];
      else if (x >= left && x < left + width && y >= top) {
        const slab = (y - top) % 14 < 3;
        const pole = (x - left) % 18 < 2;
        [r, g, b] = slab ? [170, 170, 165] : pole ? [200, 160, 40] : (x - left) % 18 < 10 && (y - top) % 14 > 5 ? [60, 70, 80] : [185, 180, 170];
      } else if ((x >= craneX && x < craneX + 4 && y >= 40) || (y >= 40 && y < 44 && x >= craneX - 20 && x < craneX + 120)) [r, g, b] = [230, 180, 20];
      const o = y * (w * 3 + 1) + 1 + x * 3;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// ── xlsx ─────────────────────────────────────────────────────────────────────────────────────────
/** 农民工花名册 as the team leader keeps it. Fixed workbook dates so the bytes repeat. */
export async function rosterXlsx(facts: { project: string; rows: LedgerRow[] }): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '劳务班组';
  book.created = new Date(Date.UTC(2020, 0, 1));
  book.modified = new Date(Date.UTC(2020, 0, 1));
  const sheet = book.addWorksheet('花名册');
  sheet.addRow([`${facts.project} 农民工花名册`]);
  sheet.addRow(['序号', '姓名', '身份证号码', '工种', '欠发工资（元）']);
  facts.rows.forEach((r, i) => sheet.addRow([i + 1, r.name, r.idNumber, r.trade ?? '普工', r.owedFen / 100]));
  sheet.columns.forEach((c, i) => (c.width = [6, 10, 22, 10, 16][i]));
  return Buffer.from(await book.xlsx.writeBuffer());
}
