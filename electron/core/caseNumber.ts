/** Case number from the commission's pattern, e.g. "赣市劳人仲案字〔{year}〕第{n}号". */
export function formatCaseNumber(pattern: string, year: number, n: number): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

export const DEFAULT_CASE_NUMBER_PATTERN = '赣市劳人仲案字〔{year}〕第{n}号';

/** What a search box query says about case numbers (see parseCaseNumberQuery). */
export type CaseNumberQuery =
  /** A whole case number (赣市劳人仲案字〔2026〕第3号, 〔2026〕3号, 2026第3号): that case alone. */
  | { kind: 'full'; year: number; seq: number }
  /** 第3号 / 3号 (caseNumbersOnly) or a bare 3 (case numbers ranked first, then other matches). */
  | { kind: 'seq'; seq: number; caseNumbersOnly: boolean };

const BRACKETS_OPEN = /[[(（［【〔{｛]/g;
const BRACKETS_CLOSE = /[\])）］】〕}｝]/g;

/**
 * Reads a case number out of what a clerk typed: full-width digits and any kind of bracket are
 * accepted, spaces ignored. Returns null when the query is not about a case number. A bare number
 * of up to six digits may be a case's sequence number; longer digit runs are ID or phone numbers.
 */
export function parseCaseNumberQuery(query: string): CaseNumberQuery | null {
  let q = '';
  for (const ch of query) {
    const code = ch.codePointAt(0)!;
    q += code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xfee0) : ch;
  }
  q = q.replace(/\s+/g, '').replace(BRACKETS_OPEN, '〔').replace(BRACKETS_CLOSE, '〕');
  const full = /^[^\d]*(?:〔((?:19|20)\d{2})〕第?|((?:19|20)\d{2})〕?第)(\d{1,6})号?$/.exec(q);
  if (full) return { kind: 'full', year: Number(full[1] ?? full[2]), seq: Number(full[3]) };
  const numbered = /^第(\d{1,6})号?$/.exec(q) ?? /^(\d{1,6})号$/.exec(q);
  if (numbered) return { kind: 'seq', seq: Number(numbered[1]), caseNumbersOnly: true };
  const bare = /^(\d{1,6})$/.exec(q);
  if (bare) return { kind: 'seq', seq: Number(bare[1]), caseNumbersOnly: false };
  return null;
}
