import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseRow, CaseSearchResult, caseSearchSchema } from '../../../../electron/core/contract';
import type { z } from 'zod';
import { call, onEvent } from '../../api';
import type { LinkFilter } from '../dashboard/caseFilterQuery';

export type CaseFilter = Omit<z.input<typeof caseSearchSchema>, 'offset' | 'limit'>;
/** The list's total: `atLeast` when the backend stopped counting (a text search with many matches). */
export type CaseTotal = { count: number; atLeast: boolean };
const PAGE = 100;

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
 * The first page of a filter asked for while the app is still starting (main.tsx, before the first
 * render): the list takes it instead of asking again, if it is fresh — already answered, it is drawn
 * in the list's first render. A failed one (not signed in yet) is simply asked again.
 */
type Early = { at: number; answer: Promise<CaseSearchResult>; value?: CaseSearchResult };
const early = new Map<string, Early>();
const FRESH_MS = 10_000;
export function prefetchFirstPage(filter: CaseFilter): void {
  const entry: Early = { at: Date.now(), answer: call('cases.search', { ...filter, offset: 0, limit: PAGE }) };
  entry.answer.then((value) => (entry.value = value)).catch(() => undefined);
  early.set(JSON.stringify(filter), entry);
}
function takeEarly(key: string): Early | null {
  const found = early.get(key);
  early.delete(key);
  return found && Date.now() - found.at < FRESH_MS ? found : null;
}

/**
 * Loads the case list a page at a time as the virtual list scrolls; a filter change or a backend
 * change event starts over, keeping the rows on screen until the new first page arrives. Only
 * pages that come into view are fetched. A search with many matches is counted only so far: the
 * total is then a lower bound that grows as later pages arrive (each counts further).
 */
export function useCasePages(filter: CaseFilter) {
  const key = JSON.stringify(filter);
  // A first page that is already here (prefetched at start-up) is the initial state: no wait, no second render.
  const [seed] = useState(() => {
    const found = early.get(key)?.value ? takeEarly(key) : null;
    return found?.value ? { key, value: found.value } : null;
  });
  const [total, setTotal] = useState<CaseTotal | null>(seed && { count: seed.value.total, atLeast: seed.value.totalAtLeast });
  /** The filter (its JSON) whose results the list shows now: stale answers never overwrite newer ones. */
  const [shownKey, setShownKey] = useState<string | null>(seed?.key ?? null);
  const [rows, setRows] = useState<Map<number, CaseRow>>(() => new Map(seed?.value.rows.map((row, i) => [i, row])));
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const seeded = useRef(seed?.key ?? null);

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const gen = generation.current;
      const ask = () => call('cases.search', { ...JSON.parse(key), offset: page * PAGE, limit: PAGE });
      const prefetched = page === 0 ? takeEarly(key)?.answer : null;
      (prefetched ? prefetched.catch(ask) : ask())
        .then((result) => {
          if (gen !== generation.current) return;
          const next: CaseTotal = { count: result.total, atLeast: result.totalAtLeast };
          // page 0 starts over; a later page knows at least as much (an exact count, or a higher bound)
          setTotal((prev) => (page === 0 || !prev || !next.atLeast || (prev.atLeast && next.count > prev.count) ? next : prev));
          setShownKey(key);
          // The first page of a new filter replaces what was shown (no empty flash while typing).
          setRows((prev) => {
            const next = page === 0 ? new Map<number, CaseRow>() : new Map(prev);
            result.rows.forEach((row, i) => next.set(page * PAGE + i, row));
            return next;
          });
          setError(null);
        })
        .catch((e: Error) => {
          requested.current.delete(page);
          if (gen === generation.current) setError(e.message);
        });
    },
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    requested.current = new Set();
    if (seeded.current === key && version === 0) requested.current.add(0); // drawn from the start-up answer
    else loadPage(0);
    seeded.current = null;
  }, [key, version, loadPage]);

  useEffect(() => onEvent((event) => event.type === 'cases.changed' && setVersion((v) => v + 1)), []);

  const ensure = useCallback((index: number) => loadPage(Math.floor(index / PAGE)), [loadPage]);
  return { total, rows, error, ensure, shownKey };
}
