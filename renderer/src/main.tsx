import { z } from 'zod';
z.config({ jitless: true }); // before any schema: keeps zod's `new Function` probe away from the CSP

import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { theme } from './theme';
import { App } from './shell/App';
import { parseRoute } from './router';
import { parseCaseFilter } from './features/dashboard/caseFilterQuery';
import { caseListFilter, prefetchFirstPage } from './features/cases/useCasePages';
import { mayReadCases, startAuthStatus } from './shell/earlyAuthStatus';

// The case list is the first screen: its first page is asked for as soon as the sign-in check says
// the session may read it, rather than after the app has drawn (the list takes this answer when it
// mounts). Without a session nothing is asked (no 401 in the console).
void startAuthStatus()
  .then((status) => {
    if (mayReadCases(status) && parseRoute(window.location.hash).page === 'list')
      prefetchFirstPage(caseListFilter(parseCaseFilter(window.location.hash), { query: '', stage: null, channel: null, due: null }));
  })
  .catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      <App />
    </DatesProvider>
  </MantineProvider>,
);
