/** dashboard.get for this year and for the whole span of the folder, beside the raw replay of its SQL; one export. */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Services } from '../../electron/services/createServices';
import { call, captureStatements, floorNote, printTable, replayer, scans, timePaired, timeRuns, type Row } from './measure';

export async function benchDashboard(services: Services, runs: number, exportToo: boolean): Promise<void> {
  const db = services.ctx.db;
  const client = db.$client;
  const today = (await call(services, 'app.info', {})).today;
  const first = db.get<{ d: string }>(sql`select min(received_on) as d from cases`)!.d;
  const periods = [
    { label: `dashboard.get 本年（${today.slice(0, 4)}-01-01 至 ${today}）`, from: `${today.slice(0, 4)}-01-01`, to: today, goal: '≤100' },
    { label: `dashboard.get 全部（${first} 至 ${today}）`, from: first, to: today, goal: '≤150' },
  ];
  const rows: Row[] = [];
  const plans: string[] = [];
  for (const p of periods) {
    const input = { from: p.from, to: p.to };
    let view = await call(services, 'dashboard.get', input);
    const timing = await timeRuns(runs, async () => (view = await call(services, 'dashboard.get', input)));
    const statements = await captureStatements(client, () => call(services, 'dashboard.get', input));
    const floor = await timeRuns(runs, replayer(client, statements));
    for (const flag of scans(client, statements)) plans.push(`${p.label}: ${flag}`);
    const m = (k: string) => view.metrics.find((x) => x.key === k)?.value ?? 0;
    rows.push({
      label: p.label,
      median: timing.median,
      p95: timing.p95,
      floor: floor.median,
      goal: p.goal,
      result: `收案 ${m('received')}，结案 ${m('closed')}，按期 ${m('onTimeRate')}%，追回 ${(m('recoveredFen') / 1e6).toFixed(0)}万元，超期 ${m('overdue')}`,
    });
  }
  // the case lists the figures open (first page of 100, as the list shows it), this year
  const year = await call(services, 'dashboard.get', { from: periods[0]!.from, to: periods[0]!.to });
  const lists: Row[] = [];
  for (const key of ['closed', 'mediationRate', 'fastTrackShare', 'avgDaysToClose', 'onTimeRate', 'finalAwards']) {
    const metric = year.metrics.find((m) => m.key === key);
    if (!metric?.filter) continue;
    const input = { ...metric.filter, limit: 100 };
    let page = await call(services, 'cases.search', input);
    const statements = await captureStatements(client, () => call(services, 'cases.search', input));
    const [timing, floor] = await timePaired(runs, async () => (page = await call(services, 'cases.search', input)), replayer(client, statements));
    for (const flag of scans(client, statements)) plans.push(`${metric.label}: ${flag}`);
    lists.push({ label: `「${metric.label}」的案件清单`, median: timing.median, p95: timing.p95, floor: floor.median, goal: '≤20', result: `${page.rows.length} 行 / 共 ${page.total} 件` });
  }
  printTable(`统计（经 dispatch，每项 ${runs} 次，另 3 次预热；毫秒）`, rows);
  floorNote('同一调用实际执行的 SQL（同样的参数），预编译后直接用 better-sqlite3 执行；收案、结案、追回金额读触发器维护的每日数字');
  printTable(`统计页各指标打开的案件清单（本年，首页 100 行；经 dispatch，每项 ${runs} 次，与下限交替进行；毫秒）`, lists);
  floorNote('同一调用实际执行的 SQL（同样的参数），预编译后直接用 better-sqlite3 执行');
  console.log(plans.length ? `  ⚠ 全表扫描：\n    ${plans.join('\n    ')}` : '  查询计划：cases / workers 无全表扫描');
  if (!exportToo) {
    // an export records, in each exported case's timeline, that its data left the app (75,000 events for a year of a
    // 100,000-case folder): not done to a folder measured again and again unless asked
    console.log('  dashboard.export：未测（会在所测数据目录的每件导出案件中记一条导出事件；需要时加 --export）');
    return;
  }
  const t0 = performance.now();
  const exported = await call(services, 'dashboard.export', { from: periods[0]!.from, to: periods[0]!.to });
  const exportMs = performance.now() - t0;
  console.log(`  dashboard.export（本年，含案件清单）${exportMs.toFixed(0)} ms，${(fs.statSync(exported.path).size / 1024 / 1024).toFixed(1)} MB`);
  fs.rmSync(exported.path, { force: true });
}
