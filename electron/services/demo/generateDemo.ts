/**
 * Fills a data folder with deterministic synthetic cases (npm run demo, the bench, tests).
 * Every case goes through the real, validated service calls (收案, 受理/不予受理, 补正, 送达) in date
 * order with the service clock moved to that day, so numbering, deadlines, timelines and the search
 * index are what the app itself would produce; the calls share write transactions (steps.ts), so
 * the demo runs at the speed of the disk. Only the later stages (快审/快结/结案) are still written
 * directly in one batch UPDATE, followed by the app's own next-due computation.
 */
import { sql } from 'drizzle-orm';
import type { ClosingMethod } from '../../core/contract';
import type { Procedure } from '../../core/domain';
import { addDays, todayInChina } from '../../core/dates';
import { refreshNextDue } from '../cases/caseClock';
import { readCaseRow } from '../cases/caseRow';
import { closingVerdict } from '../closing/closingService';
import type { Services } from '../createServices';
import { runAs, systemCaller } from '../caller';
import { appendEvent, clientOf } from '../timeline';
import type { AwardFinality } from '../closing/awardFinality';
import type { HearingSlots } from './living/hearings';
import type { Tribunal } from './living/settingsStaff';
import { CLOSING_METHODS } from './names';
import { Rng } from './random';
import { scheduleAll, settleOldCases, type CaseSchedule } from './schedule';
import { DemoWorld } from './world';
import { chinaTime, runSteps } from './steps';
import { withDeferredIndexes } from '../batch';
import { intakeSteps, type DemoCaseState } from './intakeStages';
import { LIVING_CASES, pickLivingCases, runLivingDemo, setUpSettings, setUpTribunal, type LivingSummary } from './living';
import { recordFastMediations, type FastMediation } from './fastMediation';
import { AwardPlanner, recordFastAwards, type AwardPlan, type FastAward } from './fastAward';
import { FastHearings } from './fastHearing';
import { benchesFor, type PlannedHearing } from './hearingBook';
import { recordFastWithdrawals, type FastWithdrawal } from './fastWithdrawal';
import { readMinimumWages } from '../award/awardView';
import { addWorkdays } from './schedule';

export const DEFAULT_DEMO_SEED = 20_260_101;

/** Secondary indexes keyed by values in random order (ID numbers, payment times): built after the load. */
const DEFERRED_INDEXES = ['workers_id_number', 'payments_paid_at'];

export type DemoOptions = {
  cases: number;
  seed?: number;
  /** 'YYYY-MM-DD' (China); received dates go back about 18 months from here. Default: today. */
  today?: string;
  onProgress?: (progress: { done: number; total: number; casesCreated: number }) => void;
  /** How many recent cases live through every stage (living/); 0 = the fast path only. */
  living?: number;
  /** At most this many fast-path hearings a day before the standing tribunal (a test's way to need extra benches at a small size). */
  standingHearingsPerDay?: number;
};

export type DemoSummary = {
  cases: number;
  workers: number;
  distinctWorkers: number;
  collective: number;
  claimedTotalFen: number;
  projects: number;
  organisations: number;
  byStatus: Record<string, number>;
  byStage: Record<string, number>;
  byChannel: Record<string, number>;
  overdue: number;
  acceptedWithGaps: number;
  served: number;
  /** Milliseconds spent per service method, with call counts. */
  timings: Record<string, { calls: number; ms: number }>;
  elapsedMs: number;
  /** The fast path alone (every case filed, decided, served, advanced and closed in batches): wall and CPU time of this process. */
  fastPath: { ms: number; cpuMs: number };
  /** The commission's settings, staff accounts and rooms, made before the fast path closes its cases (fixed cost). */
  setup: { ms: number; cpuMs: number };
  living: LivingSummary | null;
};

/** CPU time (user + system) of this process since `from`, in ms. */
export const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

