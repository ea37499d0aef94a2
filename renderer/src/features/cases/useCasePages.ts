import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseRow, caseSearchSchema } from '../../../../electron/core/contract';
import type { z } from 'zod';
import { call, onEvent } from '../../api';

export type CaseFilter = Omit<z.input<typeof caseSearchSchema>, 'offset' | 'limit'>;
const PAGE = 100;

/**
 * Loads the case list a page at a time as the virtual list scrolls; a filter change or a backend
 * change event starts over, keeping the rows on screen until the new first page arrives. Only
 * pages that come into view are fetched.
 */
export function useCasePages(filter: CaseFilter) {
  const [total, setTotal] = useState<number | null>(null);
  /** The filter (its JSON) whose results the list shows now: stale answers never overwrite newer ones. */
  const [shownKey, setShownKey] = useState<string | null>(null);
  const [rows, setRows] = useState<Map<number, CaseRow>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const key = JSON.stringify(filter);

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const gen = generation.current;
      call('cases.search', { ...JSON.parse(key), offset: page * PAGE, limit: PAGE })
        .then((result) => {
          if (gen !== generation.current) return;
          setTotal(result.total);
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
    loadPage(0);
  }, [key, version, loadPage]);

  useEffect(() => onEvent((event) => event.type === 'cases.changed' && setVersion((v) => v + 1)), []);

  const ensure = useCallback((index: number) => loadPage(Math.floor(index / PAGE)), [loadPage]);
  return { total, rows, error, ensure, shownKey };
}
