import { describe, expect, it } from 'vitest';
import { formatFen } from '../../electron/core/money';
import { ID_NUMBER_MANGLED_MESSAGE, LEGACY_ID_MESSAGE } from '../../electron/core/ids/idNumber';
import {
  emptyWorkerDraft,
  workerFieldLabels,
  type WorkerDraft,
  type WorkerField,
} from '../../electron/core/workers/workerDraft';
import { derivedAmounts, normaliseWorkerCell, validateWorkers } from '../../electron/core/workers/validateWorkers';
import { NO_HEADER_MESSAGE, parseRosterGrid, parseTsv, type Grid } from '../../electron/core/workers/rosterGrid';

const TODAY = '2024-10-01';
// valid resident ID numbers (checked with MOD 11-2)
const ID_M = '360781198711214078'; // male, 1987-11-21
const ID_F = '360702198704266341'; // female, 1987-04-26
const ID_STD_F = '11010519491231002X'; // GB 11643 annex example, female
const ID_BAD_CHECK = '360781198711214079';

function draft(over: Partial<WorkerDraft> = {}): WorkerDraft {
  return {
    ...emptyWorkerDraft(),
    name: '胡平',
    idNumber: ID_M,
    phone: '13308246281',
    jobType: '架子工',
    daysWorked: '10',
    dailyWage: '300',
    due: '3000',
    paid: '1000',
    owed: '2000',
    ...over,
  };
}

type Expect = { field: WorkerField; level: 'error' | 'warning'; message?: string | RegExp };

describe('workerDraft', () => {
  it('has an empty draft and Chinese labels for every field', () => {
    const d = emptyWorkerDraft();
    expect(Object.values(d).every((v) => v === '')).toBe(true);
    expect(workerFieldLabels).toEqual({
      name: '姓名',
      idNumber: '身份证号码',
      phone: '联系电话',
      jobType: '工种',
      team: '班组',
      daysWorked: '出勤天数',
      dailyWage: '日工资(元)',
      due: '应发(元)',
      paid: '已发(元)',
      owed: '欠发(元)',
      bankCard: '银行卡号',
      note: '备注',
    });
  });
});

