/** Case number from the commission's pattern, e.g. "赣市劳人仲案字〔{year}〕第{n}号". */
export function formatCaseNumber(pattern: string, year: number, n: number): string {
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

export const DEFAULT_CASE_NUMBER_PATTERN = '赣市劳人仲案字〔{year}〕第{n}号';
