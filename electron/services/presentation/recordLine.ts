import { and, eq, sql } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { hearingRecordSteps, hearings } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { RecordStepKey } from '../../core/hearing/recordSteps';

/** Record steps the shared screen writes into: exhibits go to 庭审调查、举证质证, everything else to 陈述请求、答辩. */
export const RECORD_STEP_FOR_EXHIBITS: RecordStepKey = 'investigation';
export const RECORD_STEP_OTHERWISE: RecordStepKey = 'claims';

const hhmm = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "10:42" in China time. */
export function chinaTime(at: Date): string {
  return hhmm.format(at);
}

/** The hearing a push is made during; it must be a hearing of the case on the screen. */
export function requireHearing(db: Executor, hearingId: number, caseId: number | null): { id: number; caseId: number } {
  const row = db.select({ id: hearings.id, caseId: hearings.caseId }).from(hearings).where(eq(hearings.id, hearingId)).get();
  if (!row) throw new AppFailure('not_found', `庭审不存在（编号${hearingId}）`);
  if (caseId !== null && row.caseId !== caseId) throw new AppFailure('invalid_input', '该庭审不属于正在展示的案件');
  return row;
}

/** Appends "10:42 展示证据三 第2页" as a new line of one step of the hearing record (row created when missing). */
export function appendRecordLine(db: Executor, hearingId: number, step: string, line: string, at: Date): void {
  const updatedAt = at.toISOString();
  const existing = db
    .select({ content: hearingRecordSteps.content })
    .from(hearingRecordSteps)
    .where(and(eq(hearingRecordSteps.hearingId, hearingId), eq(hearingRecordSteps.step, step)))
    .get();
  if (!existing) {
    db.insert(hearingRecordSteps).values({ hearingId, step, content: line, updatedAt }).run();
    return;
  }
  db.update(hearingRecordSteps)
    .set({ content: sql`case when ${hearingRecordSteps.content} = '' then ${line} else ${hearingRecordSteps.content} || char(10) || ${line} end`, updatedAt })
    .where(and(eq(hearingRecordSteps.hearingId, hearingId), eq(hearingRecordSteps.step, step)))
    .run();
}
