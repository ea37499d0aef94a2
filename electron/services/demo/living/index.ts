/**
 * The living tribunal: after the bulk stages have filed, accepted and served every case on the fast
 * path, a fixed number of the most recent cases (LIVING_CASES, whatever --cases is) are driven
 * through mediation, hearings, awards, documents, service, evidence, inspection and closing by the
 * same services the app calls — plus the commission's settings, staff and rooms. Generating
 * documents and evidence costs time per case, so like a user we spend it where people look first:
 * the recent cases, and the largest collective ones.
 */
import { sql } from 'drizzle-orm';
import { diffDays } from '../../../core/dates';
import type { Services } from '../../createServices';
import type { CaseSchedule, Outcome } from '../schedule';
import { prepareLedgers, removeScratch } from './evidence';
import { HearingSlots } from './hearings';
import { applyForEnforcement, transferToPolice } from './inspection';
import { loadCase, type LivingCase } from './livingCase';
import { LivingRun, type Timings } from './runner';
import { createStaff, DEMO_MINIMUM_WAGES, setUpCommission, type ExtraBenches, type Tribunal } from './settingsStaff';
import { fits, stories, tell, type Story } from './stories';

/** How many cases each story gets (about 60 in all). */
export const LIVING_QUOTAS: Record<Story, number> = {
  closedAward: 9,
  closedFinalAward: 4,
  closedMediation: 12,
  closedWithdrawal: 2,
  heard: 4,
  hearingUpcoming: 10,
  hearingShortNotice: 3,
  mediationInstalments: 6,
  mediationOpen: 5,
  inspectionOrder: 3,
};
export const LIVING_CASES = Object.values(LIVING_QUOTAS).reduce((a, b) => a + b, 0);

/** The stories a case fits, by the outcome the schedule planned for it (most wanted first). */
const STORIES_FOR: Record<Outcome, Story[]> = {
  received: [],
  rejected: [],
  closed: ['closedFinalAward', 'closedAward', 'closedMediation', 'closedWithdrawal'],
  closing: ['heard', 'closedFinalAward', 'closedAward', 'mediationInstalments'],
  hearing: ['hearingUpcoming', 'hearingShortNotice', 'heard', 'mediationInstalments'],
  mediation: ['mediationOpen', 'inspectionOrder', 'mediationInstalments', 'hearingUpcoming', 'hearingShortNotice'],
};

/** Quotas for `limit` living cases: LIVING_QUOTAS scaled, at least one case per story. */
function quotas(limit: number): Record<Story, number> {
  const scale = limit / LIVING_CASES;
  return Object.fromEntries(stories.map((s) => [s, Math.max(1, Math.round(LIVING_QUOTAS[s] * scale))])) as Record<Story, number>;
}

/**
 * Picks the living cases: the two largest collective cases (100+ workers) first (one closed, the
 * other with its hearing to come when recent enough), then, from the
 * most recently accepted case back, each case gets the story it fits that is least filled so far
 * (so a small demo still has every story). A wholly final award needs every item within the
 * final-award limit (12 × the minimum wage). Returns plan index → story.
 */
export function pickLivingCases(services: Services, plan: CaseSchedule[], ids: number[], today: string, limit = LIVING_CASES): Map<number, Story> {
  const picked = new Map<number, Story>();
  if (limit <= 0) return picked;
  const quota = quotas(limit);
  const filled = Object.fromEntries(stories.map((s) => [s, 0])) as Record<Story, number>;
  const span = (i: number) => diffDays(plan[i]!.decidedOn!, today);
  const accepted = plan.map((s, i) => i).filter((i) => STORIES_FOR[plan[i]!.outcome].length > 0);
  const indexOf = new Map(accepted.map((i) => [ids[i]!, i]));
  const facts = new Map(
    services.ctx.db
      .all<{ id: number; workers: number; maxItem: number }>(sql`
        select c.id, (select count(*) from workers w where w.case_id = c.id) as workers,
          (select coalesce(max(amount_fen), 0) from claim_items ci where ci.case_id = c.id) as maxItem
        from cases c where c.id in (select value from json_each(${JSON.stringify(accepted.map((i) => ids[i]))}))`)
      .map((r) => [r.id, r]),
  );
  const finalLimit = 12 * DEMO_MINIMUM_WAGES[DEMO_MINIMUM_WAGES.length - 1]!.monthlyFen;
  const fitsCase = (s: Story, i: number) => fits(s, span(i)) && (s !== 'closedFinalAward' || facts.get(ids[i]!)!.maxItem <= finalLimit);
  const large = [...facts.values()].filter((f) => f.workers >= 100).sort((a, b) => b.workers - a.workers || a.id - b.id).slice(0, 2);
  large.forEach(({ id }, n) => {
    const i = indexOf.get(id)!;
    // the second one's hearing is still to come only if it was accepted within the award period (an older one has been mediated)
    const story: Story = n === 0 && fits('closedAward', span(i)) ? 'closedAward' : n === 0 || span(i) > 40 ? 'closedMediation' : 'hearingUpcoming';
    picked.set(i, story);
    filled[story]++;
  });
  const decided = (i: number) => plan[i]!.decidedOn!;
  const recent = accepted.filter((i) => !picked.has(i)).sort((a, b) => (decided(b) < decided(a) ? -1 : decided(b) > decided(a) ? 1 : b - a));
  for (const i of recent) {
    if (picked.size >= limit) break;
    const open = STORIES_FOR[plan[i]!.outcome].filter((s) => filled[s] < quota[s] && fitsCase(s, i));
    if (!open.length) continue;
    const story = open.reduce((best, s) => (filled[s] / quota[s] < filled[best] / quota[best] ? s : best));
    filled[story]++;
    picked.set(i, story);
  }
  return picked;
}

