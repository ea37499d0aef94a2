import { useSyncExternalStore } from 'react';

/** Hash routes: #/cases, #/cases/new, #/cases/12, #/settings. Survives reloads; no server routing. */
export type Route =
  | { page: 'list' }
  | { page: 'new' }
  | { page: 'case'; id: number }
  | { page: 'settings' }
  /** 账号与角色: the administrator's accounts screen (#/accounts). */
  | { page: 'accounts' }
  /** 统计: the tribunal's dashboard (#/dashboard). */
  | { page: 'dashboard' }
  /** 预警: follow-through warnings after closing (#/warnings). */
  | { page: 'warnings' }
  | { page: 'hearings' }
  | { page: 'hearing'; id: number }
  /** The shared screen itself: full screen, no app shell (#/present). */
  | { page: 'present' }
  /** The operator's push panel for one case (#/cases/12/screen, ?hearing=3 during a hearing). */
  | { page: 'screen'; id: number; hearingId: number | null };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '/cases/new') return { page: 'new' };
  const match = path.match(/^\/cases\/(\d+)$/);
  if (match) return { page: 'case', id: Number(match[1]) };
  if (path === '/settings') return { page: 'settings' };
  if (path === '/accounts') return { page: 'accounts' };
  if (path === '/dashboard') return { page: 'dashboard' };
  if (path === '/warnings') return { page: 'warnings' };
  if (/^\/present(\?.*)?$/.test(path)) return { page: 'present' };
  const screen = path.match(/^\/cases\/(\d+)\/screen(?:\?hearing=(\d+))?$/);
  if (screen) return { page: 'screen', id: Number(screen[1]), hearingId: screen[2] ? Number(screen[2]) : null };
  if (path === '/hearings') return { page: 'hearings' };
  const hearing = path.match(/^\/hearings\/(\d+)$/);
  if (hearing) return { page: 'hearing', id: Number(hearing[1]) };
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
    case 'accounts':
      return '#/accounts';
    case 'dashboard':
      return '#/dashboard';
    case 'warnings':
      return '#/warnings';
    case 'present':
      return '#/present';
    case 'screen':
      return `#/cases/${route.id}/screen${route.hearingId ? `?hearing=${route.hearingId}` : ''}`;
    case 'hearings':
      return '#/hearings';
    case 'hearing':
      return `#/hearings/${route.id}`;
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
