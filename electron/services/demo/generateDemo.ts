/**
 * Fills a data folder with deterministic synthetic cases (npm run demo, the bench, tests).
 * Every case goes through the real, validated service calls (收案, 受理/不予受理, 补正, 送达) in date
 * order with the service clock moved to that day, so numbering, deadlines and timelines are what
 * the app itself would produce. Only the later stages (快审/快结/结案), which have no service yet,
 * are written directly in one batch UPDATE, followed by the app's own next-due computation.
 */
import { sql } from 'drizzle-orm';
import type { MethodInput, MethodName } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { refreshNextDue } from '../cases/caseClock';
import type { Services } from '../createServices';
import { dispatch } from '../dispatch';
import { appendEvent } from '../timeline';
import { CLOSING_METHODS, MATERIALS, REJECTION_REASONS } from './names';
import { Rng } from './random';
import { scheduleAll, type CaseSchedule } from './schedule';
import { DemoWorld } from './world';

export const DEFAULT_DEMO_SEED = 20_260_101;

export type DemoOptions = {
  cases: number;
  seed?: number;
  /** 'YYYY-MM-DD' (China); received dates go back about 18 months from here. Default: today. */
  today?: string;
  onProgress?: (progress: { done: number; total: number; casesCreated: number }) => void;
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
    const result = await dispatch(services.handlers, name, input);
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
    advanceStages(services, plan, ids, Rng.derive(seed, 'stages'));
    return summarise(services, timings, performance.now() - started);
  } finally {
    ctx.now = originalNow;
  }
}

/**
 * 快审 / 快结 / 结案 have no service yet: one UPDATE sets stage, status, closed_on and extensions for
 * every such case, timeline events record each step, and next_due_on is recomputed by the app.
 */
function advanceStages(services: Services, plan: CaseSchedule[], ids: number[], rng: Rng): void {
  const { ctx } = services;
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);
  const rows = plan
    .map((s, i) => ({ s, id: ids[i]! }))
    .filter(({ s }) => s.outcome === 'hearing' || s.outcome === 'closing' || s.outcome === 'closed');
  if (!rows.length) return;
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
          summary: `结案：${rng.weighted(CLOSING_METHODS)}`,
          before: { status: 'accepted' },
          after: { status: 'closed', closedOn: s.closedOn },
        });
      refreshNextDue(ctx, tx, id);
    }
  });
}

function summarise(services: Services, timings: DemoSummary['timings'], elapsedMs: number): DemoSummary {
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
