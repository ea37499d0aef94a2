/**
 * Spreadsheet grid → worker drafts (import preview).
 *
 * Works on a plain grid of cached cell values, so the same code serves .xlsx, .csv and the
 * clipboard paste, in the main process or in the renderer. Pure: no node:*, no db, no React.
 */
import { ID_NUMBER_MANGLED_MESSAGE, idNumberNumericCellMessage } from '../ids/idNumber';
import { formatFen, parseYuanToFen } from '../money';
import { toHalfWidth } from '../text';
import { validateWorkers } from './validateWorkers';
import {
  emptyWorkerDraft,
  isBlankDraft,
  typedGridFields,
  workerFieldLabels,
  type WorkerDraft,
  type WorkerField,
} from './workerDraft';

/** The cached/display value of one cell; numbers stay numbers. */
export type GridCell = string | number | boolean | null;
export type GridMerge = { top: number; left: number; bottom: number; right: number };
export type Grid = {
  sheetName: string;
  /** 0-based rows of 0-based cells. Cells covered by a merge (other than its top-left) are null. */
  rows: GridCell[][];
  /** 0-based, inclusive */
  merges?: GridMerge[];
  /**
   * Set by parseTsv when the pasted text has no recognisable header: the columns are then taken
   * in this order and every line is data.
   */
  assumedColumns?: WorkerField[];
};
export type RosterIssue = {
  /** 1-based spreadsheet row; 0 when the issue concerns the whole sheet */
  row: number;
  /** column letter ('C'); '' when the issue is not tied to one column */
  column: string;
  field?: WorkerField;
  level: 'error' | 'warning';
  message: string;
};
export type RosterSkipReason = '合计行' | '签名行' | '空行' | '说明行';
export type RosterPreview = {
  sheetName: string;
  /** 1-based */
  headerRows: number[];
  columns: { column: string; header: string; field: WorkerField | null }[];
  /** one per data row, with sourceRow */
  drafts: WorkerDraft[];
  skipped: { row: number; reason: RosterSkipReason }[];
  /** every problem, located by sheet row + column; message prefixed "第7行 C列（身份证号码）：…" */
  issues: RosterIssue[];
};

export const NO_HEADER_MESSAGE = '未找到表头：请确认表格含有“姓名”“身份证号码”等列';

