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
import { removeScratch } from './evidence';
import { HearingSlots } from './hearings';
import { applyForEnforcement, transferToPolice } from './inspection';
import { loadCase } from './livingCase';
import { LivingRun, type Timings } from './runner';
import { createStaff, setUpCommission } from './settingsStaff';
import { fits, stories, tell, type Story } from './stories';

/** How many cases each story gets (about 60 in all). */
export const LIVING_QUOTAS: Record<Story, number> = {
  closedAward: 12,
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
  closed: ['closedAward', 'closedMediation', 'closedWithdrawal'],
  closing: ['heard', 'closedAward', 'mediationInstalments'],
  hearing: ['hearingUpcoming', 'hearingShortNotice', 'heard'],
  mediation: ['mediationOpen', 'inspectionOrder', 'mediationInstalments', 'hearingUpcoming', 'hearingShortNotice'],
};

/**
 * Picks the living cases: the two largest collective cases (100+ workers) first, then the most
 * recently accepted case for each story until its quota is met. Returns plan index → story.
 */
export function pickLivingCases(services: Services, plan: CaseSchedule[], ids: number[], today: string, limit = LIVING_CASES): Map<number, Story> {
  const picked = new Map<number, Story>();
  if (limit <= 0) return picked;
  const left = { ...LIVING_QUOTAS };
  const span = (i: number) => diffDays(plan[i]!.decidedOn!, today);
  const accepted = plan.map((s, i) => i).filter((i) => STORIES_FOR[plan[i]!.outcome].length > 0);
  const indexOf = new Map(accepted.map((i) => [ids[i]!, i]));
  const large = services.ctx.db.all<{ id: number }>(sql`
    select c.id from cases c join workers w on w.case_id = c.id
    where c.status = 'accepted' and c.id in (select value from json_each(${JSON.stringify(accepted.map((i) => ids[i]))}))
    group by c.id having count(*) >= 100 order by count(*) desc, c.id limit 2`);
  large.forEach(({ id }, n) => {
    const i = indexOf.get(id)!;
    picked.set(i, n === 0 && fits('closedAward', span(i)) ? 'closedAward' : n === 0 ? 'closedMediation' : 'hearingUpcoming');
  });
  const recent = accepted.filter((i) => !picked.has(i)).sort((a, b) => (plan[b]!.decidedOn! < plan[a]!.decidedOn! ? -1 : plan[b]!.decidedOn! > plan[a]!.decidedOn! ? 1 : b - a));
  for (const i of recent) {
    if (picked.size >= limit) break;
    const story = STORIES_FOR[plan[i]!.outcome].find((s) => left[s] > 0 && fits(s, span(i)));
    if (!story) continue;
    left[story]--;
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
};

export async function runLivingDemo(services: Services, options: { seed: number; today: string; plan: CaseSchedule[]; ids: number[]; picked: Map<number, Story> }): Promise<LivingSummary> {
  const started = performance.now();
  const { today, plan, ids, picked } = options;
  const run = new LivingRun(services, options.seed, today);
  try {
    run.at(today, '08:40');
    await setUpCommission(run);
    const tribunal = await createStaff(run);
    const slots = new HearingSlots(tribunal);
    // oldest first, so the calendar fills in the order a clerk would have booked it
    const order = [...picked.keys()].sort((a, b) => (plan[a]!.decidedOn! < plan[b]!.decidedOn! ? -1 : plan[a]!.decidedOn! > plan[b]!.decidedOn! ? 1 : a - b));
    const byStory: Partial<Record<Story, number>> = {};
    const told: { id: number; story: Story }[] = [];
    for (const i of order) {
      const story = picked.get(i)!;
      const c = await loadCase(run, ids[i]!, tribunal);
      const upcomingIndex = byStory[story] ?? 0;
      await tell(story, { run, c, slots, today, plannedClose: plan[i]!.closedOn, upcomingIndex });
      byStory[story] = upcomingIndex + 1;
      told.push({ id: c.id, story });
    }
    // Today: what is overdue becomes a warning; one unpaid award goes to court, one ignored order to the police.
    run.at(today, '16:00');
    await run.call('warnings.refresh', {});
    for (const t of told.filter((t) => t.story === 'closedAward').reverse()) {
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
    };
  } finally {
    removeScratch(run);
    run.restore();
  }
}
