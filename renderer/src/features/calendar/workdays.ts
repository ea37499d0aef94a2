import { call } from '../../api';

/** Each date moved to the next working day on the holiday calendar (the backend's, notices in settings included). */
export async function nextWorkdays(dates: string[]): Promise<{ date: string; workday: string; skipped: string | null }[]> {
  if (!dates.length) return [];
  return call('calendar.nextWorkdays', { dates });
}
