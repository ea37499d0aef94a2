/**
 * The hearing record (庭审笔录) and attendance. The record is autosaved every few seconds, one step
 * at a time: a cheap upsert in its own transaction; only the first time a step gets content is
 * written to the case timeline (and announced), never each keystroke save.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppFailure, type HearingDetail, type HearingRecordStep } from '../../core/contract';
import { findRecordStep, recordSteps } from '../../core/hearing/recordSteps';
import { hearingRecordSteps, hearings, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent, RECORD_SAVED_ACTION } from '../timeline';
import { attendanceOf } from './attendance';
import { selectCrossExaminations } from './crossExamination';
import { getHearingView } from './hearingViews';


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
  return {
    ...view,
    record,
    crossExaminations: selectCrossExaminations(db, sql`e.case_id = ${view.caseId}`),
    representatives,
    attendance: attendanceOf(db, view.caseId, id),
  };
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

