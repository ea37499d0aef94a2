/**
 * Fills a data folder with deterministic synthetic cases (npm run demo, the bench, tests).
 * Every case goes through the real, validated service calls (收案, 受理/不予受理, 补正, 送达) in date
 * order with the service clock moved to that day, so numbering, deadlines and timelines are what
 * the app itself would produce. Only the later stages (快审/快结/结案), which have no service yet,
 * are written directly in one batch UPDATE, followed by the app's own next-due computation.
 */
import { eq, sql } from 'drizzle-orm';
import type { ClosingMethod, MethodInput, MethodName } from '../../core/contract';
import { addDays, todayInChina } from '../../core/dates';
import { refreshNextDue } from '../cases/caseClock';
import { closingVerdict } from '../closing/closingService';
import { cases } from '../../../db/schema';
import type { Services } from '../createServices';
import { dispatch } from '../dispatch';
import { systemCaller } from '../caller';
import { appendEvent } from '../timeline';
import { CLOSING_METHODS, MATERIALS, REJECTION_REASONS } from './names';
import { Rng } from './random';
import { scheduleAll, type CaseSchedule } from './schedule';
import { DemoWorld } from './world';
import { LIVING_CASES, pickLivingCases, runLivingDemo, type LivingSummary } from './living';

export const DEFAULT_DEMO_SEED = 20_260_101;

export type DemoOptions = {
  cases: number;
  seed?: number;
  /** 'YYYY-MM-DD' (China); received dates go back about 18 months from here. Default: today. */
  today?: string;
  onProgress?: (progress: { done: number; total: number; casesCreated: number }) => void;
  /** How many recent cases live through every stage (living/); 0 = the fast path only. */
  living?: number;
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
  living: LivingSummary | null;
};

type Event = { date: string; order: number; index: number; run: () => Promise<void> };

/** 代表人推举书 only makes sense for a collective case. */
function nonCollective(materials: string[]): string[] {
  const list = materials.filter((m) => m !== '代表人推举书');
  return list.length ? list : ['考勤记录'];
}

/** 08:30 China time on `date` plus `seconds`. */
function chinaTime(date: string, seconds: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, 30) + seconds * 1000);
}

