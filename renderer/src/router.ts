import { useSyncExternalStore } from 'react';

/** Hash routes: #/cases, #/cases/new, #/cases/12, #/settings. Survives reloads; no server routing. */
export type Route =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'case'; id: number }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/cases/new') return { page: 'new' };
  const match = path.match(/^\/cases\/(\d+)$/);
  if (match) return { page: 'case', id: Number(match[1]) };
  if (path === '/settings') return { page: 'settings' };
  return { page: 'list' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'new':
      return '#/cases/new';
    case 'case':
      return `#/cases/${route.id}`;
    case 'settings':
      return '#/settings';
    default:
      return '#/cases';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
