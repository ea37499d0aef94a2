import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseRow } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { PAGE, takeEarly, takeEarlyValue, type CaseFilter } from './firstPage';

export { caseListFilter, type CaseFilter } from './firstPage';
/** The list's total: `atLeast` when the backend stopped counting (a text search with many matches). */
export type CaseTotal = { count: number; atLeast: boolean };

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
    const value = takeEarlyValue(key);
    return value ? { key, value } : null;
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