export async function generateDemo(services: Services, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const { ctx } = services;
  const count = Math.max(0, Math.floor(options.cases));
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const today = options.today ?? todayInChina(ctx.now());

  // The services read ctx.now() on every call: point it at the demo's clock while generating.
  const originalNow = ctx.now;
  let current = chinaTime(today, 0);
  ctx.now = () => new Date(current.getTime());
  try {
    const plan = settleOldCases(scheduleAll(Rng.derive(seed, 'schedule'), ctx.calendar, today, count), Rng.derive(seed, 'settle'), today);
    const world = new DemoWorld(seed, count, today);
    const texts = Rng.derive(seed, 'texts');
    // Collective cases the benchmarks look for: 300 workers (related cases), 1,000 workers (the case page).
    const bigCase = count >= 100 ? Math.floor(count * 0.37) : -1;
    const hugeCase = count >= 1000 ? Math.floor(count * 0.61) : -1;
    const firstCollective = count >= 3 ? 2 : -1;

    const states: DemoCaseState[] = plan.map(() => ({ id: 0, firstWorkerName: '', collective: false }));
    const steps = plan.flatMap((schedule, index) =>
      intakeSteps({ index, schedule, state: states[index]! }, world, texts, {
        collective: index === bigCase || index === hugeCase || index === firstCollective ? true : undefined,
        workerCount: index === bigCase ? 300 : index === hugeCase ? 1000 : undefined,
      }),
    );

    let created = 0;
    const every = Math.max(1, Math.floor(steps.length / 100));
    let ids: number[] = [];
    let picked: ReturnType<typeof pickLivingCases> = new Map();
    let calendar: Awaited<ReturnType<typeof setUpTribunal>> | undefined;
    let setup = { ms: 0, cpuMs: 0 };
    // Indexes on values that arrive in random order are built once at the end (see withDeferredIndexes).
    const timings = await withDeferredIndexes(ctx, DEFERRED_INDEXES, async () => {
      const timings = await runSteps(
        services,
        steps,
        (at) => (current = at),
        (done, total, step) => {
          if (step.order === 0) created++;
          if (options.onProgress && (done % every === 0 || done === total)) options.onProgress({ done, total, casesCreated: created });
        },
      );
      current = chinaTime(today, 9 * 3600);
      ids = states.map((s) => s.id);
      // The living cases leave the fast path here and go through every stage's services afterwards.
      picked = pickLivingCases(services, plan, ids, today, options.living ?? LIVING_CASES);
      const fastPlan = plan.map((s, i) => (picked.has(i) ? { ...s, outcome: 'mediation' as const } : s));
      const closingRng = Rng.derive(seed, 'closing');
      // settings first (the awards read the minimum wage); staff and rooms once the hearings are known,
      // enough benches for them (the fast path's hearings sit on the same calendar as the living ones)
      const setupFrom = { at: performance.now(), cpu: process.cpuUsage() };
      await setUpSettings(services, seed, today);
      setup = { ms: performance.now() - setupFrom.at, cpuMs: cpuMsSince(setupFrom.cpu) };
      const planner = new AwardPlanner(ctx.db, readMinimumWages(ctx.db), Rng.derive(seed, 'awards'));
      // the steps written here without a service are the demo's too: its events name 演示数据
      const caller = systemCaller(ctx.host, '演示数据');
      const closings = runAs(caller, () => advanceStages(services, fastPlan, ids, Rng.derive(seed, 'stages'), closingRng, planner));
      const extra = benchesFor(plannedHearings(services, closings), ctx.calendar, options.standingHearingsPerDay);
      const staffFrom = { at: performance.now(), cpu: process.cpuUsage() };
      calendar = await setUpTribunal(services, seed, today, extra);
      setup = { ms: setup.ms + performance.now() - staffFrom.at, cpuMs: setup.cpuMs + cpuMsSince(staffFrom.cpu) };
      runAs(caller, () => recordClosings(services, closings, closingRng, calendar!, options.standingHearingsPerDay));
      return timings;
    });
    // the commission's settings and staff are a fixed cost (the same at any --cases): reported apart
    const fastPath = { ms: performance.now() - started - setup.ms, cpuMs: cpuMsSince(startedCpu) - setup.cpuMs };
    current = chinaTime(today, 9 * 3600);
    const living = picked.size ? await runLivingDemo(services, { seed, today, plan, ids, picked, ...calendar! }) : null;
    return { ...summarise(services, timings, performance.now() - started), fastPath, setup, living };
  } finally {
    ctx.now = originalNow;
  }
}

