// A demo whose hearings outgrow the standing tribunal (here forced at a small size by letting the
// standing tribunal hold one fast-path hearing a day) gets extra benches — arbitrators and clerks
// who are accounts, and rooms — so every hearing sits at a normal hearing time and no room,
// arbitrator or clerk is in two hearings at once. Old cases are closed: the case list's 已超期
// filter shows only cases past a deadline by weeks, not months.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { generateDemo, type DemoSummary } from '../../electron/services/demo/generateDemo';
import { HEARING_TIMES } from '../../electron/services/demo/hearingBook';
import { diffDays } from '../../electron/core/dates';
import { callApi, openTestServices } from '../support/services';

vi.setConfig({ testTimeout: 120_000 });

const TODAY = '2026-11-20';
let s: Services & { dataDir: string };
let summary: DemoSummary;

beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  summary = await generateDemo(s, { cases: 700, seed: 11, today: TODAY, living: 0, standingHearingsPerDay: 1 });
}, 120_000);
afterAll(() => s.close());

describe('demo hearings at scale', () => {
  it('every hearing sits at a normal hearing time (the living calendar’s or the short ones), none at the evening fallback', () => {
    const times = new Set(HEARING_TIMES.map((t) => `${t.start}-${t.end}`));
    const rows = s.ctx.db.all<{ t: string; n: number }>(sql`select substr(starts_at, 12, 5) || '-' || substr(ends_at, 12, 5) as t, count(*) as n from hearings group by 1`);
    expect(rows.reduce((a, r) => a + r.n, 0)).toBeGreaterThan(100);
    expect(rows.filter((r) => !times.has(r.t))).toEqual([]);
  });

  it('the standing tribunal was not enough: extra benches sat, and each arbitrator and clerk on a hearing is an account with that role', () => {
    const rooms = s.ctx.db.get<{ n: number }>(sql`select count(distinct room_id) as n from hearings`)!.n;
    expect(rooms).toBeGreaterThan(4);
    const people = s.ctx.db.all<{ id: number; role: string }>(sql`
      select presiding_id as id, 'arbitrator' as role from hearings
      union select w.value, 'arbitrator' from hearings h, json_each(h.wing_ids) w
      union select clerk_id, 'clerk' from hearings`);
    expect(people.filter((p) => p.role === 'arbitrator').length).toBeGreaterThan(7);
    const accounts = new Map(s.ctx.db.all<{ id: number; roles: string }>(sql`select id, roles from accounts`).map((a) => [a.id, a.roles]));
    expect(people.filter((p) => !accounts.get(p.id)?.includes(p.role))).toEqual([]);
  });

  it('no room, arbitrator (presiding or wing) or clerk is in two hearings at once', () => {
    const clashes = s.ctx.db.all(sql`
      with sitting as (
        select id, starts_at, ends_at, 'room' as kind, room_id as who from hearings
        union all select id, starts_at, ends_at, 'person', presiding_id from hearings
        union all select h.id, starts_at, ends_at, 'person', w.value from hearings h, json_each(h.wing_ids) w
        union all select id, starts_at, ends_at, 'person', clerk_id from hearings)
      select a.id, b.id, a.kind, a.who from sitting a join sitting b
        on b.id > a.id and a.kind = b.kind and a.who = b.who and b.starts_at < a.ends_at and a.starts_at < b.ends_at
      limit 5`);
    expect(clashes).toEqual([]);
  });

  it('old cases are closed: a few cases are overdue on purpose, none by more than six weeks; every open case was accepted within 45 days', async () => {
    const open = s.ctx.db.all<{ acceptedOn: string }>(sql`select accepted_on as acceptedOn from cases where status = 'accepted'`);
    expect(open.filter((c) => diffDays(c.acceptedOn, TODAY) > 45)).toEqual([]);
    const overdue = await callApi(s, 'cases.search', { due: 'overdue', limit: 500 });
    expect(overdue.total).toBe(summary.overdue);
    expect(overdue.total).toBeGreaterThanOrEqual(3);
    const oldest = Math.max(...overdue.rows.map((r) => diffDays(r.nextDueOn!, TODAY)));
    expect(oldest).toBeLessThanOrEqual(42);
    const dashboard = await callApi(s, 'dashboard.get', { from: '2026-01-01', to: TODAY });
    expect(dashboard.metrics.find((m) => m.key === 'overdue')!.value).toBe(overdue.total);
  });
});
