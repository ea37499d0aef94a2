// GB/T 9704-2012 (党政机关公文格式) primitives for the tribunal's documents, on top of `docx`.
// Pure (no node:*): data in → docx objects out. Every document builder (notices, award,
// mediation, hearing record) composes these so that all documents share one look.
//
// Geometry: A4, margins top 37 mm / bottom 35 mm / left 28 mm / right 26 mm → 版心 156 × 225 mm.
// Body 仿宋 三号 (16 pt) with an exact line pitch of 28.95 pt → 22 lines of 28 characters.
// Page numbers "— 1 —" in 宋体 四号, odd pages right, even pages left (one character in).

import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type ISectionOptions,
  LineRuleType,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { fenToChineseUpper, formatYuan } from '../core/money';

// ---------------------------------------------------------------------------------------------
// Fonts and sizes

export type FontSpec = { ascii: string; hAnsi: string; eastAsia: string; cs: string };

/** Windows names first (what Word/WPS on the tribunal's PCs resolve); our fontconfig aliases them. */
export const FONTS = {
  fangSong: { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' },
  song: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' },
  hei: { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' },
  kai: { ascii: 'KaiTi', hAnsi: 'KaiTi', eastAsia: '楷体', cs: 'KaiTi' },
  /** 方正小标宋简体 where installed; Word falls back to 宋体 otherwise. */
  title: { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体', cs: 'SimSun' },
} satisfies Record<string, FontSpec>;

/** Chinese font sizes in half-points (docx `size`). */
export const SIZES = {
  er: 44, // 二号 22 pt
  san: 32, // 三号 16 pt
  si: 28, // 四号 14 pt
  xiaoSi: 24, // 小四 12 pt
  wu: 21, // 五号 10.5 pt
} as const;

const MM = 56.6929; // twips per mm
const mm = (v: number): number => Math.round(v * MM);

/** Page geometry in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** Footer baseline area: the page number sits 7 mm below the 版心. */
  footer: mm(22),
  header: mm(15),
} as const;

/** Width of the 版心 (156 mm) in twips. */
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** 28.95 pt exact line pitch → 22 lines per page. */
export const BODY_LINE = 579;
/** One character of 三号 = 16 pt = 320 twips (first-line indent of two characters = 640). */
const CHAR = 320;

// ---------------------------------------------------------------------------------------------
// Runs

export type RunOptions = { bold?: boolean; font?: FontSpec; size?: number; underline?: boolean };
export type Inline = string | TextRun | { text: string; bold?: boolean; font?: FontSpec; size?: number; underline?: boolean };

/** A text run in the body style (仿宋 三号) unless told otherwise. */
export function run(text: string, opts: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: opts.font ?? FONTS.fangSong,
    size: opts.size ?? SIZES.san,
    bold: opts.bold,
    underline: opts.underline ? {} : undefined,
  });
}

function toRuns(content: Inline | Inline[], base: RunOptions = {}): ParagraphChild[] {
  const list = Array.isArray(content) ? content : [content];
  return list.map((c) => {
    if (typeof c === 'string') return run(c, base);
    if (c instanceof TextRun) return c;
    return run(c.text, { ...base, ...c });
  });
}

/** Splits text on newlines into runs separated by line breaks (within one paragraph). */
function textWithBreaks(text: string, opts: RunOptions): TextRun[] {
  return text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: opts.font ?? FONTS.fangSong, size: opts.size ?? SIZES.san, bold: opts.bold }));
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

export type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const bodySpacing = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** A body paragraph: 仿宋 三号, first-line indent of two characters by default, justified. */
export function para(content: Inline | Inline[], opts: { indent?: boolean; align?: Align; bold?: boolean; keepNext?: boolean } = {}): Paragraph {
  const indent = opts.indent ?? true;
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'justify'],
    spacing: bodySpacing,
    indent: indent ? { firstLine: 2 * CHAR } : undefined,
    keepNext: opts.keepNext,
    children: toRuns(content, { bold: opts.bold }),
  });
}

/** An empty body line (one 28.95 pt line). */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: bodySpacing, children: [] });
}

