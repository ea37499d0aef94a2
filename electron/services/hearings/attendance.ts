/**
 * Attendance party by party (core/hearing/attendance): every respondent, and on the applicant side
 * the representatives of a collective case (else every worker). The hearing's outcome follows:
 * nobody of the applicant side → deemed withdrawal; a respondent absent → heard in default as to it.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { AppFailure, type AttendanceParty, type HearingDetail } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { attendanceOutcome, attendanceRecordLine, type PartyAttendance } from '../../core/hearing/attendance';
import { formatSlot } from '../../core/hearing/schedule';
import { caseRespondents, cases, hearingAttendance, hearings, organisations, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { getHearingDetail } from './hearingRecord';
import { putRecordLine } from './recordLines';
import { mutateHearing, requireHearing, touchCase } from './scheduling';

export const LAW_36 = '《劳动争议调解仲裁法》第三十六条、《办案规则》第三十九条';
export const DEFAULT_TEXT = '经书面通知无正当理由拒不到庭，对其缺席审理';
export const WITHDRAWAL_TEXT = '申请人经书面通知无正当理由拒不到庭，视为撤回仲裁申请；再次申请仲裁的，不予受理';
const ATTENDANCE_PREFIX = '到庭情况：';

type Parties = { applicantLabel: string; applicants: { id: number; name: string }[]; respondents: { id: number; name: string }[] };

/** Who must be accounted for at a hearing of the case. */
export function attendanceParties(db: Executor, caseId: number): Parties {
  const respondents = db
    .select({ id: caseRespondents.id, name: organisations.name })
    .from(caseRespondents)
    .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
    .where(eq(caseRespondents.caseId, caseId))
    .orderBy(asc(caseRespondents.sortOrder), asc(caseRespondents.id))
    .all();
  const all = db
    .select({ id: workers.id, name: workers.name, rep: workers.isRepresentative })
    .from(workers)
    .where(eq(workers.caseId, caseId))
    .orderBy(asc(workers.sortOrder), asc(workers.id))
    .all();
  const reps = all.filter((w) => w.rep);
  const collective = !!db.select({ c: cases.isCollective }).from(cases).where(eq(cases.id, caseId)).get()?.c;
  return collective && reps.length
    ? { applicantLabel: '申请人的代表人', applicants: reps, respondents }
    : { applicantLabel: '申请人', applicants: all.map(({ id, name }) => ({ id, name })), respondents };
}

/** The recorded attendance of one hearing, every party listed (present null = not recorded). */
export function attendanceOf(db: Executor, caseId: number, hearingId: number): HearingDetail['attendance'] {
  return readAttendance(db, caseId, [hearingId]).get(hearingId)!;
}

/** Attendance of several hearings of one case in two queries. */
export function readAttendance(db: Executor, caseId: number, hearingIds: number[]): Map<number, HearingDetail['attendance']> {
  const parties = attendanceParties(db, caseId);
  const rows = hearingIds.length ? db.select().from(hearingAttendance).where(inArray(hearingAttendance.hearingId, hearingIds)).all() : [];
  const out = new Map<number, HearingDetail['attendance']>();
  for (const hearingId of hearingIds) {
    const mine = rows.filter((r) => r.hearingId === hearingId);
    const of = (party: 'respondent' | 'worker', list: { id: number; name: string }[]): AttendanceParty[] =>
      list.map((p) => {
        const r = mine.find((x) => x.party === party && x.partyId === p.id);
        return { party, partyId: p.id, name: p.name, present: r ? r.present : null, attendedBy: r?.attendedBy ?? null };
      });
    out.set(hearingId, { applicantLabel: parties.applicantLabel, applicants: of('worker', parties.applicants), respondents: of('respondent', parties.respondents) });
  }
  return out;
}

export const toPartyAttendance = (list: AttendanceParty[]): PartyAttendance[] => list.filter((p) => p.present !== null).map((p) => ({ name: p.name, present: !!p.present, attendedBy: p.attendedBy }));

export type AttendanceInput = {
  id: number;
  respondents: { respondentId: number; present: boolean; attendedBy?: string | null }[];
  applicants: { workerId: number; present: boolean; attendedBy?: string | null }[];
};

/**
 * Records who came, party by party. Absence grounds neither a default hearing nor a deemed
 * withdrawal unless the notice was served (or, in simplified procedure, the parties agreed to the
 * date and waived the period): Rules Art 59 for notice by phone or SMS not confirmed.
 */
