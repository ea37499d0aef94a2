import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { casesHref, parseCaseFilter, type LinkFilter } from './caseFilterQuery';

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

/**
 * The case-list filter carried in the hash query (`#/cases?closedFrom=…&closingMethod=…`), as a
 * dashboard figure links it; setting it rewrites the hash (so back/forward and reload keep it).
 */
export function useLinkFilter(): [LinkFilter, (next: LinkFilter) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const filter = useMemo(() => parseCaseFilter(hash), [hash]);
  const set = useCallback((next: LinkFilter) => {
    window.location.hash = casesHref(next).slice(1);
  }, []);
  return [filter, set];
}
