import { addDays, weekday } from '../../../../electron/core/dates';

/** Calendar grid: 08:00–20:00 in 30-minute slots. */
export const DAY_START_MIN = 8 * 60;
export const DAY_END_MIN = 20 * 60;
export const SLOT_MIN = 30;

/** The Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

export function datePart(localTime: string): string {
  return localTime.slice(0, 10);
}

/** 'YYYY-MM-DDTHH:mm' → minutes since midnight. */
export function minutesOf(localTime: string): number {
  const m = /T(\d{2}):(\d{2})/.exec(localTime);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function localTime(date: string, minutes: number): string {
  return `${date}T${hhmm(minutes)}`;
}

/** Minutes between two local times (same or different days). */
export function durationMin(startsAt: string, endsAt: string): number {
  const day = (t: string) => Date.UTC(Number(t.slice(0, 4)), Number(t.slice(5, 7)) - 1, Number(t.slice(8, 10))) / 60_000;
  return day(endsAt) + minutesOf(endsAt) - (day(startsAt) + minutesOf(startsAt));
}

/** Start plus duration, as a local time on the same day (clamped to 23:59). */
export function endOf(date: string, startMin: number, duration: number): string {
  return localTime(date, Math.min(startMin + duration, 23 * 60 + 59));
}

export function timeRange(startsAt: string, endsAt: string): string {
  return `${startsAt.slice(11, 16)}–${endsAt.slice(11, 16)}`;
}
