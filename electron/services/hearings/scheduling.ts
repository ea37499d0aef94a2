/**
 * Scheduling 快审 hearings: check, schedule, move (drag to another slot), record the notice's
 * service, cancel. Conflicts (same room, a shared arbitrator, the same clerk at overlapping times)
 * are refused; the notice period, the award deadline and a past date are warnings, saved with the
 * hearing, returned in the view and written into the case timeline.
 */
import { eq, sql } from 'drizzle-orm';
import { AppFailure, type HearingConflict, type HearingView, type HearingWarning } from '../../core/contract';
import { addDays, formatChineseDate, todayInChina } from '../../core/dates';
import { procedureLabels } from '../../core/domain';
import {
  findConflicts,
  formatSlot,
  procedureOf,
  slotProblem,
  tribunalProblem,
  type BookedHearing,
  type PlannedHearing,
} from '../../core/hearing/schedule';
import { hearingWarnings } from '../../core/hearing/warnings';
import { accounts, cases, hearings, rooms } from '../../../db/schema';
import { parseRoles } from '../accounts/accountRows';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { caseDueDates, caseLabelOf, getHearingView, nowInChina } from './hearingViews';
import { readTribunal, tribunalWords, writeTribunal } from './tribunal';

type CaseRecord = typeof cases.$inferSelect;
type HearingRecord = typeof hearings.$inferSelect;
type Procedure = 'simplified' | 'ordinary';

export function requireHearing(db: Executor, id: number): HearingRecord {
  const row = db.select().from(hearings).where(eq(hearings.id, id)).get();
  if (!row) throw new AppFailure('not_found', `开庭安排不存在（编号${id}）`);
  return row;
}

