/**
 * The documents' data tables: cell text goes through the table paragraph styles at whatever size
 * fitting chose (a cell carries only its style and alignment, never fonts, sizes or spacing), and
 * no number, code or short text — a header such as 驳回金额 included — is given a column too
 * narrow for one line.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Packer } from 'docx';
import { fitColumns, officialDocument, table, textTwips } from '../../electron/documents/layout';
import { zipEntries } from '../support/zip';

async function documentXml(t: ReturnType<typeof table>): Promise<{ body: string; styles: string }> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'table-')), 't.docx');
  fs.writeFileSync(file, await Packer.toBuffer(officialDocument({ title: 't', children: [t] })));
  const entries = await zipEntries(file);
  fs.rmSync(path.dirname(file), { recursive: true });
  return { body: entries.get('word/document.xml')!.toString('utf8'), styles: entries.get('word/styles.xml')!.toString('utf8') };
}

const roster = (n: number) =>
  Array.from({ length: n }, (_, i) => [String(i + 1), '欧阳建华', `36070219${70 + (i % 30)}01011${String(i % 1000).padStart(3, '0')}X`, '2,447,305.00', '2,447,305.00', '—']);

describe('document tables', () => {
  it('a shrunk roster table: every cell names a defined table style and carries no fonts, sizes or spacing of its own', async () => {
    const columns = [
      { header: '序号', width: 700 },
      { header: '姓名', width: 1100 },
      { header: '身份证号码', width: 2000, align: 'center' as const },
      { header: '请求金额', width: 1300, align: 'right' as const },
      { header: '裁决金额', width: 1300, align: 'right' as const },
      { header: '驳回金额', width: 1200, align: 'right' as const },
    ];
    const rows = roster(40);
    const { body, styles } = await documentXml(table({ columns, rows, totals: ['', '合计', '40人', '97,892,200.00', '97,892,200.00', '0.00'] }));
    const tbl = body.slice(body.indexOf('<w:tbl>'), body.indexOf('</w:tbl>'));
    const cells = tbl.match(/<w:tc>.*?<\/w:tc>/g) ?? [];
    expect(cells).toHaveLength(42 * 6);
    const used = new Set<string>();
    for (const cell of cells) {
      const style = /<w:pStyle w:val="(TableText\w+)"\/>/.exec(cell)?.[1];
      expect(style, cell).toBeDefined();
      used.add(style!);
      expect(cell).not.toMatch(/<w:rFonts|<w:sz |<w:spacing/);
    }
    // the roster's rows are one line each (numbers, codes, short names): no vertical alignment written; the header keeps it
    expect(cells.slice(6, 6 + 40 * 6).filter((c) => c.includes('<w:vAlign'))).toHaveLength(0);
    expect(cells.slice(0, 6).every((c) => c.includes('<w:vAlign w:val="center"/>'))).toBe(true);
    // the roster's fitted size is not one of the four standard sizes, and its style exists
    for (const id of used) expect(styles).toContain(`w:styleId="${id}"`);
    expect([...used].some((id) => !/(21|24|28|32)$/.test(id)), [...used].join()).toBe(true);
  });

  it('a row with a text that may wrap stays centred vertically', async () => {
    const columns = [
      { header: '序号', width: 800 },
      { header: '证据名称', width: 3000 },
      { header: '页数', width: 800 },
    ];
    const { body } = await documentXml(table({ columns, rows: [['1', '工资表', '3'], ['2', '劳务分包合同及其补充协议、结算单、付款凭证', '12']] }));
    const rows = body.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[1]).not.toContain('<w:vAlign');
    expect(rows[2]!.match(/<w:vAlign w:val="center"\/>/g)).toHaveLength(3);
  });

  it('taking room for a header never breaks a cell that was on one line ("5,000.00 转账" stays whole)', () => {
    // 小五 (18) is the smallest size: 序号 and the ID number ask for more room (with the safety margin) than they
    // have; the room may come only from what the other columns do not print
    const widths = [530, 1700, 1415, 1946];
    const cells = [
      ['序号', '身份证号码', '当场已付', '余款履行'],
      ['1', '360702197001020400', '5,000.00 转账', '12.15/12.31前 转账'],
    ].map((r) => r.map((text) => ({ text, bold: false })));
    const fitted = fitColumns(widths, cells, 18);
    expect(fitted.widths[2]!).toBeGreaterThanOrEqual(textTwips('5,000.00 转账', fitted.size) + 160);
    expect(fitted.widths[3]!).toBeGreaterThanOrEqual(textTwips('12.15/12.31前 转账', fitted.size) + 160);
  });

  it('fitting gives a 4-character header, a name and a bold total a column wide enough for one line, at the size chosen', () => {
    // (widths, cells, size) → each listed column at least the text's width at the size chosen
    const cases: { widths: number[]; cells: string[][]; check: number[] }[] = [
      { widths: [700, 1100, 2500, 1800, 1800, 900], cells: [['序号', '姓名', '身份证号码', '请求金额', '裁决金额', '驳回金额'], ...roster(3)], check: [1, 2, 3, 4, 5] },
      { widths: [3000, 3000, 900], cells: [['请求项目', '说明', '驳回金额']], check: [2] },
      { widths: [3000, 1000, 3000], cells: [['', '欧阳建华', '']], check: [1] },
    ];
    for (const c of cases) {
      const cells = c.cells.map((r) => r.map((text) => ({ text, bold: false })));
      const fitted = fitColumns(c.widths, cells, 24);
      expect(fitted.widths.reduce((a, b) => a + b, 0)).toBe(c.widths.reduce((a, b) => a + b, 0));
      for (const i of c.check) for (const row of c.cells) expect(fitted.widths[i]!, `${row[i]} at ${fitted.size}`).toBeGreaterThanOrEqual(textTwips(row[i]!, fitted.size) + 160);
    }
  });
});