export async function generateDemo(services: Services, options: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const { ctx } = services;
  const count = Math.max(0, Math.floor(options.cases));
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const today = options.today ?? todayInChina(ctx.now());

  // The services read ctx.now() on every call: point it at our clock while generating.
  const originalNow = ctx.now;
  let current = chinaTime(today, 0);
  ctx.now = () => new Date(current.getTime());

  const timings: DemoSummary['timings'] = {};
  async function call<M extends MethodName>(name: M, input: MethodInput<M>, index: number) {
    const t0 = performance.now();
    const result = await dispatch(services.handlers, name, input, systemCaller(services.ctx.host, '演示数据'));
    const entry = (timings[name] ??= { calls: 0, ms: 0 });
    entry.calls++;
    entry.ms += performance.now() - t0;
    if (!result.ok) throw new Error(`演示数据第${index + 1}件（${name}）失败：${result.error.message}`);
    return result.value as { id: number };
  }

  try {
    const plan = scheduleAll(Rng.derive(seed, 'schedule'), ctx.calendar, today, count);
    const world = new DemoWorld(seed, count, today);
    const texts = Rng.derive(seed, 'texts');
    const bigCase = count >= 100 ? Math.floor(count * 0.37) : -1;
    const firstCollective = count >= 3 ? 2 : -1;

    const ids: number[] = new Array(count);
    const firstNames: string[] = new Array(count);
    const collective: boolean[] = new Array(count);
    const events: Event[] = [];
    plan.forEach((s, index) => {
      const materials = texts.sample(MATERIALS, texts.int(1, 3));
      const promiseDays = texts.int(3, 10);
      const reason = texts.pick(REJECTION_REASONS);
      events.push({
        date: s.receivedOn,
        order: 0,
        index,
        run: async () => {
          const input = world.caseInput(index, s.receivedOn, {
            collective: index === bigCase || index === firstCollective ? true : undefined,
            workerCount: index === bigCase ? 300 : undefined,
          });
          firstNames[index] = input.workers[0]!.name;
          collective[index] = input.workers.length >= 10;
          ids[index] = (await call('cases.create', input, index)).id;
        },
      });
      if (s.outcome === 'rejected')
        events.push({
          date: s.decidedOn!,
          order: 1,
          index,
          run: async () => void (await call('cases.reject', { id: ids[index]!, rejectedOn: s.decidedOn!, reason }, index)),
        });
      else if (s.outcome !== 'received')
        events.push({
          date: s.decidedOn!,
          order: 1,
          index,
          run: async () =>
            void (await call(
              'cases.accept',
              {
                id: ids[index]!,
                acceptedOn: s.decidedOn!,
                withGaps: s.withGaps
                  ? { materials: collective[index] ? materials : nonCollective(materials), promise: `申请人${firstNames[index]}书面承诺于${promiseDays}个工作日内补齐上述材料` }
                  : null,
              },
              index,
            )),
        });
      if (s.completedOn)
        events.push({
          date: s.completedOn,
          order: 2,
          index,
          run: async () => void (await call('cases.completeMaterials', { id: ids[index]!, completedOn: s.completedOn! }, index)),
        });
      if (s.servedOn)
        events.push({
          date: s.servedOn,
          order: 3,
          index,
          run: async () => void (await call('cases.recordService', { id: ids[index]!, servedOn: s.servedOn! }, index)),
        });
    });
    events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.index - b.index));

    // Spread each day's calls over the office hours (08:30–17:30) so timeline times look real.
    const perDay = new Map<string, number>();
    for (const e of events) perDay.set(e.date, (perDay.get(e.date) ?? 0) + 1);
    let day = '';
    let slot = 0;
    let created = 0;
    const every = Math.max(1, Math.floor(events.length / 100));
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      if (e.date !== day) {
        day = e.date;
        slot = 0;
      }
      const step = Math.min(120, Math.floor((9 * 3600) / perDay.get(day)!));
      current = chinaTime(day, slot++ * step);
      await e.run();
      if (e.order === 0) created++;
      if (options.onProgress && (i % every === 0 || i === events.length - 1))
        options.onProgress({ done: i + 1, total: events.length, casesCreated: created });
    }

    current = chinaTime(today, 9 * 3600);
    // The living cases leave the fast path here and go through every stage's services afterwards.
    const picked = pickLivingCases(services, plan, ids, today, options.living ?? LIVING_CASES);
    const fastPlan = plan.map((s, i) => (picked.has(i) ? { ...s, outcome: 'mediation' as const } : s));
    const closingRng = Rng.derive(seed, 'closing');
    const closings = advanceStages(services, fastPlan, ids, Rng.derive(seed, 'stages'), closingRng);
    recordClosings(services, closings, closingRng);
    const living = picked.size ? await runLivingDemo(services, { seed, today, plan, ids, picked }) : null;
    return { ...summarise(services, timings, performance.now() - started), living };
  } finally {
    ctx.now = originalNow;
  }
}

/**
 * 快审 / 快结 / 结案 have no service yet: one UPDATE sets stage, status, closed_on and extensions for
 * every such case, timeline events record each step, and next_due_on is recomputed by the app.
 */
