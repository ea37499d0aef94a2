// Pure text helpers shared by validators (no node:* imports: runs in the renderer too).

const FULLWIDTH_OFFSET = 0xfee0;

/**
 * Full-width → ASCII for the characters people type by accident with a Chinese IME:
 * digits, Latin letters, the ideographic space (U+3000) and + - . (used in phone numbers,
 * amounts). Chinese punctuation such as ，（）：is kept unless `punctuation: true`, because in
 * names and addresses it is meaningful.
 */
export function toHalfWidth(s: string, opts: { punctuation?: boolean } = {}): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x3000) {
      out += ' ';
    } else if (
      (code >= 0xff10 && code <= 0xff19) || // ０-９
      (code >= 0xff21 && code <= 0xff3a) || // Ａ-Ｚ
      (code >= 0xff41 && code <= 0xff5a) || // ａ-ｚ
      code === 0xff0b || // ＋
      code === 0xff0d || // －
      code === 0xff0e // ．
    ) {
      out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    } else if (opts.punctuation && code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - FULLWIDTH_OFFSET);
    } else {
      out += ch;
    }
  }
  return out;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// \s in JS already covers U+3000, NBSP and the other Unicode spaces.
const ANY_SPACE = /\s+/g;

/** Drop zero-width characters, collapse every run of whitespace to one ASCII space, trim. */
export function normalizeSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(ANY_SPACE, ' ').trim();
}

/** Remove all whitespace and zero-width characters (for identifiers typed with spaces). */
export function removeSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(ANY_SPACE, '');
}
