import type Database from 'better-sqlite3';
import type { ChainWriter } from './chainWriter';

/**
 * Data an upgrade fills in for rows already stored (a backfill), as opposed to a migration's schema
 * change. A migration runs before the chain's writer is on the connection, so a backfill written in
 * migration SQL would change audited rows with no event, and verify would report them as changed
 * outside the app. Each step here runs once the writer is in place, and one chained event takes
 * the rows it wrote. A step finds its own work (idempotent), so it is cheap to run at every start
 * and still runs after a crash between the migration and the step.
 */
type DataUpgrade = {
  action: string;
  /** Writes the backfill; returns how many rows it changed. */
  run: (client: Database.Database) => number;
  summary: (changed: number) => string;
};

const UPGRADES: DataUpgrade[] = [
  {
    // migration 0018/0019: cases.award_finality marks a split award (终局与非终局裁决项并存, Law
    // Arts 47/48) for the dashboard and the case list; a case closed before it has none.
    action: 'upgrade.awardFinality',
    run: (client) =>
      client
        .prepare(
          `update cases set award_finality = 'mixed'
           where closed_on is not null and closing_method in ('finalAward', 'nonFinalAward') and award_finality is null
             and exists (select 1 from award_items i where i.case_id = cases.id and i.is_final = 1)
             and exists (select 1 from award_items i where i.case_id = cases.id and i.is_final = 0)`,
        )
        .run().changes,
    summary: (n) => `数据升级：${n} 件此前以裁决结案的案件补记为部分终局（终局与非终局裁决项并存），统计与案件列表按此计数`,
  },
];

export function runDataUpgrades(client: Database.Database, writer: ChainWriter, now: Date): { action: string; changed: number }[] {
  const done: { action: string; changed: number }[] = [];
  for (const upgrade of UPGRADES) {
    client
      .transaction(() => {
        const changed = upgrade.run(client);
        if (!changed) return;
        writer.append({
          caseId: null,
          at: now.toISOString(),
          actor: '系统',
          actorId: null,
          action: upgrade.action,
          summary: upgrade.summary(changed),
          before: null,
          after: JSON.stringify({ changed }),
          sourceHash: null,
        });
        done.push({ action: upgrade.action, changed });
      })
      .immediate();
  }
  return done;
}
