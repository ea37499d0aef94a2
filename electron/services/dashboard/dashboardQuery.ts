import { sql } from 'drizzle-orm';
import { AppFailure, caseSearchSchema, closingMethods, mediatedOrWithdrawnMethods, type AwardFinalityFilter, type DashboardMetric, type DashboardView } from '../../core/contract';
import type { ServiceContext } from '../context';
import { searchCases } from '../cases/searchCases';
import { changePct, monthsBetween, ratePct, round1, yearEarlier } from './period';

export type Period = { from: string; to: string };

type Figures = {
  received: number;
  workers: number;
  claimedFen: number;
  recoveredFen: number;
  closed: number;
  onTime: number;
  mediatedOrWithdrawn: number;
  withinFastTrack: number;
  avgDays: number | null;
  /** Closed by award with final items: wholly final, or split (部分终局 counts as 终局). */
  finalAwards: number;
  /** Split awards (some items final, some not), also in finalAwards. */
  mixedAwards: number;
  /** Closed by award with no final item. */
  nonFinalAwards: number;
  policeCases: number;
  enforcementCases: number;
  resolvedWarnings: number;
  openWarnings: number;
};

/**
 * The case and warning figures of one period: received and closed from the daily figures the
 * triggers keep (daily_received, daily_closed — one row per day, ~365 for a year), warnings from
 * their small table. No per-case loop, whatever the number of cases.
 */
export function periodFigures(ctx: ServiceContext, { from, to }: Period, recoveredFen: number): Figures {
  const db = ctx.db;
  const received = db.get<{ n: number | null; workers: number | null; claimed: number | null }>(sql`
    select sum(cases) as n, sum(workers) as workers, sum(claimed_fen) as claimed
    from daily_received where day >= ${from} and day <= ${to}`)!;
  const closed = db.get<{
    n: number | null;
    onTime: number | null;
    mediated: number | null;
    fast: number | null;
    daysSum: number | null;
    daysCount: number | null;
    finals: number | null;
    mixed: number | null;
    nonFinals: number | null;
  }>(sql`
    select sum(cases) as n,
      sum(on_time) as onTime,
      sum(case when closing_method in (${sql.join(mediatedOrWithdrawnMethods.map((m) => sql`${m}`), sql`, `)}) then cases end) as mediated,
      sum(within_fast_track) as fast,
      sum(days_sum) as daysSum,
      sum(days_count) as daysCount,
      sum(case when closing_method = 'finalAward' then cases when closing_method = 'nonFinalAward' then mixed_awards end) as finals,
      sum(case when closing_method in ('finalAward', 'nonFinalAward') then mixed_awards end) as mixed,
      sum(case when closing_method = 'nonFinalAward' then cases - mixed_awards end) as nonFinals
    from daily_closed where day >= ${from} and day <= ${to}`)!;
  const warned = db.get<{ police: number; enforcement: number; resolved: number | null; open: number | null }>(sql`
    select
      count(distinct case when resolution = 'police' and resolved_on >= ${from} and resolved_on <= ${to} then case_id end) as police,
      count(distinct case when resolution = 'enforcement' and resolved_on >= ${from} and resolved_on <= ${to} then case_id end) as enforcement,
      sum(resolved_on >= ${from} and resolved_on <= ${to}) as resolved,
      sum(raised_on <= ${to} and (resolved_on is null or resolved_on > ${to})) as open
    from warnings`)!;
  return {
    received: received.n ?? 0,
    workers: received.workers ?? 0,
    claimedFen: received.claimed ?? 0,
    recoveredFen,
    closed: closed.n ?? 0,
    onTime: closed.onTime ?? 0,
    mediatedOrWithdrawn: closed.mediated ?? 0,
    withinFastTrack: closed.fast ?? 0,
    avgDays: closed.daysCount ? (closed.daysSum ?? 0) / closed.daysCount : null,
    finalAwards: closed.finals ?? 0,
    mixedAwards: closed.mixed ?? 0,
    nonFinalAwards: closed.nonFinals ?? 0,
    policeCases: warned.police,
    enforcementCases: warned.enforcement,
    resolvedWarnings: warned.resolved ?? 0,
    openWarnings: warned.open ?? 0,
  };
}

/** Amounts paid per day ('YYYY-MM-DD') within either period, from the daily figures (daily_paid). */
function paidByDay(ctx: ServiceContext, a: Period, b: Period): { d: string; n: number }[] {
  return ctx.db.all<{ d: string; n: number }>(sql`
    select day as d, amount_fen as n from daily_paid
    where ((day >= ${a.from} and day <= ${a.to}) or (day >= ${b.from} and day <= ${b.to})) and amount_fen <> 0`);
}

type MetricDef = {
  key: string;
  label: string;
  unit: DashboardMetric['unit'];
  /** null = not defined for this period (e.g. a rate over no closed cases). */
  value: (f: Figures) => number | null;
  filter: (p: Period) => DashboardMetric['filter'];
};

