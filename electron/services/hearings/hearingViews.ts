/**
 * Reading hearings: one statement for the hearings with their room, case number and case title
 * (first worker 等N人 与 first respondent, from indexed correlated subqueries) and the case's clock
 * fields; one more for staff names. Warnings are computed on read from the same rows, so they are
 * always current (a notice recorded later, an approved extension, a holiday override).
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { AppFailure, type HearingView } from '../../core/contract';
import { cases } from '../../../db/schema';
import { caseDeadlines } from '../cases/caseClock';
import { addDays } from '../../core/dates';
import { hearingWarnings } from '../../core/hearing/warnings';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readRespondentServices } from '../cases/respondentService';
import type { Defence } from '../../core/hearing/warnings';

/** Now as China local 'YYYY-MM-DDTHH:mm'. */
export function nowInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

export function caseLabelOf(caseNumber: string | null, caseId: number): string {
  return caseNumber ?? `收案登记第${caseId}号`;
}

type Row = {
  id: number;
  caseId: number;
  caseNumber: string | null;
  startsAt: string;
  endsAt: string;
  roomId: number;
  roomName: string;
  procedure: 'simplified' | 'ordinary';
  presidingId: number;
  wingIds: string;
  clerkId: number;
  noticeServedOn: string | null;
  noticeWaived: number;
  noticeWaiverNote: string | null;
  status: 'scheduled' | 'held' | 'cancelled';
  applicantPresent: number | null;
  respondentPresent: number | null;
  outcome: 'held' | 'default' | 'deemedWithdrawal' | null;
  openedAt: string | null;
  closedAt: string | null;
  firstWorker: string | null;
  workerCount: number;
  firstRespondent: string | null;
  respondentCount: number;
  hasArbitration: number;
  receivedOn: string;
  materialsCompletedOn: string | null;
  acceptedOn: string | null;
  rejectedOn: string | null;
  respondentServedOn: string | null;
  awardExtensionDays: number;
  closedOn: string | null;
  fastTrackTargetDays: number | null;
};

/** "张三等12人与江西赣建建设集团有限公司等" */
export function caseTitle(firstWorker: string | null, workerCount: number, firstRespondent: string | null, respondentCount: number): string {
  const applicant = firstWorker ? (workerCount > 1 ? `${firstWorker}等${workerCount}人` : firstWorker) : '申请人';
  const respondent = firstRespondent ? (respondentCount > 1 ? `${firstRespondent}等` : firstRespondent) : '被申请人';
  return `${applicant}与${respondent}`;
}

function selectRows(db: Executor, where: SQL): Row[] {
  return db.all<Row>(sql`
    select h.id, h.case_id as caseId, c.case_number as caseNumber, h.starts_at as startsAt, h.ends_at as endsAt,
      h.room_id as roomId, r.name as roomName, h.procedure, h.presiding_id as presidingId, h.wing_ids as wingIds,
      h.clerk_id as clerkId, h.notice_served_on as noticeServedOn, h.notice_waived as noticeWaived,
      h.notice_waiver_note as noticeWaiverNote, h.status, h.applicant_present as applicantPresent,
      h.respondent_present as respondentPresent, h.outcome, h.opened_at as openedAt, h.closed_at as closedAt,
      (select w.name from workers w where w.case_id = c.id order by w.sort_order limit 1) as firstWorker,
      c.worker_count as workerCount,
      (select o.name from case_respondents cr join organisations o on o.id = cr.organisation_id
        where cr.case_id = c.id order by cr.sort_order limit 1) as firstRespondent,
      (select count(*) from case_respondents cr where cr.case_id = c.id) as respondentCount,
      c.has_arbitration as hasArbitration, c.received_on as receivedOn, c.materials_completed_on as materialsCompletedOn,
      c.accepted_on as acceptedOn, c.rejected_on as rejectedOn, c.respondent_served_on as respondentServedOn,
      c.award_extension_days as awardExtensionDays, c.closed_on as closedOn,
      (select m.fast_track_target_days from commissions m where m.id = c.commission_id) as fastTrackTargetDays
    from hearings h
      join cases c on c.id = h.case_id
      join rooms r on r.id = h.room_id
    where ${where}
    order by h.starts_at, h.room_id, h.id`);
}