export function recordAttendance(ctx: ServiceContext, input: AttendanceInput): HearingDetail {
  const today = todayInChina(ctx.now());
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消，不能登记到庭情况');
    const date = h.startsAt.slice(0, 10);
    if (date > today) throw new AppFailure('conflict', `开庭日期${formatChineseDate(date)}尚未到，不能登记到庭情况`);
    const parties = attendanceParties(tx, h.caseId);

    const pick = <T extends { present: boolean; attendedBy?: string | null }>(list: { id: number; name: string }[], given: T[], key: (g: T) => number, what: string): PartyAttendance[] => {
      const seen = new Set<number>();
      for (const g of given) {
        if (!list.some((p) => p.id === key(g))) throw new AppFailure('invalid_input', `${what}（编号${key(g)}）不是本案应登记到庭情况的当事人，请刷新后重试`);
        if (seen.has(key(g))) throw new AppFailure('invalid_input', `${list.find((p) => p.id === key(g))!.name}重复登记`);
        seen.add(key(g));
      }
      const missing = list.filter((p) => !seen.has(p.id));
      if (missing.length) throw new AppFailure('invalid_input', `请登记${what}${missing.map((p) => p.name).join('、')}是否到庭`);
      return list.map((p) => {
        const g = given.find((x) => key(x) === p.id)!;
        return { name: p.name, present: g.present, attendedBy: g.present ? g.attendedBy?.trim() || null : null };
      });
    };
    const applicants = pick(parties.applicants, input.applicants, (g) => g.workerId, parties.applicantLabel);
    const respondents = pick(parties.respondents, input.respondents, (g) => g.respondentId, '被申请人');
    const outcome = attendanceOutcome(applicants, respondents);
    const absent = [...applicants.filter((a) => !a.present).map((a) => a.name), ...respondents.filter((r) => !r.present).map((r) => r.name)];
    if (absent.length && !h.noticeServedOn && !h.noticeWaived) {
      throw new AppFailure(
        'conflict',
        `开庭通知未确认送达，${absent.join('、')}未到庭不能按${outcome === 'deemedWithdrawal' ? '撤回仲裁申请' : '缺席审理'}处理（依《办案规则》第五十九条，未经确认收到的开庭通知，不能作为按撤回仲裁申请处理或缺席裁决的依据）。请登记送达或改期开庭并重新通知`,
      );
    }

    tx.delete(hearingAttendance).where(eq(hearingAttendance.hearingId, h.id)).run();
    parties.applicants.forEach((p, i) => tx.insert(hearingAttendance).values({ hearingId: h.id, party: 'worker', partyId: p.id, present: applicants[i]!.present, attendedBy: applicants[i]!.attendedBy }).run());
    parties.respondents.forEach((p, i) => tx.insert(hearingAttendance).values({ hearingId: h.id, party: 'respondent', partyId: p.id, present: respondents[i]!.present, attendedBy: respondents[i]!.attendedBy }).run());
    tx.update(hearings)
      .set({ status: 'held', applicantPresent: applicants.some((a) => a.present), respondentPresent: respondents.every((r) => r.present), outcome })
      .where(eq(hearings.id, h.id))
      .run();
    touchCase(tx, ctx, h.caseId);

    const presence = attendanceRecordLine(parties.applicantLabel, applicants, respondents);
    const away = respondents.filter((r) => !r.present).map((r) => r.name);
    const consequence =
      outcome === 'deemedWithdrawal'
        ? `${WITHDRAWAL_TEXT}（${LAW_36}）`
        : outcome === 'default'
          ? `被申请人${away.join('、')}${DEFAULT_TEXT}（${LAW_36}）`
          : '开庭审理';
    const line = `${ATTENDANCE_PREFIX}${outcome === 'held' ? presence : `${presence}${consequence}。`}`;
    putRecordLine(tx, h.id, 'attendance', ATTENDANCE_PREFIX, line, ctx.now().toISOString());
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.attendance',
      summary: `${h.status === 'held' ? '更正到庭情况' : '开庭'}（${formatSlot(h)}）：${presence.replace(/。$/, '')}；${consequence}`,
      before: { status: h.status, applicantPresent: h.applicantPresent, respondentPresent: h.respondentPresent, outcome: h.outcome },
      after: { status: 'held', outcome, applicants: input.applicants, respondents: input.respondents },
    });
    return { result: getHearingDetail(ctx, h.id, tx), hearingId: h.id, caseId: h.caseId };
  });
}

