// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
import { toHalfWidth, removeSpaces } from '../text';

/** Code characters in value order 0..30 (no I, O, S, V, Z). */
export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** W_i = 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = { ok: true; value: string } | { ok: false; message: string };

/** Check character for the first 17 characters: 31 − (Σ mod 31), with 31 → 0. */
export function computeCreditCodeCheck(first17: string): string {
  if (first17.length !== 17) throw new RangeError('统一社会信用代码前17位长度不对');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i] as string);
    if (v < 0) throw new RangeError(`统一社会信用代码含无效字符：${first17[i]}`);
    sum += v * (WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARS[c === 31 ? 0 : c] as string;
}

export function normalizeCreditCode(raw: string): string {
  return removeSpaces(toHalfWidth(String(raw ?? ''))).toUpperCase();
}

const LOOKALIKE: Record<string, string> = { I: '1', O: '0', S: '5', Z: '2' };

export function checkCreditCode(raw: string): CreditCodeCheck {
  const s = normalizeCreditCode(raw);
  if (s === '') return { ok: false, message: '统一社会信用代码为空' };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (CREDIT_CODE_CHARS.includes(ch)) continue;
    if ('IOSVZ'.includes(ch)) {
      const hint = LOOKALIKE[ch] ? `，是否应为${LOOKALIKE[ch]}` : '';
      return {
        ok: false,
        message: `统一社会信用代码第${i + 1}位“${ch}”无效（代码中不使用字母I、O、S、V、Z${hint}）`,
      };
    }
    return { ok: false, message: '统一社会信用代码只能包含数字和大写字母' };
  }
  if (s.length !== 18) return { ok: false, message: `统一社会信用代码应为18位（现为${s.length}位）` };
  const expected = computeCreditCodeCheck(s.slice(0, 17));
  const actual = s[17] as string;
  if (expected !== actual)
    return { ok: false, message: `统一社会信用代码校验位错误：末位应为${expected}，现为${actual}` };
  return { ok: true, value: s };
}
