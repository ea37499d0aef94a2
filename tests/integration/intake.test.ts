import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';

let open: Services[] = [];
function services(now?: string) {
  const s = openTestServices(undefined, now);
  open.push(s);
  return s;
}
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

const zhang = makeId('360702', '1988-01-01', 13); // male (odd sequence)
const li = makeId('360721', '1990-05-20', 24); // female
const wang = makeId('362101', '1979-12-31', 35);

const threeWorkers = () => [
  workerDraft('张三丰', zhang, '', { due: '12000', paid: '2000', phone: '１３９０７９７１２３４' }),
  workerDraft('李小红', li, '8,500.50'),
  workerDraft('王五', wang, '3000', { daysWorked: '20', dailyWage: '150' }),
];

describe('收案 cases.create', () => {
  it('stores project, chain, workers and claim items, with totals and a timeline event', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const detail = await callApi(s, 'cases.get', { id });
    expect(detail.status).toBe('received');
    expect(detail.stage).toBe('filing');
    expect(detail.workerCount).toBe(3);
    // 10000.00 (12000 − 2000) + 8500.50 + 3000 = 21500.50 yuan
    expect(detail.claimedTotalFen).toBe(2_150_050);
    expect(detail.workers.map((w) => w.name)).toEqual(['张三丰', '李小红', '王五']);
    expect(detail.workers[0]).toMatchObject({ owedFen: 1_000_000, dueFen: 1_200_000, paidFen: 200_000, phone: '13907971234', sex: 'male' });
    expect(detail.workers[1].sex).toBe('female');
    expect(detail.workers[0].claims).toEqual([expect.objectContaining({ type: 'unpaidWages', amountFen: 1_000_000 })]);
    expect(detail.isCollective).toBe(false);
    expect(detail.project?.name).toBe('赣州蓉江新区安置房三期工程');
    const [contractor, leader] = detail.respondents;
    expect(contractor.role).toBe('generalContractor');
    expect(leader).toMatchObject({ role: 'teamLeader', kind: 'person', contractedById: contractor.id });
    expect(detail.events).toHaveLength(1);
    expect(detail.events[0].summary).toContain('申请人3人');
    // acceptance decision: 5 working days after receipt on Mon 2026-11-16 → Mon 2026-11-23
    expect(detail.deadlines.find((d) => d.key === 'acceptanceDecision')?.dueOn).toBe('2026-11-23');
    expect(detail.nextDueOn).toBe('2026-11-23');
    expect(detail.calendarNotice).toBeNull();
  });

  it('refuses a roster with a bad ID, naming the row, and stores nothing', async () => {
    const s = services();
    const bad = zhang.slice(0, 17) + (zhang[17] === '1' ? '2' : '1');
    const workers = threeWorkers();
    workers[1] = workerDraft('李小红', bad, '100');
    await expect(callApi(s, 'cases.create', caseInput(workers))).rejects.toThrow(/第2行（身份证号码）/);
    const count = s.ctx.db.get<{ n: number }>(sql`select (select count(*) from cases) + (select count(*) from workers) + (select count(*) from projects) as n`);
    expect(count?.n).toBe(0);
  });

  it('refuses the same worker twice and an invalid credit code', async () => {
    const s = services();
    const dup = [workerDraft('张三丰', zhang, '100'), workerDraft('张三', zhang.toLowerCase(), '200')];
    await expect(callApi(s, 'cases.create', caseInput(dup))).rejects.toThrow(/重复/);
    const input = caseInput(threeWorkers());
    input.respondents[0].organisation.creditCode = '91350100M000100Y4Z';
    await expect(callApi(s, 'cases.create', input)).rejects.toThrow(/被申请人1.*统一社会信用代码/);
  });

  it('marks 10 or more workers as a collective case', async () => {
    const s = services();
    const many = Array.from({ length: 10 }, (_, i) => workerDraft(`工人${'甲乙丙丁戊己庚辛壬癸'[i]}`, makeId('360702', '1985-02-03', 100 + i), '1000'));
    const { id } = await callApi(s, 'cases.create', caseInput(many));
    expect((await callApi(s, 'cases.get', { id })).isCollective).toBe(true);
  });
});

