import type { Calendar } from '../core/clock/calendar';
import type { AppEvent } from '../core/contract';
import type { Db } from '../../db/open';

/** What every service function needs: the database, the data folder, the calendar and the clock. */
export type ServiceContext = {
  db: Db;
  dataDir: string;
  calendar: Calendar;
  host: 'web' | 'electron';
  now: () => Date;
  emit: (event: AppEvent) => void;
  /** Registers clean-up (timers, open jobs) to run when the services close. */
  onClose: (dispose: () => void) => void;
};