export type LivingSummary = {
  cases: number;
  byStory: Partial<Record<Story, number>>;
  made: Record<string, number>;
  openWarnings: Record<string, number>;
  staff: { arbitrators: number; clerks: number; inspectors: number; mediators: number; rooms: number };
  demoPassword: string | null;
  timings: Timings;
  elapsedMs: number;
  /** CPU time of this process spent on the living part. */
  cpuMs: number;
};

/** The commission's settings (this morning): made before the fast path closes its cases, whose awards read the minimum wage. */
export async function setUpSettings(services: Services, seed: number, today: string): Promise<void> {
  const run = new LivingRun(services, seed, today);
  try {
    run.at(today, '08:40');
    await setUpCommission(run);
  } finally {
    run.restore();
  }
}

/**
 * Staff and rooms (this morning), with the extra benches a large caseload needs, and the hearing
 * calendar's slots: the fast path's hearings sit on the same calendar as the living ones.
 */
export async function setUpTribunal(services: Services, seed: number, today: string, extra?: ExtraBenches): Promise<{ tribunal: Tribunal; slots: HearingSlots }> {
  const run = new LivingRun(services, seed, today);
  try {
    run.at(today, '08:45');
    const tribunal = await createStaff(run, extra);
    return { tribunal, slots: new HearingSlots(tribunal) };
  } finally {
    run.restore();
  }
}

export async function runLivingDemo(
  services: Services,
  options: { seed: number; today: string; plan: CaseSchedule[]; ids: number[]; picked: Map<number, Story>; tribunal: Tribunal; slots: HearingSlots },
): Promise<LivingSummary> {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const { today, plan, ids, picked, tribunal, slots } = options;
  const run = new LivingRun(services, options.seed, today);
  try {
    // oldest first, so the calendar fills in the order a clerk would have booked it
    const order = [...picked.keys()].sort((a, b) => (plan[a]!.decidedOn! < plan[b]!.decidedOn! ? -1 : plan[a]!.decidedOn! > plan[b]!.decidedOn! ? 1 : a - b));
    const byStory: Partial<Record<Story, number>> = {};
    const told: { id: number; story: Story }[] = [];
    const cases = new Map<number, LivingCase>();
    for (const i of order) cases.set(i, await loadCase(run, ids[i]!, tribunal));
    await prepareLedgers(run, [...cases.values()]);
    for (const i of order) {
      const story = picked.get(i)!;
      const c = cases.get(i)!;
      const upcomingIndex = byStory[story] ?? 0;
      await tell(story, { run, c, slots, today, plannedClose: plan[i]!.closedOn, upcomingIndex });
      byStory[story] = upcomingIndex + 1;
      told.push({ id: c.id, story });
    }
    // Today: what is overdue becomes a warning; one unpaid award goes to court, one ignored order to the police.
    run.at(today, '16:00');
    await run.call('warnings.refresh', {});
    for (const t of told.filter((t) => t.story === 'closedAward' || t.story === 'closedFinalAward').reverse()) {
      if (await applyForEnforcement(run, await loadCase(run, t.id, tribunal), today)) break;
    }
    for (const t of told.filter((t) => t.story === 'inspectionOrder')) {
      if (await transferToPolice(run, await loadCase(run, t.id, tribunal), today)) break;
    }
    const openWarnings = Object.fromEntries(
      services.ctx.db.all<{ kind: string; n: number }>(sql`select kind, count(*) as n from warnings where resolved_on is null group by kind order by kind`).map((r) => [r.kind, r.n]),
    );
    return {
      cases: picked.size,
      byStory: Object.fromEntries(stories.filter((s) => byStory[s]).map((s) => [s, byStory[s]!])),
      made: run.made,
      openWarnings,
      staff: { arbitrators: tribunal.arbitrators.length, clerks: tribunal.clerks.length, inspectors: tribunal.inspectors.length, mediators: tribunal.mediators.length, rooms: tribunal.rooms.length },
      demoPassword: tribunal.demoPassword,
      timings: run.timings,
      elapsedMs: performance.now() - started,
      cpuMs: (({ user, system }) => (user + system) / 1000)(process.cpuUsage(startedCpu)),
    };
  } finally {
    removeScratch(run);
    run.restore();
  }
}