describe('validateWorkers: one row', () => {
  const cases: { title: string; draft: WorkerDraft; problems: Expect[] }[] = [
    { title: 'a complete, consistent row', draft: draft(), problems: [] },
    { title: 'name with spaces is accepted', draft: draft({ name: ' 胡 平 ' }), problems: [] },
    { title: 'minority name with a middle dot', draft: draft({ name: '阿卜杜拉·买买提' }), problems: [] },
    { title: 'Latin letters', draft: draft({ name: 'Li Wei' }), problems: [] },
    { title: 'name missing', draft: draft({ name: '' }), problems: [{ field: 'name', level: 'error', message: '请填写姓名' }] },
    { title: 'name too short', draft: draft({ name: '胡' }), problems: [{ field: 'name', level: 'error', message: '姓名应为2–20个字' }] },
    { title: 'name too long', draft: draft({ name: '胡'.repeat(21) }), problems: [{ field: 'name', level: 'error', message: '姓名应为2–20个字' }] },
    { title: 'name with digits', draft: draft({ name: '胡平2' }), problems: [{ field: 'name', level: 'error', message: '姓名只能包含汉字或字母' }] },
    { title: 'ID missing', draft: draft({ idNumber: '' }), problems: [{ field: 'idNumber', level: 'error', message: '请填写身份证号码' }] },
    {
      title: 'ID check character wrong',
      draft: draft({ idNumber: ID_BAD_CHECK }),
      problems: [{ field: 'idNumber', level: 'error', message: '身份证号码校验位错误：末位应为8，现为9' }],
    },
    { title: 'ID 17 digits', draft: draft({ idNumber: ID_M.slice(0, 17) }), problems: [{ field: 'idNumber', level: 'error', message: /18位/ }] },
    { title: 'ID with lower-case x and spaces', draft: draft({ idNumber: ' 110105 19491231 002x ' }), problems: [] },
    { title: 'phone optional', draft: draft({ phone: '' }), problems: [] },
    { title: 'phone with +86 and dashes', draft: draft({ phone: '+86 133-0824-6281' }), problems: [] },
    { title: 'phone 10 digits', draft: draft({ phone: '1330824628' }), problems: [{ field: 'phone', level: 'error', message: /11位/ }] },
    { title: 'phone with letters', draft: draft({ phone: '133abc' }), problems: [{ field: 'phone', level: 'error' }] },
    {
      title: 'amount not a number names the field',
      draft: draft({ due: '三千', owed: '' }),
      problems: [{ field: 'due', level: 'error', message: /^应发金额：/ }],
    },
    { title: 'paid not a number', draft: draft({ paid: 'abc' }), problems: [{ field: 'paid', level: 'error', message: /^已发金额：/ }] },
    { title: 'daily wage with 3 decimals', draft: draft({ dailyWage: '300.001' }), problems: [{ field: 'dailyWage', level: 'error', message: /^日工资：/ }] },
    { title: 'negative owed', draft: draft({ due: '', paid: '', owed: '-5' }), problems: [{ field: 'owed', level: 'error', message: /^欠发金额：/ }] },
    { title: 'owed computed from due − paid', draft: draft({ owed: '' }), problems: [] },
    { title: 'only owed given', draft: draft({ due: '', paid: '', dailyWage: '', daysWorked: '', owed: '2000' }), problems: [] },
    {
      title: 'owed inconsistent with due − paid',
      draft: draft({ owed: '2500' }),
      problems: [
        {
          field: 'owed',
          level: 'error',
          message: `欠发金额与应发减已发不一致（应发${formatFen(300000)} − 已发${formatFen(100000)} = ${formatFen(200000)}）`,
        },
      ],
    },
    { title: 'owed zero', draft: draft({ due: '', paid: '', owed: '0' }), problems: [{ field: 'owed', level: 'error', message: '欠发金额须大于0' }] },
    { title: 'fully paid (computed owed 0)', draft: draft({ paid: '3000', owed: '' }), problems: [{ field: 'owed', level: 'error', message: '欠发金额须大于0' }] },
    {
      title: 'paid more than due',
      draft: draft({ paid: '3500', owed: '' }),
      problems: [{ field: 'paid', level: 'error', message: /已发金额.*大于应发金额/ }],
    },
    {
      title: 'owed missing and not computable',
      draft: draft({ paid: '', owed: '' }),
      problems: [{ field: 'owed', level: 'error', message: /请填写欠发金额/ }],
    },
    { title: 'half days', draft: draft({ daysWorked: '10.5', due: '3150', owed: '2150' }), problems: [] },
    { title: 'days with 天', draft: draft({ daysWorked: '10天' }), problems: [] },
    { title: 'full-width digits', draft: draft({ daysWorked: '１０', owed: '２０００' }), problems: [] },
    { title: 'days with 2 decimals', draft: draft({ daysWorked: '10.25' }), problems: [{ field: 'daysWorked', level: 'error', message: /一位小数/ }] },
    { title: 'days over 366', draft: draft({ daysWorked: '400' }), problems: [{ field: 'daysWorked', level: 'error', message: /366/ }] },
    { title: 'days negative', draft: draft({ daysWorked: '-1' }), problems: [{ field: 'daysWorked', level: 'error' }] },
    {
      title: 'daily wage × days ≠ due is only a warning',
      draft: draft({ daysWorked: '11' }),
      problems: [{ field: 'due', level: 'warning', message: /日工资×出勤天数.*3,300\.00.*3,000\.00/ }],
    },
    { title: 'bank card with spaces', draft: draft({ bankCard: '6217 0000 1234 5678 901' }), problems: [] },
    { title: 'bank card too short', draft: draft({ bankCard: '62170' }), problems: [{ field: 'bankCard', level: 'warning' }] },
  ];

  it.each(cases)('$title', ({ draft: d, problems }) => {
    const r = validateWorkers([d], TODAY);
    expect(r.problems.map(({ field, level }) => ({ field, level }))).toEqual(problems.map(({ field, level }) => ({ field, level })));
    r.problems.forEach((p, i) => {
      expect(p.index).toBe(0);
      const m = problems[i].message;
      if (typeof m === 'string') expect(p.message).toBe(m);
      else if (m) expect(p.message).toMatch(m);
    });
    const hasError = problems.some((p) => p.level === 'error');
    expect(r.workers[0] === null).toBe(hasError);
  });

  it('builds a ValidWorker with fen amounts, sex and birth date', () => {
    const r = validateWorkers(
      [draft({ name: ' 胡 平', phone: '+86 133 0824 6281', owed: '', team: ' 一班 ', bankCard: '6217 0000 1234 5678', note: ' 已签字 ' })],
      TODAY,
    );
    expect(r.problems).toEqual([]);
    expect(r.workers[0]).toEqual({
      name: '胡平',
      idNumber: ID_M,
      sex: 'male',
      birthDate: '1987-11-21',
      phone: '13308246281',
      jobType: '架子工',
      team: '一班',
      daysWorked: 10,
      dailyWageFen: 30000,
      dueFen: 300000,
      paidFen: 100000,
      owedFen: 200000,
      bankCard: '6217000012345678',
      note: '已签字',
      idNumberNote: null,
    });
  });

  it('normalises a lower-case x and reads the sex of a female ID', () => {
    const w = validateWorkers([draft({ idNumber: '11010519491231002x' })], TODAY).workers[0];
    expect(w).toMatchObject({ idNumber: ID_STD_F, sex: 'female', birthDate: '1949-12-31' });
  });

  it('leaves optional fields null', () => {
    const w = validateWorkers([{ ...emptyWorkerDraft(), name: '宋静英', idNumber: ID_F, owed: '1,234.5' }], TODAY).workers[0];
    expect(w).toEqual({
      name: '宋静英',
      idNumber: ID_F,
      sex: 'female',
      birthDate: '1987-04-26',
      phone: null,
      jobType: null,
      team: null,
      daysWorked: null,
      dailyWageFen: null,
      dueFen: null,
      paidFen: null,
      owedFen: 123450,
      bankCard: null,
      note: null,
      idNumberNote: null,
    });
  });

  it('rejects a birth date after today (via checkIdNumber)', () => {
    const r = validateWorkers([draft()], '1987-01-01');
    expect(r.problems).toEqual([{ index: 0, field: 'idNumber', level: 'error', message: '身份证号码中的出生日期晚于今天' }]);
  });
});

