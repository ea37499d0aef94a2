import type Database from 'better-sqlite3';
import { chainWriter } from './chainWriter';

/**
 * A safety net behind the rule "a write appends its event after the writes, in the same
 * transaction": rows a method wrote that no event took are given to an event of their own, so the
 * chain stays complete and the slip is visible in it (and logged). Tests assert it never happens.
 */
export function recordUnattributedWrites(client: Database.Database, method: string, at: Date): number {
  const writer = chainWriter(client);
  const pending = writer.pendingRows();
  if (!pending.length) return 0;
  const tables = [...new Set(pending.map((r) => r.table_name))].join('、');
  console.error(`[sucai] ${method} wrote ${pending.length} audited rows after its event or without one (${tables})`);
  if (process.env.SUCAI_STRICT_AUDIT === '1') throw new Error(`${method}: ${pending.length} rows written without an event (${tables})`);
  writer.append({
    caseId: null,
    at: at.toISOString(),
    actor: '系统',
    actorId: null,
    action: 'audit.unattributed',
    summary: `${method} 写入了 ${pending.length} 行数据（${tables}）而未记入其事件，已补记摘要`,
    before: null,
    after: JSON.stringify({ method, rows: pending.slice(0, 100) }),
    sourceHash: null,
  });
  return pending.length;
}