const receivedFilter = (p: Period) => ({ receivedFrom: p.from, receivedTo: p.to });
const closedFilter = (p: Period) => ({ closedFrom: p.from, closedTo: p.to });
const awardFilter = (awardFinality: AwardFinalityFilter) => (p: Period) => ({ ...closedFilter(p), awardFinality });
// each rate opens the cases it counts (its numerator); the average the cases it averages
const mediatedFilter = (p: Period) => ({ ...closedFilter(p), mediatedOrWithdrawn: true });
const fastTrackFilter = (p: Period) => ({ ...closedFilter(p), closedWithinFastTrack: true });
const averagedFilter = (p: Period) => ({ ...closedFilter(p), hasDaysToClose: true });

/** The formulas, exactly (also printed on the export's figures sheet). */
export const METRIC_FORMULAS: Record<string, string> = {
  received: '收案日期在期间内的案件数（含不予受理）',
  workers: '期间内收案案件的申请人人数之和',
  claimedFen: '期间内收案案件的请求金额之和',
  recoveredFen: '付款时间在期间内的已登记付款金额之和（不论收案时间）',
  closed: '结案日期在期间内的案件数',
  onTimeRate: '按期结案数 ÷ 结案数（按期 = 在法定审理期限内结案，含批准延长）',
  mediationRate: '（调解 + 撤回 + 按撤回处理）结案数 ÷ 结案数',
  avgDaysToClose: '期间内结案案件自受理至结案天数的平均值',
  fastTrackShare: '在速裁目标天数内结案数 ÷ 结案数',
  finalAwards: '结案日期在期间内、裁决含终局事项的案件数（全部终局，及部分终局）',
  mixedAwards: '结案日期在期间内、裁决既有终局事项又有非终局事项（部分终局，分别制作裁决书）的案件数',
  nonFinalAwards: '结案日期在期间内、裁决事项全部为非终局的案件数',
  finalAwardRate: '终局裁决数（含部分终局）÷ 裁决结案数',
  onTimeClosed: '结案日期在期间内且按期结案的案件数',
  mediatedOrWithdrawn: '结案日期在期间内、以调解、撤回或按撤回处理结案的案件数',
  withinFastTrack: '结案日期在期间内、在速裁目标天数内结案的案件数',
  awards: '结案日期在期间内、以裁决结案的案件数（终局 + 非终局，部分终局计一次）',
  policeTransfers: '期间内预警以“移送公安”处置的案件数',
  enforcementApplications: '期间内预警以“申请强制执行”处置的案件数',
  resolvedWarnings: '处置日期在期间内的预警数',
  openWarnings: '期末（截至结束日）已发出且尚未处置的预警数',
  overdue: '当前已超过最近期限的未结案件数',
  dueSoon: '当前 3 日内到期的未结案件数',
};

const DEFS: MetricDef[] = [
  { key: 'received', label: '收案数', unit: 'count', value: (f) => f.received, filter: receivedFilter },
  { key: 'workers', label: '涉及劳动者', unit: 'count', value: (f) => f.workers, filter: receivedFilter },
  { key: 'claimedFen', label: '请求金额', unit: 'fen', value: (f) => f.claimedFen, filter: receivedFilter },
  { key: 'recoveredFen', label: '追回金额', unit: 'fen', value: (f) => f.recoveredFen, filter: () => null },
  { key: 'closed', label: '结案数', unit: 'count', value: (f) => f.closed, filter: closedFilter },
  {
    key: 'onTimeRate',
    label: '按期办结率',
    unit: 'percent',
    value: (f) => ratePct(f.onTime, f.closed),
    filter: (p) => ({ ...closedFilter(p), closedOnTime: true }),
  },
  { key: 'mediationRate', label: '调撤率', unit: 'percent', value: (f) => ratePct(f.mediatedOrWithdrawn, f.closed), filter: mediatedFilter },
  { key: 'avgDaysToClose', label: '平均结案天数', unit: 'days', value: (f) => f.avgDays, filter: averagedFilter },
  { key: 'fastTrackShare', label: '速裁目标内结案占比', unit: 'percent', value: (f) => ratePct(f.withinFastTrack, f.closed), filter: fastTrackFilter },
  { key: 'finalAwards', label: '终局裁决（含部分终局）', unit: 'count', value: (f) => f.finalAwards, filter: awardFilter('final') },
  { key: 'mixedAwards', label: '部分终局裁决', unit: 'count', value: (f) => f.mixedAwards, filter: awardFilter('mixed') },
  { key: 'nonFinalAwards', label: '非终局裁决', unit: 'count', value: (f) => f.nonFinalAwards, filter: awardFilter('nonFinal') },
  {
    key: 'finalAwardRate',
    label: '终局裁决率',
    unit: 'percent',
    value: (f) => ratePct(f.finalAwards, f.finalAwards + f.nonFinalAwards),
    filter: awardFilter('final'),
  },
  // Numerators and denominators of the rates (the rate cards show them; the export lists them).
  { key: 'onTimeClosed', label: '按期结案数', unit: 'count', value: (f) => f.onTime, filter: (p) => ({ ...closedFilter(p), closedOnTime: true }) },
  { key: 'mediatedOrWithdrawn', label: '调撤结案数', unit: 'count', value: (f) => f.mediatedOrWithdrawn, filter: mediatedFilter },
  { key: 'withinFastTrack', label: '速裁目标内结案数', unit: 'count', value: (f) => f.withinFastTrack, filter: fastTrackFilter },
  { key: 'awards', label: '裁决结案数', unit: 'count', value: (f) => f.finalAwards + f.nonFinalAwards, filter: awardFilter('award') },
  { key: 'policeTransfers', label: '移送公安', unit: 'count', value: (f) => f.policeCases, filter: () => null },
  { key: 'enforcementApplications', label: '申请强制执行', unit: 'count', value: (f) => f.enforcementCases, filter: () => null },
  { key: 'resolvedWarnings', label: '预警已处置', unit: 'count', value: (f) => f.resolvedWarnings, filter: () => null },
  { key: 'openWarnings', label: '预警未处置（期末）', unit: 'count', value: (f) => f.openWarnings, filter: () => null },
];

