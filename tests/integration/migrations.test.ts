import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { appPaths, callApi, makeId, openTestServices, tempDataDir } from '../support/services';

const journalFile = path.join(appPaths.migrationsFolder, 'meta', '_journal.json');
type Journal = { entries: { idx: number; when: number; tag: string }[] };
const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;

describe('migration journal', () => {
  it('has strictly increasing `when` values (drizzle #5316) and a file per entry', () => {
    for (let i = 1; i < journal.entries.length; i++) {
      expect(journal.entries[i].when).toBeGreaterThan(journal.entries[i - 1].when);
      expect(journal.entries[i].idx).toBe(i);
    }
    for (const e of journal.entries) expect(fs.existsSync(path.join(appPaths.migrationsFolder, `${e.tag}.sql`))).toBe(true);
  });
});

/** A data folder as a release that stopped at migration `lastTag` left it. */
function oldFolder(lastTag: string) {
  const oldMigrations = tempDataDir('sucai-old-migrations-');
  fs.mkdirSync(path.join(oldMigrations, 'meta'));
  const upTo = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === lastTag) + 1);
  for (const e of upTo) fs.copyFileSync(path.join(appPaths.migrationsFolder, `${e.tag}.sql`), path.join(oldMigrations, `${e.tag}.sql`));
  fs.writeFileSync(path.join(oldMigrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: upTo }));
  const dataDir = tempDataDir();
  return { dataDir, db: openDatabase(path.join(dataDir, 'sucai.db'), { migrationsFolder: oldMigrations }) };
}

describe('a data folder from before accounts: staff entries become accounts', () => {
  it('keeps every staff entry (same id, role, active flag), the hearings that name them, and past events', async () => {
    const { dataDir, db: old } = oldFolder('0005_payments_paid_at');
    const id = makeId('360702', '1984-04-04', 78);
    old.$client.exec(`
      insert into commissions (id, name, case_number_pattern, fast_track_target_days, operator_name, updated_at)
        values (1, '赣州市劳动人事争议仲裁委员会', '赣市劳人仲案字〔{year}〕第{n}号', 30, '老书记员', '2026-01-01T00:00:00Z');
      insert into cases (id, uid, commission_id, channel, received_on, accepted_on, status, worker_count, claimed_total_fen, created_at, updated_at)
        values (1, '0123456789abcdef0123456789abcdef', 1, 'walkIn', '2026-11-16', '2026-11-17', 'accepted', 1, 123400, '2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z');
      insert into workers (case_id, sort_order, name, name_initials, id_number, owed_fen) values (1, 0, '钟海涛', 'zht', '${id}', 123400);
      insert into case_events (case_id, at, actor, action, summary) values (1, '2026-11-17T01:00:00Z', '老书记员', 'cases.accept', '受理');
      insert into staff (id, role, name, active) values (3, 'arbitrator', '王建国', 1), (5, 'clerk', '周婷', 1), (8, 'clerk', '王建国', 0), (9, 'arbitrator', 'Li Ming', 1);
      insert into rooms (id, name) values (1, '第一仲裁庭');
      insert into hearings (id, case_id, starts_at, ends_at, room_id, procedure, presiding_id, wing_ids, clerk_id, created_at)
        values (1, 1, '2026-11-25T09:00', '2026-11-25T10:00', 1, 'ordinary', 3, '[9, 3]', 5, '2026-11-18T01:00:00Z');
    `);
    old.$client.close();

    const s = openTestServices(dataDir);
    const accounts = await callApi(s, 'accounts.list', {});
    expect(accounts.map((a) => [a.id, a.username, a.name, a.roles, a.active, a.hasPassword])).toEqual([
      [3, '王建国', '王建国', ['arbitrator'], true, false],
      [5, '周婷', '周婷', ['clerk'], true, false],
      [9, 'li ming', 'Li Ming', ['arbitrator'], true, false],
      [8, '王建国-8', '王建国', ['clerk'], false, false],
    ]);
    const hearing = await callApi(s, 'hearings.get', { id: 1 });
    expect(hearing.arbitratorNames).toEqual(['王建国', 'Li Ming', '王建国']);
    expect(hearing.clerkName).toBe('周婷');
    const detail = await callApi(s, 'cases.get', { id: 1 });
    expect(detail.events.map((e) => e.actor)).toContain('老书记员');
    // nobody can sign in yet: the first start asks for the administrator
    expect((await callApi(s, 'auth.status', {})).needsSetup).toBe(true);
    expect(s.ctx.db.$client.prepare(`select name from sqlite_master where name in ('staff', 'staff_kept_for_accounts')`).all()).toEqual([]);
    expect(s.ctx.db.$client.pragma('foreign_key_check')).toEqual([]);
    s.close();
  });
});

