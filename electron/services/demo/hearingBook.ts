/**
 * Where the fast path's hearings sit: the standing tribunal's share of the living calendar, short
 * hearings at times the living calendar never books, and the extra benches a large caseload needs.
 * The number of benches is found by booking every planned hearing with this same book beforehand
 * (benchesFor), so the real booking finds a normal slot for each. Pure: no database.
 */
import { addDays } from '../../core/dates';
import type { Calendar } from '../../core/clock/calendar';
import type { Procedure } from '../../core/domain';
import { HearingSlots, ORDINARY_SLOTS, SIMPLE_SLOTS } from './living/hearings';
import { DEMO_ROOMS, type Bench, type ExtraBenches, type Tribunal } from './living/settingsStaff';

export type Slot = { startsAt: string; endsAt: string; roomId: number; presidingId: number; wingIds: number[]; clerkId: number };

/** A hearing to place: on its planned day if free, else the nearest working day between `earliest` and `latest`. */
export type PlannedHearing = { id: number; procedure: Procedure; day: string; earliest: string; latest: string };

/**
 * The fast path's share of the living calendar's slots per day (HearingSlots: 8 simplified, 2
 * ordinary): the rest stays free for the living cases, which book theirs afterwards.
 */
const CALENDAR_SHARE = { simplified: 5, ordinary: 1 };
/** Short 速裁 hearings at times the living calendar never books (up to three at once, one per clerk). */
const SHORT_SLOTS = [
  { start: '08:00', end: '08:50' },
  { start: '12:10', end: '13:00' },
  { start: '13:30', end: '14:20' },
  { start: '17:40', end: '18:30' },
  // 夜间庭: after work, for workers who cannot leave the site by day
  { start: '18:40', end: '19:30' },
];
/** An extra bench sits the normal day times of its procedure and the short times. */
const BENCH_TIMES: Record<Procedure, { start: string; end: string }[]> = {
  simplified: [...SIMPLE_SLOTS, ...SHORT_SLOTS],
  ordinary: [...ORDINARY_SLOTS, ...SHORT_SLOTS],
};
/** Every time a demo hearing may sit (the living calendar's, the short ones): a test holds the demo to these. */
export const HEARING_TIMES = [...SIMPLE_SLOTS, ...ORDINARY_SLOTS, ...SHORT_SLOTS];

/** Working days from `day` on to `latest`, then back towards `earliest` (the planned day first, the day of acceptance last). */
export function* daysAround(calendar: Calendar, h: { day: string; earliest: string; latest: string }): Generator<string> {
  for (let d = h.day; d <= h.latest; d = addDays(d, 1)) if (calendar.isWorkday(d)) yield d;
  for (let d = addDays(h.day, -1); d >= h.earliest; d = addDays(d, -1)) if (calendar.isWorkday(d)) yield d;
}

export class HearingBook {
  private readonly shared = new Map<string, number>();
  private readonly short = new Set<string>();
  /** Fast-path hearings the standing tribunal holds per day (at most `standingPerDay`, a test's knob). */
  private readonly standing = new Map<string, number>();
  private readonly benchUsed = new Set<string>();
  private readonly benches: Record<Procedure, Bench[]>;
  constructor(
    private readonly calendar: Calendar,
    private readonly tribunal: Tribunal,
    private readonly slots: HearingSlots,
    private readonly standingPerDay = Infinity,
  ) {
    this.benches = { simplified: tribunal.benches.filter((b) => b.procedure === 'simplified'), ordinary: tribunal.benches.filter((b) => b.procedure === 'ordinary') };
  }

  /** The first free slot for `h` (its planned day first), or null when every bench is full all through its window. */
  place(h: PlannedHearing): Slot | null {
    for (const d of daysAround(this.calendar, h)) {
      const slot = this.take(d, h.procedure, h.id);
      if (slot) return slot;
    }
    return null;
  }

  /** A slot on `date`: the standing tribunal's (its share of the calendar, then short hearings outside its times), else an extra bench's. */
  private take(date: string, procedure: Procedure, rotate: number): Slot | null {
    const standing = this.standing.get(date) ?? 0;
    const slot = standing < this.standingPerDay ? this.takeStanding(date, procedure, rotate) : null;
    if (slot) {
      this.standing.set(date, standing + 1);
      return slot;
    }
    return this.takeBench(date, procedure, rotate);
  }