/**
 * 快审 / 快结 / 结案 have no service yet: one UPDATE sets stage, status, closed_on and extensions for
 * every such case, timeline events record each step, and next_due_on is recomputed by the app.
 */
function advanceStages(services: Services, plan: CaseSchedule[], ids: number[], rng: Rng, closingRng: Rng, planner: AwardPlanner): Closing[] {
  const { ctx } = services;
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const rows = plan
    .map((s, i) => ({ s, id: ids[i]! }))
    .filter(({ s }) => s.outcome === 'hearing' || s.outcome === 'closing' || s.outcome === 'closed');
  if (!rows.length) return [];
  // How each closed case ended (drawn in the same order as before, so the stream is unchanged).
  const endings = new Map<number, string>();
  // A case closed by award was heard first (the planned hearing, else on the day it moved to 快结)
  // and decided a working day later; its items' finality decides 终局 or not.
  const hearingDay = new Map<number, string>();
  const awardPlans = new Map<number, AwardPlan>();
  for (const { s, id } of rows) {
    if (!s.closedOn) continue;
    const text = rng.weighted(CLOSING_METHODS);
    // Some heard cases end because the applicant did not appear (Law Art 36): own stream.
    const ending = s.hearingOn && closingRng.chance(0.08) ? DEEMED_WITHDRAWAL : text;
    endings.set(id, ending);
    const method = CLOSING_METHOD_OF[ending];
    if (method !== 'finalAward' && method !== 'nonFinalAward') continue;
    const heard = s.hearingOn ?? s.closingOn ?? s.closedOn;
    const decidedOn = [addWorkdays(ctx.calendar, heard, 1), s.closedOn].sort()[0]!;
    const award = planner.plan(id, decidedOn);
    if (!award) continue;
    hearingDay.set(id, heard);
    awardPlans.set(id, award);
    endings.set(id, award.method === 'finalAward' ? AWARD_FINAL : AWARD_NON_FINAL);
  }
  const payload = rows.map(({ s, id }) => {
    const last = s.closedOn ?? s.closingOn ?? s.hearingOn ?? s.decidedOn!;
    return {
      id,
      stage: s.outcome === 'hearing' ? 'hearing' : 'closing',
      status: s.outcome === 'closed' ? 'closed' : 'accepted',
      closedOn: s.closedOn,
      ext: s.extensionDays,
      updatedAt: at(last, 16).toISOString(),
    };
  });
  ctx.db.transaction((tx) => {
    tx.run(sql`
      update cases set
        stage = j.value ->> 'stage',
        status = j.value ->> 'status',
        closed_on = j.value ->> 'closedOn',
        award_extension_days = j.value ->> 'ext',
        updated_at = j.value ->> 'updatedAt'
      from json_each(${JSON.stringify(payload)}) j
      where cases.id = j.value ->> 'id'`);
    for (const { s, id } of rows) {
      const hearingOn = hearingDay.get(id) ?? s.hearingOn;
      if (hearingOn)
        appendEvent(tx, at(hearingOn, 10), {
          caseId: id,
          action: 'case.stageChanged',
          summary: '转入快审：调解未果，已排期开庭',
          before: { stage: 'mediation' },
          after: { stage: 'hearing' },
        });
      if (s.extensionDays)
        appendEvent(tx, at(hearingOn ?? s.decidedOn!, 15), {
          caseId: id,
          action: 'case.extended',
          summary: `案情复杂，经仲裁委员会主任批准延长审理期限${s.extensionDays}日`,
          after: { awardExtensionDays: s.extensionDays },
        });
      if (s.closingOn)
        appendEvent(tx, at(s.closingOn, 11), {
          caseId: id,
          action: 'case.stageChanged',
          summary: '转入快结：制作调解书或裁决书',
          before: { stage: hearingOn ? 'hearing' : 'mediation' },
          after: { stage: 'closing' },
        });
      if (s.closedOn)
        appendEvent(tx, at(s.closedOn, 16), {
          caseId: id,
          action: 'case.closed',
          summary: `结案：${endings.get(id)!}`,
          before: { status: 'accepted' },
          after: { status: 'closed', closedOn: s.closedOn },
        });
      refreshNextDue(ctx, tx, id);
    }
  });
  return rows
    .filter(({ s }) => s.closedOn)
    .map(({ s, id }) => ({ id, s, method: CLOSING_METHOD_OF[endings.get(id)!] ?? 'mediation', hearingOn: hearingDay.get(id) ?? s.hearingOn, award: awardPlans.get(id) ?? null }));
}

