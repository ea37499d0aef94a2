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
import { ORDINARY_SLOTS, SIMPLE_SLOTS } from './living/hearings';
import type { Bench, ExtraBenches, Tribunal } from './living/settingsStaff';

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

type Slot = { startsAt: string; endsAt: string; roomId: number; presidingId: number; wingIds: number[]; clerkId: number };

/**
 * The fast path's share of the living calendar's slots per day (HearingSlots: 8 simplified, 2
 * ordinary): the rest stays free for the living cases, which book theirs afterwards.
 */
const CALENDAR_SHARE = { simplified: 5, ordinary: 1 };
/** Short 速裁 hearings at times the living calendar never books (up to three at once, one per clerk). */
const SHORT_SLOTS = [
  { start: '08:00', end: '08:50' },
  { start: '12:10', end: '13:00' },
  { start: '13:30', end: '14:20' },
  { start: '17:40', end: '18:30' },
  // 夜间庭: after work, for workers who cannot leave the site by day
  { start: '18:40', end: '19:30' },
];
/** An extra bench sits the normal day times of its procedure and the short times. */
const BENCH_TIMES: Record<Procedure, { start: string; end: string }[]> = {
  simplified: [...SIMPLE_SLOTS, ...SHORT_SLOTS],
  ordinary: [...ORDINARY_SLOTS, ...SHORT_SLOTS],
};
/** Every time a demo hearing may sit (the living calendar's, the short ones): a test holds the demo to these. */
export const HEARING_TIMES = [...SIMPLE_SLOTS, ...ORDINARY_SLOTS, ...SHORT_SLOTS];

/**
 * What the standing tribunal takes per working day, at least (the rest of the living calendar, and
 * the short time at which an ordinary and a simplified hearing would want the same clerk, kept apart).
 */
const STANDING_PER_DAY: Record<Procedure, number> = {
  simplified: CALENDAR_SHARE.simplified + 2 * SHORT_SLOTS.length,
  ordinary: CALENDAR_SHARE.ordinary + SHORT_SLOTS.length,
};

/**
 * Extra benches for the fast path's hearings: for each procedure, the busiest run of five working
 * days (hearings by their planned day) with half again to spare, less what the standing tribunal
 * holds (`standingPerDay` caps it, for a test), over what one bench sits a day. Hearings move within
 * their window (acceptance to award), so a day over the average finds room on a neighbouring one.
 */
export function benchesFor(planned: { day: string; procedure: Procedure }[], isWorkday: (date: string) => boolean, standingPerDay = Infinity): ExtraBenches {
  const need = (procedure: Procedure) => {
    const perDay = new Map<string, number>();
    for (const h of planned) if (h.procedure === procedure) perDay.set(h.day, (perDay.get(h.day) ?? 0) + 1);
    const days = [...perDay.keys()].sort();
    if (!days.length) return 0;
    let busiest = 0;
    const window: number[] = [];
    for (let d = days[0]!; d <= days[days.length - 1]!; d = addDays(d, 1)) {
      if (!isWorkday(d)) continue;
      window.push(perDay.get(d) ?? 0);
      if (window.length > 5) window.shift();
      busiest = Math.max(busiest, window.reduce((a, b) => a + b, 0) / 5);
    }
    const standing = Math.min(STANDING_PER_DAY[procedure], Number.isFinite(standingPerDay) ? Math.floor(standingPerDay / 2) : Infinity);
    return Math.max(0, Math.ceil((Math.ceil(busiest * 1.5) - standing) / BENCH_TIMES[procedure].length));
  };
  return { simplified: need('simplified'), ordinary: need('ordinary') };
}

const WAIVER_NOTE = '开庭前经双方当事人当面同意放弃开庭通知期限，已签字确认';

/** Working days from `day` on to `latest`, then back towards `earliest` (the planned day first, the day of acceptance last). */
function* daysAround(ctx: ServiceContext, h: FastHearing): Generator<string> {
  for (let d = h.day; d <= h.latest; d = addDays(d, 1)) if (ctx.calendar.isWorkday(d)) yield d;
  for (let d = addDays(h.day, -1); d >= h.earliest; d = addDays(d, -1)) if (ctx.calendar.isWorkday(d)) yield d;
}