export function requireCaseRow(db: Executor, id: number): CaseRecord {
  const row = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${id}）`);
  return row;
}

/** Runs one change in an IMMEDIATE transaction, then announces the hearing and the case. */
export function mutateHearing<T>(ctx: ServiceContext, change: (tx: Tx) => { result: T; hearingId: number; caseId: number }): T {
  const done = ctx.db.transaction((tx) => change(tx), { behavior: 'immediate' });
  ctx.emit({ type: 'hearings.changed', hearingId: done.hearingId, caseId: done.caseId });
  ctx.emit({ type: 'cases.changed', caseId: done.caseId });
  return done.result;
}

export function touchCase(tx: Tx, ctx: ServiceContext, caseId: number): void {
  tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, caseId)).run();
}

function requireHearable(row: CaseRecord): void {
  if (!row.hasArbitration) throw new AppFailure('conflict', '本案尚未登记仲裁申请（目前只有监察程序），不能安排开庭');
  if (row.status !== 'accepted') {
    const why = { received: '尚未受理', rejected: '已不予受理', closed: '已结案', accepted: '' }[row.status];
    throw new AppFailure('conflict', `该案件${why}，不能安排开庭`);
  }
}

function requireValid(planned: PlannedHearing, procedure: Procedure, row: CaseRecord): void {
  const slot = slotProblem(planned);
  if (slot) throw new AppFailure('invalid_input', slot);
  const tribunal = tribunalProblem({ procedure, presidingId: planned.presidingId, wingIds: planned.wingIds, collectiveWorkers: row.isCollective ? row.workerCount : null });
  if (tribunal) throw new AppFailure('invalid_input', tribunal);
}

/** A hearing is held by the case's composed tribunal (Law Art 31): the same arbitrators, the same presiding one. */
function requireComposedTribunal(db: Executor, caseId: number, planned: { presidingId: number; wingIds: number[] }): void {
  const t = readTribunal(db, caseId);
  if (!t) return;
  const same = t.presidingId === planned.presidingId && [...t.wingIds].sort().join() === [...planned.wingIds].sort().join();
  if (!same) {
    throw new AppFailure(
      'conflict',
      `本案已于${formatChineseDate(t.composedOn)}组成仲裁庭（${tribunalWords(t)}），开庭应由该仲裁庭审理；如需更换仲裁员，请先重新组庭并书面通知当事人`,
    );
  }
}

/** The people and the room exist in the right role (and, for a new choice, are active). */
function requireResources(db: Executor, planned: PlannedHearing, requireActive: boolean): void {
  const people = db.select().from(accounts).all();
  const byId = new Map(people.map((p) => [p.id, p]));
  const need = (id: number, role: 'arbitrator' | 'clerk', what: string) => {
    const p = byId.get(id);
    if (!p) throw new AppFailure('not_found', `${what}不存在（编号${id}）`);
    if (!parseRoles(p.roles).includes(role)) throw new AppFailure('invalid_input', `${p.name}不是${role === 'arbitrator' ? '仲裁员' : '书记员'}，不能担任${what}`);
    if (requireActive && !p.active) throw new AppFailure('conflict', `${p.name}已停用，不能安排开庭`);
  };
  need(planned.presidingId, 'arbitrator', planned.wingIds.length ? '首席仲裁员' : '仲裁员');
  for (const w of planned.wingIds) need(w, 'arbitrator', '仲裁员');
  need(planned.clerkId, 'clerk', '书记员');
  const room = db.select().from(rooms).where(eq(rooms.id, planned.roomId)).get();
  if (!room) throw new AppFailure('not_found', `仲裁庭不存在（编号${planned.roomId}）`);
  if (requireActive && !room.active) throw new AppFailure('conflict', `${room.name}已停用，请选择其他仲裁庭`);
}

/**
 * Other non-cancelled hearings of the same day. A hearing lies within one day, so only hearings
 * starting that day can overlap: a range on the hearings_starts index, never a scan of all hearings.
 */
function bookedThatDay(db: Executor, day: string, excludeId: number | null): BookedHearing[] {
  const rows = db.all<{
    id: number;
    startsAt: string;
    endsAt: string;
    roomId: number;
    roomName: string;
    presidingId: number;
    wingIds: string;
    clerkId: number;
    caseId: number;
    caseNumber: string | null;
  }>(sql`
    select h.id, h.starts_at as startsAt, h.ends_at as endsAt, h.room_id as roomId, r.name as roomName,
      h.presiding_id as presidingId, h.wing_ids as wingIds, h.clerk_id as clerkId, h.case_id as caseId, c.case_number as caseNumber
    from hearings h indexed by hearings_starts
      join rooms r on r.id = h.room_id
      join cases c on c.id = h.case_id
    where h.starts_at >= ${day} and h.starts_at < ${addDays(day, 1)} and h.status <> 'cancelled' and h.id <> ${excludeId ?? 0}`);
  return rows.map((r) => ({ ...r, wingIds: JSON.parse(r.wingIds) as number[], caseLabel: caseLabelOf(r.caseNumber, r.caseId) }));
}

function conflictsOf(db: Executor, planned: PlannedHearing): HearingConflict[] {
  const names = new Map(db.select({ id: accounts.id, name: accounts.name }).from(accounts).all().map((s) => [s.id, s.name]));
  return findConflicts(planned, bookedThatDay(db, planned.startsAt.slice(0, 10), planned.id), { staff: (id) => names.get(id) ?? `人员${id}` });
}

function refuseConflicts(conflicts: HearingConflict[]): void {
  if (conflicts.length) throw new AppFailure('conflict', `时间冲突，不能安排：${conflicts.map((c) => c.message).join('；')}`);
}

function warningsFor(
  ctx: ServiceContext,
  db: Executor,
  row: CaseRecord,
  h: { startsAt: string; procedure: Procedure; noticeServedOn: string | null; noticeWaived: boolean },
): HearingWarning[] {
  const due = caseDueDates(ctx, db, row.id);
  return hearingWarnings({ ...h, ...due, now: nowInChina(ctx.now()), scheduled: true }, ctx.calendar);
}

function checkServedOn(servedOn: string | null | undefined, row: CaseRecord, hearingDate: string, today: string): void {
  if (!servedOn) return;
  if (servedOn > today) throw new AppFailure('invalid_input', '开庭通知送达日期不能晚于今天');
  if (row.acceptedOn && servedOn < row.acceptedOn) throw new AppFailure('invalid_input', `开庭通知送达日期不能早于受理日期${formatChineseDate(row.acceptedOn)}`);
  if (servedOn > hearingDate) throw new AppFailure('invalid_input', '开庭通知送达日期不能晚于开庭日期');
}

function checkWaiver(procedure: Procedure, waived: boolean, note: string | null | undefined): void {
  if (!waived) return;
  if (procedure !== 'simplified') throw new AppFailure('invalid_input', '只有简易处理的案件经双方当事人同意才可以放弃开庭通知期限；普通程序须提前五日书面通知');
  if (!note?.trim()) throw new AppFailure('invalid_input', '放弃通知期限须记录双方当事人的同意（如何时、以何种方式表示同意）');
}

const warningText = (warnings: HearingWarning[]) => (warnings.length ? `。提醒：${warnings.map((w) => w.message).join('；')}` : '');

export function tribunalText(ctx: { names: Map<number, string> }, procedure: Procedure, presidingId: number, wingIds: number[], clerkId: number): string {
  const n = (id: number) => ctx.names.get(id) ?? `人员${id}`;
  const arbitrators = procedure === 'simplified' ? `仲裁员${n(presidingId)}独任` : `首席仲裁员${n(presidingId)}、仲裁员${wingIds.map(n).join('、')}`;
  return `${procedureLabels[procedure]}，${arbitrators}，书记员${n(clerkId)}`;
}

// ── check ────────────────────────────────────────────────────────────────────────────────────────

export type CheckInput = {
  hearingId?: number | null;
  caseId: number;
  startsAt: string;
  endsAt: string;
  roomId: number;
  presidingId: number;
  wingIds: number[];
  clerkId: number;
  noticeServedOn?: string | null;
  noticeWaived: boolean;
};

/** A dry run for the calendar (drag preview, the scheduling form): what scheduling would refuse or warn. */
export function checkHearing(ctx: ServiceContext, input: CheckInput): { conflicts: HearingConflict[]; warnings: HearingWarning[] } {
  const db = ctx.db;
  const existing = input.hearingId ? requireHearing(db, input.hearingId) : null;
  if (existing && existing.caseId !== input.caseId) throw new AppFailure('invalid_input', '开庭安排与案件不符');
  const row = requireCaseRow(db, input.caseId);
  requireHearable(row);
  const procedure = procedureOf(input.wingIds);
  const planned: PlannedHearing = { ...input, id: existing?.id ?? null };
  requireValid(planned, procedure, row);
  requireResources(db, planned, !existing);
  requireComposedTribunal(db, row.id, planned);
  const noticeServedOn = input.noticeServedOn !== undefined ? input.noticeServedOn : (existing?.noticeServedOn ?? null);
  const noticeWaived = procedure === 'simplified' && (input.noticeWaived || !!existing?.noticeWaived);
  return {
    conflicts: conflictsOf(db, planned),
    warnings: warningsFor(ctx, db, row, { startsAt: input.startsAt, procedure, noticeServedOn, noticeWaived }),
  };
}

// ── schedule ─────────────────────────────────────────────────────────────────────────────────────

export type ScheduleInput = {
  caseId: number;
  startsAt: string;
  endsAt: string;
  roomId: number;
  procedure: Procedure;
  presidingId: number;
  wingIds: number[];
  clerkId: number;
  noticeServedOn?: string | null;
  noticeWaived: boolean;
  noticeWaiverNote?: string | null;
};

export function scheduleHearing(ctx: ServiceContext, input: ScheduleInput): HearingView {
  const today = todayInChina(ctx.now());
  return mutateHearing(ctx, (tx) => {
    const row = requireCaseRow(tx, input.caseId);
    requireHearable(row);
    const planned: PlannedHearing = { ...input, id: null };
    requireValid(planned, input.procedure, row);
    checkWaiver(input.procedure, input.noticeWaived, input.noticeWaiverNote);
    requireResources(tx, planned, true);
    requireComposedTribunal(tx, row.id, planned);
    // the first hearing of a case with no composed tribunal composes it (its 组庭通知书 is still due)
    const composedNow = readTribunal(tx, row.id) ? null : writeTribunal(ctx, tx, row, { presidingId: input.presidingId, wingIds: input.wingIds, clerkId: input.clerkId, composedOn: today }, '，随开庭安排');
    checkServedOn(input.noticeServedOn, row, input.startsAt.slice(0, 10), today);
    refuseConflicts(conflictsOf(tx, planned));

    const noticeServedOn = input.noticeServedOn ?? null;
    const waiverNote = input.noticeWaived ? (input.noticeWaiverNote?.trim() ?? null) : null;
    const inserted = tx
      .insert(hearings)
      .values({
        caseId: row.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        roomId: input.roomId,
        procedure: input.procedure,
        presidingId: input.presidingId,
        wingIds: JSON.stringify(input.wingIds),
        clerkId: input.clerkId,
        noticeServedOn,
        noticeWaived: input.noticeWaived,
        noticeWaiverNote: waiverNote,
        createdAt: ctx.now().toISOString(),
      })
      .returning({ id: hearings.id })
      .get();
    const warnings = warningsFor(ctx, tx, row, { startsAt: input.startsAt, procedure: input.procedure, noticeServedOn, noticeWaived: input.noticeWaived });
    const names = new Map(tx.select({ id: accounts.id, name: accounts.name }).from(accounts).all().map((s) => [s.id, s.name]));
    const room = tx.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, input.roomId)).get()!.name;
    const movedStage = row.stage === 'filing' || row.stage === 'mediation';
    tx.update(cases)
      .set({ updatedAt: ctx.now().toISOString(), ...(movedStage ? { stage: 'hearing' as const } : {}) })
      .where(eq(cases.id, row.id))
      .run();
    const notice = input.noticeWaived
      ? `；经双方当事人同意放弃开庭通知期限（${waiverNote}）`
      : noticeServedOn
        ? `；开庭通知已于${formatChineseDate(noticeServedOn)}送达`
        : '';
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'hearing.scheduled',
      summary:
        `安排开庭：${formatSlot(input)} ${room}，${tribunalText({ names }, input.procedure, input.presidingId, input.wingIds, input.clerkId)}` +
        notice +
        (composedNow ? '；同时组成仲裁庭，请送达组庭通知书' : '') +
        (movedStage ? '；案件进入快审' : '') +
        warningText(warnings),
      after: { hearingId: inserted.id, ...input, warnings: warnings.map((w) => w.kind) },
    });
    return { result: getHearingView(ctx, tx, inserted.id), hearingId: inserted.id, caseId: row.id };
  });
}

// ── move ─────────────────────────────────────────────────────────────────────────────────────────

export function moveHearing(ctx: ServiceContext, input: { id: number; startsAt: string; endsAt: string; roomId?: number }): HearingView {
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status !== 'scheduled') throw new AppFailure('conflict', h.status === 'held' ? '该次开庭已举行，不能改期' : '该次开庭已取消，不能改期');
    const row = requireCaseRow(tx, h.caseId);
    requireHearable(row);
    const wingIds = JSON.parse(h.wingIds) as number[];
    const roomId = input.roomId ?? h.roomId;
    const planned: PlannedHearing = { id: h.id, startsAt: input.startsAt, endsAt: input.endsAt, roomId, presidingId: h.presidingId, wingIds, clerkId: h.clerkId };
    requireValid(planned, h.procedure, row);
    if (roomId !== h.roomId) {
      const room = tx.select().from(rooms).where(eq(rooms.id, roomId)).get();
      if (!room) throw new AppFailure('not_found', `仲裁庭不存在（编号${roomId}）`);
      if (!room.active) throw new AppFailure('conflict', `${room.name}已停用，请选择其他仲裁庭`);
    }
    if (h.noticeServedOn && h.noticeServedOn > input.startsAt.slice(0, 10)) {
      throw new AppFailure('invalid_input', `开庭通知已于${formatChineseDate(h.noticeServedOn)}送达，开庭日期不能早于送达日期`);
    }
    refuseConflicts(conflictsOf(tx, planned));
    tx.update(hearings).set({ startsAt: input.startsAt, endsAt: input.endsAt, roomId }).where(eq(hearings.id, h.id)).run();
    touchCase(tx, ctx, h.caseId);
    const warnings = warningsFor(ctx, tx, row, { startsAt: input.startsAt, procedure: h.procedure, noticeServedOn: h.noticeServedOn, noticeWaived: h.noticeWaived });
    const roomName = (id: number) => tx.select({ name: rooms.name }).from(rooms).where(eq(rooms.id, id)).get()?.name ?? '';
    const dateChanged = h.startsAt.slice(0, 10) !== input.startsAt.slice(0, 10);
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.moved',
      summary:
        `开庭改期：由${formatSlot(h)} ${roomName(h.roomId)}改为${formatSlot(input)} ${roomName(roomId)}` +
        (dateChanged && (h.noticeServedOn || h.noticeWaived) ? '（开庭日期变更，请重新通知当事人）' : '') +
        warningText(warnings),
      before: { startsAt: h.startsAt, endsAt: h.endsAt, roomId: h.roomId },
      after: { startsAt: input.startsAt, endsAt: input.endsAt, roomId, warnings: warnings.map((w) => w.kind) },
    });
    return { result: getHearingView(ctx, tx, h.id), hearingId: h.id, caseId: h.caseId };
  });
}

// ── notice, cancel ───────────────────────────────────────────────────────────────────────────────

export function recordHearingNotice(ctx: ServiceContext, input: { id: number; servedOn: string }): HearingView {
  const today = todayInChina(ctx.now());
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消');
    const row = requireCaseRow(tx, h.caseId);
    checkServedOn(input.servedOn, row, h.startsAt.slice(0, 10), today);
    tx.update(hearings).set({ noticeServedOn: input.servedOn }).where(eq(hearings.id, h.id)).run();
    touchCase(tx, ctx, h.caseId);
    const view = getHearingView(ctx, tx, h.id);
    const short = view.warnings.filter((w) => w.kind === 'noticePeriod');
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.noticeServed',
      summary: `开庭通知（${formatSlot(h)}开庭）于${formatChineseDate(input.servedOn)}送达` + warningText(short),
      before: { noticeServedOn: h.noticeServedOn },
      after: { noticeServedOn: input.servedOn },
    });
    return { result: view, hearingId: h.id, caseId: h.caseId };
  });
}

export function cancelHearing(ctx: ServiceContext, input: { id: number; reason: string }): HearingView {
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status !== 'scheduled') throw new AppFailure('conflict', h.status === 'held' ? '该次开庭已举行，不能取消' : '该次开庭已取消');
    tx.update(hearings).set({ status: 'cancelled' }).where(eq(hearings.id, h.id)).run();
    touchCase(tx, ctx, h.caseId);
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.cancelled',
      summary: `取消开庭（原定${formatSlot(h)}）：${input.reason}`,
      before: { status: h.status },
      after: { status: 'cancelled', reason: input.reason },
    });
    return { result: getHearingView(ctx, tx, h.id), hearingId: h.id, caseId: h.caseId };
  });
}
