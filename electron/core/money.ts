// Money is an integer number of fen (分) everywhere. Only this file converts to/from yuan.
import nzh from 'nzh/cn';
import { toHalfWidth, removeSpaces } from './text';

export type FenParse = { ok: true; fen: number } | { ok: false; message: string };

const TOO_MANY_DECIMALS = '金额最多保留两位小数';

/**
 * The largest amount of one item (a claim, an agreed or awarded amount, a payment): 1亿元. Far above
 * any wage claim, and low enough that thousands of items still add up to an exact (safe) integer.
 */
export const MAX_AMOUNT_FEN = 10_000_000_000;
const TOO_LARGE = '金额过大：单项不能超过1亿元';
const NOT_A_NUMBER = '金额格式不正确，请填写数字，如1234.50';

function fromDigits(intPart: string, fracPart: string, scale: number): FenParse {
  // fracPart may be longer than `scale` only when the extra digits are zeros.
  const extra = fracPart.slice(scale);
  if (/[1-9]/.test(extra)) return { ok: false, message: TOO_MANY_DECIMALS };
  const frac = fracPart.slice(0, scale).padEnd(scale, '0');
  const digits = (intPart + frac).replace(/^0+(?=\d)/, '');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) return { ok: false, message: TOO_LARGE };
  return { ok: true, fen };
}

/**
 * Parse a yuan amount into fen. Accepts "1,234.5", "１２３４", "1234元", "¥1234.00",
 * "3.2万" / "3.2万元", and numbers (spreadsheet cells).
 */
export function parseYuanToFen(input: string | number): FenParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: NOT_A_NUMBER };
    if (input < 0) return { ok: false, message: '金额不能为负数' };
    const fen = Math.round(input * 100);
    if (!Number.isSafeInteger(fen) || fen > MAX_AMOUNT_FEN) return { ok: false, message: TOO_LARGE };
    // 0.1 + 0.2 = 0.30000000000000004 is "0.30"; 12.345 is not a 2-decimal amount.
    if (Math.abs(input - fen / 100) > 1e-9) return { ok: false, message: TOO_MANY_DECIMALS };
    return { ok: true, fen: fen === 0 ? 0 : fen }; // no -0
  }
  if (input === null || input === undefined) return { ok: false, message: '金额为空' };
  let s = removeSpaces(toHalfWidth(String(input), { punctuation: true }));
  if (s === '') return { ok: false, message: '金额为空' };
  s = s.replace(/^(人民币|RMB|CNY|¥|￥)/i, '').replace(/^(¥|￥)/, '');
  if (/^[-−]/.test(s)) return { ok: false, message: '金额不能为负数' };
  s = s.replace(/(元整|元正|圆整|元|圆)$/, '');
  let scale = 2;
  if (/万$/.test(s)) {
    s = s.slice(0, -1);
    scale = 6; // 1万 = 10000 元 = 1000000 分
  }
  if (s === '') return { ok: false, message: '金额为空' };
  if (s.includes(',')) {
    // Thousands separators must group by three: "1,234.5" yes, "12,34" no.
    if (!/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return { ok: false, message: NOT_A_NUMBER };
    s = s.replace(/,/g, '');
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return { ok: false, message: NOT_A_NUMBER };
  const intPart = m[1] || '0';
  const fracPart = m[2] ?? '';
  // For 万元 the scale is 6: shift four places, then the 2-decimal rule still applies.
  return fromDigits(intPart, fracPart, scale);
}

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分：${fen}`);
}

/**
 * 1234567 → "1,234,567": what toLocaleString('zh-CN') gives for a whole number, without Intl (its
 * first use in a page loads the locale's data: ~100 ms on the case list's first paint).
 */
export function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234567 → "12,345.67"; always two decimals. */
export function formatFen(fen: number): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = groupThousands(Math.floor(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${yuan}.${cents}`;
}

/** 1234567 → "12,345.67元". */
export function formatYuan(fen: number): string {
  return `${formatFen(fen)}元`;
}

/**
 * 大写金额 following the PBoC rules for writing amounts on bills (正确填写票据和结算凭证的基本规定):
 * - "整" only when the amount stops at 元 (none after 角 or 分);
 * - a 0 between digits is written 零 (consecutive zeros: one 零);
 * - when the 元 digit is 0 and 角 is not, write 零 after 元 (¥1,680.32 → …捌拾元零叁角贰分;
 *   ¥107,000.53 → 壹拾万柒仟元零伍角叁分) — the rules allow either form, we pick this one;
 * - when 角 is 0 and 分 is not, write 零 after 元 (¥325.04 → 叁佰贰拾伍元零肆分).
 * nzh produces the integer part and most of the rules; the 元零角 case is added here.
 */
export function fenToChineseUpper(fen: number): string {
  assertFen(fen);
  if (fen < 0) throw new RangeError('金额不能为负数');
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  // Give nzh a string with no needless decimals, otherwise "10.00" loses its 整.
  const str = fenDigit !== 0 ? `${yuan}.${jiao}${fenDigit}` : jiao !== 0 ? `${yuan}.${jiao}` : `${yuan}`;
  let out = nzh.toMoney(str, { outSymbol: true });
  if (yuan > 0 && yuan % 10 === 0 && jiao !== 0) out = out.replace('元', '元零');
  return out;
}

/** Sum of fen amounts, refusing anything that is not an integer. */
export function sumFen(values: number[]): number {
  let total = 0;
  for (const v of values) {
    assertFen(v);
    total += v;
  }
  assertFen(total);
  return total;
}
