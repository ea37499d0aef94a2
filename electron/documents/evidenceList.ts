import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';

/** What the 证据目录 shows; the service fills it from the case (labels already in Chinese). */
export type EvidenceListData = {
  commissionName: string;
  caseNumber: string | null;
  /** Shown when there is no case number yet, e.g. "2026年11月16日收案". */
  caseLabel: string;
  cause: string;
  applicants: string[];
  respondents: string[];
  exportedOn: string;
  exhibits: {
    /** 证据一、证据二… */
    label: string;
    title: string;
    fileName: string;
    submittedBy: string;
    purposeOfProof: string;
    pageCount: number | null;
    originalSeen: boolean;
    sha256: string;
    /** e.g. "监察调取，仲裁认可（共享互认）" or "" */
    note: string;
  }[];
};

const SONG = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const FANGSONG = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' };
const HEI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const MONO = { ascii: 'Courier New', hAnsi: 'Courier New', eastAsia: '宋体', cs: 'Courier New' };

/** A4 portrait, 2.5 cm / 2 cm margins, in twips (1 cm = 567 twips). */
const PAGE = { width: 11906, height: 16838, top: 1418, bottom: 1418, left: 1134, right: 1134 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 序号 / 证据名称 / 提交人 / 证明目的 / 页数 / 原件 / SHA-256 (sums to CONTENT_WIDTH). */
const COLUMNS = [1000, 2100, 1050, 2638, 600, 600, 1650];

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function run(text: string, opts: { size?: number; bold?: boolean; font?: typeof SONG } = {}): TextRun {
  return new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? 21, bold: opts.bold });
}

function cell(lines: string[], width: number, opts: { header?: boolean; center?: boolean; mono?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders,
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: opts.header || opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 260 },
          children: [
            run(line, {
              bold: opts.header,
              font: opts.header ? HEI : opts.mono ? MONO : FANGSONG,
              size: opts.mono ? 14 : opts.header ? 20 : 20,
            }),
          ],
        }),
    ),
  });
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 40, after: 40, line: 360 },
    children: [run(`${label}：`, { bold: true, size: 24 }), run(value, { size: 24 })],
  });
}

/** SHA-256 in four groups of 16, one per line, so it fits a narrow column and is easy to compare. */
function shaLines(sha256: string): string[] {
  return [0, 16, 32, 48].map((i) => sha256.slice(i, i + 16));
}

/** The human-readable 证据目录 of a case bundle: data in, docx Document out. */
export function buildEvidenceList(data: EvidenceListData): Document {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['序号', '证据名称', '提交人', '证明目的', '页数', '原件', 'SHA-256'].map((h, i) => cell([h], COLUMNS[i] as number, { header: true })),
  });
  const rows = data.exhibits.map(
    (e) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([e.label], COLUMNS[0] as number, { center: true }),
          cell([e.title, `（${e.fileName}）`, ...(e.note ? [e.note] : [])], COLUMNS[1] as number),
          cell([e.submittedBy], COLUMNS[2] as number, { center: true }),
          cell(e.purposeOfProof ? e.purposeOfProof.split(/\r?\n/) : ['—'], COLUMNS[3] as number),
          cell([e.pageCount == null ? '—' : String(e.pageCount)], COLUMNS[4] as number, { center: true }),
          cell([e.originalSeen ? '是' : '否'], COLUMNS[5] as number, { center: true }),
          cell(shaLines(e.sha256), COLUMNS[6] as number, { mono: true }),
        ],
      }),
  );
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });

  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(data.commissionName, { size: 28, font: SONG })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run('证据目录', { size: 36, bold: true, font: SONG })],
    }),
    labelled('案号', data.caseNumber ?? `（尚未编号）${data.caseLabel}`),
    labelled('案由', data.cause),
    labelled('申请人', data.applicants.length ? data.applicants.join('、') : '—'),
    labelled('被申请人', data.respondents.length ? data.respondents.join('、') : '—'),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    data.exhibits.length
      ? table
      : new Paragraph({ alignment: AlignmentType.CENTER, children: [run('（本案卷包未附证据）', { size: 24 })] }),
    new Paragraph({
      spacing: { before: 240, line: 300 },
      children: [
        run(
          `共${data.exhibits.length}项证据。SHA-256 为证据文件的校验值，可用于核对案卷包中 evidence/ 目录下同名文件未被改动。导出日期：${data.exportedOn}。`,
          { size: 20 },
        ),
      ],
    }),
  ];

  return new Document({
    creator: '速裁台 Sucai Desk',
    title: '证据目录',
    styles: { default: { document: { run: { font: FANGSONG, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'], font: SONG, size: 18 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}
