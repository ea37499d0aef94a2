import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, openTestServices } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { ratePct, round1, yearEarlier } from '../../electron/services/dashboard/period';

/**
 * The dashboard reads daily figures that triggers keep (daily_received, daily_closed, daily_paid).
 * On a demo folder — every case through the services, closings and payments as the demo writes
 * them — the figures must equal a full recount over cases and payments, before and after rows are
 * changed and deleted.
 */
const TODAY = '2026-11-20';
let s: Services;

beforeAll(async () => {
  s = openTestServices(undefined, `${TODAY}T02:00:00Z`);
  // a few living cases too: their payments, closings and awards come through the services, not the batch
  await generateDemo(s, { cases: 400, seed: 11, today: TODAY, living: 8 });
}, 300_000);
afterAll(() => s.close());

type Row = Record<string, unknown>;
const all = (q: ReturnType<typeof sql>) => s.ctx.db.all<Row>(q);

/** The daily tables, without days whose figures went back to zero, against a GROUP BY over the source rows. */
function expectDailyTablesEqualRecount() {
  expect(all(sql`select day, cases, workers, claimed_fen from daily_received where cases <> 0 order by day`)).toEqual(
    all(sql`select received_on as day, count(*) as cases, sum(worker_count) as workers, sum(claimed_total_fen) as claimed_fen
      from cases group by 1 order by 1`),
  );
  expect(
    all(sql`select day, closing_method, cases, on_time, within_fast_track, days_sum, days_count, mixed_awards from daily_closed where cases <> 0 order by 1, 2`),
  ).toEqual(
    all(sql`select closed_on as day, coalesce(closing_method, '') as closing_method, count(*) as cases,
        coalesce(sum(closed_on_time = 1), 0) as on_time, coalesce(sum(closed_within_fast_track = 1), 0) as within_fast_track,
        coalesce(sum(days_to_close), 0) as days_sum, count(days_to_close) as days_count, coalesce(sum(award_finality = 'mixed'), 0) as mixed_awards
      from cases where closed_on is not null group by 1, 2 order by 1, 2`),
  );
  expect(all(sql`select day, amount_fen from daily_paid where amount_fen <> 0 order by day`)).toEqual(
    all(sql`select substr(paid_at, 1, 10) as day, sum(amount_fen) as amount_fen from payments group by 1 having sum(amount_fen) <> 0 order by 1`),
  );
}

/** The dashboard's period figures recounted the long way: over every case and payment in the period. */
function recount(from: string, to: string) {
  const one = <T>(q: ReturnType<typeof sql>) => s.ctx.db.get<T>(q)!;
  const received = one<{ n: number; workers: number | null; claimed: number | null }>(sql`
    select count(*) as n, sum(worker_count) as workers, sum(claimed_total_fen) as claimed from cases where received_on between ${from} and ${to}`);
  // an award is split (部分终局) when cases.award_finality says so; it counts in 终局 whichever method was picked
  const closed = one<{ n: number; onTime: number | null; mediated: number | null; fast: number | null; avgDays: number | null; averaged: number; finals: number | null; mixed: number | null; nonFinals: number | null }>(sql`
    select count(*) as n, sum(closed_on_time = 1) as onTime, sum(closing_method in ('mediation', 'withdrawal', 'deemedWithdrawal')) as mediated,
      sum(closed_within_fast_track = 1) as fast, avg(days_to_close) as avgDays, count(days_to_close) as averaged,
      sum(closing_method = 'finalAward' or (closing_method = 'nonFinalAward' and award_finality = 'mixed')) as finals,
      sum(closing_method in ('finalAward', 'nonFinalAward') and award_finality = 'mixed') as mixed,
      sum(closing_method = 'nonFinalAward' and award_finality is not 'mixed') as nonFinals
    from cases where closed_on between ${from} and ${to}`);
  const paid = one<{ n: number | null }>(sql`select sum(amount_fen) as n from payments where substr(paid_at, 1, 10) between ${from} and ${to}`);
  const n = closed.n;
  return {
    received: received.n,
    workers: received.workers ?? 0,
    claimedFen: received.claimed ?? 0,
    recoveredFen: paid.n ?? 0,
    closed: n,
    onTimeRate: round1(ratePct(closed.onTime ?? 0, n) ?? 0),
    mediationRate: round1(ratePct(closed.mediated ?? 0, n) ?? 0),
    avgDaysToClose: closed.avgDays === null ? 0 : round1(closed.avgDays),
    fastTrackShare: round1(ratePct(closed.fast ?? 0, n) ?? 0),
    finalAwards: closed.finals ?? 0,
    mixedAwards: closed.mixed ?? 0,
    nonFinalAwards: closed.nonFinals ?? 0,
    awards: (closed.finals ?? 0) + (closed.nonFinals ?? 0),
    onTimeClosed: closed.onTime ?? 0,
    mediatedOrWithdrawn: closed.mediated ?? 0,
    withinFastTrack: closed.fast ?? 0,
    /** how many cases the average is over (the list 平均结案天数 opens) */
    averaged: closed.averaged,
  };
}

