// Mainland phone numbers: mobiles always, landlines (for employers) on request.
import { toHalfWidth } from '../text';

export type PhoneCheck = { ok: true; value: string } | { ok: false; message: string };

const SEPARATORS = /[\s\-‐‑‒–—―－()（）]/g;

/** 3-digit area codes are 010 and 020–029; every other area code has 4 digits. */
function areaCodeLength(digits: string): number {
  return /^0(10|2\d)/.test(digits) ? 3 : 4;
}

/**
 * Normalise a phone number. Mobile → 11 digits; landline (when allowed) → "0797-1234567".
 * Strips full-width digits, spaces, dashes, brackets and a +86 / 0086 / 86 country prefix.
 */
export function normalizePhone(raw: string, opts: { allowLandline?: boolean } = {}): PhoneCheck {
  const typed = toHalfWidth(String(raw ?? '')).trim();
  if (typed === '') return { ok: false, message: '电话号码为空' };
  let s = typed.replace(SEPARATORS, '');
  if (!/^\+?\d+$/.test(s)) return { ok: false, message: '电话号码只能包含数字' };

  let international = false;
  if (s.startsWith('+86')) { s = s.slice(3); international = true; }
  else if (s.startsWith('0086')) { s = s.slice(4); international = true; }
  else if (s.startsWith('+')) return { ok: false, message: '仅支持中国大陆电话号码（+86）' };
  else if (s.length === 13 && s.startsWith('861')) { s = s.slice(2); international = true; }

  // After +86, "10…" is Beijing's area code without its trunk 0 (no mobile starts with 10).
  const beijingIntl = international && s.startsWith('10') && !!opts.allowLandline;
  if (s.startsWith('1') && !beijingIntl) {
    if (s.length !== 11) return { ok: false, message: `手机号码应为11位（现为${s.length}位）` };
    if (!/^1[3-9]\d{9}$/.test(s)) return { ok: false, message: '手机号码第二位应为3至9' };
    return { ok: true, value: s };
  }

  if (!opts.allowLandline) return { ok: false, message: '请填写11位手机号码（以1开头）' };
  // The area-code length follows from its first digits, so a typed dash is not needed.
  // International form drops the trunk 0: +86 797 1234567 → 0797 1234567.
  if (international && !s.startsWith('0')) s = `0${s}`;
  if (!s.startsWith('0')) return { ok: false, message: '固定电话应带区号（以0开头），如0797-1234567' };
  const areaLen = areaCodeLength(s);
  const local = s.slice(areaLen);
  if (areaLen === 3 ? local.length !== 8 : local.length < 7 || local.length > 8)
    return { ok: false, message: '固定电话号码位数不对，应为区号加7至8位号码，如0797-1234567' };
  return { ok: true, value: `${s.slice(0, areaLen)}-${local}` };
}