/** The document title: 方正小标宋简体/宋体 二号, centered, one blank line below. Newlines allowed. */
export function docTitle(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
    keepNext: true,
    children: textWithBreaks(text, { font: FONTS.title, size: SIZES.er }),
  });
}

/** The issuing organ line above the title (e.g. the commission's name), 宋体 三号 centered. */
export function organLine(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { ...bodySpacing, after: 120 },
    keepNext: true,
    children: [run(text, { font: FONTS.song, size: SIZES.san })],
  });
}

/** The number line (e.g. 赣市劳人仲案字〔2026〕第12号), 仿宋 三号, right aligned by default. */
export function docNumber(text: string, opts: { align?: 'center' | 'right' } = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[opts.align ?? 'right'],
    // whole twips only: OOXML's ST_TwipsMeasure is an integer (289.5 makes Word offer a repair)
    spacing: { ...bodySpacing, after: Math.round(BODY_LINE / 2) },
    keepNext: true,
    children: [run(text)],
  });
}

/** 一级标题: 黑体 三号, indented two characters (e.g. "一、仲裁请求"). */
export function heading1(text: string): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    children: [run(text, { font: FONTS.hei })],
  });
}

/** 二级标题: 楷体 三号, indented two characters (e.g. "（一）举证期限"). */
export function heading2(text: string): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    children: [run(text, { font: FONTS.kai })],
  });
}

/**
 * 当事人信息 block: one paragraph per line, no indent. A line may start with a label ending in "：",
 * e.g. "申请人：张三，男，1980年1月1日出生…". Lines are kept with the next one.
 */
export function partyBlock(lines: string[]): Paragraph[] {
  return lines.map(
    (line) =>
      new Paragraph({
        // left, not justified: a long ID number or credit code that wraps would stretch the line
        alignment: AlignmentType.LEFT,
        spacing: bodySpacing,
        indent: { firstLine: 2 * CHAR },
        children: [run(line)],
      }),
  );
}

/** 主送 line ("张三等30人：", flush left, no indent). */
export function addressee(text: string): Paragraph {
  return para(text, { indent: false, align: 'left' });
}

/**
 * Signature block, right aligned: the signers (e.g. 仲裁员 names or the commission), then the date in
 * Chinese numerals (二〇二六年三月五日), then an optional seal note ("（加盖印章）"). Preceded by
 * two blank lines; the block is kept together on one page.
 */
export function signatureBlock(opts: { signers: string[]; date: string; seal?: string }): Paragraph[] {
  const line = (text: string, last = false): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: bodySpacing,
      indent: { right: 4 * CHAR },
      keepNext: !last,
      keepLines: true,
      children: [run(text)],
    });
  const out: Paragraph[] = [new Paragraph({ spacing: bodySpacing, keepNext: true, children: [] })];
  opts.signers.forEach((s) => out.push(line(s)));
  out.push(line(opts.date, !opts.seal));
  if (opts.seal) out.push(line(opts.seal, true));
  return out;
}

// ---------------------------------------------------------------------------------------------
// 公文 of an administrative organ (GB/T 9704-2012 §7.2, §7.3.5): 版头, 发文字号, 落款

const RED = 'FF0000';

/**
 * 版头: 发文机关标志 (小标宋, red, centred), then the 发文字号 centred two lines below it (〔〕 around
 * the year, no leading zeros, no "第"), and the red 分隔线 the width of the 版心 4 mm under the number.
 */
export function letterhead(organ: string, number: string): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 880, lineRule: LineRuleType.EXACT, before: 0, after: 2 * BODY_LINE },
      keepNext: true,
      children: [new TextRun({ text: organ, font: FONTS.title, size: SIZES.er, color: RED })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { ...bodySpacing, after: 2 * BODY_LINE },
      // 4 mm ≈ 11 pt between the number and the rule (w:space is in points)
      border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: RED, space: 11 } },
      keepNext: true,
      children: [run(number)],
    }),
  ];
}

/**
 * 落款 of a sealed 公文 (§7.3.5.1): the 成文日期 in Arabic numerals (2026年11月16日), four characters
 * from the right margin, and the 发文机关署名 centred over the date; the seal is stamped over both.
 */
