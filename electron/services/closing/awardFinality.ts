import { eq, sql, type SQL } from 'drizzle-orm';
import type { AwardFinalityFilter, ClosingMethod } from '../../core/contract';
import { awardItems } from '../../../db/schema';
import type { Executor } from '../../../db/open';

export type AwardFinality = 'final' | 'mixed' | 'nonFinal';

/**
 * The finality of the award a case closes with, fixed at closing (cases.award_finality): 'mixed'
 * when it has both final and non-final items (two 裁决书, Law Arts 47/48 — 部分终局), else what the
 * closing method says. Null for a case not closed by award.
 */
export function awardFinalityAtClosing(db: Executor, caseId: number, method: ClosingMethod): AwardFinality | null {
  if (method !== 'finalAward' && method !== 'nonFinalAward') return null;
  const kinds = db
    .select({ finals: sql<number>`coalesce(sum(${awardItems.isFinal} = 1), 0)`, nonFinals: sql<number>`coalesce(sum(${awardItems.isFinal} = 0), 0)` })
    .from(awardItems)
    .where(eq(awardItems.caseId, caseId))
    .get();
  if (kinds && kinds.finals > 0 && kinds.nonFinals > 0) return 'mixed';
  return method === 'finalAward' ? 'final' : 'nonFinal';
}

/**
 * The case-list condition (over `cases c`) of a finality filter — the same split as the dashboard's
 * figures read from daily_closed (cases by method, and mixed_awards of them), so a figure and the
 * list it opens hold the same cases. A case closed by award outside the closing service (the demo's
 * batch) has no award_finality and counts by its method.
 */
export function awardFinalityClause(filter: AwardFinalityFilter): SQL {
  const mixed = sql`coalesce(c.award_finality = 'mixed', 0)`;
  switch (filter) {
    case 'award':
      return sql`c.closing_method in ('finalAward', 'nonFinalAward')`;
    case 'final':
      return sql`(c.closing_method = 'finalAward' or (c.closing_method = 'nonFinalAward' and ${mixed}))`;
    case 'mixed':
      return sql`(c.closing_method in ('finalAward', 'nonFinalAward') and ${mixed})`;
    case 'nonFinal':
      return sql`(c.closing_method = 'nonFinalAward' and not ${mixed})`;
  }
}