function rounded(unit: DashboardMetric['unit'], value: number | null): number | null {
  if (value === null) return null;
  return unit === 'percent' || unit === 'days' ? round1(value) : value;
}

function checkPeriod({ from, to }: Period): void {
  if (from > to) throw new AppFailure('invalid_input', `开始日期${from}晚于结束日期${to}，请重新选择期间`);
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 20) throw new AppFailure('invalid_input', '统计期间最长20年，请缩短期间');
}

export function getDashboard(ctx: ServiceContext, period: Period): DashboardView {
  const started = performance.now();
  checkPeriod(period);
  const { from, to } = period;
  const previous: Period = { from: yearEarlier(from), to: yearEarlier(to) };
  const db = ctx.db;

  // one read of the daily payment figures (two date ranges) serves both periods and the months.
  const paid = paidByDay(ctx, period, previous);
  const sumIn = (p: Period) => paid.reduce((n, r) => (r.d >= p.from && r.d <= p.to ? n + r.n : n), 0);
  const now = periodFigures(ctx, period, sumIn(period));
  const before = periodFigures(ctx, previous, sumIn(previous));

  const metrics: DashboardMetric[] = DEFS.map((d) => {
    const raw = d.value(now);
    const prevRaw = d.value(before);
    return {
      key: d.key,
      label: d.label,
      // A rate over nothing (no closed case) is shown as 0 with no comparison.
      value: rounded(d.unit, raw) ?? 0,
      previous: rounded(d.unit, prevRaw),
      changePct: changePct(raw, prevRaw),
      unit: d.unit,
      filter: d.filter(period),
    };
  });

  const overdue = searchCases(ctx, caseSearchSchema.parse({ due: 'overdue', limit: 50 }));
  const dueSoon = searchCases(ctx, caseSearchSchema.parse({ due: 'soon', limit: 50 }));
  metrics.push(
    { key: 'overdue', label: '已超期案件', value: overdue.total, previous: null, changePct: null, unit: 'count', filter: { due: 'overdue' } },
    { key: 'dueSoon', label: '3日内到期', value: dueSoon.total, previous: null, changePct: null, unit: 'count', filter: { due: 'soon' } },
  );

  const receivedByMonth = db.all<{ m: string; n: number }>(sql`
    select substr(day, 1, 7) as m, sum(cases) as n from daily_received where day >= ${from} and day <= ${to} group by 1`);
  const closedByMonth = db.all<{ m: string; n: number }>(sql`
    select substr(day, 1, 7) as m, sum(cases) as n from daily_closed where day >= ${from} and day <= ${to} group by 1`);
  const index = (rows: { m: string; n: number }[]) => new Map(rows.map((r) => [r.m, r.n]));
  const [r, c] = [index(receivedByMonth), index(closedByMonth)];
  const p = new Map<string, number>();
  for (const row of paid) if (row.d >= from && row.d <= to) p.set(row.d.slice(0, 7), (p.get(row.d.slice(0, 7)) ?? 0) + row.n);
  const monthly = monthsBetween(from, to).map((month) => ({
    month,
    received: r.get(month) ?? 0,
    closed: c.get(month) ?? 0,
    recoveredFen: p.get(month) ?? 0,
  }));

  const methods = index(
    db.all<{ m: string; n: number }>(sql`
      select closing_method as m, sum(cases) as n from daily_closed
      where day >= ${from} and day <= ${to} and closing_method <> '' group by 1`),
  );
  const byClosingMethod = closingMethods.map((method) => ({ method, count: methods.get(method) ?? 0 }));

  return {
    from,
    to,
    previousFrom: previous.from,
    previousTo: previous.to,
    metrics,
    monthly,
    byClosingMethod,
    overdue: overdue.rows,
    dueSoon: dueSoon.rows,
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
