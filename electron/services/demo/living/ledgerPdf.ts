/**
 * Wage ledgers as real PDFs with embedded Chinese fonts: one docx per case (docx library), all
 * converted in ONE LibreOffice run with the project's fontconfig (a start per file would cost
 * seconds each). Without LibreOffice the ledger falls back to a tiny PDF that names the reader's
 * built-in Song font (fine in Acrobat/WPS, blank in viewers without the Adobe-GB1 pack).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatYuan } from '../../../core/money';
import { findSoffice, fontconfigFile } from '../../documents/pdf';
import { wageLedgerPdf, type LedgerRow } from './evidenceFiles';

export type LedgerFacts = { project: string; employer: string; period: string; rows: LedgerRow[] };

const WIDTHS = [700, 1300, 2900, 1900, 1600];
const cell = (text: string, bold = false, i = 0) => new TableCell({ width: { size: WIDTHS[i]!, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold, font: '宋体', size: 20 })] })] });

function ledgerDocx(f: LedgerFacts): Promise<Buffer> {
  const head = new TableRow({ tableHeader: true, children: ['序号', '姓名', '身份证号码', '应发未发（元）', '本人签名'].map((t, i) => cell(t, true, i)) });
  const body = f.rows.map((r, i) => new TableRow({ children: [String(i + 1), r.name, r.idNumber, formatYuan(r.owedFen).replace('元', ''), ''].map((t, k) => cell(t, false, k)) }));
  const total = f.rows.reduce((s, r) => s + r.owedFen, 0);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '农民工工资发放台账', bold: true, font: '黑体', size: 36 })] }),
          new Paragraph({ children: [new TextRun({ text: `项目：${f.project}`, font: '宋体', size: 21 })] }),
          new Paragraph({ children: [new TextRun({ text: `用工单位：${f.employer}　　期间：${f.period}`, font: '宋体', size: 21 })] }),
          new Table({ width: { size: 8400, type: WidthType.DXA }, columnWidths: WIDTHS, rows: [head, ...body] }),
          new Paragraph({ children: [new TextRun({ text: `合计${f.rows.length}人，应发未发${formatYuan(total)}。`, font: '宋体', size: 21 })] }),
          new Paragraph({ children: [new TextRun({ text: '制表：劳务班组　　核对：项目部　　（演示数据）', font: '宋体', size: 21 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** key → PDF bytes for every ledger; one LibreOffice run for all of them. */
export async function ledgerPdfs(ledgers: Map<string, LedgerFacts>, scratch: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const soffice = findSoffice();
  if (!soffice || !ledgers.size) {
    for (const [key, f] of ledgers) out.set(key, wageLedgerPdf(f));
    return out;
  }
  const dir = path.join(scratch, 'ledgers');
  fs.mkdirSync(path.join(dir, 'pdf'), { recursive: true });
  const files: string[] = [];
  for (const [key, f] of ledgers) {
    const file = path.join(dir, `${key}.docx`);
    fs.writeFileSync(file, await ledgerDocx(f));
    files.push(file);
  }
  await convertAllToPdf(soffice, files, path.join(dir, 'pdf'), path.join(scratch, 'soffice-profile'));
  for (const [key, f] of ledgers) {
    const pdf = path.join(dir, 'pdf', `${key}.pdf`);
    out.set(key, fs.existsSync(pdf) ? fs.readFileSync(pdf) : wageLedgerPdf(f));
  }
  return out;
}

/**
 * Converts many docx files to PDF in ONE LibreOffice run (project fontconfig, private profile):
 * each start costs seconds, each further file a fraction of that. PDFs land in `outDir` under the
 * docx's base name.
 */
export function convertAllToPdf(soffice: string, files: string[], outDir: string, profileDir: string): Promise<void> {
  const env = { ...process.env };
  const fonts = fontconfigFile();
  if (fonts) env.FONTCONFIG_FILE = fonts;
  const args = [`-env:UserInstallation=${pathToFileURL(profileDir).href}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', 'pdf', '--outdir', outDir, ...files];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(soffice, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`LibreOffice 转换失败（退出码 ${code}）`))));
  });
}
