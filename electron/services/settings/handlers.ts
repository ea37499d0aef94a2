import { addDays } from '../../core/dates';
import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { deleteHolidayNotice, listHolidayNotices, saveHolidayNotice } from './holidays';

/** holidays.* and calendar.*: the notices entered in settings, and working days for default dates. */
export function calendarHandlers(ctx: ServiceContext, reloadCalendar: () => void): HandlersOf<'holidays.' | 'calendar.'> {
  const withReload = { ...ctx, reloadCalendar };
  return {
    'holidays.list': () => listHolidayNotices(ctx),
    'holidays.save': (input) => saveHolidayNotice(withReload, input),
    'holidays.delete': ({ year }) => deleteHolidayNotice(withReload, year),
    'calendar.nextWorkdays': ({ dates }) =>
      dates.map((date) => {
        let workday = date;
        for (let i = 0; i < 60 && !ctx.calendar.isWorkday(workday); i++) workday = addDays(workday, 1);
        return { date, workday, skipped: workday === date ? null : (ctx.calendar.describe(date).name ?? '休息日') };
      }),
  };
}
