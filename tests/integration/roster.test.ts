import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID_NUMBER_MANGLED_MESSAGE } from '../../electron/core/ids/idNumber';
import { parseRosterGrid, type RosterPreview } from '../../electron/core/workers/rosterGrid';
import { validateWorkers } from '../../electron/core/workers/validateWorkers';
import { previewRoster, readRosterFile } from '../../electron/services/roster/readRoster';

const TODAY = '2024-10-01';
const FIXTURE = path.resolve(__dirname, '../fixtures/rosters/gz-anzhi-18-workers.xlsx');

async function xlsxBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GBK encoder for the test (Node only decodes GBK): built from the decoder's own table. */
let gbkTable: Map<string, number[]> | null = null;
function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

describe('the real roster gz-anzhi-18-workers.xlsx', () => {
  let preview: RosterPreview;
  let sheetTotals: { days: number; due: number; paid: number; owed: number };

  beforeAll(async () => {
    const bytes = readFileSync(FIXTURE);
    preview = await previewRoster('gz-anzhi-18-workers.xlsx', bytes, TODAY);
    // the sheet's own totals row (cached formula results), read independently of the importer
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const cached = (addr: string) => (ws.getCell(addr).value as { result: number }).result;
    expect(ws.getCell('A23').value).toBe('合计');
    sheetTotals = { days: cached('G23'), due: cached('I23'), paid: cached('J23'), owed: cached('K23') };
  });

  it('finds the two-level header under the title and note rows', () => {
    expect(preview.sheetName).toBe('欠薪明细');
    expect(preview.headerRows).toEqual([3, 4]);
    expect(preview.columns).toEqual([
      { column: 'A', header: '序号', field: null },
      { column: 'B', header: '姓名', field: 'name' },
      { column: 'C', header: '身份证号码', field: 'idNumber' },
      { column: 'D', header: '联系电话', field: 'phone' },
      { column: 'E', header: '工种', field: 'jobType' },
      { column: 'F', header: '出勤情况/起止时间', field: null },
      { column: 'G', header: '出勤情况/出勤天数', field: 'daysWorked' },
      { column: 'H', header: '日工资（元）', field: 'dailyWage' },
      { column: 'I', header: '应发工资（元）', field: 'due' },
      { column: 'J', header: '已发工资（元）', field: 'paid' },
      { column: 'K', header: '欠发工资（元）', field: 'owed' },
      { column: 'L', header: '备注', field: 'note' },
    ]);
  });

  it('reads 18 workers from rows 5–22, with cached formula results', () => {
    expect(preview.drafts).toHaveLength(18);
    expect(preview.drafts.map((d) => d.sourceRow)).toEqual(Array.from({ length: 18 }, (_, i) => i + 5));
    expect(preview.drafts[0]).toEqual({
      name: '郑磊秀',
      idNumber: '36073319650401097X',
      phone: '17908301661',
      jobType: '木工',
      team: '',
      daysWorked: '101',
      dailyWage: '220',
      due: '22220',
      paid: '3000',
      owed: '19220',
      bankCard: '',
      note: '',
      sourceRow: 5,
    });
    expect(preview.drafts[9]).toMatchObject({ name: '彭丽海', idNumber: '360732198211264960', jobType: '钢筋工', owed: '28440' });
    expect(preview.drafts[13]).toMatchObject({ name: '徐强平', idNumber: '51092119821116672X', sourceRow: 18 });
    expect(preview.drafts[17]).toMatchObject({ name: '肖涛', idNumber: '360733197308249152', due: '32780', paid: '0', owed: '32780' });
  });

  it('skips the title/note rows, the totals row and the signature line', () => {
    expect(preview.skipped).toEqual([
      { row: 1, reason: '说明行' },
      { row: 2, reason: '说明行' },
      { row: 23, reason: '合计行' },
      { row: 24, reason: '签名行' },
    ]);
  });

  it('has no problems: all 18 IDs pass the check digit, amounts are consistent', () => {
    expect(preview.issues).toEqual([]);
    const { problems, workers } = validateWorkers(preview.drafts, TODAY);
    expect(problems).toEqual([]);
    expect(workers.every((w) => w !== null)).toBe(true);
    expect(workers.filter((w) => w!.sex === 'female').map((w) => w!.name)).toEqual([
      '宋静英', '蒋海春', '曾秀兰', '吴波', '彭丽海', '徐强平', '冯勇', '钟波磊',
    ]);
  });

  it('sums match the sheet’s totals row (1567 days, 493,870 due, 36,000 paid, 457,870 owed)', () => {
    const workers = validateWorkers(preview.drafts, TODAY).workers.map((w) => w!);
    const sum = (f: (w: (typeof workers)[number]) => number) => workers.reduce((s, w) => s + f(w), 0);
    expect(sheetTotals).toEqual({ days: 1567, due: 493870, paid: 36000, owed: 457870 });
    expect(sum((w) => w.daysWorked!)).toBe(sheetTotals.days);
    expect(sum((w) => w.dueFen!)).toBe(sheetTotals.due * 100);
    expect(sum((w) => w.paidFen!)).toBe(sheetTotals.paid * 100);
    expect(sum((w) => w.owedFen)).toBe(sheetTotals.owed * 100);
  });

  it('readRosterFile keeps merged cells empty and lists the merges', async () => {
    const [grid] = await readRosterFile(FIXTURE, readFileSync(FIXTURE));
    expect(grid.rows).toHaveLength(24);
    expect(grid.rows[0][0]).toBe('赣州市蓉江新区安置房二期工程农民工工资拖欠明细表');
    expect(grid.rows[0]).toEqual(['赣州市蓉江新区安置房二期工程农民工工资拖欠明细表']); // merged cells stay empty, trailing ones trimmed
    expect(grid.rows[2].slice(5, 7)).toEqual(['出勤情况', null]);
    expect(grid.rows[1][0]).toMatch(/^施工总承包单位：赣州恒筑建设工程有限公司.*填表日期：2024年9月27日$/); // rich text
    expect(grid.rows[4][8]).toBe(22220); // formula → cached number
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 11 },
      { top: 1, left: 0, bottom: 1, right: 11 },
      { top: 2, left: 5, bottom: 2, right: 6 },
      { top: 22, left: 0, bottom: 22, right: 1 },
      { top: 23, left: 0, bottom: 23, right: 11 },
    ]);
  });
});

