import { asc, eq, sql } from 'drizzle-orm';
import { computeDeadlines, nextDue, type Deadline } from '../../core/clock/deadlines';
import { publicationDays, publishedBefore } from '../../core/clock/periods';
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
  clock: db.select({ d: commissions.fastTrackTargetDays, p: commissions.publicationPeriodDays }).from(commissions).limit(1).prepare(),
  setNextDue: db.update(cases).set({ nextDueOn: sql`${sql.placeholder('due')}` }).where(eq(cases.id, sql.placeholder('caseId'))).prepare(),
}));

export function readSuspensions(db: Executor, caseId: number): (typeof suspensions.$inferSelect)[] {
  return db.all(sql`select id, case_id as caseId, from_on as fromOn, to_on as toOn, reason, approved_by as approvedBy
    from suspensions where case_id = ${caseId} order by from_on, id`);
}

function commissionClock(db: Executor): { fastTrackDays: number; publicationPeriodDays: number } {
  const row = db.select({ d: commissions.fastTrackTargetDays, p: commissions.publicationPeriodDays }).from(commissions).limit(1).get();
  return { fastTrackDays: row?.d ?? 30, publicationPeriodDays: row?.p ?? 30 };
}

/** The commission's publication period (公告期, days until a published document is deemed served). */
export function publicationPeriod(db: Executor): number {
  return commissionClock(db).publicationPeriodDays;
}

export type ServiceFacts = {
  /**
   * Days on which a document of the case was published (公告送达). A publication is recorded with the
   * day it is deemed served — the day its period ran out, as the service dialog asks — so it was
   * published the commission's publication period before.
   */
  publishedOn: string[];
  /**
   * When every party had the 组庭通知书 (Law Art 32): the applicant side (the applicants or any
   * worker) and each respondent, by the document they were served (a publication on the day it is
   * deemed served). Null while a party has not been served.
   */
  tribunalNotifiedOn: string | null;
};

/** What the recorded services tell the clock, in two queries. */
export function serviceFacts(db: Executor, caseId: number, periodDays = publicationPeriod(db)): ServiceFacts {
  const rows = db.all<{ kind: string; variant: string; method: string; servedOn: string }>(sql`
    select d.kind, d.variant, s.method, s.served_on as servedOn
    from document_services s join documents d on d.id = s.document_id
    where s.case_id = ${caseId} and s.served_on is not null`);
  // document variants address a respondent by its organisation: 'respondent-<organisation id>'
  const respondentIds = db.all<{ id: number }>(sql`select organisation_id as id from case_respondents where case_id = ${caseId}`).map((r) => r.id);
  const firstFor = (match: (variant: string) => boolean): string | null => {
    let best: string | null = null;
    for (const r of rows) if (r.kind === 'tribunalNotice' && match(r.variant) && (best === null || r.servedOn < best)) best = r.servedOn;
    return best;
  };
  const sides = [firstFor((v) => v === 'applicants' || v.startsWith('worker-') || v === ''), ...respondentIds.map((id) => firstFor((v) => v === `respondent-${id}`))];
  return {
    publishedOn: [...new Set(rows.filter((r) => r.method === 'publication').map((r) => publishedBefore(r.servedOn, periodDays)))],
    tribunalNotifiedOn: sides.every((d) => d !== null) ? (sides as string[]).reduce((a, b) => (a > b ? a : b)) : null,
  };
}

/** Calendar days of publication excluded from the award period (Rules Art 46(6)), counted after `from`. */
export function publicationDaysOf(db: Executor, caseId: number, from: string | null, until: string | null): number {
  if (!from) return 0;
  return publicationDays(serviceFacts(db, caseId).publishedOn, publicationPeriod(db), from, until);
}

/** The arbitration track's deadlines (none while the case is only an inspection complaint). */
export function caseDeadlines(ctx: ServiceContext, db: Executor, row: ClockFields): Deadline[] {
  if (!row.hasArbitration) return [];
  const today = todayInChina(ctx.now());
  const suspendedDays = row.id === undefined ? 0 : suspendedDaysOf(queries(ctx.db).suspensions.all({ caseId: row.id }), row.closedOn ?? today);
  const clock = queries(ctx.db).clock.get();
  const periodDays = clock?.p ?? 30;
  const facts = row.id === undefined ? null : serviceFacts(db, row.id, periodDays);
  const awardStart = row.acceptedOn && row.materialsCompletedOn && row.materialsCompletedOn > row.acceptedOn ? row.materialsCompletedOn : row.acceptedOn;
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
      publicationDays: facts && awardStart ? publicationDays(facts.publishedOn, periodDays, awardStart, row.closedOn) : 0,
      tribunalNotifiedOn: facts?.tribunalNotifiedOn ?? null,
      fastTrackTargetDays: clock?.d ?? 30,
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
