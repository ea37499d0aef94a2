import { asc, eq, sql } from 'drizzle-orm';
import { computeDeadlines, nextDue, type Deadline } from '../../core/clock/deadlines';
import { diffDays, todayInChina } from '../../core/dates';
import { cases, commissions, suspensions } from '../../../db/schema';
import type { Db, Executor } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import type { ServiceContext } from '../context';
import { readInspection } from '../inspection/inspectionView';
import { deferToBatchEnd } from '../batch';
import { readCaseRow } from './caseRow';

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

const queries = prepared((db) => ({
  suspensions: db
    .select()
    .from(suspensions)
    .where(eq(suspensions.caseId, sql.placeholder('caseId')))
    .orderBy(asc(suspensions.fromOn), asc(suspensions.id))
    .prepare(),
  fastTrackDays: db.select({ d: commissions.fastTrackTargetDays }).from(commissions).limit(1).prepare(),
  setNextDue: db.update(cases).set({ nextDueOn: sql`${sql.placeholder('due')}` }).where(eq(cases.id, sql.placeholder('caseId'))).prepare(),
}));

export function readSuspensions(db: Executor, caseId: number): (typeof suspensions.$inferSelect)[] {
  return db.all(sql`select id, case_id as caseId, from_on as fromOn, to_on as toOn, reason, approved_by as approvedBy
    from suspensions where case_id = ${caseId} order by from_on, id`);
}

function fastTrackDays(db: Db): number {
  return queries(db).fastTrackDays.get()?.d ?? 30;
}

/** The arbitration track's deadlines (none while the case is only an inspection complaint). */
export function caseDeadlines(ctx: ServiceContext, db: Executor, row: ClockFields): Deadline[] {
  if (!row.hasArbitration) return [];
  const today = todayInChina(ctx.now());
  const suspendedDays = row.id === undefined ? 0 : suspendedDaysOf(queries(ctx.db).suspensions.all({ caseId: row.id }), row.closedOn ?? today);
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
      fastTrackTargetDays: fastTrackDays(ctx.db),
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
 * every day), so they are left out until the case resumes. Inside a batch (runBatch) the row is
 * written once, at the batch's end.
 */
export function refreshNextDue(ctx: ServiceContext, db: Executor, caseId: number): void {
  if (!deferToBatchEnd('nextDue', caseId, (batchDb) => writeNextDue(ctx, batchDb, caseId))) writeNextDue(ctx, db, caseId);
}

function writeNextDue(ctx: ServiceContext, db: Executor, caseId: number): void {
  const q = queries(ctx.db);
  const row = readCaseRow(ctx, caseId);
  if (!row) return;
  const suspended = q.suspensions.all({ caseId }).some((p) => p.toOn === null);
  const arbitration =
    row.status === 'rejected' || row.status === 'closed'
      ? []
      : caseDeadlines(ctx, db, row).filter((d) => d.key !== 'defence' && !(suspended && (d.key === 'award' || d.key === 'fastTrack')));
  const due = nextDue([...arbitration, ...(readInspection(ctx, db, caseId)?.deadlines ?? [])]);
  q.setNextDue.run({ due, caseId });
}

/** Recomputes every open case (after the fast-track target or the holiday calendar changed). */
export function refreshAllNextDue(ctx: ServiceContext): void {
  ctx.db.transaction((tx) => {
    const open = tx.all<{ id: number }>(sql`select id from cases where status in ('received', 'accepted')`);
    for (const { id } of open) refreshNextDue(ctx, tx, id);
  });
}
