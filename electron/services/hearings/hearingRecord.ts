/**
 * The hearing record (庭审笔录) and attendance. The record is autosaved every few seconds, one step
 * at a time: a cheap upsert in its own transaction; only the first time a step gets content is
 * written to the case timeline (and announced), never each keystroke save.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppFailure, type HearingDetail, type HearingRecordStep } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { findRecordStep, recordSteps } from '../../core/hearing/recordSteps';
import { formatSlot } from '../../core/hearing/schedule';
import { hearingRecordSteps, hearings, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent, RECORD_SAVED_ACTION } from '../timeline';
import { selectCrossExaminations } from './crossExamination';
import { getHearingView } from './hearingViews';
import { putRecordLine } from './recordLines';
import { mutateHearing, requireHearing, touchCase } from './scheduling';

const LAW_36 = '《劳动争议调解仲裁法》第三十六条、《办案规则》第三十九条';
export const DEFAULT_TEXT = '被申请人经书面通知无正当理由拒不到庭，缺席审理';
export const WITHDRAWAL_TEXT = '申请人经书面通知无正当理由拒不到庭，视为撤回仲裁申请；再次申请仲裁的，不予受理';
const ATTENDANCE_PREFIX = '到庭情况：';

export function getHearingDetail(ctx: ServiceContext, id: number, db: Executor = ctx.db): HearingDetail {
  const view = getHearingView(ctx, db, id);
  const saved = new Map(
    db
      .select()
      .from(hearingRecordSteps)
      .where(eq(hearingRecordSteps.hearingId, id))
      .all()
      .map((r) => [r.step, r]),
  );
  const record: HearingRecordStep[] = recordSteps.map((s) => {
    const r = saved.get(s.key);
    return { step: s.key, content: r?.content ?? '', updatedAt: r?.updatedAt ?? null };
  });
  const representatives = db
    .select({ name: workers.name })
    .from(workers)
    .where(and(eq(workers.caseId, view.caseId), eq(workers.isRepresentative, true)))
    .orderBy(asc(workers.sortOrder))
    .all()
    .map((w) => w.name);
  return { ...view, record, crossExaminations: selectCrossExaminations(db, sql`e.case_id = ${view.caseId}`), representatives };
}

export function saveRecordStep(ctx: ServiceContext, input: { hearingId: number; step: string; content: string }): { updatedAt: string } {
  const def = findRecordStep(input.step);
  if (!def) throw new AppFailure('invalid_input', `庭审笔录没有这一步骤：${input.step}`);
  const now = ctx.now().toISOString();
  let updatedAt = now;
  const started = ctx.db.transaction(
    (tx) => {
      const h = tx.select({ caseId: hearings.caseId, status: hearings.status }).from(hearings).where(eq(hearings.id, input.hearingId)).get();
      if (!h) throw new AppFailure('not_found', `开庭安排不存在（编号${input.hearingId}）`);
      if (h.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消，不能记录庭审笔录');
      const existing = tx
        .select({ content: hearingRecordSteps.content, updatedAt: hearingRecordSteps.updatedAt })
        .from(hearingRecordSteps)
        .where(and(eq(hearingRecordSteps.hearingId, input.hearingId), eq(hearingRecordSteps.step, def.key)))
        .get();
      if (!existing && input.content === '') return null; // nothing typed yet: nothing to keep
      if (existing && existing.content === input.content) {
        updatedAt = existing.updatedAt; // unchanged: no write at all
        return null;
      }
      tx.insert(hearingRecordSteps)
        .values({ hearingId: input.hearingId, step: def.key, content: input.content, updatedAt: now })
        .onConflictDoUpdate({ target: [hearingRecordSteps.hearingId, hearingRecordSteps.step], set: { content: input.content, updatedAt: now } })
        .run();
      if (existing) {
        // Each autosave is chained (the record is part of the case file) but kept off the timeline.
        appendEvent(tx, ctx.now(), {
          caseId: h.caseId,
          action: RECORD_SAVED_ACTION,
          summary: `庭审笔录「${def.title}」已保存（${input.content.length}字）`,
          after: { hearingId: input.hearingId, step: def.key },
        });
        return null;
      }
      appendEvent(tx, ctx.now(), { caseId: h.caseId, action: 'hearing.recordStarted', summary: `庭审笔录：开始记录「${def.title}」`, after: { hearingId: input.hearingId, step: def.key } });
      return h.caseId;
    },
    { behavior: 'immediate' },
  );
  if (started !== null) {
    ctx.emit({ type: 'hearings.changed', hearingId: input.hearingId, caseId: started });
    ctx.emit({ type: 'cases.changed', caseId: started });
  }
  return { updatedAt };
}

/**
 * Who came. Both present → held. Respondent absent → default hearing (缺席审理), the hearing goes on.
 * Applicant absent (whatever the respondent did) → deemed withdrawal (Law Art 36, Rules Art 39).
 * Absence grounds neither unless the notice was served (or, in simplified procedure, the parties
 * agreed to the date and waived the period): Rules Art 59 for notice by phone or SMS not confirmed.
 */
