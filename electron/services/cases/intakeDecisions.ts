import { sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { formatCaseNumber } from '../../core/caseNumber';
import { formatChineseDate } from '../../core/dates';
import type { cases } from '../../../db/schema';
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
    const n = tx.get<{ n: number }>(sql`
      insert into case_number_sequences (commission_id, year, last_number) values (${row.commissionId}, ${year}, 1)
      on conflict (commission_id, year) do update set last_number = last_number + 1 returning last_number as n`)!.n;
    const pattern = tx.get<{ p: string }>(sql`select case_number_pattern as p from commissions where id = ${row.commissionId}`)!.p;
    const caseNumber = formatCaseNumber(pattern, year, n);
    const gaps = input.withGaps ?? null;
    tx.run(sql`update cases set status = 'accepted', stage = 'mediation', accepted_on = ${input.acceptedOn}, case_number = ${caseNumber},
      case_year = ${year}, case_seq = ${n}, accepted_with_gaps = ${gaps ? 1 : 0}, materials_promise = ${gaps?.promise ?? null}
      where id = ${row.id}`);
    for (const name of gaps?.materials ?? []) tx.run(sql`insert into missing_materials (case_id, name) values (${row.id}, ${name})`);
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
    tx.run(sql`update cases set status = 'rejected', rejected_on = ${input.rejectedOn}, rejection_reason = ${input.reason} where id = ${row.id}`);
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
    const open = tx.all<{ name: string }>(sql`select name from missing_materials where case_id = ${row.id} and completed_on is null order by id`);
    if (!open.length) throw new AppFailure('conflict', '该案件没有待补正的材料');
    checkDate(input.completedOn, row, today, '补正日期');
    if (row.acceptedOn && input.completedOn < row.acceptedOn) throw new AppFailure('invalid_input', '补正日期不能早于受理日期');
    tx.run(sql`update missing_materials set completed_on = ${input.completedOn} where case_id = ${row.id} and completed_on is null`);
    tx.run(sql`update cases set materials_completed_on = ${input.completedOn} where id = ${row.id}`);
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.materialsCompleted',
      summary: `材料补正完毕（${open.map((m) => m.name).join('、')}），审理期限自${formatChineseDate(input.completedOn)}起重新计算`,
      before: { materialsCompletedOn: row.materialsCompletedOn },
      after: { materialsCompletedOn: input.completedOn },
    });
  });
}