export function issuedBy(opts: { organ: string; date: string }): Paragraph[] {
  const dateIndent = 4 * CHAR;
  const organIndent = Math.max(0, Math.round(dateIndent + (textTwips(opts.date, SIZES.san) - textTwips(opts.organ, SIZES.san)) / 2));
  const line = (text: string, right: number, last: boolean) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: bodySpacing, indent: { right }, keepNext: !last, keepLines: true, children: [run(text)] });
  return [
    new Paragraph({ spacing: bodySpacing, keepNext: true, children: [] }),
    new Paragraph({ spacing: bodySpacing, keepNext: true, children: [] }),
    line(opts.organ, organIndent, false),
    line(opts.date, dateIndent, true),
  ];
}

/**
 * 附件说明 under the body (§7.3.4): "附件：1. …" two characters in, the later items and every wrapped
 * line aligned after the number. The last item stays with the 落款 that follows.
 */
export function attachmentNote(names: string[]): Paragraph[] {
  if (!names.length) return [];
  const numbered = names.length > 1;
  const label = 3 * CHAR; // "附件："
  return [
    blankLine(),
    ...names.map((name, i) => {
      const number = numbered ? `${i + 1}. ` : '';
      const numberWidth = textTwips(number, SIZES.san);
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        spacing: bodySpacing,
        indent: { left: 2 * CHAR + label + numberWidth, hanging: numberWidth + (i === 0 ? label : 0) },
        keepNext: i === names.length - 1,
        keepLines: true,
        children: [run(`${i === 0 ? '附件：' : ''}${number}${name}`)],
      });
    }),
  ];
}

/** The head of an 附件 on its own page (§7.4): "附件" in 黑体 top left, then its title centred. */
export function attachmentHead(title: string, index?: number): Paragraph[] {
  return [
    pageBreak(),
    new Paragraph({ spacing: bodySpacing, keepNext: true, children: [run(index ? `附件${index}` : '附件', { font: FONTS.hei })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...bodySpacing, before: BODY_LINE, after: BODY_LINE }, keepNext: true, children: [run(title, { font: FONTS.title, size: SIZES.er })] }),
  ];
}

/** A small note line (仿宋 四号), e.g. "抄送：…" or a footnote under a form. */
export function note(text: string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: 400, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: opts.indent === false ? undefined : { firstLine: 2 * 280 },
    children: [run(text, { size: SIZES.si })],
  });
}

/** Forces the following content onto a new page. */
export function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] });
}

// ---------------------------------------------------------------------------------------------
// Amounts

/** 1200000 → "12,000.00元（人民币壹万贰仟元整）" — for agreed, awarded or demanded amounts. */
export function amountWithUpper(fen: number): string {
  return `${formatYuan(fen)}（${fenToChineseUpper(fen)}）`;
}

// ---------------------------------------------------------------------------------------------
// Tables

export type TableColumn = {
  header: string;
  /** Twips (number) or a percentage of the 版心 width ("20%"). */
  width: number | `${number}%`;
  align?: 'left' | 'center' | 'right';
};

export type TableOptions = {
  columns: TableColumn[];
  rows: string[][];
  /** Totals row (bold), same number of cells as columns; "" for empty cells. */
  totals?: string[];
  /** Font size in half-points; 小四 (24) by default, 四号 (28) for short forms. */
  size?: number;
  /** Header row repeated on every page (default true). */
  repeatHeader?: boolean;
};

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const cellBorders = { top: thin, bottom: thin, left: thin, right: thin };
/** Every grid line of a table, drawn once at the table level instead of on each cell. */
const tableBorders = { ...cellBorders, insideHorizontal: thin, insideVertical: thin };
const cellMargins = { top: 40, bottom: 40, left: 80, right: 80 };

