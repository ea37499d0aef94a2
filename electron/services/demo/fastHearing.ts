/**
 * A hearing held on the fast path, as the hearing services leave it: the first hearing composes the
 * tribunal (hearings.schedule → writeTribunal: 组庭 with the hearing's arbitrators and clerk), the
 * hearing is booked in a free slot of the demo's calendar (a share of the living calendar's slots,
 * else a short hearing at a time the living cases never book, else a slot of an extra bench sized to
 * the caseload by benchesFor), its
 * notice served (or, in simplified procedure with the hearing within five days, the notice period
 * waived with both sides' consent), and its attendance recorded party by party (hearings.attendance:
 * held, heard by default as to an absent respondent, or deemed withdrawn when the applicant side
 * stayed away), with the attendance line of the 庭审笔录. Each group of rows is taken by its own
 * event, as the services append them. Prepared statements, inside the caller's transaction.
 */
import type { Tx } from '../../../db/open';
import { addDays, diffDays, formatChineseDate } from '../../core/dates';
import { procedureLabels, type Procedure } from '../../core/domain';
import { attendanceOutcome, attendanceRecordLine, type PartyAttendance } from '../../core/hearing/attendance';
import { formatSlot } from '../../core/hearing/schedule';
import type { ServiceContext } from '../context';
import { attendanceParties, DEFAULT_TEXT, LAW_36, WITHDRAWAL_TEXT } from '../hearings/attendance';
import { putRecordLine } from '../hearings/recordLines';
import { tribunalText } from '../hearings/scheduling';
import { tribunalWords } from '../hearings/tribunal';
import { appendEvent, clientOf } from '../timeline';
import type { HearingSlots } from './living/hearings';
import { daysAround, HearingBook } from './hearingBook';
import type { Tribunal } from './living/settingsStaff';

export type FastHearing = {
  id: number;
  procedure: Procedure;
  /** The day planned; the hearing takes the nearest free slot between `earliest` and `latest`. */
  day: string;
  earliest: string;
  latest: string;
  applicantPresent: boolean;
  respondentPresent: boolean;
};

export type HeldHearing = { hearingId: number; heldOn: string; outcome: 'held' | 'default' | 'deemedWithdrawal'; applicants: string[] };

const NOTICE_DAYS = 5;

const WAIVER_NOTE = '开庭前经双方当事人当面同意放弃开庭通知期限，已签字确认';

