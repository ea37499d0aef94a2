import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import { runBatch } from '../../electron/services/batch';
import { SEARCH_COUNT_CAP } from '../../electron/core/contract';
import { matchExpression } from '../../electron/services/search/searchText';

// Issue 12: a text search with many matches counts them only up to SEARCH_COUNT_CAP past the page
// (shown as 1000 件以上), newest registered case first, and every match is still reached by paging.
const CASES = SEARCH_COUNT_CAP + 60;
let s: Services;
beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  // Every case has the same project and general contractor (caseInput); one worker each: 张三 in
  // every seventh case, 李四 in case 500 alone, 张 + another given name in the rest.
  const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
  await runBatch(s.ctx, async () => {
    for (let i = 0; i < CASES; i++) {
      const name = i === 500 ? '李四' : i % 7 === 0 ? '张三' : `张${given[i % given.length]}${given[(i * 5) % given.length]}`;
      const birth = `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`;
      await callApi(s, 'cases.create', caseInput([workerDraft(name, makeId('360702', birth, 100 + (i % 800)), '1000')], { receivedOn: i % 2 ? '2026-11-16' : '2026-11-06' }));
    }
  });
}, 300_000);
afterAll(() => s.close());

/** Every case the FTS index matches for this query, newest first: the truth, counted without any cap. */
function allMatches(query: string, stage?: string): number[] {
  return s.ctx.db
    .all<{ id: number }>(sql`
      select c.id from case_search join cases c on c.id = case_search.rowid
      where case_search match ${matchExpression(query)} ${stage ? sql`and c.stage = ${stage}` : sql``} order by c.id desc`)
    .map((r) => r.id);
}

describe('搜索结果计数与翻页', () => {
  it('counts exactly below the cap', async () => {
    const truth = allMatches('张三');
    expect(truth.length).toBeGreaterThan(100);
    expect(truth.length).toBeLessThan(SEARCH_COUNT_CAP);
    const found = await callApi(s, 'cases.search', { query: '张三', limit: 500 });
    expect(found).toMatchObject({ total: truth.length, totalAtLeast: false });
    expect(found.rows.map((r) => r.id)).toEqual(truth);
    const one = await callApi(s, 'cases.search', { query: '李四' });
    expect(one).toMatchObject({ total: 1, totalAtLeast: false });
  });

  it.each(['安置房', '江西赣建建设集团有限公司', 'z', '张'])('"%s": above the cap the total is "at least 1000", newest case first', async (query) => {
    const truth = allMatches(query);
    expect(truth.length).toBeGreaterThan(SEARCH_COUNT_CAP);
    const found = await callApi(s, 'cases.search', { query });
    expect(found).toMatchObject({ total: SEARCH_COUNT_CAP, totalAtLeast: true });
    expect(found.rows.map((r) => r.id)).toEqual(truth.slice(0, 100));
  });

  it('pages past the cap: each page counts further, and the pages together are every match once', async () => {
    const truth = allMatches('安置房');
    const seen: number[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await callApi(s, 'cases.search', { query: '安置房', offset, limit: 100 });
      expect(page.total).toBe(Math.min(truth.length, offset + SEARCH_COUNT_CAP));
      expect(page.totalAtLeast).toBe(truth.length > offset + SEARCH_COUNT_CAP);
      if (!page.rows.length) break;
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(truth);
  });

  it('applies the filters before counting, and a deadline filter sorts every match by deadline', async () => {
    await callApi(s, 'cases.accept', { id: allMatches('李四')[0]!, acceptedOn: '2026-11-17' });
    const filing = allMatches('安置房', 'filing');
    const found = await callApi(s, 'cases.search', { query: '安置房', stage: 'filing', offset: 900, limit: 200 });
    expect(found).toMatchObject({ total: CASES - 1, totalAtLeast: false });
    expect(found.rows.map((r) => r.id)).toEqual(filing.slice(900, 1100));
    expect((await callApi(s, 'cases.search', { query: '李四', stage: 'mediation' })).total).toBe(1);

    const due = await callApi(s, 'cases.search', { query: '张三', due: 'overdue', limit: 500 });
    const expected = s.ctx.db
      .all<{ id: number }>(sql`
        select id from cases where next_due_on < '2026-11-20' and id in (select rowid from case_search where case_search match ${matchExpression('张三')})
        order by next_due_on, id`)
      .map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(due).toMatchObject({ total: expected.length, totalAtLeast: false });
    expect(due.rows.map((r) => r.id)).toEqual(expected);
  });
});
