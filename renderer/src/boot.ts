import { parseRoute } from './router';
import { parseCaseFilter } from './features/dashboard/caseFilterQuery';
import { caseListFilter, prefetchFirstPage } from './features/cases/firstPage';
import { mayReadCases, startAuthStatus } from './shell/earlyAuthStatus';

/**
 * The page's first script: its own small chunk, run while React, Mantine and the rest of the app
 * are still loading and being evaluated (index.html lists it first; see electron.vite.config.ts).
 * It asks who is signed in and, for a session that may read cases on the case list, the list's
 * first page, so both answers are usually here by the time the app draws. Without a session
 * nothing more is asked (no 401 in the console).
 *
 * `ready` settles once the sign-in answer is in and the first page, if asked for, is in too; it
 * never fails (the app asks again and shows the error).
 */
const FIRST_PAGE_WAIT_MS = 300;

export const ready: Promise<void> = startAuthStatus()
  .then((status) => {
    if (!mayReadCases(status) || parseRoute(window.location.hash).page !== 'list') return;
    const page = prefetchFirstPage(caseListFilter(parseCaseFilter(window.location.hash), { query: '', stage: null, channel: null, due: null }));
    // a slow first page does not hold the app back for long: the list then draws it when it comes
    return Promise.race([page.answer.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, FIRST_PAGE_WAIT_MS))]);
  })
  .catch(() => undefined);
