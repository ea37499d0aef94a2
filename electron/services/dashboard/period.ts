import { addDays, daysInMonth } from '../../core/dates';

/** The same calendar day one year earlier; 29 February becomes 28 February. */
export function yearEarlier(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = Math.min(d, daysInMonth(y - 1, m));
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every month 'YYYY-MM' from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** Half away from zero, one decimal: −42.65 → −42.7 (Math.round alone would give −42.6). */
export function round1(x: number): number {
  const r = Math.round(Math.abs(x) * 10 + 1e-9) / 10;
  return x < 0 ? -r : r;
}

/** Percentage change against the previous value, one decimal; null when there is nothing to compare with. */
export function changePct(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return round1(((value - previous) / previous) * 100);
}

/** Numerator ÷ denominator as a percentage (not rounded); null when the denominator is 0. */
export function ratePct(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}

/** 'YYYY-MM-DD' → the exclusive upper bound for timestamps on that day ('YYYY-MM-DD' of the next day). */
export function dayAfter(date: string): string {
  return addDays(date, 1);
}