describe('xlsx built in the test', () => {
  const ID_M = '360781198711214078';
  const ID_F = '360702198704266341';

  /** A 说明 sheet, a hidden sheet, and a roster with a merged two-level header, numeric IDs and every cell kind. */
  const buildRoster = (wb: ExcelJS.Workbook) => {
    wb.addWorksheet('填表说明').getCell('A1').value = '请在“花名册”工作表中填写';
    const hidden = wb.addWorksheet('代码表', { state: 'hidden' });
    hidden.addRow(['姓名', '身份证号码', '欠发']);
    const ws = wb.addWorksheet('花名册');
    ws.getCell('A1').value = '某项目农民工花名册';
    ws.mergeCells('A1:J1');
    ws.getRow(2).values = ['序号', '姓名', '身份证号码', '手机号', '工资情况', null, null, '银行卡号', '备注', '进场日期'];
    ws.getRow(3).values = [null, null, null, null, '应发', '已发', '欠发'];
    for (const col of ['A', 'B', 'C', 'D', 'H', 'I', 'J']) ws.mergeCells(`${col}2:${col}3`);
    ws.mergeCells('E2:G2');
    // row 4: rich-text name, phone and amounts as numbers, owed as formula (master of a shared formula)
    ws.getRow(4).values = [1, { richText: [{ text: '胡' }, { text: '平', font: { bold: true } }] }, ID_M, 13308246281, 3000, 1000];
    ws.getCell('G4').value = { formula: 'E4-F4', result: 2000, shareType: 'shared', ref: 'G4:G6' } as ExcelJS.CellFormulaValue;
    ws.getCell('I4').value = { text: '见工资条', hyperlink: 'https://example.com/slip' };
    ws.getCell('J4').value = new Date(Date.UTC(2024, 4, 2));
    // row 5: ID stored as a number, bank card stored as a number
    ws.getRow(5).values = [2, '宋静英', Number(ID_F), null, 2000, 0];
    ws.getCell('G5').value = { sharedFormula: 'G4', result: 2000 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('H5').value = 6217000012345678000;
    // row 6: owed inconsistent with the formula result of a different cell
    ws.getRow(6).values = [3, '田海', '36073219940921295x', '1318625276', 1500, 500];
    ws.getCell('G6').value = { sharedFormula: 'G4', result: 900 } as ExcelJS.CellSharedFormulaValue;
    ws.getRow(7).values = ['合计', null, null, null, 6500, 1500];
    ws.getCell('G7').value = { formula: 'SUM(G4:G6)', result: 4900 };
    ws.mergeCells('A7:D7');
    ws.getCell('A8').value = '制表人：　　　　班组长签字：';
    ws.mergeCells('A8:J8');
  };

  let preview: RosterPreview;
  beforeAll(async () => {
    preview = await previewRoster('花名册.xlsx', await xlsxBytes(buildRoster), TODAY);
  });

  it('skips the hidden sheet and reads the plain values', async () => {
    const grids = await readRosterFile('花名册.xlsx', new Uint8Array(await xlsxBytes(buildRoster)));
    expect(grids.map((g) => g.sheetName)).toEqual(['填表说明', '花名册']);
    const rows = grids[1].rows;
    expect(rows[3]).toEqual([1, '胡平', ID_M, 13308246281, 3000, 1000, 2000, null, '见工资条', '2024-05-02']);
    expect(rows[4][6]).toBe(2000); // shared formula → cached result
  });

  it('picks the roster sheet and combines the merged two-level header', () => {
    expect(preview.sheetName).toBe('花名册');
    expect(preview.headerRows).toEqual([2, 3]);
    expect(preview.columns.map((c) => [c.column, c.header, c.field])).toEqual([
      ['A', '序号', null],
      ['B', '姓名', 'name'],
      ['C', '身份证号码', 'idNumber'],
      ['D', '手机号', 'phone'],
      ['E', '工资情况/应发', 'due'],
      ['F', '工资情况/已发', 'paid'],
      ['G', '工资情况/欠发', 'owed'],
      ['H', '银行卡号', 'bankCard'],
      ['I', '备注', 'note'],
      ['J', '进场日期', null],
    ]);
    expect(preview.drafts.map((d) => [d.sourceRow, d.name, d.phone, d.due, d.paid, d.owed])).toEqual([
      [4, '胡平', '13308246281', '3000', '1000', '2000'],
      [5, '宋静英', '', '2000', '0', '2000'],
      [6, '田海', '1318625276', '1500', '500', '900'],
    ]);
    expect(preview.drafts[0].note).toBe('见工资条');
    expect(preview.skipped).toEqual([
      { row: 1, reason: '说明行' },
      { row: 7, reason: '合计行' },
      { row: 8, reason: '签名行' },
    ]);
  });

  it('marks every problem on its cell', () => {
    expect(preview.issues).toEqual([
      { row: 5, column: 'C', field: 'idNumber', level: 'error', message: `第5行 C列（身份证号码）：${ID_NUMBER_MANGLED_MESSAGE}` },
      {
        row: 5,
        column: 'H',
        field: 'bankCard',
        level: 'error',
        message: '第5行 H列（银行卡号）：该单元格被表格存为数字（6217000012345680000），银行卡号末几位已丢失，请把该列设为文本后重新录入',
      },
      { row: 6, column: 'D', field: 'phone', level: 'error', message: '第6行 D列（联系电话）：手机号码应为11位（现为10位）' },
      {
        row: 6,
        column: 'G',
        field: 'owed',
        level: 'error',
        message: '第6行 G列（欠发(元)）：欠发金额与应发减已发不一致（应发1,500.00 − 已发500.00 = 1,000.00）',
      },
    ]);
  });

  it('refuses a workbook with no roster sheet', async () => {
    const bytes = await xlsxBytes((wb) => {
      wb.addWorksheet('汇总').addRow(['班组', '人数', '金额']);
    });
    await expect(previewRoster('汇总.xlsx', bytes, TODAY)).rejects.toThrow(
      '未在文件“汇总.xlsx”中找到职工名单：已查看工作表“汇总”，请确认表格含有“姓名”“身份证号码”等列名',
    );
    await expect(previewRoster('空.xlsx', await xlsxBytes((wb) => wb.addWorksheet('Sheet1')), TODAY)).rejects.toThrow(
      '文件“空.xlsx”中没有任何内容',
    );
  });
});

describe('csv and unsupported files', () => {
  it('reads a GBK-encoded csv saved by Excel, with a number-mangled ID', async () => {
    const text = '序号,姓名,身份证号码,联系电话,工种,欠发工资（元）\r\n1,胡平,360781198711214078,13308246281,架子工,"2,000"\r\n2,宋静英,3.60702E+17,,水电工,1500\r\n合计,,,,,3500\r\n';
    const bytes = gbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const [grid] = await readRosterFile('C:\\名单\\工人名单.csv', bytes);
    expect(grid.sheetName).toBe('工人名单');
    expect(grid.rows[1]).toEqual(['1', '胡平', '360781198711214078', '13308246281', '架子工', '2,000']);
    const p = parseRosterGrid(grid, TODAY);
    expect(p.drafts.map((d) => [d.name, d.owed])).toEqual([
      ['胡平', '2,000'],
      ['宋静英', '1500'],
    ]);
    expect(p.skipped).toEqual([{ row: 4, reason: '合计行' }]);
    expect(p.issues).toEqual([
      { row: 3, column: 'C', field: 'idNumber', level: 'error', message: `第3行 C列（身份证号码）：${ID_NUMBER_MANGLED_MESSAGE}` },
    ]);
  });

  it('reads UTF-8 with BOM and quoted fields', async () => {
    const text = '\ufeff姓名,身份证号,手机号,备注,欠薪金额\n胡平,360781198711214078,13308246281,"已签字,按手印",2000\n';
    const p = await previewRoster('名单.csv', Buffer.from(text, 'utf8'), TODAY);
    expect(p.headerRows).toEqual([1]);
    expect(p.drafts).toEqual([
      expect.objectContaining({ name: '胡平', idNumber: '360781198711214078', note: '已签字,按手印', owed: '2000', sourceRow: 2 }),
    ]);
    expect(p.issues).toEqual([]);
  });

  it('reads UTF-8 without BOM', async () => {
    const text = '姓名,身份证号,欠薪金额\n宋静英,360702198704266341,800\n';
    const p = await previewRoster('名单.CSV', new TextEncoder().encode(text), TODAY);
    expect(p.drafts.map((d) => d.name)).toEqual(['宋静英']);
  });

  it('refuses .xls and other formats with a Chinese message', async () => {
    await expect(readRosterFile('x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))).rejects.toThrow(
      '无法读取文件“x.xls”：仅支持 .xlsx 和 .csv，请在表格软件中另存为 .xlsx',
    );
    await expect(readRosterFile('名单.et', Buffer.from('x'))).rejects.toThrow('无法读取文件“名单.et”：仅支持 .xlsx 和 .csv');
    await expect(readRosterFile('名单', Buffer.from('x'))).rejects.toThrow('仅支持 .xlsx 和 .csv');
  });

  it('refuses a broken .xlsx and an old .xls renamed to .xlsx', async () => {
    await expect(readRosterFile('坏.xlsx', Buffer.from('not a zip at all'))).rejects.toThrow(
      '无法读取文件“坏.xlsx”：文件已损坏或不是有效的 .xlsx 表格，请在表格软件中打开后另存为 .xlsx',
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readRosterFile('旧.xlsx', ole)).rejects.toThrow('无法读取文件“旧.xlsx”：仅支持 .xlsx 和 .csv，请在表格软件中另存为 .xlsx');
  });
});