function advanceStages(services: Services, plan: CaseSchedule[], ids: number[], rng: Rng, closingRng: Rng): Closing[] {
  const { ctx } = services;
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const rows = plan
    .map((s, i) => ({ s, id: ids[i]! }))
    .filter(({ s }) => s.outcome === 'hearing' || s.outcome === 'closing' || s.outcome === 'closed');
  if (!rows.length) return [];
  // How each closed case ended (drawn in the same order as before, so the stream is unchanged).
  const endings = new Map<number, string>();
  for (const { s, id } of rows) {
    if (!s.closedOn) continue;
    const text = rng.weighted(CLOSING_METHODS);
    // Some heard cases end because the applicant did not appear (Law Art 36): own stream.
    endings.set(id, s.hearingOn && closingRng.chance(0.08) ? DEEMED_WITHDRAWAL : text);
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
      if (s.hearingOn)
        appendEvent(tx, at(s.hearingOn, 10), {
          caseId: id,
          action: 'case.stageChanged',
          summary: '转入快审：调解未果，已排期开庭',
          before: { stage: 'mediation' },
          after: { stage: 'hearing' },
        });
      if (s.extensionDays)
        appendEvent(tx, at(s.hearingOn ?? s.decidedOn!, 15), {
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
          before: { stage: s.hearingOn ? 'hearing' : 'mediation' },
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
    .map(({ s, id }) => ({ id, s, method: CLOSING_METHOD_OF[endings.get(id)!] ?? 'mediation' }));
}

type Closing = { id: number; s: CaseSchedule; method: ClosingMethod };

const DEEMED_WITHDRAWAL = '申请人经书面通知无正当理由拒不到庭，按撤回仲裁申请处理';

/** The demo's closing texts (names.ts) and the closing method each one means. */
const CLOSING_METHOD_OF: Record<string, ClosingMethod> = {
  '调解结案，当庭出具仲裁调解书': 'mediation',
  '仲裁裁决结案（终局裁决）': 'finalAward',
  '仲裁裁决结案': 'nonFinalAward',
  '申请人撤回仲裁申请（被申请人已支付工资）': 'withdrawal',
  [DEEMED_WITHDRAWAL]: 'deemedWithdrawal',
  '先行调解，监察执法督促支付后结案': 'mediation',
};

/**
 * 快结 facts for closed demo cases, as the closing service records them (closingVerdict): closing
 * method, on time against the award period (with extension) and the fast-track target, days to
 * close from the clock start; payments to the workers (mediation and withdrawal: paid at closing; awards: paid later, in
 * part, or not at all); unpaid awards raise a warning, some later resolved by an enforcement
 * application or a police transfer. Deterministic (own random stream); batch SQL, no service.
 */
function recordClosings(services: Services, closings: Closing[], rng: Rng): void {
  if (!closings.length) return;
  const { ctx } = services;
  const today = todayInChina(ctx.now());
  const createdAt = ctx.now().toISOString();
  type Fields = { id: number; method: ClosingMethod; onTime: number; fast: number | null; days: number };
  const fields: Fields[] = [];
  const paid: { id: number; pct: number; paidAt: string }[] = [];
  const warned: { id: number; raisedOn: string; resolvedOn: string | null; resolution: string | null; detail: string }[] = [];
  ctx.db.transaction((tx) => {
    for (const c of closings) {
      const closedOn = c.s.closedOn!;
      const method = c.method;
      // The closing service's own verdict: same clock, same on-time and fast-track rules.
      const row = tx.select().from(cases).where(eq(cases.id, c.id)).get()!;
      const verdict = closingVerdict(ctx, tx, row, closedOn);
      fields.push({
        id: c.id,
        method,
        onTime: verdict.closedOnTime ? 1 : 0,
        fast: verdict.closedWithinFastTrack === null ? null : verdict.closedWithinFastTrack ? 1 : 0,
        days: verdict.daysToClose,
      });
      if (method === 'mediation' || method === 'withdrawal') {
        const pct = method === 'withdrawal' ? 100 : rng.weighted<number>([[100, 60], [90, 15], [80, 15], [60, 10]]);
        paid.push({ id: c.id, pct, paidAt: `${closedOn}T${rng.pick(['10:30', '11:15', '15:40', '16:20'])}` });
      } else if (method === 'finalAward' || method === 'nonFinalAward') {
        const payOn = addDays(closedOn, rng.int(10, 40));
        const roll = rng.float();
        const pct = roll < 0.6 ? 100 : roll < 0.8 ? 50 : 0;
        if (pct > 0 && payOn <= today) paid.push({ id: c.id, pct, paidAt: `${payOn}T14:00` });
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
    tx.run(sql`
      update cases set
        closing_method = j.value ->> 'method',
        closed_on_time = j.value ->> 'onTime',
        closed_within_fast_track = j.value ->> 'fast',
        days_to_close = j.value ->> 'days'
      from json_each(${JSON.stringify(fields)}) j
      where cases.id = j.value ->> 'id'`);
    tx.run(sql`
      insert into payments (case_id, worker_id, amount_fen, paid_at, method, reference, created_at)
      select w.case_id, w.id, max(1, cast(round(w.owed_fen * (j.value ->> 'pct') / 100.0) as integer)), j.value ->> 'paidAt',
        'bankTransfer', 'DEMO' || printf('%08d', w.id), ${createdAt}
      from json_each(${JSON.stringify(paid)}) j join workers w on w.case_id = j.value ->> 'id'
      order by w.case_id, w.sort_order`);
    tx.run(sql`
      insert into warnings (case_id, kind, subject, raised_on, detail, resolved_on, resolution)
      select j.value ->> 'id', 'awardUnpaid', 'demo-award', j.value ->> 'raisedOn', j.value ->> 'detail', j.value ->> 'resolvedOn', j.value ->> 'resolution'
      from json_each(${JSON.stringify(warned)}) j`);
  });
}

function summarise(services: Services, timings: DemoSummary['timings'], elapsedMs: number): Omit<DemoSummary, 'living'> {
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