describe('validateWorkers: the list', () => {
  it('ignores completely empty rows (also whitespace-only ones)', () => {
    const blank = emptyWorkerDraft();
    const spaces = { ...emptyWorkerDraft(), name: '  ', note: '\u3000' };
    const r = validateWorkers([blank, draft(), spaces], TODAY);
    expect(r.problems).toEqual([]);
    expect(r.workers[0]).toBeNull();
    expect(r.workers[1]).not.toBeNull();
    expect(r.workers[2]).toBeNull();
  });

  it('flags the same ID twice on both rows, by list position', () => {
    const r = validateWorkers([draft(), draft({ idNumber: ID_F, name: '宋静英' }), draft({ name: '胡平平' })], TODAY);
    expect(r.problems).toEqual([
      { index: 0, field: 'idNumber', level: 'error', message: '与第3行身份证号码重复' },
      { index: 2, field: 'idNumber', level: 'error', message: '与第1行身份证号码重复' },
    ]);
    expect(r.workers.map((w) => w?.name ?? null)).toEqual([null, '宋静英', null]);
  });

  it('names the spreadsheet rows when drafts come from a sheet, and lists every other duplicate', () => {
    const r = validateWorkers(
      [draft({ sourceRow: 5 }), draft({ sourceRow: 9, idNumber: ID_M.toLowerCase() }), draft({ sourceRow: 12 })],
      TODAY,
    );
    expect(r.problems.map((p) => p.message)).toEqual(['与第9、12行身份证号码重复', '与第5、12行身份证号码重复', '与第5、9行身份证号码重复']);
  });

  it('a 15-digit first-generation ID is refused with the reason; accepted only as a recorded exception', () => {
    // first-generation cards stopped being valid on 2013-01-01
    const refused = validateWorkers([draft({ idNumber: '440524800101001' })], TODAY);
    expect(refused.problems).toEqual([{ index: 0, field: 'idNumber', level: 'error', message: LEGACY_ID_MESSAGE }]);
    expect(refused.workers[0]).toBeNull();
    const accepted = validateWorkers([draft({ idNumber: '440524800101001', legacyIdReason: ' 本人仅持有第一代身份证，二代证在补办中 ' })], TODAY);
    expect(accepted.problems).toEqual([{ index: 0, field: 'idNumber', level: 'warning', message: '15位旧证号按例外登记：本人仅持有第一代身份证，二代证在补办中' }]);
    expect(accepted.workers[0]).toMatchObject({ idNumber: '440524800101001', sex: 'male', birthDate: '1980-01-01', idNumberNote: '15位旧证号按例外登记：本人仅持有第一代身份证，二代证在补办中' });
    // the exception covers a 15-digit number only: an 18-digit one is checked as always
    expect(validateWorkers([draft({ idNumber: '440524188001010015', legacyIdReason: '例外' })], TODAY).problems[0]?.message).toMatch(/校验位错误/);
  });

  it('a duplicate written as 15 digits and as 18 is not matched (different values)', () => {
    // upgrade of legacy numbers is out of scope: both forms are kept separately
    const r = validateWorkers([draft({ idNumber: '440524800101001', legacyIdReason: '仅有一代证' }), draft({ idNumber: '440524188001010014' })], TODAY);
    expect(r.problems.filter((p) => p.level === 'error')).toEqual([]);
  });

  it('an ID the spreadsheet stored as a number stays flagged as such, never as a check-digit error', () => {
    // 360702198801010014 stored as 3.60702198801010e17 reads back as …0000: without the flag the grid says which
    // check digit it "should" have — an invitation to invent an ID that passes
    const r = validateWorkers([draft({ idNumber: '360702198801010000', idNumberStoredAsNumber: true })], TODAY);
    expect(r.problems).toEqual([{ index: 0, field: 'idNumber', level: 'error', message: ID_NUMBER_MANGLED_MESSAGE }]);
    expect(validateWorkers([draft({ idNumber: '360702198801010000' })], TODAY).problems[0]?.message).toMatch(/^身份证号码校验位错误：末位应为\d，现为0$/);
  });
});