function columnWidths(columns: TableColumn[]): number[] {
  const raw = columns.map((c) => (typeof c.width === 'number' ? c.width : (parseFloat(c.width) / 100) * CONTENT_WIDTH));
  // Scale to the 版心 so that the table always spans it exactly.
  const total = raw.reduce((a, b) => a + b, 0) || 1;
  const widths = raw.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  widths[widths.length - 1] = (widths[widths.length - 1] as number) + CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Line pitch of table text: 1.25 × the font size, at least. */
const tableSpacing = (size: number) => ({ line: Math.round(size * 10 * 1.25), lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 });

/** The next smaller size `fitColumns` tries: two half-points down to 五号, then one, down to 9 pt. */
const smaller = (size: number) => size - (size > 21 ? 2 : 1);
const SMALLEST_TABLE_SIZE = 18;

/** Every size a table is written in: the standard ones and each size fitting can shrink them to. */
function tableSizes(): number[] {
  const sizes = new Set<number>();
  for (const start of [SIZES.wu, SIZES.xiaoSi, SIZES.si, SIZES.san]) for (let s: number = start; s >= SMALLEST_TABLE_SIZE; s = smaller(s)) sizes.add(s);
  return [...sizes].sort((a, b) => a - b);
}

/**
 * Table text in paragraph styles (font, size, line pitch and alignment), so that each cell of a long
 * table (a roster of hundreds of workers) is a style reference and a bare run: the file is smaller
 * and builds faster.
 */
const TABLE_TEXT = [
  { font: FONTS.fangSong, key: 'FangSong' },
  { font: FONTS.hei, key: 'Hei' },
].flatMap(({ font, key }) =>
  tableSizes().flatMap((size) => (['left', 'center', 'right'] as const).map((align) => ({ id: `TableText${key}${size}${align}`, font, size, align }))),
);

function tableTextStyle(font: FontSpec, size: number, align: keyof typeof ALIGN): string | undefined {
  return TABLE_TEXT.find((s) => s.font === font && s.size === size && s.align === align)?.id;
}

/** A table cell; `text` may contain newlines. Borders and margins come from its table. */
export function tableCell(
  text: string,
  width: number,
  opts: { align?: 'left' | 'center' | 'right'; bold?: boolean; font?: FontSpec; size?: number; columnSpan?: number; rowSpan?: number; minLines?: number; keepNext?: boolean; top?: boolean } = {},
): TableCell {
  const size = opts.size ?? SIZES.xiaoSi;
  const font = opts.font ?? FONTS.fangSong;
  const align = opts.align ?? 'left';
  const style = tableTextStyle(font, size, align);
  const lines = text.split(/\r?\n/);
  while (lines.length < (opts.minLines ?? 1)) lines.push('');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    // centred vertically unless the caller knows every cell of the row is one line (then it changes nothing)
    verticalAlign: opts.top ? undefined : VerticalAlign.CENTER,
    children: lines.map((line) =>
      style
        ? new Paragraph({ style, keepNext: opts.keepNext, children: [new TextRun({ text: line, bold: opts.bold })] })
        : new Paragraph({ alignment: ALIGN[align], spacing: tableSpacing(size), keepNext: opts.keepNext, children: [run(line, { font, size, bold: opts.bold })] }),
    ),
  });
}

/** Cell padding left + right (see tableCell) and a little room for the glyphs' side bearings. */
const CELL_PADDING = 2 * 80 + 60;

/**
 * Printed width of `text` in twips at `size` half-points: CJK one em, Latin and digits half an em,
 * plus the space Word and LibreOffice put between CJK and Latin/digits (autoSpaceDE/DN, ≈ 0.2 em).
 */
export function textTwips(text: string, size: number, bold = false): number {
  return Math.ceil(textEms(text) * size * 10 * (bold ? BOLD_WIDTH : 1));
}

const BOLD_WIDTH = 1.08;

function textEms(text: string): number {
  let ems = 0;
  let previous: boolean | null = null;
  for (const ch of text) {
    const cjk = ch.charCodeAt(0) >= 0x2e80;
    ems += cjk ? 1 : 0.5;
    if (previous !== null && previous !== cjk && /[\p{L}\p{N}]/u.test(ch)) ems += 0.2;
    previous = cjk;
  }
  return ems;
}

