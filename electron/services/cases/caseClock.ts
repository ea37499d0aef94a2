import { asc, eq, sql } from 'drizzle-orm';
import { computeDeadlines, nextDue, type Deadline } from '../../core/clock/deadlines';
import { diffDays, todayInChina } from '../../core/dates';
import { cases, commissions, suspensions } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readInspection } from '../inspection/inspectionView';

type ClockFields = Pick<
  typeof cases.$inferSelect,
  'receivedOn' | 'materialsCompletedOn' | 'acceptedOn' | 'rejectedOn' | 'respondentServedOn' | 'awardExtensionDays' | 'closedOn' | 'hasArbitration'
> & {
  /** The case id, to read its suspensions; without it no suspension is counted. */
  id?: number;
};

export type SuspensionPeriod = { fromOn: string; toOn: string | null };

/**
 * Calendar days excluded from the award period by suspensions (中止, Rules Art 46(6)): each closed
 * suspension counts `toOn − fromOn` days (the day it was suspended is not counted, the day it was
 * resumed is: the clock stops after `fromOn` and runs again after `toOn`); an open one runs until
 * `until` (today, or the closing date). Nothing counts beyond `until`.
 */
export function suspendedDaysOf(periods: SuspensionPeriod[], until: string): number {
  let total = 0;
  for (const p of periods) {
    const end = p.toOn && p.toOn < until ? p.toOn : until;
    total += Math.max(0, diffDays(p.fromOn, end));
  }
  return total;
}

export function readSuspensions(db: Executor, caseId: number) {
  return db.select().from(suspensions).where(eq(suspensions.caseId, caseId)).orderBy(asc(suspensions.fromOn), asc(suspensions.id)).all();
}

function fastTrackDays(db: Executor): number {
  return db.select({ d: commissions.fastTrackTargetDays }).from(commissions).limit(1).get()?.d ?? 30;
}

/** The arbitration track's deadlines (none while the case is only an inspection complaint). */
export function caseDeadlines(ctx: ServiceContext, db: Executor, row: ClockFields): Deadline[] {
  if (!row.hasArbitration) return [];
  const today = todayInChina(ctx.now());
  const suspendedDays = row.id === undefined ? 0 : suspendedDaysOf(readSuspensions(db, row.id), row.closedOn ?? today);
  return computeDeadlines(
    {
      receivedOn: row.receivedOn,
      materialsCompletedOn: row.materialsCompletedOn,
      acceptedOn: row.acceptedOn,
      rejectedOn: row.rejectedOn,
      respondentServedOn: row.respondentServedOn,
      awardExtensionDays: row.awardExtensionDays,
      closedOn: row.closedOn,
      suspendedDays,
      fastTrackTargetDays: fastTrackDays(db),
    },
    today,
    ctx.calendar,
  );
}

/**
 * Stores the earliest open deadline the tribunal must meet (the defence period is the
 * respondent's, so it does not count) on the case row, so "overdue" and "due soon" are an indexed
 * range query. Due dates do not depend on today, only on the case's dates and the calendar — except
 * while a suspension is open: the award and fast-track clocks are stopped then (their due date moves
 * every day), so they are left out until the case resumes.
 */
export function refreshNextDue(ctx: ServiceContext, db: Executor, caseId: number): void {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) return;
  const suspended = readSuspensions(db, caseId).some((p) => p.toOn === null);
  const arbitration =
    row.status === 'rejected' || row.status === 'closed'
      ? []
      : caseDeadlines(ctx, db, row).filter((d) => d.key !== 'defence' && !(suspended && (d.key === 'award' || d.key === 'fastTrack')));
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