/** The hearings recordClosings will hold (awards and deemed withdrawals), in its order, with what it places them by. */
function plannedHearings(services: Services, closings: Closing[]): PlannedHearing[] {
  const heard = closings.filter((c) => c.award || c.method === 'deemedWithdrawal');
  const facts = new Map(
    services.ctx.db
      .all<{ id: number; procedure: Procedure; earliest: string }>(
        sql`select id, procedure, coalesce(accepted_on, received_on) as earliest from cases where id in (select value from json_each(${JSON.stringify(heard.map((c) => c.id))}))`,
      )
      .map((r) => [r.id, r]),
  );
  return heard.map((c) => {
    const f = facts.get(c.id)!;
    return { id: c.id, procedure: f.procedure, day: c.hearingOn ?? c.s.closedOn!, earliest: f.earliest, latest: c.award?.decidedOn ?? c.s.closedOn! };
  });
}

type Closing = { id: number; s: CaseSchedule; method: ClosingMethod; hearingOn: string | null; award: AwardPlan | null };

const DEEMED_WITHDRAWAL = '申请人经书面通知无正当理由拒不到庭，按撤回仲裁申请处理';
const AWARD_FINAL = '仲裁裁决结案（终局裁决）';
const AWARD_NON_FINAL = '仲裁裁决结案';

/** The demo's closing texts (names.ts) and the closing method each one means. */
const CLOSING_METHOD_OF: Record<string, ClosingMethod> = {
  '调解结案，当庭出具仲裁调解书': 'mediation',
  [AWARD_FINAL]: 'finalAward',
  [AWARD_NON_FINAL]: 'nonFinalAward',
  '申请人撤回仲裁申请（被申请人已支付工资）': 'withdrawal',
  [DEEMED_WITHDRAWAL]: 'deemedWithdrawal',
  '先行调解，监察执法督促支付后结案': 'mediation',
};

/**
 * 快结 facts for closed demo cases, as the closing service records them (closingVerdict): closing
 * method and what it rests on, as the services record it — 调解结案 with its session, agreement and
 * signatures (fastMediation.ts); 裁决结案 with the tribunal, the hearing held and the award issued
 * (fastHearing.ts, fastAward.ts); 撤回 with the application (fastWithdrawal.ts); 视为撤回 with the
 * hearing the applicant stayed away from — on time against the award period (with extension) and
 * the fast-track target, days to close from the clock start; payments to the workers (mediation and
 * withdrawal: paid at closing; awards: a share of what was awarded, paid later, in part, or not at
 * all); unpaid awards raise a warning, some later resolved by an enforcement application or a
 * police transfer. Deterministic (own random streams); batch SQL and prepared statements, no service.
 */
