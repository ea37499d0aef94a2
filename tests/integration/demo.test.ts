import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { callApi, openTestServices } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { checkIdNumber } from '../../electron/core/ids/idNumber';
import { checkCreditCode } from '../../electron/core/ids/creditCode';
import { stages, caseStatuses } from '../../electron/core/domain';
import { withDeferredIndexes } from '../../electron/services/batch';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import path from 'node:path';

const TODAY = '2026-11-20';
let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});

async function demo(seed: number, cases = 30) {
  const s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  open.push(s);
  const summary = await generateDemo(s, { cases, seed, today: TODAY, living: 0 }); // the fast path (living: demoLiving.test.ts)
  return { s, summary };
}

function fingerprint(s: Services) {
  return s.ctx.db.all<Record<string, unknown>>(sql`
    select c.received_on, c.status, c.stage, c.case_number, w.name, w.id_number, w.due_fen, w.paid_fen, w.owed_fen
    from workers w join cases c on c.id = w.case_id order by w.id`);
}

describe('演示数据 generateDemo', () => {
  it('writes through the audit chain like the app: the batched folder verifies intact, every event chained and attributed', async () => {
    const { s } = await demo(11, 60);
    const unchained = s.ctx.db.get<{ n: number }>(sql`select count(*) as n from case_events where hash is null`)!.n;
    expect(unchained).toBe(0);
    const actors = s.ctx.db.all<{ actor: string }>(sql`select distinct actor from case_events order by actor`).map((r) => r.actor);
    expect(actors).toEqual(['演示数据']);
    const report = await verifyChain(path.join((s as Services & { dataDir: string }).dataDir, 'sucai.db'));
    expect(report.problems.slice(0, 3)).toEqual([]);
    expect(report.intact).toBe(true);
    expect(report.count).toBeGreaterThan(60);
  });

  it('is deterministic for a seed, and another seed gives other data', async () => {
    const a = await demo(7);
    const b = await demo(7);
    const c = await demo(8);
    const fa = fingerprint(a.s);
    expect(fa.length).toBeGreaterThan(30);
    expect(fingerprint(b.s)).toEqual(fa);
    expect(fingerprint(c.s)).not.toEqual(fa);
    expect(b.summary.claimedTotalFen).toBe(a.summary.claimedTotalFen);
  }, 120_000); // three demos, each making the commission's staff accounts (scrypt) before its closings

  it('covers every stage and status with valid identifiers, consistent amounts and dates', async () => {
    const { s, summary } = await demo(20_260_101);
    const db = s.ctx.db;
    expect(summary.cases).toBe(30);
    for (const stage of stages) expect(summary.byStage[stage] ?? 0, stage).toBeGreaterThan(0);
    for (const status of caseStatuses) expect(summary.byStatus[status] ?? 0, status).toBeGreaterThan(0);
    expect(summary.acceptedWithGaps).toBeGreaterThan(0);
    expect(summary.served).toBeGreaterThan(0);

    const ids = db.all<{ id: string }>(sql`
      select id_number as id from workers union select id_number from organisations where id_number is not null`);
    expect(ids.length).toBeGreaterThan(30);
    for (const { id } of ids) expect(checkIdNumber(id, TODAY), id).toMatchObject({ ok: true });

    const companies = db.all<{ code: string | null }>(sql`select credit_code as code from organisations where kind = 'company'`);
    expect(companies.length).toBeGreaterThan(2);
    for (const { code } of companies) expect(checkCreditCode(code ?? ''), String(code)).toMatchObject({ ok: true });

    const amounts = db.all<{ due: number | null; paid: number | null; owed: number }>(sql`
      select due_fen as due, paid_fen as paid, owed_fen as owed from workers`);
    for (const w of amounts) {
      expect(w.owed).toBeGreaterThan(0);
      if (w.due !== null && w.paid !== null) expect(w.owed).toBe(w.due - w.paid);
    }

    const badDates = db.get<{ n: number }>(sql`
      select count(*) as n from cases where received_on > ${TODAY} or accepted_on < received_on or rejected_on < received_on
        or closed_on < accepted_on or respondent_served_on < accepted_on or materials_completed_on < accepted_on
        or (status = 'closed' and (next_due_on is not null or closed_on is null))`);
    expect(badDates?.n).toBe(0);
  });

  it('makes collective cases of 10 or more workers, with shared workers and respondents across cases', async () => {
    const { s } = await demo(20_260_101);
    const db = s.ctx.db;
    const collective = db.get<{ id: number; n: number; stored: number }>(sql`
      select c.id, c.worker_count as n, (select count(*) from workers w where w.case_id = c.id) as stored
      from cases c where c.is_collective = 1 order by c.worker_count desc limit 1`);
    expect(collective).toBeDefined();
    expect(collective!.n).toBeGreaterThanOrEqual(10);
    expect(collective!.stored).toBe(collective!.n);
    const sharedRespondent = db.get<{ n: number }>(sql`
      select count(*) as n from (select organisation_id from case_respondents group by organisation_id having count(distinct case_id) > 1)`);
    expect(sharedRespondent!.n).toBeGreaterThan(0);
  });

  it("finds a generated worker's case by the pinyin initials of the name", async () => {
    const { s } = await demo(20_260_101);
    const worker = s.ctx.db.get<{ caseId: number; name: string; initials: string }>(sql`
      select case_id as caseId, name, name_initials as initials from workers order by id limit 1 offset 17`)!;
    expect(worker.initials).toMatch(/^[a-z]{2,4}$/);
    const found = await callApi(s, 'cases.search', { query: worker.initials, limit: 500 });
    expect(found.rows.map((r) => r.id), `${worker.name} ${worker.initials}`).toContain(worker.caseId);
  });

  it('builds the indexes it deferred for the load, and a load that died leaves them to the next start', async () => {
    const indexes = (s: Services) =>
      s.ctx.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'index' and name in ('workers_id_number', 'payments_paid_at') order by name`).map((r) => r.name);
    const pending = (s: Services) => s.ctx.db.get<{ n: number }>(sql`select count(*) as n from deferred_indexes`)!.n;
    const { s } = await demo(20_260_101, 10);
    expect(indexes(s)).toEqual(['payments_paid_at', 'workers_id_number']);
    expect(pending(s)).toBe(0);
    const plan = s.ctx.db.all<{ detail: string }>(sql`explain query plan select case_id from workers where id_number = '110101199001011234'`);
    expect(plan.map((p) => p.detail).join(' ')).toContain('workers_id_number');

    // a load that fails gives the indexes back at once
    await expect(
      withDeferredIndexes(s.ctx, ['workers_id_number'], async () => {
        expect(indexes(s)).toEqual(['payments_paid_at']);
        throw new Error('中途失败');
      }),
    ).rejects.toThrow('中途失败');
    expect(indexes(s)).toEqual(['payments_paid_at', 'workers_id_number']);
    expect(pending(s)).toBe(0);

    // a process killed mid-load leaves the definition queued (as withDeferredIndexes writes it) and no index
    const definition = s.ctx.db.get<{ sql: string }>(sql`select sql from sqlite_master where name = 'workers_id_number'`)!.sql;
    s.ctx.db.transaction((tx) => {
      tx.run(sql`insert into deferred_indexes (name, sql) values ('workers_id_number', ${definition})`);
      tx.run(sql`drop index workers_id_number`);
    });
    expect(pending(s)).toBe(1);
    s.close();
    open = open.filter((o) => o !== s);
    const again = openTestServices(s.ctx.dataDir);
    open.push(again);
    expect(indexes(again)).toEqual(['payments_paid_at', 'workers_id_number']);
    expect(pending(again)).toBe(0);
  });
});
