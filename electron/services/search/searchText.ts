/**
 * Tokens for the case_search FTS5 table. Chinese runs become overlapping bigrams (a single
 * character stays a unigram), ASCII runs become lower-case words. FTS5's unicode61 tokenizer then
 * only has to split on our spaces, so two-character names (张三) are found through the index —
 * the trigram tokenizer cannot do that.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const runs = text.toLowerCase().match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? [];
  for (const run of runs) {
    if (!CJK.test(run[0])) {
      tokens.push(run);
      continue;
    }
    if (run.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

export function searchBody(parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => !!p)
    .map((p) => tokenize(p).join(' '))
    .join(' \n ');
}

/**
 * FTS5 MATCH expression for a user query, or null when it has nothing searchable. Each word must
 * match; a Chinese word is a phrase of its bigrams; a single character matches as a prefix (a
 * surname); letters match as a prefix (zs → zsl). A digit run matches as a prefix only from six
 * digits on (3607 … → the start of an ID number, a phone number): a shorter one is a whole token
 * (a case's sequence number, 3号楼), since "3" is the start of nearly every ID number here.
 */
export function matchExpression(query: string): string | null {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const clauses: string[] = [];
  for (const word of words) {
    const runs = word.match(/[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g) ?? [];
    for (const run of runs) {
      if (CJK.test(run[0])) clauses.push(run.length === 1 ? `"${run}"*` : `"${tokenize(run).join(' ')}"`);
      else if (/^\d+$/.test(run)) clauses.push(run.length >= 6 ? `"${run}"*` : `"${run}"`);
      else clauses.push(`"${run}"*`);
    }
  }
  return clauses.length ? clauses.join(' AND ') : null;
}