export class FastHearings {
  private readonly insertTribunal;
  private readonly insertHearing;
  private readonly insertAttendance;
  private readonly markHeld;
  private readonly names: Map<number, string>;
  private readonly roomNames: Map<number, string>;
  /** Hearings held after the evening list because every slot of their window was taken. */
  overflow = 0;
  private readonly book: HearingBook;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly tx: Tx,
    private readonly tribunal: Tribunal,
    slots: HearingSlots,
    standingPerDay = Infinity,
  ) {
    this.book = new HearingBook(ctx.calendar, tribunal, slots, standingPerDay);
    const client = clientOf(tx);
    this.insertTribunal = client.prepare(
      `insert into case_tribunals (case_id, procedure, presiding_id, wing_ids, clerk_id, composed_on, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertHearing = client.prepare(`
      insert into hearings (case_id, starts_at, ends_at, room_id, procedure, presiding_id, wing_ids, clerk_id, notice_served_on, notice_waived, notice_waiver_note, status, created_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'scheduled', ?) returning id`);
    this.insertAttendance = client.prepare(`insert into hearing_attendance (hearing_id, party, party_id, present, attended_by) values (?, ?, ?, ?, ?)`);
    this.markHeld = client.prepare(`update hearings set status = 'held', applicant_present = ?, respondent_present = ?, outcome = ? where id = ?`);
    this.names = new Map([...tribunal.arbitrators, ...tribunal.clerks].map((s) => [s.id, s.name]));
    this.roomNames = new Map(tribunal.rooms.map((r) => [r.id, r.name]));
  }

  /**
   * Books, holds and records one hearing. Only as a last resort — every slot of every bench taken
   * between earliest and latest, which benchesFor's margin is there to prevent — the hearing sits at
   * 19:35–19:55 in the small room, a time the living cases never book (counted in `overflow`; such
   * hearings may share a room or a person).
   */
  hold(h: FastHearing, at: (date: string, hour: number) => Date): HeldHearing {
    let slot = this.book.place(h);
    if (!slot) {
      this.overflow++;
      const t = this.tribunal;
      const day = [...daysAround(this.ctx.calendar, h)][0] ?? h.day;
      const presiding = t.arbitrators[h.id % t.arbitrators.length]!;
      const wings = h.procedure === 'ordinary' ? t.arbitrators.filter((a) => a.id !== presiding.id).slice(0, 2).map((a) => a.id) : [];
      slot = { startsAt: `${day}T19:35`, endsAt: `${day}T19:55`, roomId: t.rooms[t.rooms.length - 1]!.id, presidingId: presiding.id, wingIds: wings, clerkId: t.clerks[h.id % t.clerks.length]!.id };
    }
    const heldOn = slot.startsAt.slice(0, 10);
    const { tx } = this;
    // the notice goes out five days ahead; a hearing sooner than that is held on a waiver (simplified only)
    const noticeOn = addDays(heldOn, -NOTICE_DAYS) >= h.earliest ? addDays(heldOn, -NOTICE_DAYS) : h.earliest;
    const waived = diffDays(noticeOn, heldOn) < NOTICE_DAYS && h.procedure === 'simplified';
    const wingIds = JSON.stringify(slot.wingIds);

    this.insertTribunal.run(h.id, h.procedure, slot.presidingId, wingIds, slot.clerkId, noticeOn, at(noticeOn, 9).toISOString());
    const arbitratorNames = [slot.presidingId, ...slot.wingIds].map((id) => this.names.get(id)!);
    appendEvent(tx, at(noticeOn, 9), {
      caseId: h.id,
      action: 'tribunal.composed',
      summary: `组成仲裁庭（${formatChineseDate(noticeOn)}，随开庭安排）：${procedureLabels[h.procedure]}，${tribunalWords({ arbitratorNames, procedure: h.procedure })}，书记员${this.names.get(slot.clerkId)}。请制作组庭通知书并送达当事人（《劳动争议调解仲裁法》第三十二条）`,
      after: { procedure: h.procedure, presidingId: slot.presidingId, wingIds: slot.wingIds, clerkId: slot.clerkId, composedOn: noticeOn },
    });

    const { id: hearingId } = this.insertHearing.get(
      h.id, slot.startsAt, slot.endsAt, slot.roomId, h.procedure, slot.presidingId, wingIds, slot.clerkId,
      waived ? null : noticeOn, waived ? 1 : 0, waived ? WAIVER_NOTE : null, at(noticeOn, 9).toISOString(),
    ) as { id: number };
    const notice = waived ? `；经双方当事人同意放弃开庭通知期限（${WAIVER_NOTE}）` : `；开庭通知已于${formatChineseDate(noticeOn)}送达`;
    appendEvent(tx, at(noticeOn, 9), {
      caseId: h.id,
      action: 'hearing.scheduled',
      summary: `安排开庭：${formatSlot(slot)} ${this.roomNames.get(slot.roomId)}，${tribunalText({ names: this.names }, h.procedure, slot.presidingId, slot.wingIds, slot.clerkId)}${notice}；同时组成仲裁庭，请送达组庭通知书`,
      after: { hearingId, caseId: h.id, ...slot, procedure: h.procedure, noticeServedOn: waived ? null : noticeOn, noticeWaived: waived, warnings: [] },
    });

    // attendance party by party, as hearings.attendance records it
    const parties = attendanceParties(tx, h.id);
    const applicants: PartyAttendance[] = parties.applicants.map((p) => ({ name: p.name, present: h.applicantPresent, attendedBy: null }));
    const respondents: PartyAttendance[] = parties.respondents.map((p) => ({ name: p.name, present: h.respondentPresent, attendedBy: null }));
    const outcome = attendanceOutcome(applicants, respondents);
    for (const p of parties.applicants) this.insertAttendance.run(hearingId, 'worker', p.id, h.applicantPresent ? 1 : 0, null);
    for (const p of parties.respondents) this.insertAttendance.run(hearingId, 'respondent', p.id, h.respondentPresent ? 1 : 0, null);
    this.markHeld.run(h.applicantPresent ? 1 : 0, h.respondentPresent ? 1 : 0, outcome, hearingId);
    const presence = attendanceRecordLine(parties.applicantLabel, applicants, respondents);
    const consequence =
      outcome === 'deemedWithdrawal'
        ? `${WITHDRAWAL_TEXT}（${LAW_36}）`
        : outcome === 'default'
          ? `被申请人${respondents.map((r) => r.name).join('、')}${DEFAULT_TEXT}（${LAW_36}）`
          : '开庭审理';
    const heldAt = at(heldOn, Number(slot.endsAt.slice(11, 13)));
    putRecordLine(tx, hearingId, 'attendance', '到庭情况：', `到庭情况：${outcome === 'held' ? presence : `${presence}${consequence}。`}`, heldAt.toISOString());
    appendEvent(tx, heldAt, {
      caseId: h.id,
      action: 'hearing.attendance',
      summary: `开庭（${formatSlot(slot)}）：${presence.replace(/。$/, '')}；${consequence}`,
      before: { status: 'scheduled', applicantPresent: null, respondentPresent: null, outcome: null },
      after: {
        status: 'held',
        outcome,
        applicants: parties.applicants.map((p) => ({ workerId: p.id, present: h.applicantPresent })),
        respondents: parties.respondents.map((p) => ({ respondentId: p.id, present: h.respondentPresent })),
      },
    });
    return { hearingId, heldOn, outcome, applicants: parties.applicants.map((p) => p.name) };
  }
}
