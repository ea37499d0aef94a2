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

// The case list is the first screen: its first page is asked for now, alongside the sign-in check,
// rather than after the app has drawn (the list takes this answer when it mounts).
if (parseRoute(window.location.hash).page === 'list')
  prefetchFirstPage(caseListFilter(parseCaseFilter(window.location.hash), { query: '', stage: null, channel: null, due: null }));

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      <App />
    </DatesProvider>
  </MantineProvider>,
);
