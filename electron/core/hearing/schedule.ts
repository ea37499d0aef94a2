// Scheduling rules for hearings (快审): the slot, the tribunal's composition, and conflicts with other
// hearings of the same day. Pure: values in, messages out. Times are China local 'YYYY-MM-DDTHH:mm'.
import { formatChineseMonthDay } from '../dates';
import type { HearingConflict } from '../contract';

export const DAY_OPENS = '08:00';
export const DAY_CLOSES = '20:00';

export type Interval = { startsAt: string; endsAt: string };

const dateOf = (t: string) => t.slice(0, 10);
const timeOf = (t: string) => t.slice(11, 16);

/** Half-open intervals [start, end): a hearing ending at 10:30 and one starting at 10:30 do not overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

function isRealTime(t: string): boolean {
  const h = Number(t.slice(11, 13));
  const m = Number(t.slice(14, 16));
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t) && h <= 23 && m <= 59;
}

/** "11月30日 09:00–10:30" */
export function formatSlot(slot: Interval): string {
  return `${formatChineseMonthDay(dateOf(slot.startsAt))} ${timeOf(slot.startsAt)}–${timeOf(slot.endsAt)}`;
}

/** Why a slot cannot hold a hearing, or null: ends after it starts, on the same day, within 08:00–20:00. */
export function slotProblem(slot: Interval): string | null {
  if (!isRealTime(slot.startsAt) || !isRealTime(slot.endsAt)) return '开庭时间无效';
  if (dateOf(slot.startsAt) !== dateOf(slot.endsAt)) return '开庭须在同一天内开始和结束';
  if (slot.endsAt <= slot.startsAt) return '结束时间须晚于开始时间';
  if (timeOf(slot.startsAt) < DAY_OPENS || timeOf(slot.endsAt) > DAY_CLOSES) return `开庭时间须在${DAY_OPENS}至${DAY_CLOSES}之间`;
  return null;
}

export type Tribunal = {
  procedure: 'simplified' | 'ordinary';
  presidingId: number;
  wingIds: number[];
  /** Workers of a collective dispute (10 or more with a common claim), when the case is one. */
  collectiveWorkers?: number | null;
};

/**
 * A collective dispute is heard by three arbitrators with a presiding one: 《劳动争议调解仲裁法》
 * 第三十一条 ("仲裁庭由三名仲裁员组成，设首席仲裁员。简单劳动争议案件可以由一名仲裁员独任仲裁") and
 * 《劳动人事争议仲裁组织规则》(2017) 第十三条 ("处理下列争议案件应当由三名仲裁员组成仲裁庭，设首席
 * 仲裁员：（一）十人以上并有共同请求的争议案件…"). 《办案规则》第六十二条第二款 lets a collective case
 * that meets 第五十六条 be handled simply, but the Organisation Rules still require three arbitrators
 * for it, so the app never seats a sole arbitrator on a collective case.
 */
export const COLLECTIVE_TRIBUNAL_BASIS = '《劳动争议调解仲裁法》第三十一条、《劳动人事争议仲裁组织规则》第十三条';

export function collectiveTribunalMessage(workers: number): string {
  return `本案为集体劳动人事争议（${workers}名劳动者有共同请求），依${COLLECTIVE_TRIBUNAL_BASIS}，应当由三名仲裁员组成仲裁庭并设首席仲裁员，不适用独任审理`;
}

/** Simplified procedure: one arbitrator. Ordinary: a presiding arbitrator and two more, three different people. */
export function tribunalProblem(t: Tribunal): string | null {
  if (t.collectiveWorkers && (t.procedure === 'simplified' || t.wingIds.length !== 2)) return collectiveTribunalMessage(t.collectiveWorkers);
  if (t.procedure === 'simplified') {
    return t.wingIds.length === 0 ? null : '简易处理由一名仲裁员独任审理，不应另选仲裁员';
  }
  if (t.wingIds.length !== 2) return '普通程序须由三名仲裁员组成仲裁庭：首席仲裁员一名、仲裁员两名';
  if (new Set([t.presidingId, ...t.wingIds]).size !== 3) return '仲裁庭的三名仲裁员须为不同的人';
  return null;
}

/** The procedure a composition implies (for a check that does not name one): no wings → simplified. */
export function procedureOf(wingIds: number[]): 'simplified' | 'ordinary' {
  return wingIds.length === 0 ? 'simplified' : 'ordinary';
}

export type PlannedHearing = Interval & { id: number | null; roomId: number; presidingId: number; wingIds: number[]; clerkId: number };
export type BookedHearing = PlannedHearing & { id: number; caseNumber: string | null; caseLabel: string; roomName: string };
export type Names = { staff: (id: number) => string };

/**
 * Every clash of `planned` with the other (non-cancelled) hearings given: the same room, a shared
 * arbitrator (presiding or wing, in any seat), or the same clerk, at overlapping times.
 */
export function findConflicts(planned: PlannedHearing, booked: BookedHearing[], names: Names): HearingConflict[] {
  const out: HearingConflict[] = [];
  const mine = new Set([planned.presidingId, ...planned.wingIds]);
  for (const other of booked) {
    if (other.id === planned.id || !overlaps(planned, other)) continue;
    const when = formatSlot(other);
    const base = { hearingId: other.id, caseNumber: other.caseNumber };
    if (other.roomId === planned.roomId) {
      out.push({ ...base, kind: 'room', message: `${other.roomName} ${when} 已安排 ${other.caseLabel}` });
    }
    const shared = [other.presidingId, ...other.wingIds].filter((id) => mine.has(id));
    for (const id of shared) {
      out.push({ ...base, kind: 'arbitrator', message: `仲裁员${names.staff(id)} ${when} 已在${other.roomName}审理 ${other.caseLabel}` });
    }
    if (other.clerkId === planned.clerkId) {
      out.push({ ...base, kind: 'clerk', message: `书记员${names.staff(other.clerkId)} ${when} 已在${other.roomName}记录 ${other.caseLabel}` });
    }
  }
  return out;
}
