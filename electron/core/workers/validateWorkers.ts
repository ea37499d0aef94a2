/**
 * Validation of the worker roster (typed, pasted or imported rows).
 * Pure: no node:*, no db, no React.
 */
import { checkIdNumber, ID_NUMBER_MANGLED_MESSAGE } from '../ids/idNumber';
import { normalizePhone } from '../ids/phone';
import { formatFen, parseYuanToFen } from '../money';
import { toHalfWidth } from '../text';
import { isBlankDraft, type ValidWorker, type WorkerDraft, type WorkerField, type WorkerProblem } from './workerDraft';

type AmountField = 'dailyWage' | 'due' | 'paid' | 'owed';

/** Nouns used inside messages ("应发金额：…"). */
const amountNouns: Record<AmountField, string> = {
  dailyWage: '日工资',
  due: '应发金额',
  paid: '已发金额',
  owed: '欠发金额',
};

const MAX_DAYS = 366;

/** Removes every kind of whitespace (incl. full-width space and NBSP). */
function stripSpaces(s: string): string {
  return s.replace(/[\s\u3000\u00a0\u200b\ufeff]/g, '');
}

function clean(s: string | undefined): string {
  return toHalfWidth(s ?? '').trim();
}

function orNull(s: string): string | null {
  return s === '' ? null : s;
}

/** Normalises the middle dot of minority / foreign names (阿卜杜拉·买买提). */
function normaliseName(raw: string): string {
  return stripSpaces(raw ?? '').replace(/[•・‧．.]/g, '·');
}

const NAME_RE = /^[\p{L}](?:[\p{L}·]*[\p{L}])?$/u;

/** Amount text → fen, or an error message that names the field. Empty → null. */
function parseAmount(field: AmountField, raw: string): { fen: number | null; error?: string } {
  const text = stripSpaces(clean(raw));
  if (text === '') return { fen: null };
  const r = parseYuanToFen(text);
  if (!r.ok) return { fen: null, error: `${amountNouns[field]}：${r.message}` };
  if (r.fen < 0) return { fen: null, error: `${amountNouns[field]}不能为负数` };
  return { fen: r.fen };
}

/** Days worked: number 0–366 with at most one decimal ("22.5", "22.5天"). */
function parseDays(raw: string): { days: number | null; error?: string } {
  const text = stripSpaces(clean(raw)).replace(/天$/, '');
  if (text === '') return { days: null };
  if (!/^\d+(\.\d)?$/.test(text) && !/^\d+\.\d0+$/.test(text)) {
    return { days: null, error: `出勤天数须为不超过${MAX_DAYS}的数字，最多保留一位小数` };
  }
  const days = Number(text);
  if (days > MAX_DAYS) return { days: null, error: `出勤天数不能超过${MAX_DAYS}天` };
  return { days };
}

/** Row label used when one row refers to another ("与第N行…"): the sheet row if known, else the list position. */
function rowLabel(d: WorkerDraft, index: number): number {
  return d.sourceRow ?? index + 1;
}

/** 应发 from 日工资 × 出勤天数, rounded to the fen; null when either is missing. */
export function computedDue(dailyWageFen: number | null, days: number | null): number | null {
  return dailyWageFen !== null && days !== null ? Math.round(dailyWageFen * days) : null;
}

/**
 * The amounts a row leaves blank that the roster rules fill in, as the grid shows them: 应发 =
 * 日工资 × 出勤天数, 欠发 = 应发 − 已发. Null where the inputs are missing or invalid.
 */
export function derivedAmounts(d: WorkerDraft): { dueFen: number | null; owedFen: number | null } {
  const blank = (s: string | undefined) => stripSpaces(clean(s)) === '';
  const days = parseDays(d.daysWorked);
  const wage = parseAmount('dailyWage', d.dailyWage);
  const due = parseAmount('due', d.due);
  const paid = parseAmount('paid', d.paid);
  const dueComputed = blank(d.due) && !wage.error && !days.error ? computedDue(wage.fen, days.days) : null;
  const dueFen = due.fen ?? dueComputed;
  const owedFen = blank(d.owed) && dueFen !== null && paid.fen !== null && paid.fen <= dueFen ? dueFen - paid.fen : null;
  return { dueFen: dueComputed, owedFen };
}

/**
 * A cell as it should read once the clerk leaves it: full-width digits and letters made ASCII,
 * a phone number in its normal form (11 digits; "+86", spaces and dashes gone), an ID number
 * with a capital X, amounts and days without spaces. Anything that does not parse stays as typed
 * (its error shows).
 */
export function normaliseWorkerCell(field: WorkerField, raw: string): string {
  const typed = raw ?? '';
  if (field === 'phone') {
    if (stripSpaces(typed) === '') return '';
    const r = normalizePhone(typed);
    return r.ok ? r.value : toHalfWidth(typed).trim();
  }
  if (field === 'idNumber') return stripSpaces(toHalfWidth(typed)).replace(/x/g, 'X');
  if (field === 'daysWorked' || field === 'dailyWage' || field === 'due' || field === 'paid' || field === 'owed' || field === 'bankCard') return stripSpaces(toHalfWidth(typed));
  if (field === 'name') return normaliseName(typed);
  return typed.trim();
}

