/** Valid-looking identifiers for demo data: check characters are computed, never guessed. */
import { daysInMonth } from '../../core/dates';
import { computeIdCheck } from '../../core/ids/idNumber';
import { computeCreditCodeCheck, CREDIT_CODE_CHARS } from '../../core/ids/creditCode';
import type { Rng } from './random';

/** Birth year 1960–2004, most workers born in the 1970s and 1980s. */
export function birthDate(rng: Rng): string {
  const year = Math.round(1960 + ((rng.float() + rng.float() + rng.float()) / 3) * 44);
  const month = rng.int(1, 12);
  const day = rng.int(1, daysInMonth(year, month));
  return `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}

/** 18-character GB 11643 number: address + YYYYMMDD + sequence (odd = male) + MOD 11-2 check. */
export function idNumber(rng: Rng, addressCode: string, birth: string, sex: 'male' | 'female'): string {
  const seq = rng.int(1, 499) * 2 - (sex === 'male' ? 1 : 0);
  const first17 = `${addressCode}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCheck(first17);
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code (the USCC's 9-character body). */
function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8[i] as string;
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A = 10 … Z = 35
    sum += v * (ORG_CODE_WEIGHTS[i] as number);
  }
  const c9 = 11 - (sum % 11);
  return c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9);
}

/**
 * GB 32100 code: registration authority + type ("91" = 工商 企业) + 6-digit division + 9-character
 * body + check. Bodies of companies registered since 2015 start with "MA" (Jiangxi: "MA3…"),
 * older ones are the 8-digit organisation code with its own check.
 */
export function creditCode(rng: Rng, division: string, prefix = '91'): string {
  const letters = CREDIT_CODE_CHARS.slice(10); // letters allowed in a code
  const body8 = rng.chance(0.55)
    ? `MA3${rng.pick(['5', '7', '8', '9'])}${rng.chars(CREDIT_CODE_CHARS.slice(0, 10) + letters, 4)}`
    : `${rng.pick(['6', '7', '5', '3'])}${rng.digits(7)}`;
  const first17 = `${prefix}${division}${body8}${orgCodeCheck(body8)}`;
  return first17 + computeCreditCodeCheck(first17);
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159',
  '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
];

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** Landline: 赣州 0797 + 7 digits, 南昌 0791 + 8 digits. */
export function landline(rng: Rng, area: '0797' | '0791' = '0797'): string {
  if (area === '0791') return `0791-8${rng.digits(7)}`;
  return `0797-${rng.pick(['8', '8', '2', '3', '4', '5', '6', '7'])}${rng.digits(6)}`;
}

const CARD_BINS = ['622848', '621700', '622202', '621799', '623059', '621098', '622188', '621661'];

/** 19-digit debit card number with a Luhn check digit. */
export function bankCard(rng: Rng): string {
  const partial = rng.pick(CARD_BINS) + rng.digits(12);
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let d = Number(partial[partial.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return partial + String((10 - (sum % 10)) % 10);
}

/** 施工许可证编号 as issued in Jiangxi: division + YYYYMMDD + 2-digit serial + 2-digit sub-number. */
export function permitNumber(rng: Rng, division: string, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, daysInMonth(year, month));
  return `${division}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${rng.digits(2)}01`;
}