describe('parseTsv (clipboard paste)', () => {
  it('uses a pasted header line, whatever the column order', () => {
    const text = '姓名\t手机号\t身份证号\t欠薪金额\r\n胡平\t13308246281\t360781198711214078\t2000\r\n宋静英\t\t360702198704266341\t1500.5\r\n';
    const grid = parseTsv(text);
    expect(grid.assumedColumns).toBeUndefined();
    const p = parseRosterGrid(grid, TODAY);
    expect(p.headerRows).toEqual([1]);
    expect(p.columns.map((c) => c.field)).toEqual(['name', 'phone', 'idNumber', 'owed']);
    expect(p.drafts.map((d) => [d.name, d.phone, d.idNumber, d.owed, d.sourceRow])).toEqual([
      ['胡平', '13308246281', ID_M, '2000', 2],
      ['宋静英', '', ID_F, '1500.5', 3],
    ]);
    expect(p.issues).toEqual([]);
  });

  it('assumes the typed grid order when there is no header', () => {
    const text = '胡平\t360781198711214078\t13308246281\t架子工\t10\t300\t3000\t1000\t2000\n宋静英\t360702198704266342\t\t水电工\t\t\t\t\t800';
    const grid = parseTsv(text);
    expect(grid.assumedColumns).toEqual(['name', 'idNumber', 'phone', 'jobType', 'daysWorked', 'dailyWage', 'due', 'paid', 'owed']);
    const p = parseRosterGrid(grid, TODAY);
    expect(p.headerRows).toEqual([]);
    expect(p.drafts).toHaveLength(2);
    expect(p.drafts[0]).toMatchObject({ name: '胡平', jobType: '架子工', daysWorked: '10', dailyWage: '300', due: '3000', paid: '1000', owed: '2000', sourceRow: 1 });
    expect(p.issues).toEqual([
      {
        row: 2,
        column: 'B',
        field: 'idNumber',
        level: 'error',
        message: '第2行 B列（身份证号码）：身份证号码校验位错误：末位应为1，现为2',
      },
    ]);
  });

  it('handles quoted cells with tabs, quotes and line breaks, CRLF and a trailing newline', () => {
    const grid = parseTsv('胡平\t360781198711214078\t\t"木工\t""大工"""\t\t\t\t\t2000\r\n"宋\n静英"\t360702198704266341\r\n\r\n');
    expect(grid.rows).toEqual([
      ['胡平', ID_M, null, '木工\t"大工"', null, null, null, null, '2000'],
      ['宋\n静英', ID_F],
    ]);
  });

  it('returns an empty grid for empty text', () => {
    expect(parseTsv('').rows).toEqual([]);
    expect(parseTsv('\n\n').rows).toEqual([]);
  });
});