  private takeStanding(date: string, procedure: Procedure, rotate: number): Slot | null {
    const key = `${date}|${procedure}`;
    const used = this.shared.get(key) ?? 0;
    if (used < CALENDAR_SHARE[procedure]) {
      const slot = this.slots.take(date, procedure, rotate);
      if (slot) {
        this.shared.set(key, used + 1);
        return slot;
      }
    }
    const t = this.tribunal;
    for (const s of SHORT_SLOTS) {
      // one hearing per clerk at a time; a three-member tribunal only in the large room, with arbitrators 4–6
      for (const k of procedure === 'ordinary' ? [0] : [0, 1, 2]) {
        const taken = `${date}|${s.start}|${k}`;
        if (this.short.has(taken)) continue;
        this.short.add(taken);
        const room = procedure === 'ordinary' ? t.rooms[0]! : t.rooms[k === 0 ? DEMO_ROOMS.length - 1 : k]!;
        const presiding = procedure === 'ordinary' ? t.arbitrators[3]! : t.arbitrators[k]!;
        const wingIds = procedure === 'ordinary' ? [t.arbitrators[4]!.id, t.arbitrators[5]!.id] : [];
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: room.id, presidingId: presiding.id, wingIds, clerkId: t.clerks[k]!.id };
      }
    }
    return null;
  }

  /** The first free time of an extra bench of this procedure (starting from a different bench per case). */
  private takeBench(date: string, procedure: Procedure, rotate: number): Slot | null {
    const benches = this.benches[procedure];
    for (let b = 0; b < benches.length; b++) {
      const bench = benches[(b + rotate) % benches.length]!;
      for (const s of BENCH_TIMES[procedure]) {
        const key = `${date}|${s.start}|${bench.roomId}`;
        if (this.benchUsed.has(key)) continue;
        this.benchUsed.add(key);
        const [presidingId, ...wingIds] = bench.arbitratorIds;
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: bench.roomId, presidingId: presidingId!, wingIds, clerkId: bench.clerkId };
      }
    }
    return null;
  }
}

/** A tribunal of placeholder ids with the standing people and rooms and `extra` benches (for sizing only). */
function sketch(extra: ExtraBenches): Tribunal {
  let next = 1;
  const ids = (n: number) => Array.from({ length: n }, () => ({ id: next++, name: '' }));
  const kinds = [...Array<Procedure>(extra.ordinary).fill('ordinary'), ...Array<Procedure>(extra.simplified).fill('simplified')];
  const benches: Bench[] = kinds.map((procedure) => ({ procedure, roomId: next++, arbitratorIds: ids(procedure === 'ordinary' ? 3 : 1).map((a) => a.id), clerkId: next++ }));
  return { arbitrators: ids(7), clerks: ids(3), inspectors: [], mediators: [], rooms: ids(DEMO_ROOMS.length), benches, demoPassword: null };
}

/**
 * Extra benches for the fast path's hearings: books them all, in the order they will be held, with
 * no extra bench, then adds benches of the procedure that found no slot (enough for the day with the
 * most hearings left over) until every hearing has a normal slot. The same book then places them for real.
 */
export function benchesFor(planned: PlannedHearing[], calendar: Calendar, standingPerDay = Infinity): ExtraBenches {
  const extra: ExtraBenches = { simplified: 0, ordinary: 0 };
  // a hearing whose window has no working day cannot be placed by any bench: leave it to the last resort
  const placeable = planned.filter((h) => !daysAround(calendar, h).next().done);
  for (;;) {
    const tribunal = sketch(extra);
    const book = new HearingBook(calendar, tribunal, new HearingSlots(tribunal), standingPerDay);
    // hearings left over, by procedure and planned day: the busiest day says how many more benches
    const left = new Map<string, number>();
    for (const h of placeable) if (!book.place(h)) left.set(`${h.procedure}|${h.day}`, (left.get(`${h.procedure}|${h.day}`) ?? 0) + 1);
    if (!left.size) return extra;
    for (const procedure of ['simplified', 'ordinary'] as const) {
      const busiest = Math.max(0, ...[...left].filter(([k]) => k.startsWith(`${procedure}|`)).map(([, n]) => n));
      extra[procedure] += Math.ceil(busiest / BENCH_TIMES[procedure].length);
    }
  }
}
