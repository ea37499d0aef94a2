// Resident identity card number, GB 11643-1999 (and the legacy 15-digit form).
import { toHalfWidth, removeSpaces } from '../text';
import { isValidDate } from '../dates';

export type IdCheck =
  | { ok: true; value: string; birthDate: string /* YYYY-MM-DD */; sex: 'male' | 'female'; legacy?: true }
  | { ok: false; message: string; legacy?: true };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Earliest birth year accepted (the standard's own example is born in 1880). */
export const ID_MIN_BIRTH_YEAR = 1850;

/**
 * First-generation (15-digit) resident ID cards stopped being valid identity documents on
 * 2013-01-01 (全国人大常委会关于修改《居民身份证法》的决定, 2011: 第一代居民身份证自2013年1月1日起停止使用).
 * A 15-digit number is refused unless the clerk records why the worker has nothing else.
 */
export const LEGACY_ID_CUTOFF = '2013-01-01';
export const LEGACY_ID_MESSAGE =
  '15位第一代居民身份证号码自2013年1月1日起已停止使用，请核对本人18位第二代身份证号码；确无其他身份证件的，可登记为例外并注明原因';

export const ID_NUMBER_MANGLED_MESSAGE =
  '该单元格被表格存为数字，身份证号码末几位已丢失，请把该列设为文本后重新录入';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function computeIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('身份证号码前17位应为数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/** Trim, full-width → ASCII, drop inner spaces, x → X. */
export function normalizeIdNumber(raw: string): string {
  return removeSpaces(toHalfWidth(String(raw ?? ''))).replace(/x/g, 'X');
}

function checkBirthDate(yyyymmdd: string, today: string): { ok: true; date: string } | { ok: false; message: string } {
  const date = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (!isValidDate(date)) return { ok: false, message: `身份证号码中的出生日期${yyyymmdd}不是有效日期` };
  if (date > today) return { ok: false, message: '身份证号码中的出生日期晚于今天' };
  if (Number(yyyymmdd.slice(0, 4)) < ID_MIN_BIRTH_YEAR)
    return { ok: false, message: `身份证号码中的出生日期${yyyymmdd}早于${ID_MIN_BIRTH_YEAR}年，请核对` };
  return { ok: true, date };
}

/**
 * Validate a resident ID number. `today` (YYYY-MM-DD) bounds the birth date.
 * 18 characters: 6 address + 8 birth date + 3 sequence (odd = male) + check character.
 * 15 digits (legacy): 6 address + YYMMDD (19YY) + 3 sequence, no check character.
 */
export function checkIdNumber(raw: string, today: string, opts: { allowLegacy?: boolean } = {}): IdCheck {
  const s = normalizeIdNumber(raw);
  if (s === '') return { ok: false, message: '身份证号码为空' };
  if (!/^\d*X?$/.test(s)) return { ok: false, message: '身份证号码只能包含数字，末位可为X' };
  if (s.length === 15) {
    if (s.endsWith('X')) return { ok: false, message: '15位旧身份证号码只能包含数字' };
    const birth = checkBirthDate(`19${s.slice(6, 12)}`, today);
    if (!birth.ok) return birth;
    if (!opts.allowLegacy && today >= LEGACY_ID_CUTOFF) return { ok: false, message: LEGACY_ID_MESSAGE, legacy: true };
    return { ok: true, value: s, birthDate: birth.date, sex: Number(s[14]) % 2 === 1 ? 'male' : 'female', legacy: true };
  }
  if (s.length !== 18) return { ok: false, message: `身份证号码应为18位（现为${s.length}位）` };
  const birth = checkBirthDate(s.slice(6, 14), today);
  if (!birth.ok) return birth;
  const expected = computeIdCheck(s.slice(0, 17));
  const actual = s[17] as string;
  if (expected !== actual)
    return { ok: false, message: `身份证号码校验位错误：末位应为${expected}，现为${actual}` };
  return { ok: true, value: s, birthDate: birth.date, sex: Number(s[16]) % 2 === 1 ? 'male' : 'female' };
}

/** 15-digit legacy number → its 18-character form (insert "19", append the check character). */
export function upgradeLegacyIdNumber(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError('应为15位数字');
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + computeIdCheck(first17);
}

/**
 * A spreadsheet cell holding an ID number as a number (e.g. 3.60702198801011e17): spreadsheets
 * keep 15 significant digits, so any value of 16+ digits has lost its last digits (and an
 * "X" can never survive). A 15-digit number is still exact (legacy form).
 */
export function idNumberLooksNumericallyMangled(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) >= 1e15;
}

/** Message for a numeric ID cell, or null when the number can still be read as text. */
export function idNumberNumericCellMessage(value: number): string | null {
  if (idNumberLooksNumericallyMangled(value)) return ID_NUMBER_MANGLED_MESSAGE;
  if (!Number.isInteger(value) || value < 0) return '身份证号码只能包含数字，末位可为X';
  return null;
}

/** Validate a spreadsheet cell value (string or number) as an ID number. */
export function checkIdNumberCell(value: unknown, today: string, opts: { allowLegacy?: boolean } = {}): IdCheck {
  if (typeof value === 'number') {
    const msg = idNumberNumericCellMessage(value);
    if (msg) return { ok: false, message: msg };
    return checkIdNumber(String(value), today, opts);
  }
  if (value === null || value === undefined) return { ok: false, message: '身份证号码为空' };
  return checkIdNumber(String(value), today, opts);
}