describe('opening a data folder made by the previous schema', () => {
  it('migrates it without losing rows, and indexes old cases for search', async () => {
    // Build a folder holding only the first migration, as an older release would have left it.
    const oldMigrations = tempDataDir('sucai-old-migrations-');
    fs.mkdirSync(path.join(oldMigrations, 'meta'));
    const first = journal.entries[0];
    fs.copyFileSync(path.join(appPaths.migrationsFolder, `${first.tag}.sql`), path.join(oldMigrations, `${first.tag}.sql`));
    fs.writeFileSync(path.join(oldMigrations, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: [first] }));

    const dataDir = tempDataDir();
    const old = openDatabase(path.join(dataDir, 'sucai.db'), { migrationsFolder: oldMigrations });
    const id = makeId('360702', '1984-04-04', 77);
    old.$client.exec(`
      insert into commissions (id, name, case_number_pattern, fast_track_target_days, operator_name, updated_at)
        values (1, '赣州市劳动人事争议仲裁委员会', '赣市劳人仲案字〔{year}〕第{n}号', 30, '老版本', '2026-01-01T00:00:00Z');
      insert into projects (id, name, created_at) values (1, '于都县城南棚改项目', '2026-01-01T00:00:00Z');
      insert into cases (id, commission_id, channel, project_id, received_on, worker_count, claimed_total_fen, created_at, updated_at)
        values (1, 1, 'walkIn', 1, '2026-11-16', 1, 123400, '2026-11-16T01:00:00Z', '2026-11-16T01:00:00Z');
      insert into workers (case_id, sort_order, name, name_initials, id_number, owed_fen) values (1, 0, '钟海涛', 'zht', '${id}', 123400);
      insert into claim_items (case_id, worker_id, type, amount_fen) values (1, 1, 'unpaidWages', 123400);
    `);
    const tablesBefore = old.$client.prepare(`select name from sqlite_master where name = 'case_search'`).all();
    expect(tablesBefore).toEqual([]);
    old.$client.close();

    const s = openTestServices(dataDir);
    const detail = await callApi(s, 'cases.get', { id: 1 });
    expect(detail.workers.map((w) => w.name)).toEqual(['钟海涛']);
    expect(detail.claimedTotalFen).toBe(123400);
    expect((await callApi(s, 'settings.get', {})).idleLockMinutes).toBe(15);
    expect((await callApi(s, 'cases.search', { query: 'zht' })).rows.map((r) => r.id)).toEqual([1]);
    expect((await callApi(s, 'cases.search', { query: '棚改' })).rows.map((r) => r.id)).toEqual([1]);
    expect(detail.nextDueOn).toBe('2026-11-23');
    const { uid } = s.ctx.db.$client.prepare('select uid from cases where id = 1').get() as { uid: string };
    expect(uid).toMatch(/^[0-9a-f]{32}$/); // backfilled by the evidence migration
    expect(s.ctx.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(s.ctx.db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.ctx.db.$client.pragma('synchronous', { simple: true })).toBe(2); // FULL
    s.close();
  });
});
