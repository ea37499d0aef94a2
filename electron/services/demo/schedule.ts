/**
 * When things happen to each demo case: received, accepted or rejected, 容缺 and 补正, service,
 * later stages and closing. Pure (dates in, dates out); the content of the cases is in world.ts.
 */
import { addDays, diffDays } from '../../core/dates';
import type { Calendar } from '../../core/clock/calendar';
import type { Rng } from './random';

export type Outcome = 'received' | 'rejected' | 'mediation' | 'hearing' | 'closing' | 'closed';
export const OUTCOMES: readonly Outcome[] = ['received', 'rejected', 'mediation', 'hearing', 'closing', 'closed'];

export type CaseSchedule = {
  receivedOn: string;
  outcome: Outcome;
  /** 受理 or 不予受理 date. */
  decidedOn: string | null;
  withGaps: boolean;
  completedOn: string | null;
  servedOn: string | null;
  /** The day the case moved to 快审 (hearing) and, for 快结, to closing. */
  hearingOn: string | null;
  closingOn: string | null;
  closedOn: string | null;
  extensionDays: number;
};

/** How far back received dates go. */
export const SPAN_DAYS = 548; // about 18 months

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** n working days after `date` (n = 0 → the date itself, or the next working day if it is a rest day). */
export function addWorkdays(cal: Calendar, date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!cal.isWorkday(d)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (cal.isWorkday(d)) left--;
  }
  return d;
}

/** Received dates over the last 18 months, a little denser recently, on working days, ascending. */
export function receivedDates(rng: Rng, cal: Calendar, today: string, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let d = addDays(today, -Math.floor(Math.pow(rng.float(), 1.5) * SPAN_DAYS));
    // Platform and hotline leads arrive any day but are registered on the next working day.
    let moved = d;
    while (!cal.isWorkday(moved) && moved <= today) moved = addDays(moved, 1);
    if (moved > today) {
      moved = d;
      while (!cal.isWorkday(moved)) moved = addDays(moved, -1);
    }
    d = moved;
    out.push(d);
  }
  return out.sort();
}

function drawOutcome(rng: Rng, acceptAge: number): Outcome {
  if (acceptAge > 120) return rng.chance(0.985) ? 'closed' : rng.weighted<Outcome>([['hearing', 4], ['closing', 3], ['mediation', 3]]);
  if (acceptAge > 60) return rng.chance(0.95) ? 'closed' : rng.weighted<Outcome>([['hearing', 4], ['closing', 3], ['mediation', 3]]);
  if (acceptAge > 30) return rng.weighted<Outcome>([['closed', 70], ['hearing', 12], ['closing', 10], ['mediation', 8]]);
  if (acceptAge > 10) return rng.weighted<Outcome>([['closed', 35], ['hearing', 25], ['closing', 10], ['mediation', 30]]);
  if (acceptAge > 3) return rng.weighted<Outcome>([['closed', 10], ['hearing', 10], ['mediation', 80]]);
  return rng.chance(0.03) ? 'closed' : 'mediation';
}

/** Plans one case. `forced` overrides the drawn outcome (used to make sure every stage appears). */
export function scheduleCase(rng: Rng, cal: Calendar, today: string, receivedOn: string, forced?: Outcome): CaseSchedule {
  const s: CaseSchedule = {
    receivedOn,
    outcome: 'mediation',
    decidedOn: null,
    withGaps: false,
    completedOn: null,
    servedOn: null,
    hearingOn: null,
    closingOn: null,
    closedOn: null,
    extensionDays: 0,
  };
  const age = diffDays(receivedOn, today);
  const capToday = (d: string) => minDate(d, today);

  let stillReceived = false;
  let rejected = false;
  if (forced) {
    stillReceived = forced === 'received';
    rejected = forced === 'rejected';
  } else {
    rejected = rng.chance(0.03);
    if (!rejected) stillReceived = age <= 2 ? rng.chance(0.55) : age <= 6 ? rng.chance(0.3) : age <= 12 ? rng.chance(0.02) : false;
  }
  if (stillReceived) {
    s.outcome = 'received';
    return s;
  }
  if (rejected) {
    s.outcome = 'rejected';
    s.decidedOn = capToday(addWorkdays(cal, receivedOn, rng.int(1, 5)));
    return s;
  }

  // 当日立案 for half of the cases, otherwise within the 5 working days.
  const wait = rng.weighted<number>([[0, 50], [1, 20], [2, 15], [3, 7], [4, 5], [5, 3]]);
  const acceptedOn = capToday(addWorkdays(cal, receivedOn, wait));
  s.decidedOn = acceptedOn;
  const acceptAge = diffDays(acceptedOn, today);
  s.outcome = forced ?? drawOutcome(rng, acceptAge);

  if (s.outcome === 'closed') {
    const duration = rng.weighted<[number, number]>([[[2, 20], 60], [[21, 30], 30], [[31, 55], 10]]);
    s.closedOn = capToday(addDays(acceptedOn, rng.int(duration[0], duration[1])));
  }
  const limit = s.closedOn ?? today;

  if (rng.chance(0.15)) {
    s.withGaps = true;
    if (rng.chance(0.85) || s.outcome === 'closed') {
      s.completedOn = minDate(addWorkdays(cal, acceptedOn, rng.int(1, 7)), limit);
    }
  }

  const serve =
    s.outcome === 'hearing' ||
    s.outcome === 'closing' ||
    (s.outcome === 'closed' && diffDays(acceptedOn, limit) >= 5 && rng.chance(0.85)) ||
    (s.outcome === 'mediation' && acceptAge >= 1 && rng.chance(0.55));
  if (serve) s.servedOn = minDate(addWorkdays(cal, acceptedOn, rng.int(1, 4)), limit);

  if (s.outcome === 'hearing' || s.outcome === 'closing' || (s.outcome === 'closed' && rng.chance(0.4))) {
    const from = s.servedOn ?? acceptedOn;
    s.hearingOn = minDate(addDays(from, rng.int(5, 15)), limit);
  }
  if (s.outcome === 'closing' || s.outcome === 'closed') {
    s.closingOn = minDate(addDays(s.hearingOn ?? acceptedOn, rng.int(1, 6)), limit);
  }
  if ((s.outcome === 'hearing' || s.outcome === 'closing') && acceptAge > 40 && rng.chance(0.3)) s.extensionDays = 15;
  return s;
}

