import { ready } from './boot'; // first: asks for sign-in status and the list while the rest loads
import { config as zodConfig } from 'zod/v4/core';
zodConfig({ jitless: true }); // before any schema is used: keeps zod's `new Function` probe away from the CSP

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

// Drawn once boot.ts has the sign-in answer (and the list's first page, when asked for): the first
// render is then the app itself with its rows, not a spinner that is drawn again.
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <App />
      </DatesProvider>
    </MantineProvider>,
  ),
);
