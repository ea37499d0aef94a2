import { and, eq } from 'drizzle-orm';
import { upsertRecordLine } from '../../core/hearing/crossExaminationLine';
import type { RecordStepKey } from '../../core/hearing/recordSteps';
import { hearingRecordSteps } from '../../../db/schema';
import type { Tx } from '../../../db/open';

/**
 * Writes (or replaces) one generated line of a record step inside an open transaction: the
 * attendance line, an exhibit's 质证 line. The clerk's own text around it is kept.
 */
export function putRecordLine(tx: Tx, hearingId: number, step: RecordStepKey, prefix: string, line: string, at: string): void {
  const current = tx
    .select({ content: hearingRecordSteps.content })
    .from(hearingRecordSteps)
    .where(and(eq(hearingRecordSteps.hearingId, hearingId), eq(hearingRecordSteps.step, step)))
    .get();
  const content = upsertRecordLine(current?.content ?? '', prefix, line);
  tx.insert(hearingRecordSteps)
    .values({ hearingId, step, content, updatedAt: at })
    .onConflictDoUpdate({ target: [hearingRecordSteps.hearingId, hearingRecordSteps.step], set: { content, updatedAt: at } })
    .run();
}