/** A text fitting keeps on one line: a number or code, or a short text (≤ 4 characters). */
const oneLine = (text: string) => unbreakable(text) || [...text].length <= 4;

/** A cell that Word would break in the middle of a token: a number or code with no space and no CJK. */
const unbreakable = (text: string) => text !== '' && !/[\s\u2e80-\uffff]/.test(text);

/**
 * Widens the columns whose numbers, codes or short texts would not fit on one line (a bold total
 * such as 2,447,305.00 broke as "2,447,305.0 / 0", a header as "驳回金 / 额"), taking the room from columns with slack; when the
 * table has no slack left, the font gets smaller. Returns whole-twip widths and the size to use.
 */
export function fitColumns(widths: number[], cells: { text: string; bold: boolean }[][], size: number): { widths: number[]; size: number; fits: boolean } {
  // a number or code never breaks, nor does a short text (a name such as 王建国, a 序号, a header
  // such as 驳回金额): "王建 / 国" reads as two people; per column, the widest such text in ems
  const widest = widths.map(() => 0);
  // and every text's width in ems, so that taking room from a column never breaks a cell that was on one line
  const ems = widths.map((): number[] => []);
  for (const row of cells)
    row.forEach((cell, i) => {
      if (i >= widest.length || !cell.text) return;
      const e = textEms(cell.text) * (cell.bold ? BOLD_WIDTH : 1);
      ems[i]!.push(e);
      if (oneLine(cell.text)) widest[i] = Math.max(widest[i] as number, e);
    });
  const twips = (e: number, s: number) => Math.ceil(Math.ceil(e * s * 10) * 1.12) + CELL_PADDING;
  for (let s = size; s >= SMALLEST_TABLE_SIZE; s = smaller(s)) {
    const need = widest.map((e) => (e ? twips(e, s) : 0));
    // a text column keeps room for two characters, and for its widest text that is on one line now
    // (measured as printed, without the safety margin: "5,000.00 转账" must not become "5,000.00 转 / 账")
    const floor = need.map((n, i) =>
      Math.max(n, 2 * s * 10 + CELL_PADDING, ...ems[i]!.map((e) => Math.ceil(e * s * 10) + 2 * 80).filter((t) => t <= (widths[i] as number))),
    );
    const deficit = widths.reduce((a, w, i) => a + Math.max(0, (need[i] as number) - w), 0);
    if (!deficit) return { widths, size: s, fits: true };
    const slack = widths.map((w, i) => Math.max(0, w - (floor[i] as number)));
    const totalSlack = slack.reduce((a, b) => a + b, 0);
    if (totalSlack < deficit) continue;
    const out = widths.map((w, i) => Math.max(w, need[i] as number) - Math.floor(((slack[i] as number) / totalSlack) * deficit));
    out[out.length - 1] = (out[out.length - 1] as number) + widths.reduce((a, b) => a + b, 0) - out.reduce((a, b) => a + b, 0);
    return { widths: out, size: s, fits: true };
  }
  return { widths, size: SMALLEST_TABLE_SIZE, fits: false };
}

/**
 * A data table across the 版心: 黑体 header row repeated on every page (`tableHeader`), rows never
 * split across pages (`cantSplit`), optional bold totals row. Amount columns widen (or the font
 * shrinks) so that no number or total ever breaks across lines.
 */