/** Same plan for every case; then any outcome still missing is forced onto some case (small N). */
export function scheduleAll(rng: Rng, cal: Calendar, today: string, count: number): CaseSchedule[] {
  const dates = receivedDates(rng, cal, today, count);
  const plan = dates.map((d) => scheduleCase(rng, cal, today, d));
  if (count < OUTCOMES.length) return plan;
  const forcedIndexes = new Set<number>();
  for (const outcome of OUTCOMES) {
    if (plan.some((p) => p.outcome === outcome)) continue;
    if (outcome === 'received') {
      // The newest case, moved to today: a fresh application waiting for the decision.
      const last = count - 1;
      const fresh = diffDays(plan[last]!.receivedOn, today) <= 6 ? plan[last]!.receivedOn : lastWorkday(cal, today);
      plan[last] = scheduleCase(rng, cal, today, fresh, 'received');
      forcedIndexes.add(last);
      continue;
    }
    const counts = new Map<Outcome, number>();
    for (const p of plan) counts.set(p.outcome, (counts.get(p.outcome) ?? 0) + 1);
    const candidates = plan
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !forcedIndexes.has(i) && (counts.get(p.outcome) ?? 0) > 1 && diffDays(p.receivedOn, today) >= 20);
    if (!candidates.length) continue;
    const { i } = rng.pick(candidates);
    plan[i] = scheduleCase(rng, cal, today, plan[i]!.receivedOn, outcome);
    forcedIndexes.add(i);
  }
  if (!plan.some((p) => p.withGaps)) {
    const accepted = plan.map((p, i) => ({ p, i })).filter(({ p }) => p.outcome === 'closed');
    if (accepted.length) {
      const { p } = rng.pick(accepted);
      p.withGaps = true;
      p.completedOn = minDate(addWorkdays(cal, p.decidedOn!, 2), p.closedOn!);
    }
  }
  return plan;
}

function lastWorkday(cal: Calendar, today: string): string {
  let d = today;
  while (!cal.isWorkday(d)) d = addDays(d, -1);
  return d;
}

/** The commission's fast-track target (days from acceptance to closing), the clock's default. */
const FAST_TRACK_DAYS = 30;

/**
 * A tribunal closes its cases: one accepted before the fast-track target ran out is closed by now
 * (within 45 days of acceptance, after its last step), except a few kept open on purpose — past the
 * target by at most two weeks, still inside the award period — so the lists have overdue cases to
 * show (at least three; one in a thousand). Own random stream: the plan of every other case is unchanged.
 */
export function settleOldCases(plan: CaseSchedule[], rng: Rng, today: string): CaseSchedule[] {
  const open = (s: CaseSchedule) => s.outcome === 'mediation' || s.outcome === 'hearing' || s.outcome === 'closing';
  const age = (s: CaseSchedule) => diffDays(s.decidedOn!, today);
  const stale = plan.map((s, i) => ({ s, i })).filter(({ s }) => open(s) && age(s) > FAST_TRACK_DAYS);
  const keep = new Set(
    stale
      .filter(({ s }) => age(s) <= FAST_TRACK_DAYS + 14)
      .slice(-Math.max(3, Math.ceil(plan.length / 1000)))
      .map(({ i }) => i),
  );
  const settle = new Set(stale.map(({ i }) => i).filter((i) => !keep.has(i)));
  return plan.map((s, i) => {
    if (!settle.has(i)) return s;
    const accepted = s.decidedOn!;
    const last = [s.servedOn, s.completedOn, s.hearingOn, s.closingOn].reduce<string>((a, d) => (d && d > a ? d : a), accepted);
    const closedOn = minDate(addDays(last, rng.int(1, 6)), minDate(addDays(accepted, 45 + s.extensionDays), today));
    const closingOn = s.closingOn ?? minDate(addDays(s.hearingOn ?? last, rng.int(1, 3)), closedOn);
    return { ...s, outcome: 'closed' as const, closingOn, closedOn };
  });
}
