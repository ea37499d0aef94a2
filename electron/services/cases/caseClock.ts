import { eq, sql } from 'drizzle-orm';
import { computeDeadlines, nextDue, type Deadline } from '../../core/clock/deadlines';
import { todayInChina } from '../../core/dates';
import { cases, commissions } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readInspection } from '../inspection/inspectionView';

type ClockFields = Pick<
  typeof cases.$inferSelect,
  'receivedOn' | 'materialsCompletedOn' | 'acceptedOn' | 'rejectedOn' | 'respondentServedOn' | 'awardExtensionDays' | 'closedOn' | 'hasArbitration'
>;

function fastTrackDays(db: Executor): number {
  return db.select({ d: commissions.fastTrackTargetDays }).from(commissions).limit(1).get()?.d ?? 30;
}

/** The arbitration track's deadlines (none while the case is only an inspection complaint). */
export function caseDeadlines(ctx: ServiceContext, db: Executor, row: ClockFields): Deadline[] {
  if (!row.hasArbitration) return [];
  return computeDeadlines(
    {
      receivedOn: row.receivedOn,
      materialsCompletedOn: row.materialsCompletedOn,
      acceptedOn: row.acceptedOn,
      rejectedOn: row.rejectedOn,
      respondentServedOn: row.respondentServedOn,
      awardExtensionDays: row.awardExtensionDays,
      closedOn: row.closedOn,
      fastTrackTargetDays: fastTrackDays(db),
    },
    todayInChina(ctx.now()),
    ctx.calendar,
  );
}

/**
 * Stores the earliest open deadline the tribunal must meet (the defence period is the
 * respondent's, so it does not count) on the case row, so "overdue" and "due soon" are an indexed
 * range query. Due dates do not depend on today, only on the case's dates and the calendar.
 */
export function refreshNextDue(ctx: ServiceContext, db: Executor, caseId: number): void {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) return;
  const arbitration =
    row.status === 'rejected' || row.status === 'closed' ? [] : caseDeadlines(ctx, db, row).filter((d) => d.key !== 'defence');
  const due = nextDue([...arbitration, ...(readInspection(ctx, db, caseId)?.deadlines ?? [])]);
  db.update(cases).set({ nextDueOn: due }).where(eq(cases.id, caseId)).run();
}

/** Recomputes every open case (after the fast-track target or the holiday calendar changed). */
export function refreshAllNextDue(ctx: ServiceContext): void {
  ctx.db.transaction((tx) => {
    const open = tx.all<{ id: number }>(sql`select id from cases where status in ('received', 'accepted')`);
    for (const { id } of open) refreshNextDue(ctx, tx, id);
  });
}