function recordClosings(services: Services, closings: Closing[], rng: Rng, calendar: { tribunal: Tribunal; slots: HearingSlots }, standingPerDay?: number): void {
  if (!closings.length) return;
  const { ctx } = services;
  const today = todayInChina(ctx.now());
  const createdAt = ctx.now().toISOString();
  type Fields = { id: number; method: ClosingMethod; finality: AwardFinality | null; onTime: number; fast: number | null; days: number };
  const fields: Fields[] = [];
  // what each worker is paid a share of: the agreement (mediation), the award, or what is owed
  const paid: { id: number; pct: number; paidAt: string; basis: 'agreed' | 'awarded' | 'owed' }[] = [];
  const mediations: FastMediation[] = [];
  const withdrawals: FastWithdrawal[] = [];
  const awards: FastAward[] = [];
  let overflow = 0;
  const at = (date: string) => (hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const warned: { id: number; raisedOn: string; resolvedOn: string | null; resolution: string | null; detail: string }[] = [];
  ctx.db.transaction((tx) => {
    const hearings = new FastHearings(ctx, tx, calendar.tribunal, calendar.slots, standingPerDay);
    const projectName = clientOf(tx).prepare(`select name from projects where id = ?`).pluck();
    for (const c of closings) {
      const closedOn = c.s.closedOn!;
      const method = c.method;
      // The closing service's own verdict: same clock, same on-time and fast-track rules.
      const row = readCaseRow(ctx, c.id)!;
      const verdict = closingVerdict(ctx, tx, row, closedOn);
      // 裁决结案 and 视为撤回 rest on a hearing held; the award follows it (fastAward.ts)
      if (c.award || method === 'deemedWithdrawal') {
        const defaulted = !!c.award && c.id % 7 === 0;
        const held = hearings.hold(
          { id: c.id, procedure: row.procedure, day: c.hearingOn ?? closedOn, earliest: row.acceptedOn ?? row.receivedOn, latest: c.award?.decidedOn ?? closedOn, applicantPresent: !c.award ? false : true, respondentPresent: !defaulted },
          (date, hour) => at(date)(hour),
        );
        if (c.award) {
          const project = row.projectId ? (projectName.get(row.projectId) as string | undefined) ?? null : null;
          awards.push({ id: c.id, plan: c.award, acceptedOn: row.acceptedOn ?? row.receivedOn, hearingOn: held.heldOn, applicants: held.applicants, workerCount: row.workerCount, project, defaulted, at: (date, hour) => at(date)(hour) });
        }
      }
      if (method === 'withdrawal') withdrawals.push({ id: c.id, appliedOn: closedOn, at: at(closedOn) });
      fields.push({
        id: c.id,
        method,
        finality: c.award?.finality ?? null,
        onTime: verdict.closedOnTime ? 1 : 0,
        fast: verdict.closedWithinFastTrack === null ? null : verdict.closedWithinFastTrack ? 1 : 0,
        days: verdict.daysToClose,
      });
      if (method === 'mediation' || method === 'withdrawal') {
        const pct = method === 'withdrawal' ? 100 : rng.weighted<number>([[100, 60], [90, 15], [80, 15], [60, 10]]);
        paid.push({ id: c.id, pct, paidAt: `${closedOn}T${rng.pick(['10:30', '11:15', '15:40', '16:20'])}`, basis: method === 'mediation' ? 'agreed' : 'owed' });
        if (method === 'mediation') mediations.push({ id: c.id, closedOn, pct, at: at(closedOn) });
      } else if (method === 'finalAward' || method === 'nonFinalAward') {
        const payOn = addDays(closedOn, rng.int(10, 40));
        const roll = rng.float();
        const pct = roll < 0.6 ? 100 : roll < 0.8 ? 50 : 0;
        if (pct > 0 && payOn <= today) paid.push({ id: c.id, pct, paidAt: `${payOn}T14:00`, basis: c.award ? 'awarded' : 'owed' });
        const raisedOn = addDays(closedOn, 30);
        if ((pct < 100 || payOn > today) && raisedOn <= today) {
          const resolvedOn = addDays(raisedOn, rng.int(5, 40));
          const resolution = resolvedOn <= today ? rng.weighted<string | null>([['enforcement', 45], ['police', 15], ['dismissed', 10], [null, 30]]) : null;
          warned.push({
            id: c.id,
            raisedOn,
            resolvedOn: resolution ? resolvedOn : null,
            resolution,
            detail: pct > 0 ? '裁决书已生效，被申请人仅履行部分，余款逾期未付' : '裁决书已生效，被申请人逾期未履行',
          });
        }
      }
    }
    // 调解结案: the session, the agreement and both signatures, as the mediation services record them.
    recordFastMediations(ctx, tx, mediations);
    // 裁决结案: the award on its day; 撤回: the application the decision rests on
    recordFastAwards(tx, awards);
    recordFastWithdrawals(tx, withdrawals);
    overflow = hearings.overflow;
    tx.run(sql`
      update cases set
        closing_method = j.value ->> 'method',
        award_finality = j.value ->> 'finality',
        closed_on_time = j.value ->> 'onTime',
        closed_within_fast_track = j.value ->> 'fast',
        days_to_close = j.value ->> 'days'
      from json_each(${JSON.stringify(fields)}) j
      where cases.id = j.value ->> 'id'`);
    tx.run(sql`
      insert into payments (case_id, worker_id, amount_fen, paid_at, method, reference, created_at)
      select case_id, worker_id, amount, paid_at, 'bankTransfer', 'DEMO' || printf('%08d', worker_id), ${createdAt}
      from (
        select w.case_id, w.id as worker_id, j.value ->> 'paidAt' as paid_at, w.sort_order,
          case j.value ->> 'basis'
            when 'agreed' then (select coalesce(sum(si.agreed_fen), 0) from settlement_items si where si.case_id = w.case_id and si.worker_id = w.id)
            when 'awarded' then cast(round((select coalesce(sum(ai.awarded_fen), 0) from award_items ai join claim_items ci on ci.id = ai.claim_item_id where ci.worker_id = w.id) * (j.value ->> 'pct') / 100.0) as integer)
            else max(1, cast(round(w.owed_fen * (j.value ->> 'pct') / 100.0) as integer)) end as amount
        from json_each(${JSON.stringify(paid)}) j join workers w on w.case_id = j.value ->> 'id')
      -- a mediated case pays each worker what was agreed (settlement_items), on the spot; an award, its share of what was awarded
      where amount > 0
      order by case_id, sort_order`);
    tx.run(sql`
      insert into warnings (case_id, kind, subject, raised_on, detail, resolved_on, resolution)
      select j.value ->> 'id', 'awardUnpaid', 'demo-award', j.value ->> 'raisedOn', j.value ->> 'detail', j.value ->> 'resolvedOn', j.value ->> 'resolution'
      from json_each(${JSON.stringify(warned)}) j`);
    // One chained event takes the rows this batch wrote (closing facts, payments, warnings), so the
    // audit chain covers them like any service's writes.
    appendEvent(tx, ctx.now(), {
      caseId: null,
      action: 'demo.closingsRecorded',
      summary: `演示数据：登记${fields.length}件已结案件的结案情况（其中调解结案${mediations.length}件、裁决结案${awards.length}件、撤回仲裁申请${withdrawals.length}件，调解书、裁决书和撤回决定书可在文书页生成）、${paid.length}件的付款和${warned.length}条裁决未履行预警${overflow ? `；${overflow}次开庭因排期已满安排在晚间19时35分` : ''}`,
      after: { cases: fields.length, paid: paid.length, warnings: warned.length, awards: awards.length, withdrawals: withdrawals.length, hearingsBeforeList: overflow },
    });
  });
}

function summarise(services: Services, timings: DemoSummary['timings'], elapsedMs: number): Omit<DemoSummary, 'living' | 'fastPath' | 'setup'> {
  const db = services.ctx.db;
  const today = todayInChina(services.ctx.now());
  const one = (q: ReturnType<typeof sql>) => Number(db.get<{ n: number }>(q)?.n ?? 0);
  const grouped = (column: 'status' | 'stage' | 'channel') =>
    Object.fromEntries(
      db.all<{ k: string; n: number }>(sql`select ${sql.raw(column)} as k, count(*) as n from cases group by 1 order by 2 desc`).map((r) => [r.k, r.n]),
    );
  return {
    cases: one(sql`select count(*) as n from cases`),
    workers: one(sql`select count(*) as n from workers`),
    distinctWorkers: one(sql`select count(distinct id_number) as n from workers`),
    collective: one(sql`select count(*) as n from cases where is_collective = 1`),
    claimedTotalFen: one(sql`select coalesce(sum(claimed_total_fen), 0) as n from cases`),
    projects: one(sql`select count(*) as n from projects`),
    organisations: one(sql`select count(*) as n from organisations`),
    byStatus: grouped('status'),
    byStage: grouped('stage'),
    byChannel: grouped('channel'),
    overdue: one(sql`select count(*) as n from cases where next_due_on < ${today}`),
    acceptedWithGaps: one(sql`select count(*) as n from cases where accepted_with_gaps = 1`),
    served: one(sql`select count(*) as n from cases where respondent_served_on is not null`),
    timings,
    elapsedMs,
  };
}