export function table(opts: TableOptions): Table {
  const fitted = fitColumns(
    columnWidths(opts.columns),
    [opts.columns.map((c) => ({ text: c.header, bold: false })), ...opts.rows.map((r) => r.map((text) => ({ text, bold: false }))), ...(opts.totals ? [opts.totals.map((text) => ({ text, bold: true }))] : [])],
    opts.size ?? SIZES.xiaoSi,
  );
  const widths = fitted.widths;
  const size = fitted.size;
  const header = new TableRow({
    tableHeader: opts.repeatHeader ?? true,
    cantSplit: true,
    children: opts.columns.map((c, i) => tableCell(c.header, widths[i] as number, { align: 'center', font: FONTS.hei, size })),
  });
  // the last row keeps with the totals row, so a 合计 never starts a page alone under a repeated header
  // a row of numbers, codes and short texts is one line once they fit: no vertical alignment to write
  // (a 500-worker roster is 3,000 cells)
  const body = opts.rows.map((r, k) => {
    const top = fitted.fits && r.every((text) => !text.includes('\n') && oneLine(text));
    return new TableRow({
      cantSplit: true,
      children: opts.columns.map((c, i) => tableCell(r[i] ?? '', widths[i] as number, { align: c.align ?? 'left', size, top, keepNext: !!opts.totals && k === opts.rows.length - 1 })),
    });
  });
  const totals = opts.totals
    ? [
        new TableRow({
          cantSplit: true,
          children: opts.columns.map((c, i) => tableCell(opts.totals?.[i] ?? '', widths[i] as number, { align: c.align ?? 'left', size, bold: true })),
        }),
      ]
    : [];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: tableBorders,
    margins: cellMargins,
    rows: [header, ...body, ...totals],
  });
}

/** A free form grid (送达回证, 结案审批表): rows of cells with explicit spans, label cells in 黑体. */
export type FormCell = { text: string; span?: number; label?: boolean; align?: 'left' | 'center' | 'right'; minLines?: number };

/**
 * A form table on a grid of `grid` column widths (twips or %). Each row lists cells whose spans add
 * up to the grid; rows are not split across pages.
 */
export function formTable(opts: { grid: (number | `${number}%`)[]; rows: FormCell[][]; size?: number }): Table {
  const widths = columnWidths(opts.grid.map((w) => ({ header: '', width: w })));
  const size = opts.size ?? SIZES.si;
  const rows = opts.rows.map((cells) => {
    let col = 0;
    const children = cells.map((c) => {
      const span = c.span ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return tableCell(c.text, width, {
        align: c.align ?? (c.label ? 'center' : 'left'),
        font: c.label ? FONTS.hei : FONTS.fangSong,
        size,
        columnSpan: span > 1 ? span : undefined,
        minLines: c.minLines,
      });
    });
    return new TableRow({ cantSplit: true, children });
  });
  return new Table({ width: { size: CONTENT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: tableBorders, margins: cellMargins, rows });
}

// ---------------------------------------------------------------------------------------------
// The document

function pageNumberFooter(align: 'left' | 'right' | 'center'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: ALIGN[align],
        indent: align === 'right' ? { right: 280 } : align === 'left' ? { left: 280 } : undefined,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: FONTS.song, size: SIZES.si })],
      }),
    ],
  });
}

/**
 * An official document: A4 with the GB/T 9704 margins, body 仿宋 三号 at 28.95 pt, page numbers
 * "— N —" 宋体 四号 in the footer (odd pages right, even pages left). `children` may mix
 * paragraphs and tables. `sections` adds further sections (e.g. one notice per recipient in one
 * file); each starts on a new page and restarts its page numbers.
 */
export function officialDocument(opts: {
  children: (Paragraph | Table)[];
  title: string;
  sections?: (Paragraph | Table)[][];
  /** Single footer centered instead of odd/even (forms printed single-sided). */
  centeredPageNumbers?: boolean;
}): Document {
  const centered = opts.centeredPageNumbers ?? false;
  const section = (children: (Paragraph | Table)[]): ISectionOptions => ({
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: PAGE.footer, header: PAGE.header },
        pageNumbers: { start: 1 },
      },
    },
    footers: centered ? { default: pageNumberFooter('center') } : { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
    children,
  });
  return new Document({
    creator: '速裁台 Sucai Desk',
    title: opts.title,
    evenAndOddHeaderAndFooters: !centered,
    styles: {
      default: {
        document: { run: { font: FONTS.fangSong, size: SIZES.san }, paragraph: { spacing: bodySpacing } },
      },
      paragraphStyles: TABLE_TEXT.map((t) => ({ id: t.id, name: t.id, basedOn: 'Normal', run: { font: t.font, size: t.size }, paragraph: { spacing: tableSpacing(t.size), alignment: ALIGN[t.align] } })),
    },
    sections: [section(opts.children), ...(opts.sections ?? []).map(section)],
  });
}
