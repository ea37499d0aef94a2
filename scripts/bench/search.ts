/**
 * The case list and every kind of search a clerk types, on the folder as it is: each query is
 * taken from the data (the most common two-character name, a real case number, a real ID…), timed
 * through the dispatcher, and its floor is the same SQL replayed raw.
 */
import { sql } from 'drizzle-orm';
import type { MethodInput } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { call, captureStatements, printTable, floorNote, replayer, scans, timePaired, type Row } from './measure';

type Search = MethodInput<'cases.search'>;
type Kind = { label: string; input: Search; goal: string; check?: (result: { total: number; rows: { id: number }[] }) => string | null };

/** The searches, with their inputs drawn from the folder. */
export function searchKinds(services: Services): Kind[] {
  const db = services.ctx.db;
  const one = <T>(q: ReturnType<typeof sql>) => db.get<T>(q)!;
  const numbered = one<{ id: number; caseNumber: string; seq: number }>(sql`
    select id, case_number as caseNumber, case_seq as seq from cases where case_number is not null order by id limit 1 offset (select count(*) / 2 from cases where case_number is not null)`);
  const seqs = one<{ n: number }>(sql`select count(*) as n from cases where case_seq = ${numbered.seq}`).n;
  const twoChar = one<{ name: string }>(sql`select name from workers where length(name) = 2 group by name order by count(*) desc limit 1`).name;
  const worker = one<{ name: string; idNumber: string; initials: string }>(sql`
    select name, id_number as idNumber, name_initials as initials from workers order by id limit 1 offset (select count(*) / 3 from workers)`);
  const initials = one<{ i: string }>(sql`select name_initials as i from workers where length(name_initials) = 2 group by 1 order by count(*) desc limit 1`).i;
  const company = one<{ name: string }>(sql`
    select o.name from case_respondents r join organisations o on o.id = r.organisation_id where o.kind = 'company'
    group by o.id order by count(*) desc limit 1`).name;
  const project = one<{ name: string }>(sql`select p.name from cases c join projects p on p.id = c.project_id group by p.id order by count(*) desc limit 1`).name;
  const total = one<{ n: number }>(sql`select count(*) as n from cases`).n;
  type Result = { total: number; rows: { id: number }[] };
  const first = (id: number) => (r: Result) => (r.rows[0]?.id === id ? null : `第一条不是该案（${r.rows[0]?.id ?? '无结果'}）`);
  const kinds: Kind[] = [
    { label: '列表首页（无条件，100行）', input: {}, goal: '≤20' },
    { label: '已超期（首页）', input: { due: 'overdue' }, goal: '≤20' },
    { label: '3日内到期（首页）', input: { due: 'soon' }, goal: '≤20' },
    { label: `深翻页 offset ${Math.max(0, total - 200)}`, input: { offset: Math.max(0, total - 200) }, goal: '' },
    {
      label: `完整案号 ${numbered.caseNumber}`,
      input: { query: numbered.caseNumber },
      goal: 'p95≤15，1件',
      check: (r: Result) => (r.total === 1 && r.rows[0]?.id === numbered.id ? null : `应只有该案，实际 ${r.total} 件`),
    },
    { label: `第N号 "第${numbered.seq}号"`, input: { query: `第${numbered.seq}号` }, goal: 'p95≤15', check: (r: Result) => (r.total === seqs ? null : `应为 ${seqs} 件，实际 ${r.total}`) },
    { label: `数字 "${numbered.seq}"`, input: { query: String(numbered.seq) }, goal: 'p95≤15', check: (r: Result) => (r.rows[0] && r.total >= seqs ? null : '案号未排在前面') },
    { label: `姓名（最常见两字）"${twoChar}"`, input: { query: twoChar }, goal: 'p95≤15' },
    { label: `姓名 "${worker.name}"`, input: { query: worker.name }, goal: 'p95≤15' },
    { label: `拼音首字母（最常见）"${initials}"`, input: { query: initials }, goal: 'p95≤15' },
    { label: `拼音首字母 "${worker.initials}"`, input: { query: worker.initials }, goal: 'p95≤15' },
    { label: '身份证号（18位）', input: { query: worker.idNumber }, goal: 'p95≤15', check: (r: Result) => (r.total >= 1 ? null : '没有找到') },
    { label: `身份证号前10位 "${worker.idNumber.slice(0, 10)}"`, input: { query: worker.idNumber.slice(0, 10) }, goal: 'p95≤15' },
    { label: `身份证号前6位 "${worker.idNumber.slice(0, 6)}"`, input: { query: worker.idNumber.slice(0, 6) }, goal: 'p95≤15' },
    { label: `被申请人（案件最多）"${company}"`, input: { query: company }, goal: 'p95≤15' },
    { label: `工程项目（案件最多）"${project}"`, input: { query: project }, goal: 'p95≤15' },
    { label: "工程项目片段 '安置房'", input: { query: '安置房' }, goal: 'p95≤15' },
    { label: `首字 "${twoChar[0]}"（输入中）`, input: { query: twoChar[0]! }, goal: '' },
    { label: '首字母 "z"（输入中）', input: { query: 'z' }, goal: '' },
    { label: `姓名 + 阶段 "${twoChar}" 快结`, input: { query: twoChar, stage: 'closing' }, goal: 'p95≤15' },
  ];
  return kinds.map((k) => ({ ...k, check: k.check ?? (k.label.startsWith('完整案号') ? first(numbered.id) : undefined) }));
}

export async function benchSearch(services: Services, runs: number): Promise<void> {
  const client = services.ctx.db.$client;
  const rows: Row[] = [];
  const plans: string[] = [];
  for (const kind of searchKinds(services)) {
    const input = { limit: 100, ...kind.input };
    let last = await call(services, 'cases.search', input);
    const statements = await captureStatements(client, () => call(services, 'cases.search', input));
    // alternately, so that the figure and its floor meet the same load on a shared machine
    const [timing, floor] = await timePaired(runs, async () => (last = await call(services, 'cases.search', input)), replayer(client, statements));
    for (const flag of scans(client, statements)) plans.push(`${kind.label}: ${flag}`);
    const problem = kind.check?.(last) ?? null;
    rows.push({
      label: kind.label,
      median: timing.median,
      p95: timing.p95,
      floor: floor.median,
      goal: kind.goal,
      result: `${last.rows.length} 行 / ${last.totalAtLeast ? `${last.total} 件以上` : `共 ${last.total} 件`}${problem ? `  ✗ ${problem}` : ''}`,
    });
  }
  printTable(`cases.search（经 dispatch，每项 ${runs} 次，与下限交替进行，另 2 次预热；毫秒）`, rows);
  floorNote('同一调用实际执行的 SQL（同样的参数），预编译后直接用 better-sqlite3 执行');
  console.log(plans.length ? `  ⚠ 全表扫描：\n    ${plans.join('\n    ')}` : '  查询计划：cases / workers 无全表扫描');
}
