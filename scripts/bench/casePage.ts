/** The case page (cases.get) of the largest case and related cases (cases.related), each beside the raw replay of its SQL. */
import { sql } from 'drizzle-orm';
import type { MethodInput, MethodName } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { call, captureStatements, floorNote, printTable, replayer, scans, timeRuns, type Row } from './measure';

export async function benchCasePage(services: Services, runs: number): Promise<void> {
  const db = services.ctx.db;
  const client = db.$client;
  const largest = db.get<{ id: number; n: number }>(sql`select id, worker_count as n from cases order by worker_count desc, id limit 1`)!;
  const of300 = db.get<{ id: number; n: number }>(sql`
    select id, worker_count as n from cases where worker_count <= 300 order by worker_count desc, id limit 1`)!;
  const busy = db.get<{ id: number; n: number }>(sql`
    select r.case_id as id, (select count(*) from case_respondents x where x.organisation_id = r.organisation_id) as n from case_respondents r
    where r.organisation_id = (select organisation_id from case_respondents group by organisation_id order by count(*) desc limit 1)
    order by r.case_id desc limit 1`)!;

  const rows: Row[] = [];
  const plans: string[] = [];
  const measure = async <M extends MethodName>(label: string, name: M, input: MethodInput<M>, goal: string, describe: (v: unknown) => string) => {
    let last: unknown = await call(services, name, input);
    const timing = await timeRuns(runs, async () => (last = await call(services, name, input)));
    const statements = await captureStatements(client, () => call(services, name, input));
    const floor = await timeRuns(runs, replayer(client, statements));
    for (const flag of scans(client, statements)) plans.push(`${label}: ${flag}`);
    rows.push({ label, median: timing.median, p95: timing.p95, floor: floor.median, goal, result: describe(last) });
  };
  await measure(`cases.get（${largest.n}名申请人）`, 'cases.get', { id: largest.id }, '≤100', (v) => {
    const detail = v as { workers: { claims: unknown[] }[]; events: unknown[] };
    return `${detail.workers.length} 名申请人，${detail.workers.reduce((n, w) => n + w.claims.length, 0)} 项请求，${detail.events.length} 条时间线`;
  });
  await measure(`cases.related（${of300.n}名申请人）`, 'cases.related', { id: of300.id }, '≤50', (v) => `${(v as unknown[]).length} 件相关`);
  await measure(`cases.related（被申请人涉${busy.n}件）`, 'cases.related', { id: busy.id }, '≤50', (v) => `${(v as unknown[]).length} 件相关`);
  printTable(`案件页与相关案件（经 dispatch，每项 ${runs} 次，另 3 次预热；毫秒）`, rows);
  floorNote('同一调用实际执行的 SQL（同样的参数），预编译后直接用 better-sqlite3 执行');
  console.log(plans.length ? `  ⚠ 全表扫描：\n    ${plans.join('\n    ')}` : '  查询计划：cases / workers 无全表扫描');
}