export class FastHearings {
  private readonly insertTribunal;
  private readonly insertHearing;
  private readonly insertAttendance;
  private readonly markHeld;
  private readonly names: Map<number, string>;
  private readonly roomNames: Map<number, string>;
  /** Hearings held after the evening list because every slot of their window was taken. */
  overflow = 0;
  private readonly shared = new Map<string, number>();
  private readonly short = new Set<string>();
  /** Fast-path hearings the standing tribunal holds per day, and at most how many. */
  private readonly standing = new Map<string, number>();
  private readonly benchUsed = new Set<string>();
  private readonly benches: Record<Procedure, Bench[]>;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly tx: Tx,
    private readonly tribunal: Tribunal,
    private readonly slots: HearingSlots,
    private readonly standingPerDay = Infinity,
  ) {
    this.benches = { simplified: tribunal.benches.filter((b) => b.procedure === 'simplified'), ordinary: tribunal.benches.filter((b) => b.procedure === 'ordinary') };
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

  /** A slot on `date`: the standing tribunal's (its share of the calendar, then short hearings outside its times), else an extra bench's. */
  private take(date: string, procedure: Procedure, rotate: number): Slot | null {
    const standing = this.standing.get(date) ?? 0;
    const slot = standing < this.standingPerDay ? this.takeStanding(date, procedure, rotate) : null;
    if (slot) {
      this.standing.set(date, standing + 1);
      return slot;
    }
    return this.takeBench(date, procedure, rotate);
  }

  private takeStanding(date: string, procedure: Procedure, rotate: number): Slot | null {
    const key = `${date}|${procedure}`;
    const used = this.shared.get(key) ?? 0;
    if (used < CALENDAR_SHARE[procedure]) {
      const slot = this.slots.take(date, procedure, rotate);
      if (slot) {
        this.shared.set(key, used + 1);
        return slot;
      }
    }
    const t = this.tribunal;
    for (const s of SHORT_SLOTS) {
      // one hearing per clerk at a time; a three-member tribunal only in the large room, with arbitrators 4–6
      for (const k of procedure === 'ordinary' ? [0] : [0, 1, 2]) {
        const taken = `${date}|${s.start}|${k}`;
        if (this.short.has(taken)) continue;
        this.short.add(taken);
        const room = procedure === 'ordinary' ? t.rooms[0]! : t.rooms[k === 0 ? t.rooms.length - 1 - t.benches.length : k]!;
        const presiding = procedure === 'ordinary' ? t.arbitrators[3]! : t.arbitrators[k]!;
        const wingIds = procedure === 'ordinary' ? [t.arbitrators[4]!.id, t.arbitrators[5]!.id] : [];
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: room.id, presidingId: presiding.id, wingIds, clerkId: t.clerks[k]!.id };
      }
    }
    return null;
  }

  /** The first free time of an extra bench of this procedure (starting from a different bench per case). */
  private takeBench(date: string, procedure: Procedure, rotate: number): Slot | null {
    const benches = this.benches[procedure];
    for (let b = 0; b < benches.length; b++) {
      const bench = benches[(b + rotate) % benches.length]!;
      for (const s of BENCH_TIMES[procedure]) {
        const key = `${date}|${s.start}|${bench.roomId}`;
        if (this.benchUsed.has(key)) continue;
        this.benchUsed.add(key);
        const [presidingId, ...wingIds] = bench.arbitratorIds;
        return { startsAt: `${date}T${s.start}`, endsAt: `${date}T${s.end}`, roomId: bench.roomId, presidingId: presidingId!, wingIds, clerkId: bench.clerkId };
      }
    }
    return null;
  }

  /**
   * Books, holds and records one hearing. Only as a last resort — every slot of every bench taken
   * between earliest and latest, which benchesFor's margin is there to prevent — the hearing sits at
   * 19:35–19:55 in the small room, a time the living cases never book (counted in `overflow`; such
   * hearings may share a room or a person).
   */
  hold(h: FastHearing, at: (date: string, hour: number) => Date): HeldHearing {
    let slot: Slot | null = null;
    for (const d of daysAround(this.ctx, h)) if ((slot = this.take(d, h.procedure, h.id))) break;
    if (!slot) {
      this.overflow++;
      const t = this.tribunal;
      const day = [...daysAround(this.ctx, h)][0] ?? h.day;
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