export function validateWorkers(
  drafts: WorkerDraft[],
  today: string,
): { problems: WorkerProblem[]; workers: (ValidWorker | null)[] } {
  const problems: WorkerProblem[] = [];
  const workers: (ValidWorker | null)[] = [];
  const rowHasError: boolean[] = [];
  /** normalised ID → indexes of rows carrying it */
  const idRows = new Map<string, number[]>();

  drafts.forEach((d, index) => {
    const add = (field: WorkerField, level: 'error' | 'warning', message: string) => {
      problems.push({ index, field, level, message });
      if (level === 'error') rowHasError[index] = true;
    };
    rowHasError[index] = false;

    if (isBlankDraft(d)) {
      workers.push(null);
      return;
    }

    // 姓名
    const name = normaliseName(d.name);
    if (name === '') add('name', 'error', '请填写姓名');
    else if ([...name].length < 2 || [...name].length > 20) add('name', 'error', '姓名应为2–20个字');
    else if (!NAME_RE.test(name)) add('name', 'error', '姓名只能包含汉字或字母');

    // 身份证号码
    const idRaw = stripSpaces(clean(d.idNumber));
    let idNumber = idRaw;
    let sex: 'male' | 'female' | null = null;
    let birthDate: string | null = null;
    const legacyReason = (d.legacyIdReason ?? '').trim();
    let idNumberNote: string | null = null;
    if (idRaw === '') {
      add('idNumber', 'error', '请填写身份证号码');
    } else if (d.idNumberStoredAsNumber) {
      // The digits shown are what the spreadsheet kept, not the number: no check digit to "fix" it.
      add('idNumber', 'error', ID_NUMBER_MANGLED_MESSAGE);
    } else {
      const r = checkIdNumber(idRaw, today, { allowLegacy: legacyReason !== '' });
      if (r.ok) {
        idNumber = r.value;
        sex = r.sex;
        birthDate = r.birthDate;
        if (r.legacy && legacyReason) {
          idNumberNote = `15位旧证号按例外登记：${legacyReason}`;
          add('idNumber', 'warning', idNumberNote);
        }
        const list = idRows.get(r.value) ?? [];
        list.push(index);
        idRows.set(r.value, list);
      } else {
        add('idNumber', 'error', r.message);
      }
    }

    // 联系电话（选填）
    let phone: string | null = null;
    const phoneRaw = clean(d.phone);
    if (stripSpaces(phoneRaw) !== '') {
      const r = normalizePhone(phoneRaw);
      if (r.ok) phone = r.value;
      else add('phone', 'error', r.message);
    }

    // 出勤天数
    const days = parseDays(d.daysWorked);
    if (days.error) add('daysWorked', 'error', days.error);

    // 金额
    const wage = parseAmount('dailyWage', d.dailyWage);
    if (wage.error) add('dailyWage', 'error', wage.error);
    const due = parseAmount('due', d.due);
    if (due.error) add('due', 'error', due.error);
    const paid = parseAmount('paid', d.paid);
    if (paid.error) add('paid', 'error', paid.error);
    const owed = parseAmount('owed', d.owed);
    if (owed.error) add('owed', 'error', owed.error);

    // 应发 left blank: 日工资 × 出勤天数 (the grid shows the figure it uses)
    const dueFen = due.fen ?? (!due.error ? computedDue(wage.fen, days.days) : null);
    let owedFen: number | null = owed.fen;
    const owedGiven = stripSpaces(clean(d.owed)) !== '';
    if (dueFen !== null && paid.fen !== null && paid.fen > dueFen) {
      add('paid', 'error', `已发金额（${formatFen(paid.fen)}）大于应发金额（${formatFen(dueFen)}）`);
    } else if (!owedGiven) {
      if (dueFen !== null && paid.fen !== null) owedFen = dueFen - paid.fen;
      else if (!due.error && !paid.error) add('owed', 'error', '请填写欠发金额（或同时填写应发和已发金额）');
    } else if (owed.fen !== null && dueFen !== null && paid.fen !== null && owed.fen !== dueFen - paid.fen) {
      add(
        'owed',
        'error',
        `欠发金额与应发减已发不一致（应发${formatFen(dueFen)} − 已发${formatFen(paid.fen)} = ${formatFen(dueFen - paid.fen)}）`,
      );
    }
    if (owedFen !== null && owedFen <= 0 && !(dueFen !== null && paid.fen !== null && paid.fen > dueFen)) {
      add('owed', 'error', '欠发金额须大于0');
    }

    // 日工资 × 出勤天数 与 应发（仅提示）
    if (wage.fen !== null && days.days !== null && due.fen !== null) {
      const expected = Math.round(wage.fen * days.days);
      if (expected !== due.fen) {
        add(
          'due',
          'warning',
          `日工资×出勤天数（${formatFen(wage.fen)} × ${days.days} = ${formatFen(expected)}）与应发金额${formatFen(due.fen)}不一致，请核对`,
        );
      }
    }

    // 银行卡号（选填）
    const bankCard = stripSpaces(clean(d.bankCard)).replace(/-/g, '');
    if (bankCard !== '' && !/^\d{12,19}$/.test(bankCard)) {
      add('bankCard', 'warning', '银行卡号一般为12–19位数字，请核对');
    }

    if (rowHasError[index] || owedFen === null) {
      workers.push(null);
      return;
    }
    workers.push({
      name,
      idNumber,
      sex,
      birthDate,
      phone,
      jobType: orNull(clean(d.jobType)),
      team: orNull(clean(d.team)),
      daysWorked: days.days,
      dailyWageFen: wage.fen,
      dueFen,
      paidFen: paid.fen,
      owedFen,
      bankCard: orNull(bankCard),
      note: orNull((d.note ?? '').trim()),
      idNumberNote,
    });
  });

  // 同一名单内身份证号码重复：两行都报错
  for (const indexes of idRows.values()) {
    if (indexes.length < 2) continue;
    for (const i of indexes) {
      const others = indexes.filter((j) => j !== i).map((j) => rowLabel(drafts[j], j));
      problems.push({ index: i, field: 'idNumber', level: 'error', message: `与第${others.join('、')}行身份证号码重复` });
      workers[i] = null;
    }
  }

  problems.sort((a, b) => a.index - b.index);
  return { problems, workers };
}