async function expectDashboardEqualsRecount(from: string, to: string) {
  const view = await callApi(s, 'dashboard.get', { from, to });
  const got = (key: string) => view.metrics.find((m) => m.key === key)!.value;
  const want = recount(from, to);
  for (const [key, value] of Object.entries(want)) if (key !== 'averaged') expect(got(key), `${from}…${to} ${key}`).toBe(value);
  const before = recount(yearEarlier(from), yearEarlier(to));
  for (const key of ['received', 'workers', 'claimedFen', 'recoveredFen', 'closed'] as const) {
    expect(view.metrics.find((m) => m.key === key)!.previous, `previous ${key}`).toBe(before[key]);
  }
  // months and closing methods add up to the same recount
  const months = s.ctx.db.all<{ m: string; received: number }>(sql`
    select substr(received_on, 1, 7) as m, count(*) as received from cases where received_on between ${from} and ${to} group by 1`);
  for (const { m, received } of months) expect(view.monthly.find((x) => x.month === m)?.received, m).toBe(received);
  const methods = s.ctx.db.all<{ m: string; n: number }>(sql`
    select closing_method as m, count(*) as n from cases where closed_on between ${from} and ${to} and closing_method is not null group by 1`);
  for (const { m, n } of methods) expect(view.byClosingMethod.find((x) => x.method === m)?.count, m).toBe(n);
  // each count opens a case list of exactly as many cases; each rate the cases of its numerator
  // (调撤率 the mediated or withdrawn ones, not every case closed); the average the cases it averages
  const listed = async (key: string) => {
    const metric = view.metrics.find((m) => m.key === key)!;
    return (await callApi(s, 'cases.search', { ...metric.filter, limit: 1 })).total;
  };
  for (const key of ['finalAwards', 'mixedAwards', 'nonFinalAwards', 'awards', 'closed', 'onTimeClosed', 'mediatedOrWithdrawn', 'withinFastTrack'] as const) {
    expect(await listed(key), `${from}…${to} list of ${key}`).toBe(want[key]);
  }
  expect(await listed('onTimeRate'), `${from}…${to} list of onTimeRate`).toBe(want.onTimeClosed);
  expect(await listed('mediationRate'), `${from}…${to} list of mediationRate`).toBe(want.mediatedOrWithdrawn);
  expect(await listed('fastTrackShare'), `${from}…${to} list of fastTrackShare`).toBe(want.withinFastTrack);
  expect(await listed('avgDaysToClose'), `${from}…${to} list of avgDaysToClose`).toBe(want.averaged);
  // the rest of the closed cases: the lists the other way round add up to every case closed
  const rest = async (filter: Record<string, unknown>) => (await callApi(s, 'cases.search', { closedFrom: from, closedTo: to, ...filter, limit: 1 })).total;
  expect(want.mediatedOrWithdrawn + (await rest({ mediatedOrWithdrawn: false })), `${from}…${to} 调撤 + 非调撤`).toBe(want.closed);
  expect(want.withinFastTrack + (await rest({ closedWithinFastTrack: false })), `${from}…${to} 速裁目标内 + 超出`).toBe(want.closed);
  expect(want.averaged + (await rest({ hasDaysToClose: false })), `${from}…${to} 记有 + 未记结案天数`).toBe(want.closed);
  return view;
}