describe('parseRosterGrid (pure grid cases)', () => {
  const header = ['序号', '姓名', '身份证号码', '联系电话', '应发工资', '已发工资', '欠发工资'];

  it('reports a sheet without header', () => {
    const p = parseRosterGrid({ sheetName: 'x', rows: [['项目', '金额'], ['a', 1]] }, TODAY);
    expect(p.issues).toEqual([{ row: 0, column: '', level: 'error', message: NO_HEADER_MESSAGE }]);
    expect(p.drafts).toEqual([]);
  });

  it('a numeric ID cell gets the "stored as number" error instead of a check-digit error', () => {
    const p = parseRosterGrid({ sheetName: 's', rows: [header, [1, '胡平', 360781198711214078, 13308246281, 3000, 1000, 2000]] }, TODAY);
    expect(p.drafts[0].phone).toBe('13308246281');
    expect(p.issues).toEqual([
      { row: 2, column: 'C', field: 'idNumber', level: 'error', message: `第2行 C列（身份证号码）：${ID_NUMBER_MANGLED_MESSAGE}` },
    ]);
  });

  it('an ID written like 3.60781E+17 (a .csv from Excel) gets the same error', () => {
    const p = parseRosterGrid({ sheetName: 's', rows: [header, ['1', '胡平', '3.60781E+17', '', '3000', '1000', '2000']] }, TODAY);
    expect(p.issues.map((i) => i.message)).toEqual([`第2行 C列（身份证号码）：${ID_NUMBER_MANGLED_MESSAGE}`]);
  });

  it('a 15-digit legacy ID stored as a number is still exact, and refused as a first-generation number', () => {
    const p = parseRosterGrid({ sheetName: 's', rows: [header, [1, '胡平', 440524800101001, null, 3000, 1000, 2000]] }, TODAY);
    expect(p.drafts[0].idNumber).toBe('440524800101001');
    expect(p.drafts[0].idNumberStoredAsNumber).toBeUndefined();
    expect(p.issues.map((i) => i.message)).toEqual([`第2行 C列（身份证号码）：${LEGACY_ID_MESSAGE}`]);
  });

  it('an 18-digit ID stored as a number keeps its flag in the draft that goes to the grid', () => {
    const p = parseRosterGrid({ sheetName: 's', rows: [header, [1, '胡平', 3.60702198801011e17, null, 3000, 1000, 2000]] }, TODAY);
    expect(p.drafts[0].idNumberStoredAsNumber).toBe(true);
    // in the grid (no sheet overrides any more) the same message, not a check-digit error
    expect(validateWorkers(p.drafts, TODAY).problems.map((x) => x.message)).toEqual([ID_NUMBER_MANGLED_MESSAGE]);
  });

  it('skips blank and pre-numbered template rows, continues after 小计, stops at 合计, warns about rows after it', () => {
    const rows: Grid['rows'] = [
      header,
      [1, '胡平', ID_M, null, 3000, 1000, 2000],
      [],
      [2, '宋静英', ID_F, null, 2000, 0, 2000],
      ['小计', null, null, null, 5000, 1000, 4000],
      [3, null, null, null, 0, 0, 0],
      ['注：以上为木工班组', null, null],
      ['合计', null, null, null, 5000, 1000, 4000],
      [4, '田海', '36073219940921295X', null, 100, 0, 100],
      ['班组长签字：', null, null, null, '日期：'],
    ];
    const p = parseRosterGrid({ sheetName: 's', rows }, TODAY);
    expect(p.drafts.map((d) => d.sourceRow)).toEqual([2, 4]);
    expect(p.skipped).toEqual([
      { row: 3, reason: '空行' },
      { row: 5, reason: '合计行' },
      { row: 6, reason: '空行' },
      { row: 7, reason: '说明行' },
      { row: 8, reason: '合计行' },
      { row: 9, reason: '说明行' },
      { row: 10, reason: '签名行' },
    ]);
    expect(p.issues).toEqual([
      { row: 9, column: '', level: 'warning', message: '第9行：位于合计行或签名行之后，未导入；如是职工信息，请移到合计行之前' },
    ]);
  });

  it('"以下空白" ends the list', () => {
    const rows: Grid['rows'] = [header, [1, '胡平', ID_M, null, 3000, 1000, 2000], [2, '以下空白'], [3, null, null, null, 0, 0, 0]];
    const p = parseRosterGrid({ sheetName: 's', rows }, TODAY);
    expect(p.drafts).toHaveLength(1);
    expect(p.skipped).toEqual([
      { row: 3, reason: '说明行' },
      { row: 4, reason: '说明行' },
    ]);
    expect(p.issues).toEqual([]);
  });

  it('warns when the totals row does not match the rows', () => {
    const rows: Grid['rows'] = [header, [1, '胡平', ID_M, null, 3000, 1000, 2000], ['合计', null, null, null, 3000, 1000, 2500]];
    const p = parseRosterGrid({ sheetName: 's', rows }, TODAY);
    expect(p.issues).toEqual([
      {
        row: 3,
        column: 'G',
        field: 'owed',
        level: 'warning',
        message: '第3行 G列（欠发(元)）：合计行为2,500.00元，而各行之和为2,000.00元，请核对是否有遗漏或隐藏的行',
      },
    ]);
  });

  it('two-level header without merges (as saved to .csv) is combined', () => {
    const rows: Grid['rows'] = [
      ['序号', '姓名', '身份证号', '工资情况', null, null],
      [null, null, null, '应发', '已发', '欠发'],
      ['1', '胡平', ID_M, '3000', '1000', '2000'],
    ];
    const p = parseRosterGrid({ sheetName: 's', rows }, TODAY);
    expect(p.headerRows).toEqual([1, 2]);
    expect(p.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', null],
      ['姓名', 'name'],
      ['身份证号', 'idNumber'],
      ['工资情况/应发', 'due'],
      ['已发', 'paid'],
      ['欠发', 'owed'],
    ]);
    expect(p.drafts).toHaveLength(1);
    expect(p.issues).toEqual([]);
  });

  it('reports missing essential columns once, on the header row', () => {
    const rows: Grid['rows'] = [['姓名', '联系电话', '工种'], ['胡平', '13308246281', '木工']];
    const p = parseRosterGrid({ sheetName: 's', rows }, TODAY);
    expect(p.issues[0]).toEqual({
      row: 1,
      column: '',
      level: 'error',
      message: '第1行：表格缺少“身份证号码”、“欠发工资”（或“应发”与“已发”）列',
    });
    // and every row still says what it lacks
    expect(p.issues.slice(1).map((i) => i.message)).toEqual([
      '第2行（身份证号码）：请填写身份证号码',
      '第2行（欠发(元)）：请填写欠发金额（或同时填写应发和已发金额）',
    ]);
  });

  it('recognises the usual column names', () => {
    const names = ['序号', '姓名', '证件号码', '手机号', '工种', '班组', '工日', '日工价', '应付', '实发', '拖欠工资', '银行卡号', '开户行', '备注'];
    const p = parseRosterGrid({ sheetName: 's', rows: [names] }, TODAY);
    expect(p.columns.map((c) => c.field)).toEqual([
      null, 'name', 'idNumber', 'phone', 'jobType', 'team', 'daysWorked', 'dailyWage', 'due', 'paid', 'owed', 'bankCard', null, 'note',
    ]);
    const alt = ['姓 名', '身份证号', '电话', '出勤天数', '单价（元/天）', '应发工资(元)', '已付', '未付', '欠薪金额'];
    const q = parseRosterGrid({ sheetName: 's', rows: [alt] }, TODAY);
    expect(q.columns.map((c) => c.field)).toEqual(['name', 'idNumber', 'phone', 'daysWorked', 'dailyWage', 'due', 'paid', 'owed', null]);
  });
});