describe('受理 and the clock', () => {
  it('accepts with the next case number of the year and moves to 快调', async () => {
    const s = services();
    const a = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const b = await callApi(s, 'cases.create', caseInput([workerDraft('赵六', makeId('360702', '1970-07-07', 51), '500')]));
    const first = await callApi(s, 'cases.accept', { id: b.id, acceptedOn: '2026-11-18' });
    const second = await callApi(s, 'cases.accept', { id: a.id, acceptedOn: '2026-11-19' });
    expect(first.caseNumber).toBe('赣市劳人仲案字〔2026〕第1号');
    expect(second.caseNumber).toBe('赣市劳人仲案字〔2026〕第2号');
    expect(first.stage).toBe('mediation');
    expect(first.events[0].summary).toContain('第1号');
    await expect(callApi(s, 'cases.accept', { id: a.id, acceptedOn: '2026-11-19' })).rejects.toThrow(/不能重复受理/);
    // serve copy: 5 working days after Wed 11-18 → Wed 11-25; fast-track 30 days → Fri 12-18
    expect(first.deadlines.find((d) => d.key === 'serveCopy')?.dueOn).toBe('2026-11-25');
    expect(first.deadlines.find((d) => d.key === 'fastTrack')?.dueOn).toBe('2026-12-18');
    expect(first.deadlines.find((d) => d.key === 'acceptanceDecision')?.status).toBe('done');
    // the award falls due in 2027, whose holiday notice the library does not carry yet
    expect(first.deadlines.find((d) => d.key === 'award')?.dueOn?.startsWith('2027-')).toBe(true);
    expect(first.calendarNotice).toContain('2027年');
  });

  it('refuses an acceptance date in the future or before receipt', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    await expect(callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-21' })).rejects.toThrow(/不能晚于今天/);
    await expect(callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-15' })).rejects.toThrow(/不能早于收案日期/);
  });

  it('容缺受理 then 补正 restarts the award clock from completion (Rules Art 46)', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const accepted = await callApi(s, 'cases.accept', {
      id,
      acceptedOn: '2026-11-17',
      withGaps: { materials: ['劳动关系证明', '考勤记录'], promise: '五个工作日内补齐' },
    });
    expect(accepted.acceptedWithGaps).toBe(true);
    expect(accepted.missingMaterials.map((m) => m.name)).toEqual(['劳动关系证明', '考勤记录']);
    // 30 days after Tue 11-17 → Thu 12-17
    expect(accepted.deadlines.find((d) => d.key === 'fastTrack')?.dueOn).toBe('2026-12-17');
    const completed = await callApi(s, 'cases.completeMaterials', { id, completedOn: '2026-11-20' });
    // 30 days after Fri 11-20 → Sun 12-20, a rest day → Mon 12-21
    expect(completed.deadlines.find((d) => d.key === 'fastTrack')?.dueOn).toBe('2026-12-21');
    expect(completed.missingMaterials.every((m) => m.completedOn === '2026-11-20')).toBe(true);
    expect(completed.events[0].summary).toContain('重新计算');
    await expect(callApi(s, 'cases.completeMaterials', { id, completedOn: '2026-11-20' })).rejects.toThrow(/没有待补正/);
  });

  it('送达 starts the defence period: 10 working days', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    await expect(callApi(s, 'cases.recordService', { id, servedOn: '2026-11-19' })).rejects.toThrow(/受理后/);
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-17' });
    const served = await callApi(s, 'cases.recordService', { id, servedOn: '2026-11-19' });
    // Thu 11-19 + 10 working days: 20,23,24,25,26,27,30, 12-1,2,3 → Thu 12-03
    expect(served.deadlines.find((d) => d.key === 'defence')?.dueOn).toBe('2026-12-03');
    expect(served.deadlines.find((d) => d.key === 'serveCopy')?.status).toBe('done');
  });

  it('不予受理 records the reason and leaves no case number', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const rejected = await callApi(s, 'cases.reject', { id, rejectedOn: '2026-11-18', reason: '申请人与被申请人之间不存在劳动关系争议，不属于受理范围' });
    expect(rejected.status).toBe('rejected');
    expect(rejected.caseNumber).toBeNull();
    expect(rejected.rejectionReason).toContain('受理范围');
    expect(rejected.nextDueOn).toBeNull();
    await expect(callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' })).rejects.toThrow(/不予受理/);
  });
});