function staffNames(db: Executor): Map<number, string> {
  return new Map(db.all<{ id: number; name: string }>(sql`select id, name from accounts`).map((s) => [s.id, s.name]));
}

/**
 * The award deadline and fast-track target of a case (null while not accepted): the case clock's own
 * figures, suspensions and extensions included.
 */
export function caseDueDates(
  ctx: ServiceContext,
  db: Executor,
  caseId: number,
): { awardDueOn: string | null; fastTrackDueOn: string | null; respondents: Defence[] } {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  const deadlines = row ? caseDeadlines(ctx, db, row) : [];
  return {
    awardDueOn: deadlines.find((d) => d.key === 'award')?.dueOn ?? null,
    fastTrackDueOn: deadlines.find((d) => d.key === 'fastTrack')?.dueOn ?? null,
    respondents: readRespondentServices(db, caseId).map((r) => ({ name: r.name, servedOn: r.servedOn, waiver: r.defenceWaiver })),
  };
}

function toViews(ctx: ServiceContext, db: Executor, rows: Row[]): HearingView[] {
  if (!rows.length) return [];
  const names = staffNames(db);
  const now = nowInChina(ctx.now());
  const dueByCase = new Map<number, ReturnType<typeof caseDueDates>>();
  return rows.map((r) => {
    const wingIds = JSON.parse(r.wingIds) as number[];
    let due = dueByCase.get(r.caseId);
    if (!due) dueByCase.set(r.caseId, (due = caseDueDates(ctx, db, r.caseId)));
    const warnings =
      r.status === 'cancelled'
        ? []
        : hearingWarnings(
            {
              startsAt: r.startsAt,
              procedure: r.procedure,
              noticeServedOn: r.noticeServedOn,
              noticeWaived: !!r.noticeWaived,
              awardDueOn: due.awardDueOn,
              fastTrackDueOn: due.fastTrackDueOn,
              respondents: due.respondents,
              now,
              scheduled: r.status === 'scheduled',
            },
            ctx.calendar,
          );
    return {
      id: r.id,
      caseId: r.caseId,
      caseNumber: r.caseNumber,
      caseTitle: caseTitle(r.firstWorker, r.workerCount, r.firstRespondent, r.respondentCount),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      roomId: r.roomId,
      roomName: r.roomName,
      procedure: r.procedure,
      presidingId: r.presidingId,
      wingIds,
      clerkId: r.clerkId,
      arbitratorNames: [r.presidingId, ...wingIds].map((id) => names.get(id) ?? `人员${id}`),
      clerkName: names.get(r.clerkId) ?? `人员${r.clerkId}`,
      noticeServedOn: r.noticeServedOn,
      noticeWaived: !!r.noticeWaived,
      noticeWaiverNote: r.noticeWaiverNote,
      status: r.status,
      applicantPresent: r.applicantPresent === null ? null : !!r.applicantPresent,
      respondentPresent: r.respondentPresent === null ? null : !!r.respondentPresent,
      outcome: r.outcome,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      warnings,
    };
  });
}

export function getHearingView(ctx: ServiceContext, db: Executor, id: number): HearingView {
  const view = toViews(ctx, db, selectRows(db, sql`h.id = ${id}`))[0];
  if (!view) throw new AppFailure('not_found', `开庭安排不存在（编号${id}）`);
  return view;
}

export function hearingsForCase(ctx: ServiceContext, caseId: number): HearingView[] {
  return toViews(ctx, ctx.db, selectRows(ctx.db, sql`h.case_id = ${caseId}`));
}

/** The calendar: non-cancelled hearings starting in [from, from + days), by the hearings_starts index. */
export function hearingsWeek(ctx: ServiceContext, input: { from: string; days: number }): HearingView[] {
  const to = addDays(input.from, input.days);
  return toViews(ctx, ctx.db, selectRows(ctx.db, sql`h.starts_at >= ${input.from} and h.starts_at < ${to} and h.status <> 'cancelled'`));
}
