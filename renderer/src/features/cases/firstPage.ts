import type { CaseSearchResult, caseSearchSchema } from '../../../../electron/core/contract';
import type { z } from 'zod';
import { call } from '../../api';
import type { LinkFilter } from '../dashboard/caseFilterQuery';

export type CaseFilter = Omit<z.input<typeof caseSearchSchema>, 'offset' | 'limit'>;
/** Rows asked for at a time as the list scrolls. */
export const PAGE = 100;

/** The list's filter from the hash's link filter and the page's own controls (the controls win). */
export function caseListFilter(link: LinkFilter, controls: { query: string; stage: CaseFilter['stage']; channel: CaseFilter['channel']; due: CaseFilter['due'] }): CaseFilter {
  return {
    ...link,
    query: controls.query,
    stage: controls.stage ?? link.stage ?? null,
    channel: controls.channel ?? link.channel ?? null,
    due: controls.due ?? link.due ?? null,
  };
}

/**
 * The first page of a filter asked for ahead of the list (boot.ts, while React is still loading;
 * the search box, with the keystroke): the list takes it instead of asking again, if it is fresh —
 * already answered, it is drawn in the list's first render. A failed one (not signed in yet) is
 * simply asked again. No React here: this module runs in the page's first, small chunk.
 */
export type EarlyPage = { at: number; answer: Promise<CaseSearchResult>; value?: CaseSearchResult };
const early = new Map<string, EarlyPage>();
const FRESH_MS = 10_000;

export function prefetchFirstPage(filter: CaseFilter): EarlyPage {
  for (const [key, old] of early) if (Date.now() - old.at >= FRESH_MS) early.delete(key); // never taken (text typed over)
  const entry: EarlyPage = { at: Date.now(), answer: call('cases.search', { ...filter, offset: 0, limit: PAGE }) };
  entry.answer.then((value) => (entry.value = value)).catch(() => undefined);
  early.set(JSON.stringify(filter), entry);
  return entry;
}

/** The prefetched first page of this filter (its JSON) if already answered, taken once; else null (left for takeEarly). */
export function takeEarlyValue(key: string): CaseSearchResult | null {
  return early.get(key)?.value ? (takeEarly(key)?.value ?? null) : null;
}

/** The prefetched first page of this filter, once. */
export function takeEarly(key: string): EarlyPage | null {
  const found = early.get(key);
  early.delete(key);
  return found && Date.now() - found.at < FRESH_MS ? found : null;
}
