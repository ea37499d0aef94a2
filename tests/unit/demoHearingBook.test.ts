// The demo's hearing book: benchesFor books every planned hearing beforehand and adds benches until
// each has a normal slot; booking the same hearings with a tribunal that has those benches then puts
// every one at a normal time, with no room, arbitrator or clerk twice at once.
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { addDays } from '../../electron/core/dates';
import { benchesFor, HEARING_TIMES, HearingBook, type PlannedHearing, type Slot } from '../../electron/services/demo/hearingBook';
import { HearingSlots } from '../../electron/services/demo/living/hearings';
import type { Bench, ExtraBenches, Tribunal } from '../../electron/services/demo/living/settingsStaff';

const calendar = createCalendar();

/** A tribunal with distinct ids: 7 arbitrators, 3 clerks, 4 rooms, then the benches (their rooms listed after the standing ones). */
function tribunalWith(extra: ExtraBenches): Tribunal {
  let next = 100;
  const people = (n: number) => Array.from({ length: n }, () => ({ id: next++, name: `p${next}` }));
  const arbitrators = people(7);
  const clerks = people(3);
  const rooms = people(4);
  const benches: Bench[] = [];
  for (const procedure of [...Array<'ordinary'>(extra.ordinary).fill('ordinary'), ...Array<'simplified'>(extra.simplified).fill('simplified')]) {
    const arbs = people(procedure === 'ordinary' ? 3 : 1);
    const [clerk] = people(1);
    const [room] = people(1);
    arbitrators.push(...arbs);
    clerks.push(clerk!);
    rooms.push(room!);
    benches.push({ procedure, roomId: room!.id, arbitratorIds: arbs.map((a) => a.id), clerkId: clerk!.id });
  }
  return { arbitrators, clerks, rooms, benches, inspectors: [], mediators: [], demoPassword: null };
}

describe('demo hearing book', () => {
  it('a busy fortnight around the National Day holidays gets enough benches: every hearing at a normal time, nobody in two places', () => {
    // 900 hearings planned over 2026-09-21 … 2026-10-16 (holidays 10-01 … 10-08 in it), each movable within ten days back
    const planned: PlannedHearing[] = Array.from({ length: 900 }, (_, i) => {
      const day = addDays('2026-09-21', i % 26);
      return { id: i + 1, procedure: i % 3 === 0 ? 'ordinary' : 'simplified', day, earliest: addDays(day, -10), latest: addDays(day, 1) };
    });
    const extra = benchesFor(planned, calendar);
    expect(extra.simplified).toBeGreaterThan(3);
    expect(extra.ordinary).toBeGreaterThan(3);
    const tribunal = tribunalWith(extra);
    const book = new HearingBook(calendar, tribunal, new HearingSlots(tribunal));
    const slots = planned.map((h) => book.place(h));
    expect(slots.filter((s) => !s)).toEqual([]);
    const times = new Set(HEARING_TIMES.map((t) => `${t.start}-${t.end}`));
    expect(slots.filter((s) => !times.has(`${s!.startsAt.slice(11)}-${s!.endsAt.slice(11)}`))).toEqual([]);
    const overlap = (a: Slot, b: Slot) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
    const who = (s: Slot) => [`room${s.roomId}`, `p${s.presidingId}`, ...s.wingIds.map((w) => `p${w}`), `p${s.clerkId}`];
    const clashes: string[] = [];
    const all = slots as Slot[];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++)
        if (all[i]!.startsAt.slice(0, 10) === all[j]!.startsAt.slice(0, 10) && overlap(all[i]!, all[j]!)) {
          const shared = who(all[i]!).filter((x) => who(all[j]!).includes(x));
          if (shared.length) clashes.push(`${all[i]!.startsAt} ${shared.join(',')}`);
        }
    expect(clashes.slice(0, 5)).toEqual([]);
    // without the extra benches the standing tribunal cannot hold them
    const standing = tribunalWith({ simplified: 0, ordinary: 0 });
    const alone = new HearingBook(calendar, standing, new HearingSlots(standing));
    expect(planned.map((h) => alone.place(h)).filter((s) => !s).length).toBeGreaterThan(100);
  });
});
