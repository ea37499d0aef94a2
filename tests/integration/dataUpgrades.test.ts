/**
 * A backfill an upgrade makes (cases.award_finality for split awards closed before migrations
 * 0018/0019) goes through the audit chain: one chained event takes the rows it wrote, so the
 * upgraded folder still verifies intact, and the dashboard's daily figures follow the backfill.
 * The "old version's" folder is made by the app, then its closing is written the way the version
 * before 0019 wrote it (no award_finality), through the chain writer so it is chained too.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { chainWriter } from '../../electron/services/audit/chainWriter';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';

const CLOSED_ON = '2026-07-10';

describe('data upgrades are chained', () => {
  it('marks a split award closed before the upgrade as 部分终局 in one chained event, once', async () => {
    const dataDir = tempDataDir('sucai-data-upgrade-');
    let s = openTestServices(dataDir);
    const input = caseInput([workerDraft('张建华', makeId('360702', '1980-01-10', 1), '5000'), workerDraft('李秀英', makeId('360702', '1981-02-11', 2), '30000')]);
    const { id } = await callApi(s, 'cases.create', input);
    s.close();

    // the closing as the version before 0019 stored it: award items of both kinds, no award_finality
    const file = path.join(dataDir, 'sucai.db');
    const old = new Database(file);
    const writer = chainWriter(old);
    old.transaction(() => {
      const items = old.prepare('select id, amount_fen as fen from claim_items where case_id = ? order by id').all(id) as { id: number; fen: number }[];
      expect(items).toHaveLength(2);
      const insert = old.prepare('insert into award_items (claim_item_id, case_id, awarded_fen, is_final) values (?, ?, ?, ?)');
      items.forEach((it, i) => insert.run(it.id, id, it.fen, i === 0 ? 1 : 0));
      old.prepare(`update cases set closed_on = ?, closing_method = 'nonFinalAward' where id = ?`).run(CLOSED_ON, id);
      writer.append({ caseId: id, at: '2026-07-10T02:00:00Z', actor: '旧版本', actorId: null, action: 'case.closed', summary: '裁决结案', before: null, after: null, sourceHash: null });
    })();
    const mixedOn = (db: Database.Database) =>
      (db.prepare(`select coalesce(sum(mixed_awards), 0) as n from daily_closed where day = ?`).get(CLOSED_ON) as { n: number }).n;
    expect(old.prepare('select award_finality from cases where id = ?').pluck().get(id)).toBeNull();
    expect(mixedOn(old)).toBe(0);
    old.close();
    expect((await verifyChain(file)).problems).toEqual([]);

    // the upgrade runs at the next start
    s = openTestServices(dataDir);
    s.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select award_finality from cases where id = ?').pluck().get(id)).toBe('mixed');
    expect(mixedOn(db)).toBe(1);
    const events = db.prepare(`select summary, rows_digest from case_events where action = 'upgrade.awardFinality'`).all() as { summary: string; rows_digest: string | null }[];
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain('1 件此前以裁决结案的案件补记为部分终局');
    expect(events[0]!.rows_digest).not.toBeNull();
    db.close();
    expect((await verifyChain(file)).problems).toEqual([]);

    // and never again
    s = openTestServices(dataDir);
    s.close();
    const again = new Database(file, { readonly: true });
    expect(again.prepare(`select count(*) from case_events where action = 'upgrade.awardFinality'`).pluck().get()).toBe(1);
    again.close();
  }, 60_000);
});

describe('verify on a folder an older version made', () => {
  it('says in Chinese to open the folder with the app first, naming the missing table', async () => {
    const dataDir = tempDataDir('sucai-verify-old-');
    openTestServices(dataDir).close();
    const file = path.join(dataDir, 'sucai.db');
    const db = new Database(file);
    db.exec('drop table claim_withdrawals'); // as before migration 0017
    db.close();
    await expect(verifyChain(file)).rejects.toThrow('数据库中没有数据表 claim_withdrawals：此数据目录由较旧的版本建立，请先用本程序打开一次');
  });
});