describe('derived amounts and normalised cells (what the grid shows)', () => {
  // 应发 left blank: 日工资 × 出勤天数; 欠发 left blank: 应发 − 已发 (both shown in the grid)
  const cases: [string, Partial<WorkerDraft>, { dueFen: number | null; owedFen: number | null }][] = [
    ['due from days × wage, owed from due − paid', { daysWorked: '22.5', dailyWage: '380', due: '', paid: '1000', owed: '' }, { dueFen: 855_000, owedFen: 755_000 }],
    ['a typed due is not recomputed; owed from it', { daysWorked: '10', dailyWage: '300', due: '3200', paid: '200', owed: '' }, { dueFen: null, owedFen: 300_000 }],
    ['owed typed: nothing derived for it', { daysWorked: '10', dailyWage: '300', due: '', paid: '', owed: '2500' }, { dueFen: 300_000, owedFen: null }],
    ['paid blank: owed is not guessed', { daysWorked: '10', dailyWage: '300', due: '', paid: '', owed: '' }, { dueFen: 300_000, owedFen: null }],
    ['paid above due: nothing derived for owed', { daysWorked: '10', dailyWage: '300', due: '', paid: '3500', owed: '' }, { dueFen: 300_000, owedFen: null }],
    ['full-width digits count', { daysWorked: '１０', dailyWage: '３００', due: '', paid: '０', owed: '' }, { dueFen: 300_000, owedFen: 300_000 }],
  ];
  for (const [what, d, expected] of cases) {
    it(what, () => expect(derivedAmounts({ ...emptyWorkerDraft(), ...d })).toEqual(expected));
  }

  it('validation uses the computed due (so a row with days, wage and paid needs no owed)', () => {
    const r = validateWorkers([{ ...emptyWorkerDraft(), name: '胡平', idNumber: ID_M, daysWorked: '10', dailyWage: '300', paid: '1000' }], TODAY);
    expect(r.problems).toEqual([]);
    expect(r.workers[0]).toMatchObject({ dueFen: 300_000, paidFen: 100_000, owedFen: 200_000 });
  });

  it('normalises a cell when the clerk leaves it', () => {
    expect(normaliseWorkerCell('phone', '１３８ ０７９７ ２２５１')).toBe('13807972251');
    expect(normaliseWorkerCell('phone', '+86 138-0797-2251')).toBe('13807972251');
    expect(normaliseWorkerCell('phone', '１３８')).toBe('138'); // invalid: kept (made ASCII), its error shows
    expect(normaliseWorkerCell('idNumber', ' 11010519491231002ｘ')).toBe('11010519491231002X');
    expect(normaliseWorkerCell('owed', '８ ６００．５')).toBe('8600.5');
    expect(normaliseWorkerCell('name', ' 阿卜杜拉•买买提 ')).toBe('阿卜杜拉·买买提');
  });
});
