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

createRoot(document.getElementById('root')!).render(
  <MantineProvider theme={theme} defaultColorScheme="light">
    <DatesProvider settings={{ locale: 'zh-cn', firstDayOfWeek: 1 }}>
      <Notifications position="top-right" />
      <App />
    </DatesProvider>
  </MantineProvider>,
);