export function recordAttendance(ctx: ServiceContext, input: { id: number; applicantPresent: boolean; respondentPresent: boolean }): HearingDetail {
  const today = todayInChina(ctx.now());
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消，不能登记到庭情况');
    const date = h.startsAt.slice(0, 10);
    if (date > today) throw new AppFailure('conflict', `开庭日期${formatChineseDate(date)}尚未到，不能登记到庭情况`);
    const someoneAbsent = !input.applicantPresent || !input.respondentPresent;
    if (someoneAbsent && !h.noticeServedOn && !h.noticeWaived) {
      const who = !input.applicantPresent && !input.respondentPresent ? '双方当事人' : !input.applicantPresent ? '申请人' : '被申请人';
      throw new AppFailure(
        'conflict',
        `开庭通知未确认送达，${who}未到庭不能按${!input.applicantPresent ? '撤回仲裁申请' : '缺席审理'}处理（依《办案规则》第五十九条，未经确认收到的开庭通知，不能作为按撤回仲裁申请处理或缺席裁决的依据）。请登记送达或改期开庭并重新通知`,
      );
    }
    const outcome = !input.applicantPresent ? 'deemedWithdrawal' : !input.respondentPresent ? 'default' : 'held';
    tx.update(hearings)
      .set({ status: 'held', applicantPresent: input.applicantPresent, respondentPresent: input.respondentPresent, outcome })
      .where(eq(hearings.id, h.id))
      .run();
    touchCase(tx, ctx, h.caseId);
    const presence = `申请人${input.applicantPresent ? '到庭' : '未到庭'}，被申请人${input.respondentPresent ? '到庭' : '未到庭'}`;
    const consequence =
      outcome === 'deemedWithdrawal' ? `${WITHDRAWAL_TEXT}（${LAW_36}）` : outcome === 'default' ? `${DEFAULT_TEXT}（${LAW_36}）` : '开庭审理';
    const line = `${ATTENDANCE_PREFIX}${outcome === 'held' ? `${presence}。` : `${presence}。${consequence}。`}`;
    putRecordLine(tx, h.id, 'attendance', ATTENDANCE_PREFIX, line, ctx.now().toISOString());
    const corrected = h.status === 'held';
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.attendance',
      summary: `${corrected ? '更正到庭情况' : '开庭'}（${formatSlot(h)}）：${presence}；${consequence}`,
      before: { status: h.status, applicantPresent: h.applicantPresent, respondentPresent: h.respondentPresent, outcome: h.outcome },
      after: { status: 'held', applicantPresent: input.applicantPresent, respondentPresent: input.respondentPresent, outcome },
    });
    return { result: getHearingDetail(ctx, h.id, tx), hearingId: h.id, caseId: h.caseId };
  });
}