const HEADER_SCAN_ROWS = 15;
const MAX_HEADER_LENGTH = 20;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** 0 → 'A', 25 → 'Z', 26 → 'AA' */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Removes floating-point noise from formula results (0.1 + 0.2 → 0.3). */
function tidyNumber(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** Text of a cell as the user sees it. Large numbers are written out without exponent. */
export function cellText(v: GridCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const n = tidyNumber(v);
    if (Number.isInteger(n) && Math.abs(n) >= 1e15) {
      // what a spreadsheet keeps of a long number: 15 significant digits, then zeros
      const [mantissa, exp] = Math.abs(n).toExponential(14).split('e');
      const digits = mantissa.replace('.', '').padEnd(Number(exp) + 1, '0');
      return (n < 0 ? '-' : '') + digits;
    }
    return String(n);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.trim();
}

function isBlankCell(v: GridCell | undefined): boolean {
  return cellText(v).replace(/[\s\u3000]/g, '') === '';
}

function compact(s: string): string {
  return toHalfWidth(s).replace(/[\s\u3000\u00a0]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Header recognition

type HeaderMatch = { field: WorkerField | 'serial' | 'ignore'; exact: boolean } | null;

/** Canonical column names (an exact match wins when two columns claim the same field). */
const EXACT: Record<WorkerField | 'serial', string[]> = {
  serial: ['序号', '编号', '序', 'NO', 'NO.'],
  name: ['姓名', '工人姓名', '农民工姓名', '职工姓名', '员工姓名', '申请人姓名', '申请人'],
  idNumber: ['身份证号码', '身份证号', '身份证', '证件号码', '证件号', '公民身份号码', '身份证件号码'],
  phone: ['联系电话', '手机号', '手机号码', '电话', '手机', '联系方式', '电话号码'],
  jobType: ['工种'],
  team: ['班组', '所属班组', '班组名称'],
  daysWorked: ['出勤天数', '工日', '出勤工日', '天数', '工作天数', '实际出勤天数'],
  dailyWage: ['日工资', '日工价', '单价', '日薪', '工价', '日工资标准'],
  due: ['应发', '应发工资', '应付', '应付工资', '应发金额', '应付金额', '应发合计'],
  paid: ['已发', '已付', '实发', '已发工资', '已付工资', '实发工资', '已发金额', '已付金额', '已支付'],
  owed: ['欠发', '拖欠工资', '未付', '欠薪金额', '欠发工资', '欠薪', '拖欠金额', '未付工资', '欠发金额', '未发工资'],
  bankCard: ['银行卡号', '银行账号', '银行帐号', '卡号', '工资卡号', '银行卡'],
  note: ['备注'],
};

/** Ordered containment rules (first hit wins). */
const RULES: [RegExp, WorkerField | 'serial' | 'ignore'][] = [
  [/^(序号|编号|序|NO\.?)$/i, 'serial'],
  [/身份证|证件号|身份号码/, 'idNumber'],
  [/开户行|开户银行|银行名称|所属银行|开户网点/, 'ignore'],
  [/银行卡|银行账号|银行帐号|卡号|账号|帐号/, 'bankCard'],
  [/电话|手机|联系方式/, 'phone'],
  [/签字|签名|手印|指印/, 'ignore'],
  [/姓名|名字/, 'name'],
  [/工种/, 'jobType'],
  [/班组/, 'team'],
  [/欠|未付|未发|未结/, 'owed'],
  [/已发|已付|实发|已支付|已领/, 'paid'],
  [/应发|应付|应得|应结|工资总额/, 'due'],
  [/日工资|日工价|单价|日薪|工价/, 'dailyWage'],
  [/天数|工日|出勤/, 'daysWorked'],
  [/备注/, 'note'],
];

/** Units and decorations around a column name: 日工资（元） → 日工资, *姓名 → 姓名. */
function normaliseHeader(label: string): string {
  return compact(label)
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[*※:：]/g, '')
    .replace(/\/?(元\/天|元\/日|元\/工日|元)$/, '');
}

export function matchHeader(label: string): HeaderMatch {
  const norm = normaliseHeader(label);
  if (norm === '' || norm.length > MAX_HEADER_LENGTH) return null;
  // 起止时间、进场日期… are not days worked
  const isPeriod = /时间|日期|起止|期间|年月/.test(norm);
  for (const [field, names] of Object.entries(EXACT) as [WorkerField | 'serial', string[]][]) {
    if (names.some((n) => n.toUpperCase() === norm.toUpperCase())) return { field, exact: true };
  }
  for (const [re, field] of RULES) {
    if (re.test(norm)) {
      if (field === 'daysWorked' && isPeriod) return null;
      return { field, exact: false };
    }
  }
  return null;
}

/** Generic sub-header words that take their meaning from the parent ("应发工资 / 金额"). */
const GENERIC_CHILD = /^(金额|数额|元|金额元|小计|合计|数量)$/;

type MergeIndex = { masterOf: (r: number, c: number) => GridMerge | null };

function indexMerges(merges: GridMerge[] | undefined): MergeIndex {
  const list = merges ?? [];
  return {
    masterOf(r, c) {
      for (const m of list) if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
      return null;
    },
  };
}

function rowWidth(rows: GridCell[][]): number {
  return rows.reduce((w, r) => Math.max(w, r.length), 0);
}

/** Value shown at (r, c): a cell inside a merge shows the merge's top-left value. */
function shownValue(grid: Grid, mi: MergeIndex, r: number, c: number): GridCell {
  const m = mi.masterOf(r, c);
  if (m) return grid.rows[m.top]?.[m.left] ?? null;
  return grid.rows[r]?.[c] ?? null;
}

/** Distinct recognised column names in one row. */
function headerScore(grid: Grid, r: number): { score: number; hasKey: boolean } {
  const seen = new Set<string>();
  for (const v of grid.rows[r] ?? []) {
    if (typeof v !== 'string') continue;
    const m = matchHeader(v);
    if (m && m.field !== 'ignore') seen.add(m.field);
  }
  return { score: seen.size, hasKey: seen.has('name') || seen.has('idNumber') };
}

function isHorizontalMergeAt(grid: Grid, mi: MergeIndex, r: number, c: number, width: number): boolean {
  const m = mi.masterOf(r, c);
  if (!m || m.right <= m.left || m.top !== r) return false;
  // a merge across (nearly) the whole table is a title, not a group header
  return m.right - m.left + 1 < Math.max(2, Math.ceil(width * 0.8));
}

/**
 * Is row `c` the second level of a two-level header whose first level is row `p`?
 * Every non-empty cell of `c` must be a short string sitting under a group label (a horizontal
 * merge in `p`, an empty cell, or an unrecognised label), and `c` must name at least one field.
 */
function isChildHeaderRow(grid: Grid, mi: MergeIndex, p: number, c: number, width: number): boolean {
  if (p < 0 || c >= grid.rows.length) return false;
  const parentCells = (grid.rows[p] ?? []).filter((v) => !isBlankCell(v));
  if (parentCells.length < 2) return false; // a lone title line is not a header level
  if (parentCells.some((v) => typeof v !== 'string' || compact(v).length > MAX_HEADER_LENGTH)) return false;
  const child = grid.rows[c] ?? [];
  let recognised = 0;
  let any = false;
  for (let j = 0; j < child.length; j++) {
    const v = child[j];
    if (isBlankCell(v)) continue;
    any = true;
    if (typeof v !== 'string' || compact(v).length > MAX_HEADER_LENGTH) return false;
    const m = matchHeader(v);
    if (m && m.field !== 'ignore') recognised++;
    if (isHorizontalMergeAt(grid, mi, p, j, width)) continue;
    const parent = shownValue(grid, mi, p, j);
    if (isBlankCell(parent)) continue;
    const pm = typeof parent === 'string' ? matchHeader(parent) : null;
    // an exact column name ("姓名") is a column of its own, not a group label ("出勤情况", "工资情况")
    if (pm && pm.exact) return false;
  }
  return any && recognised > 0;
}

type HeaderLayout = {
  headerRows: number[]; // 0-based
  columns: { column: string; header: string; field: WorkerField | null; exact: boolean }[];
};

function findHeader(grid: Grid): HeaderLayout | null {
  const limit = Math.min(HEADER_SCAN_ROWS, grid.rows.length);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < limit; r++) {
    const { score, hasKey } = headerScore(grid, r);
    if (hasKey && score >= 2 && score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best < 0) return null;
  const mi = indexMerges(grid.merges);
  const width = rowWidth(grid.rows);
  let top = best;
  let bottom = best;
  if (isChildHeaderRow(grid, mi, best, best + 1, width)) bottom = best + 1;
  else if (isChildHeaderRow(grid, mi, best - 1, best, width)) top = best - 1;

  const columns: HeaderLayout['columns'] = [];
  for (let c = 0; c < width; c++) {
    const parentText = cellText(shownValue(grid, mi, top, c));
    // the child row: ignore cells that merely continue a vertical merge from the parent
    let childText = '';
    if (bottom > top) {
      const m = mi.masterOf(bottom, c);
      if (!m || m.top === bottom) childText = cellText(shownValue(grid, mi, bottom, c));
    }
    let header: string;
    let match: HeaderMatch;
    if (childText !== '') {
      header = parentText && parentText !== childText ? `${parentText}/${childText}` : childText;
      match = matchHeader(childText);
      if (!match && GENERIC_CHILD.test(normaliseHeader(childText)) && parentText) match = matchHeader(parentText);
    } else {
      header = parentText;
      match = parentText ? matchHeader(parentText) : null;
    }
    const field = match && match.field !== 'serial' && match.field !== 'ignore' ? match.field : null;
    columns.push({ column: columnLetter(c), header, field, exact: !!match?.exact });
  }
  // one column per field: prefer an exact name, then the leftmost
  const byField = new Map<WorkerField, number>();
  columns.forEach((col, i) => {
    if (!col.field) return;
    const prev = byField.get(col.field);
    if (prev === undefined) byField.set(col.field, i);
    else if (col.exact && !columns[prev].exact) byField.set(col.field, i);
  });
  columns.forEach((col, i) => {
    if (col.field && byField.get(col.field) !== i) col.field = null;
  });
  const headerRows: number[] = [];
  for (let r = top; r <= bottom; r++) headerRows.push(r);
  return { headerRows, columns };
}

// ---------------------------------------------------------------------------------------------
// Row classification

const TOTAL_RE = /^(总合计|合计|总计|小计|共计|累计|本页合计|本页小计)/;
const FOOTER_START_RE =
  /^(制表|填表|编制|审核|复核|核对|班组长|包工头|负责人|经办|项目经理|项目负责人|劳资|日期|签字|签名|盖章|单位盖章|法定代表人|总包|分包|施工单位|建设单位|劳务公司|劳务分包|监理|确认|证明人)/;
const FOOTER_ANY_RE = /签字|签名|盖章|制表人|审核人|填表人|复核人|（章）|\(章\)/;
const NOTE_START_RE = /^(注|说明|备注|附)/;
const END_MARK_RE = /^(以下空白|以下无内容|以下无正文|此行以下空白)/;

function firstText(row: GridCell[]): string {
  for (const v of row) if (!isBlankCell(v)) return typeof v === 'string' ? compact(v) : '';
  return '';
}

function rowTexts(row: GridCell[]): string[] {
  return row.filter((v) => !isBlankCell(v)).map((v) => compact(cellText(v)));
}

// ---------------------------------------------------------------------------------------------
// Cells that were stored as numbers

/** "3.60733E+17" — how Excel writes a long number into a .csv */
const SCIENTIFIC_RE = /^\d(\.\d+)?E\+?\d+$/i;

function bankCardMangledMessage(shown: string): string {
  return `该单元格被表格存为数字（${shown}），银行卡号末几位已丢失，请把该列设为文本后重新录入`;
}

/** Returns a message when the cell holds an ID / card number that the spreadsheet stored as a number. */
function lostDigits(field: 'idNumber' | 'bankCard', v: GridCell): string | null {
  const scientific = typeof v === 'string' && SCIENTIFIC_RE.test(compact(v));
  if (field === 'idNumber') {
    if (typeof v === 'number') return idNumberNumericCellMessage(v);
    return scientific ? ID_NUMBER_MANGLED_MESSAGE : null;
  }
  if (typeof v === 'number') {
    if (Math.abs(v) >= 1e15 || !Number.isInteger(v)) return bankCardMangledMessage(cellText(v));
    return null;
  }
  return scientific ? bankCardMangledMessage(compact(v as string)) : null;
}

// ---------------------------------------------------------------------------------------------
// Main entry

function prefix(row: number, column: string, field: WorkerField | undefined, header?: string): string {
  const label = field ? workerFieldLabels[field] : header;
  if (row <= 0) return '';
  if (column && label) return `第${row}行 ${column}列（${label}）：`;
  if (column) return `第${row}行 ${column}列：`;
  if (label) return `第${row}行（${label}）：`;
  return `第${row}行：`;
}

export function parseRosterGrid(grid: Grid, today: string): RosterPreview {
  const rows = grid.rows;
  const issues: RosterIssue[] = [];
  const skipped: RosterPreview['skipped'] = [];
  const drafts: WorkerDraft[] = [];

  let layout: HeaderLayout | null = findHeader(grid);
  if (!layout && grid.assumedColumns) {
    const width = Math.max(rowWidth(rows), grid.assumedColumns.length);
    layout = {
      headerRows: [],
      columns: Array.from({ length: width }, (_, c) => {
        const field = grid.assumedColumns![c] ?? null;
        return { column: columnLetter(c), header: field ? workerFieldLabels[field] : '', field, exact: true };
      }),
    };
  }
  if (!layout) {
    return {
      sheetName: grid.sheetName,
      headerRows: [],
      columns: [],
      drafts: [],
      skipped: [],
      issues: [{ row: 0, column: '', level: 'error', message: NO_HEADER_MESSAGE }],
    };
  }

  const columns = layout.columns.map(({ column, header, field }) => ({ column, header, field }));
  const colOf = new Map<WorkerField, number>();
  layout.columns.forEach((c, i) => c.field && colOf.set(c.field, i));
  const headerRow1 = layout.headerRows.length ? layout.headerRows[layout.headerRows.length - 1] + 1 : 0;

  // the sheet lacks columns that every worker needs
  const missing: string[] = [];
  if (!colOf.has('name')) missing.push('“姓名”');
  if (!colOf.has('idNumber')) missing.push('“身份证号码”');
  if (!colOf.has('owed') && !(colOf.has('due') && colOf.has('paid'))) missing.push('“欠发工资”（或“应发”与“已发”）');
  if (missing.length) {
    issues.push({
      row: headerRow1,
      column: '',
      level: 'error',
      message: `${prefix(headerRow1, '', undefined)}表格缺少${missing.join('、')}列`,
    });
  }

  // rows above the header (title, project / employer lines)
  const firstHeader = layout.headerRows.length ? layout.headerRows[0] : 0;
  for (let r = 0; r < firstHeader; r++) if (rowTexts(rows[r] ?? []).length) skipped.push({ row: r + 1, reason: '说明行' });

  const dataStart = layout.headerRows.length ? layout.headerRows[layout.headerRows.length - 1] + 1 : 0;
  const nameCol = colOf.get('name');
  const idCol = colOf.get('idNumber');
  const cellAt = (r: number, f: WorkerField): GridCell => {
    const c = colOf.get(f);
    return c === undefined ? null : (rows[r]?.[c] ?? null);
  };
  const identityBlank = (r: number) =>
    (['name', 'idNumber', 'phone', 'bankCard'] as WorkerField[]).every((f) => isBlankCell(cellAt(r, f)));
  const amountsBlankOrZero = (r: number) =>
    (['daysWorked', 'dailyWage', 'due', 'paid', 'owed'] as WorkerField[]).every((f) => {
      const v = cellAt(r, f);
      return isBlankCell(v) || v === 0 || /^0+(\.0+)?$/.test(compact(cellText(v))) || /^#/.test(cellText(v));
    });

  let pendingBlank: number[] = [];
  let ended = false;
  let totalsRow: number | null = null;
  /** per-draft cells whose own message replaces the validator's */
  const overrides = new Map<number, Map<WorkerField, string>>();

  for (let r = dataStart; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const texts = rowTexts(row);
    if (!texts.length) {
      if (!ended) pendingBlank.push(r + 1);
      continue;
    }
    const first = firstText(row);
    const nameText = nameCol === undefined ? '' : compact(cellText(row[nameCol]));
    const idBlank = idCol === undefined || isBlankCell(row[idCol]);
    const isTotal = TOTAL_RE.test(first) || TOTAL_RE.test(nameText);
    const isFooter =
      idBlank && (FOOTER_START_RE.test(first) || (identityBlank(r) && texts.some((t) => FOOTER_ANY_RE.test(t))));

    if (ended) {
      const reason: RosterSkipReason = isTotal ? '合计行' : isFooter ? '签名行' : '说明行';
      skipped.push({ row: r + 1, reason });
      if (!isTotal && !isFooter && nameText !== '' && !idBlank) {
        issues.push({
          row: r + 1,
          column: '',
          level: 'warning',
          message: `${prefix(r + 1, '', undefined)}位于合计行或签名行之后，未导入；如是职工信息，请移到合计行之前`,
        });
      }
      continue;
    }
    for (const b of pendingBlank) skipped.push({ row: b, reason: '空行' });
    pendingBlank = [];

    if (isTotal) {
      skipped.push({ row: r + 1, reason: '合计行' });
      if (!/^(小计|本页小计)/.test(first) && !/^(小计|本页小计)/.test(nameText)) {
        ended = true;
        totalsRow = r;
      }
      continue;
    }
    if (isFooter) {
      skipped.push({ row: r + 1, reason: '签名行' });
      ended = true;
      continue;
    }
    if (idBlank && (END_MARK_RE.test(first) || END_MARK_RE.test(nameText))) {
      // "以下空白" closes the list
      skipped.push({ row: r + 1, reason: '说明行' });
      ended = true;
      continue;
    }
    if (identityBlank(r)) {
      if (amountsBlankOrZero(r)) {
        // a pre-numbered template line (序号 only) or a line with zero formulas
        const onlyText = texts.length === 1 && typeof row.find((v) => !isBlankCell(v)) === 'string';
        skipped.push({ row: r + 1, reason: onlyText ? '说明行' : '空行' });
        continue;
      }
      if (texts.length === 1 && NOTE_START_RE.test(first)) {
        skipped.push({ row: r + 1, reason: '说明行' });
        continue;
      }
    }

    const d = emptyWorkerDraft();
    d.sourceRow = r + 1;
    const own = new Map<WorkerField, string>();
    for (const [field, c] of colOf) {
      const v = row[c] ?? null;
      if (field === 'idNumber' || field === 'bankCard') {
        const lost = lostDigits(field, v);
        if (lost) own.set(field, lost);
        // the flag travels with the row into the grid, so the lost digits are never "corrected"
        if (lost === ID_NUMBER_MANGLED_MESSAGE && field === 'idNumber') d.idNumberStoredAsNumber = true;
      }
      d[field] = cellText(v);
    }
    if (isBlankDraft(d)) {
      skipped.push({ row: r + 1, reason: '空行' });
      continue;
    }
    if (own.size) overrides.set(drafts.length, own);
    drafts.push(d);
  }

  // row problems, located on the sheet
  const { problems } = validateWorkers(drafts, today);
  const located = (index: number, field: WorkerField, level: 'error' | 'warning', message: string): RosterIssue => {
    const row = drafts[index].sourceRow ?? index + 1;
    const c = colOf.get(field);
    const column = c === undefined ? '' : columnLetter(c);
    return { row, column, field, level, message: `${prefix(row, column, field)}${message}` };
  };
  const rowIssues: { index: number; issue: RosterIssue }[] = [];
  for (const p of problems) {
    if (overrides.get(p.index)?.has(p.field)) continue;
    rowIssues.push({ index: p.index, issue: located(p.index, p.field, p.level, p.message) });
  }
  for (const [index, own] of overrides) {
    for (const [field, message] of own) rowIssues.push({ index, issue: located(index, field, 'error', message) });
  }
  rowIssues.sort((a, b) => a.index - b.index || colRank(a.issue.column) - colRank(b.issue.column));
  issues.push(...rowIssues.map((x) => x.issue));

  // the sheet's own totals row against the sum of the rows
  if (totalsRow !== null) issues.push(...checkTotals(rows[totalsRow] ?? [], totalsRow + 1, drafts, colOf));

  return { sheetName: grid.sheetName, headerRows: layout.headerRows.map((r) => r + 1), columns, drafts, skipped, issues };
}

function colRank(letter: string): number {
  if (!letter) return -1;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function checkTotals(row: GridCell[], sheetRow: number, drafts: WorkerDraft[], colOf: Map<WorkerField, number>): RosterIssue[] {
  const out: RosterIssue[] = [];
  /** amounts in fen; days in tenths of a day */
  const parse = (field: WorkerField, text: string): number | null => {
    const t = compact(text);
    if (field === 'daysWorked') {
      const m = /^(\d+(?:\.\d+)?)天?$/.exec(t);
      return m ? Math.round(Number(m[1]) * 10) : null;
    }
    const r = parseYuanToFen(t);
    return r.ok ? r.fen : null;
  };
  const show = (field: WorkerField, n: number) => (field === 'daysWorked' ? `${n / 10}天` : `${formatFen(n)}元`);
  for (const field of ['daysWorked', 'due', 'paid', 'owed'] as WorkerField[]) {
    const c = colOf.get(field);
    if (c === undefined || isBlankCell(row[c])) continue;
    const total = parse(field, cellText(row[c]));
    if (total === null) continue;
    let sum = 0;
    let complete = true;
    for (const d of drafts) {
      if (compact(d[field]) === '') continue;
      const v = parse(field, d[field]);
      if (v === null) {
        complete = false;
        break;
      }
      sum += v;
    }
    if (!complete || sum === total) continue;
    const column = columnLetter(c);
    out.push({
      row: sheetRow,
      column,
      field,
      level: 'warning',
      message: `${prefix(sheetRow, column, field)}合计行为${show(field, total)}，而各行之和为${show(field, sum)}，请核对是否有遗漏或隐藏的行`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Clipboard paste

/** Splits tab-separated clipboard text (Excel/WPS quote cells that contain tabs, quotes or line breaks). */
function splitTsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const s = text.replace(/^\ufeff/, '');
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      // quoted cell
      let j = i + 1;
      let val = '';
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            val += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        val += s[j++];
      }
      if (closed && (j >= s.length || s[j] === '\t' || s[j] === '\n' || s[j] === '\r')) {
        cell = val;
        i = j;
        atCellStart = false;
        continue;
      }
      // not a well-formed quoted cell: take the quote literally
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    out.push(row);
  }
  // drop trailing blank lines
  while (out.length && out[out.length - 1].every((c) => c.trim() === '')) out.pop();
  return out;
}

/**
 * Clipboard paste → grid. When no header line is recognised, the columns are assumed to follow
 * the typed grid: 姓名, 身份证号码, 联系电话, 工种, 出勤天数, 日工资, 应发, 已发, 欠发.
 */
export function parseTsv(text: string): Grid {
  const rows: GridCell[][] = splitTsv(text ?? '').map((r) => r.map((c) => (c.trim() === '' ? null : c)));
  const grid: Grid = { sheetName: '粘贴内容', rows };
  if (!findHeader(grid)) grid.assumedColumns = [...typedGridFields];
  return grid;
}