describe('search and related cases', () => {
  it('finds cases by pinyin initials, two-character names, ID prefix, respondent, project and case number', async () => {
    const s = services();
    const a = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const other = caseInput([workerDraft('陈大明', makeId('360702', '1992-09-09', 71), '700')], {
      project: { name: '章贡区滨江公园景观工程' },
      respondents: [{ role: 'subcontractor', organisation: { kind: 'company', name: '赣州宏达劳务有限公司', creditCode: '91512081MA62K0260E' } }],
    });
    const b = await callApi(s, 'cases.create', other);
    await callApi(s, 'cases.accept', { id: b.id, acceptedOn: '2026-11-18' });
    const ids = async (query: string) => (await callApi(s, 'cases.search', { query })).rows.map((r) => r.id);
    expect(await ids('zs')).toEqual([a.id]);
    expect(await ids('zsf')).toEqual([a.id]);
    expect(await ids('张三')).toEqual([a.id]);
    expect(await ids('三丰')).toEqual([a.id]);
    expect(await ids('王五')).toEqual([a.id]);
    expect(await ids(zhang.slice(0, 10))).toEqual([a.id]);
    expect(await ids('宏达')).toEqual([b.id]);
    expect(await ids('滨江公园')).toEqual([b.id]);
    expect(await ids('第1号')).toEqual([b.id]);
    expect(await ids('cdm')).toEqual([b.id]);
    expect(await ids('不存在的人')).toEqual([]);
    expect((await callApi(s, 'cases.search', { query: '', stage: 'mediation' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await callApi(s, 'cases.search', { query: '', stage: 'filing' })).total).toBe(1);
  });

  it('filters overdue and due-soon cases by the stored next deadline', async () => {
    const s = services('2026-11-24T02:00:00Z'); // Tue 11-24, China time
    const late = await callApi(s, 'cases.create', caseInput(threeWorkers(), { receivedOn: '2026-11-16' })); // due 11-23: overdue
    const soon = await callApi(s, 'cases.create', caseInput([workerDraft('赵六', makeId('360702', '1970-07-07', 51), '500')], { receivedOn: '2026-11-20' })); // due 11-27
    const overdue = await callApi(s, 'cases.search', { query: '', due: 'overdue' });
    const dueSoon = await callApi(s, 'cases.search', { query: '', due: 'soon' });
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id]);
    expect(dueSoon.rows.map((r) => r.id)).toEqual([soon.id]);
  });

  it('lists open cases sharing a worker, a respondent or the project', async () => {
    const s = services();
    const a = await callApi(s, 'cases.create', caseInput(threeWorkers()));
    const b = await callApi(s, 'cases.create', caseInput([workerDraft('张三丰', zhang, '900')]));
    const unrelated = await callApi(
      s,
      'cases.create',
      caseInput([workerDraft('陈大明', makeId('360702', '1992-09-09', 71), '700')], {
        project: { name: '章贡区滨江公园景观工程' },
        respondents: [{ role: 'subcontractor', organisation: { kind: 'company', name: '赣州宏达劳务有限公司', creditCode: '91512081MA62K0260E' } }],
      }),
    );
    const related = await callApi(s, 'cases.related', { id: b.id });
    expect(related.map((r) => r.caseId)).toEqual([a.id]);
    expect(related[0].reasons.join('；')).toMatch(/同一申请人：张三丰.*同一被申请人：江西赣建建设集团有限公司.*同一工程项目/);
    expect(await callApi(s, 'cases.related', { id: unrelated.id })).toEqual([]);
  });
});

describe('the project chain across cases', () => {
  it('a later case naming only part of the chain keeps the links recorded before', async () => {
    const s = services();
    const owner = { role: 'owner' as const, organisation: { kind: 'company' as const, name: '赣州城投置业有限公司', creditCode: '91512081MA62K0260E' } };
    const contractor = {
      role: 'generalContractor' as const,
      contractedByIndex: 0,
      organisation: { kind: 'company' as const, name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' },
    };
    await callApi(s, 'cases.create', caseInput(threeWorkers(), { respondents: [owner, contractor] }));
    const later = await callApi(
      s,
      'cases.create',
      caseInput([workerDraft('赵六', makeId('360702', '1970-07-07', 51), '500')], {
        project: { name: '赣州蓉江新区安置房三期工程', permitNumber: '360702202405010101' },
        respondents: [{ ...contractor, contractedByIndex: null }],
      }),
    );
    const detail = await callApi(s, 'cases.get', { id: later.id });
    const ownerId = detail.project!.parties.find((p) => p.role === 'owner')!.organisationId;
    expect(detail.respondents[0].contractedById).toBe(ownerId);
    expect(detail.project).toMatchObject({ address: '赣州市南康区蓉江新区', permitNumber: '360702202405010101' });
  });
});

describe('list filters used by the dashboard links', () => {
  it('filters by status and received-date range on indexed columns', async () => {
    const s = services();
    const a = await callApi(s, 'cases.create', caseInput(threeWorkers(), { receivedOn: '2026-11-02' }));
    const b = await callApi(s, 'cases.create', caseInput([workerDraft('赵六', makeId('360702', '1970-07-07', 51), '500')], { receivedOn: '2026-11-16' }));
    await callApi(s, 'cases.accept', { id: b.id, acceptedOn: '2026-11-17' });
    const ids = async (f: Record<string, unknown>) => (await callApi(s, 'cases.search', { query: '', ...f })).rows.map((r) => r.id);
    expect(await ids({ receivedFrom: '2026-11-01', receivedTo: '2026-11-10' })).toEqual([a.id]);
    expect(await ids({ status: 'accepted' })).toEqual([b.id]);
    expect(await ids({ status: 'received', receivedFrom: '2026-11-10' })).toEqual([]);
  });
});