describe('dashboard daily figures (kept by triggers)', () => {
  it('equal a full recount of the demo folder, and so does every dashboard figure', async () => {
    const span = s.ctx.db.get<{ first: string }>(sql`select min(received_on) as first from cases`)!.first;
    expectDailyTablesEqualRecount();
    const year = await expectDashboardEqualsRecount('2026-01-01', TODAY);
    expect(year.metrics.find((m) => m.key === 'received')!.value).toBeGreaterThan(100);
    expect(year.metrics.find((m) => m.key === 'recoveredFen')!.value).toBeGreaterThan(0);
    await expectDashboardEqualsRecount(span, TODAY);
    await expectDashboardEqualsRecount('2026-03-01', '2026-03-31');
  });

  it('follow every change to cases and payments: updates, moves between days and methods, deletions', async () => {
    const db = s.ctx.db;
    const closed = db.all<{ id: number }>(sql`select id from cases where closed_on is not null order by id limit 3`).map((r) => r.id);
    const open = db.get<{ id: number }>(sql`select id from cases where closed_on is null order by id limit 1`)!.id;
    db.run(sql`update cases set closed_on = '2026-03-03', closing_method = 'finalAward', closed_on_time = 0, days_to_close = 61 where id = ${closed[0]!}`);
    // split awards: one marked on its own, one with its day and method too, one split then whole again
    const awarded = db.all<{ id: number }>(sql`select id from cases where closing_method in ('finalAward', 'nonFinalAward') and id not in (${closed[0]!}, ${closed[1]!}, ${closed[2]!}) order by id limit 3`).map((r) => r.id);
    db.run(sql`update cases set award_finality = 'mixed' where id = ${awarded[0]!}`);
    db.run(sql`update cases set award_finality = 'mixed', closed_on = '2026-03-06', closing_method = 'nonFinalAward' where id = ${awarded[1]!}`);
    db.run(sql`update cases set award_finality = 'mixed' where id = ${awarded[2]!}`);
    db.run(sql`update cases set award_finality = 'final', closing_method = 'finalAward' where id = ${awarded[2]!}`);
    expect(db.get<{ n: number }>(sql`select sum(mixed_awards) as n from daily_closed`)!.n).toBeGreaterThanOrEqual(2);
    db.run(sql`update cases set closed_on = null, closing_method = null, closed_on_time = null, days_to_close = null where id = ${closed[1]!}`);
    db.run(sql`update cases set closed_on = '2026-03-04', closing_method = null, days_to_close = null where id = ${open}`);
    db.run(sql`update cases set received_on = '2026-03-02', worker_count = worker_count + 1, claimed_total_fen = claimed_total_fen + 100 where id = ${closed[2]!}`);
    const payment = db.get<{ id: number }>(sql`select id from payments order by id limit 1`)!.id;
    db.run(sql`update payments set paid_at = '2026-03-05T10:00', amount_fen = amount_fen + 1 where id = ${payment}`);
    db.run(sql`delete from payments where id = ${payment + 1}`);
    // deleting a case removes its payments too (cascade), and both leave the figures
    const withPayments = db.get<{ id: number }>(sql`select case_id as id from payments where id > ${payment + 1} order by id limit 1`)!.id;
    db.run(sql`delete from cases where id = ${withPayments}`);
    expectDailyTablesEqualRecount();
    await expectDashboardEqualsRecount('2026-01-01', TODAY);
    await expectDashboardEqualsRecount('2026-03-01', '2026-03-31');
  });
});
