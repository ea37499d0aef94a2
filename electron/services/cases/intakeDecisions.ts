import { and, eq, isNull, sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { formatCaseNumber } from '../../core/caseNumber';
import { formatChineseDate } from '../../core/dates';
import { caseNumberSequences, cases, commissions, missingMaterials } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { indexCase } from '../search/indexCase';
import { appendEvent } from '../timeline';
import { mutateCase } from './mutateCase';
import { numberInTransaction } from '../numbering/documentNumbers';

type CaseRecord = typeof cases.$inferSelect;

function checkDate(date: string, row: CaseRecord, today: string, what: string): void {
  if (!row.hasArbitration) throw new AppFailure('conflict', '本案尚未登记仲裁申请（目前只有监察程序），请先转为仲裁案件');
  if (date > today) throw new AppFailure('invalid_input', `${what}不能晚于今天`);
  if (date < row.receivedOn) throw new AppFailure('invalid_input', `${what}不能早于收案日期${formatChineseDate(row.receivedOn)}`);
}

/** 受理: the next number of the acceptance year, handed out inside the same transaction. */
export function acceptCase(
  ctx: ServiceContext,
  input: { id: number; acceptedOn: string; withGaps?: { materials: string[]; promise: string } | null },
): CaseDetail {
  return mutateCase(ctx, input.id, (tx, row, today) => {
    if (row.status !== 'received') throw new AppFailure('conflict', `该案件已${row.status === 'rejected' ? '不予受理' : '受理'}，不能重复受理`);
    checkDate(input.acceptedOn, row, today, '受理日期');
    const year = Number(input.acceptedOn.slice(0, 4));
    const n = tx
      .insert(caseNumberSequences)
      .values({ commissionId: row.commissionId, year, lastNumber: 1 })
      .onConflictDoUpdate({
        target: [caseNumberSequences.commissionId, caseNumberSequences.year],
        set: { lastNumber: sql`${caseNumberSequences.lastNumber} + 1` },
      })
      .returning({ n: caseNumberSequences.lastNumber })
      .get().n;
    const pattern = tx.select({ p: commissions.caseNumberPattern }).from(commissions).where(eq(commissions.id, row.commissionId)).get()!.p;
    const caseNumber = formatCaseNumber(pattern, year, n);
    const gaps = input.withGaps ?? null;
    tx.update(cases)
      .set({
        status: 'accepted',
        stage: 'mediation',
        acceptedOn: input.acceptedOn,
        caseNumber,
        caseYear: year,
        caseSeq: n,
        acceptedWithGaps: !!gaps,
        materialsPromise: gaps?.promise ?? null,
      })
      .where(eq(cases.id, row.id))
      .run();
    for (const name of gaps?.materials ?? []) tx.insert(missingMaterials).values({ caseId: row.id, name }).run();
    indexCase(tx, row.id);
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.accepted',
      summary: gaps
        ? `容缺受理，案号${caseNumber}；待补正：${gaps.materials.join('、')}`
        : `受理，案号${caseNumber}`,
      before: { status: row.status },
      after: { status: 'accepted', caseNumber, acceptedOn: input.acceptedOn },
    });
  });
}

/** 不予受理, with its reason. */
export function rejectCase(ctx: ServiceContext, input: { id: number; rejectedOn: string; reason: string }): CaseDetail {
  return mutateCase(ctx, input.id, (tx, row, today) => {
    if (row.status !== 'received') throw new AppFailure('conflict', '只有待受理的案件可以不予受理');
    checkDate(input.rejectedOn, row, today, '决定日期');
    tx.update(cases).set({ status: 'rejected', rejectedOn: input.rejectedOn, rejectionReason: input.reason }).where(eq(cases.id, row.id)).run();
    // the decision gets its 不予受理通知书 number at once (its own series: no case number is used up)
    const number = numberInTransaction(tx, ctx, row.id, { series: 'rejection', subject: '', year: Number(input.rejectedOn.slice(0, 4)), label: '不予受理通知书' }, { event: false });
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.rejected',
      summary: `不予受理（${number}）：${input.reason}`,
      before: { status: row.status },
      after: { status: 'rejected', rejectedOn: input.rejectedOn, rejectionNumber: number },
    });
  });
}

/** 补正: the missing materials arrived; Rules Art 46 restarts the clock from this date. */
export function completeMaterials(ctx: ServiceContext, input: { id: number; completedOn: string }): CaseDetail {
  return mutateCase(ctx, input.id, (tx, row, today) => {
    const open = tx.select().from(missingMaterials).where(and(eq(missingMaterials.caseId, row.id), isNull(missingMaterials.completedOn))).all();
    if (!open.length) throw new AppFailure('conflict', '该案件没有待补正的材料');
    checkDate(input.completedOn, row, today, '补正日期');
    if (row.acceptedOn && input.completedOn < row.acceptedOn) throw new AppFailure('invalid_input', '补正日期不能早于受理日期');
    tx.update(missingMaterials)
      .set({ completedOn: input.completedOn })
      .where(and(eq(missingMaterials.caseId, row.id), isNull(missingMaterials.completedOn)))
      .run();
    tx.update(cases).set({ materialsCompletedOn: input.completedOn }).where(eq(cases.id, row.id)).run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.materialsCompleted',
      summary: `材料补正完毕（${open.map((m) => m.name).join('、')}），审理期限自${formatChineseDate(input.completedOn)}起重新计算`,
      before: { materialsCompletedOn: row.materialsCompletedOn },
      after: { materialsCompletedOn: input.completedOn },
    });
  });
}
