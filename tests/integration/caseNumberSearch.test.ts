import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { callApi, openTestServices } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import { generateDemo } from '../../electron/services/demo/generateDemo';

// Issue 11 §4: the full number, 第N号 or a bare N used to return every case (N matched the start of every ID number).
let s: Services;
beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  await generateDemo(s, { cases: 120, seed: 5, today: '2026-11-20', living: 0 });
});
afterAll(() => s.close());

const numbered = () =>
  s.ctx.db.all<{ id: number; caseNumber: string; year: number; seq: number }>(sql`
    select id, case_number as caseNumber, case_year as year, case_seq as seq from cases where case_number is not null order by case_year desc, id desc`);

describe('案号搜索', () => {
  it('a whole case number, however typed, gives that case alone', async () => {
    const all = numbered();
    expect(all.length).toBeGreaterThan(20);
    for (const c of [all[0]!, all[Math.floor(all.length / 2)]!, all.at(-1)!]) {
      for (const query of [c.caseNumber, `〔${c.year}〕${c.seq}号`, `(${c.year})第${String(c.seq).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}号`]) {
        const found = await callApi(s, 'cases.search', { query });
        expect(found.total, query).toBe(1);
        expect(found.rows.map((r) => r.id), query).toEqual([c.id]);
      }
    }
  });

  it('第N号 gives the cases numbered N of every year, newest year first, and nothing else', async () => {
    const all = numbered();
    const seqInTwoYears = all.find((c) => all.some((o) => o.seq === c.seq && o.year !== c.year)) ?? all[0]!;
    const expected = all.filter((c) => c.seq === seqInTwoYears.seq).map((c) => c.id);
    const found = await callApi(s, 'cases.search', { query: `第${seqInTwoYears.seq}号` });
    expect(found.rows.map((r) => r.id)).toEqual(expected);
    expect(found.total).toBe(expected.length);
  });

  it('a bare number ranks the cases numbered N first; a short number no longer matches every ID number', async () => {
    const all = numbered();
    const seq = all.find((c) => c.seq === 3) ? 3 : all[0]!.seq;
    const expected = all.filter((c) => c.seq === seq).map((c) => c.id);
    const found = await callApi(s, 'cases.search', { query: String(seq), limit: 500 });
    expect(found.rows.slice(0, expected.length).map((r) => r.id)).toEqual(expected);
    const cases = s.ctx.db.get<{ n: number }>(sql`select count(*) as n from cases`)!.n;
    const startingWithIt = s.ctx.db.get<{ n: number }>(sql`
      select count(distinct case_id) as n from workers where id_number like ${`${seq}%`}`)!.n;
    expect(found.total).toBeLessThan(cases / 2);
    if (startingWithIt > cases / 2) expect(found.total).toBeLessThan(startingWithIt);
    // six digits and more are the start of an ID number again
    const id = s.ctx.db.get<{ id: string; caseId: number }>(sql`select id_number as id, case_id as caseId from workers order by id limit 1`)!;
    const byPrefix = await callApi(s, 'cases.search', { query: id.id.slice(0, 10), limit: 500 });
    expect(byPrefix.rows.map((r) => r.id)).toContain(id.caseId);
  });
});
