import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { formatYuan, sumFen } from '../../core/money';
import { instalmentPlanProblems, paymentProblem } from '../../core/settlement';
import { exhibits, instalments, payments, settlementItems } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { mutateMediationWorker } from './mutateMediation';
import { methodLabels, type MediationInput } from './types';

/**
 * Money reaching a worker, at the table or later. A transfer needs its reference or the transfer
 * slip (an exhibit of this case); cash is signed for by the worker. Never more than the worker's
 * balance. Once a worker has an instalment plan every payment belongs to one instalment: the one
 * named, or else the earliest one still open; it may not exceed what that instalment still lacks.
 * The checks read this worker's line only (mutateMediationWorker).
 */
export function recordPayment(ctx: ServiceContext, input: MediationInput<'mediation.recordPayment'>): MediationView {
  return mutateMediationWorker(ctx, input.caseId, input.workerId, (tx, state, today) => {
    const { row, figure } = state;
    const paidOn = input.paidAt.slice(0, 10);
    if (paidOn > today) throw new AppFailure('invalid_input', `付款时间${input.paidAt}晚于现在，请填写实际付款的时间`);
    if (paidOn < state.case.receivedOn) throw new AppFailure('invalid_input', `付款时间不能早于收案日期${formatChineseDate(state.case.receivedOn)}`);
    const reference = input.reference?.trim() || null;
    const exhibitId = input.exhibitId ?? null;
    if (input.method === 'bankTransfer' && !reference && !exhibitId) {
      throw new AppFailure('invalid_input', `银行转账须填写转账流水号，或关联转账凭证（证据），请补充后再登记${row.name}的付款`);
    }
    let exhibitSeq: number | null = null;
    if (exhibitId) {
      const exhibit = tx.select({ caseId: exhibits.caseId, seq: exhibits.seq }).from(exhibits).where(eq(exhibits.id, exhibitId)).get();
      if (!exhibit || exhibit.caseId !== input.caseId) throw new AppFailure('invalid_input', '关联的转账凭证不是本案的证据，请重新选择');
      exhibitSeq = exhibit.seq;
    }
    const problem = paymentProblem(row.name, figure, input.amountFen);
    if (problem) throw new AppFailure('conflict', problem);

    const open = row.instalments.filter((i) => i.paidFen < i.amountFen);
    let instalment: (typeof row.instalments)[number] | null = null;
    if (input.instalmentId) {
      instalment = row.instalments.find((i) => i.id === input.instalmentId) ?? null;
      if (!instalment) throw new AppFailure('invalid_input', `所选分期不是${row.name}的分期，请重新选择`);
      if (instalment.paidFen >= instalment.amountFen) throw new AppFailure('conflict', `${row.name}的第${instalment.seq}期已付清，请选择其他期次`);
    } else if (open.length) {
      instalment = open[0];
    }
    if (instalment) {
      const lacking = instalment.amountFen - instalment.paidFen;
      if (input.amountFen > lacking) {
        throw new AppFailure('conflict', `本次支付${formatYuan(input.amountFen)}超过${row.name}第${instalment.seq}期尚欠的${formatYuan(lacking)}，请按期分笔登记（先登记${formatYuan(lacking)}到第${instalment.seq}期）`);
      }
    }

    const inserted = tx
      .insert(payments)
      .values({
        caseId: input.caseId,
        workerId: row.workerId,
        amountFen: input.amountFen,
        paidAt: input.paidAt,
        method: input.method,
        reference,
        exhibitId,
        instalmentId: instalment?.id ?? null,
        createdAt: ctx.now().toISOString(),
      })
      .returning({ id: payments.id })
      .get();
    // terms not yet set: the way the money actually went becomes the agreed way of payment (not once
    // the mediation document has taken effect: its terms are fixed)
    if (!state.effective)
      tx.update(settlementItems)
      .set({ method: input.method, updatedAt: ctx.now().toISOString() })
      .where(and(eq(settlementItems.workerId, row.workerId), isNull(settlementItems.method), isNotNull(settlementItems.agreedFen)))
      .run();
    const how =
      input.method === 'cash'
        ? `现金，本人签收${reference ? `，${reference}` : ''}`
        : [methodLabels.bankTransfer, reference ? `流水号${reference}` : null, exhibitSeq ? `转账凭证见证据${exhibitSeq}` : null].filter(Boolean).join('，');
    const what = instalment ? `支付 ${row.name} 第${instalment.seq}期` : paidOn === today ? `当场支付 ${row.name}` : `支付 ${row.name}`;
    const balance = figure.balanceFen - input.amountFen;
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.payment',
      summary: `${what} ${formatYuan(input.amountFen)}（${how}）${balance > 0 ? `，尚欠${formatYuan(balance)}` : '，已全部付清'}`,
      before: { paidFen: figure.paidFen, balanceFen: figure.balanceFen },
      after: { id: inserted.id, ...input, reference, instalmentId: instalment?.id ?? null },
    });
  });
}

/**
 * Replaces a worker's instalment plan. Instalments that already carry a payment stay as they are;
 * the new instalments replace the untouched ones and must add up to the balance those kept ones
 * do not cover. An empty plan cancels the untouched instalments.
 */
export function setInstalments(ctx: ServiceContext, input: MediationInput<'mediation.setInstalments'>): MediationView {
  return mutateMediationWorker(ctx, input.caseId, input.workerId, (tx, { row }, today) => {
    const kept = row.instalments.filter((i) => i.paidFen > 0);
    const removable = row.instalments.filter((i) => i.paidFen === 0);
    if (input.instalments.length === 0) {
      if (!removable.length) throw new AppFailure('invalid_input', `${row.name}没有可取消的分期（已有付款的分期不能删除）`);
    } else {
      if (row.balanceFen === 0) throw new AppFailure('conflict', `${row.name}没有未付余额，无需分期`);
      const keptRemaining = sumFen(kept.map((i) => i.amountFen - i.paidFen));
      const problems = instalmentPlanProblems(row.name, input.instalments, row.balanceFen, keptRemaining, today);
      if (problems.length) throw new AppFailure('invalid_input', problems.join('；'));
    }
    if (removable.length) tx.delete(instalments).where(inArray(instalments.id, removable.map((i) => i.id))).run();
    const firstSeq = Math.max(0, ...kept.map((i) => i.seq)) + 1;
    input.instalments.forEach((p, i) => {
      tx.insert(instalments).values({ caseId: input.caseId, workerId: row.workerId, seq: firstSeq + i, dueOn: p.dueOn, amountFen: p.amountFen }).run();
    });
    const plan = input.instalments.map((p, i) => `第${firstSeq + i}期${formatChineseDate(p.dueOn)}前${formatYuan(p.amountFen)}`).join('，');
    const keptNote = kept.length ? `（保留已有付款的第${kept.map((i) => i.seq).join('、')}期）` : '';
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.instalments',
      summary: input.instalments.length ? `${row.name}分期履行${input.instalments.length}期：${plan}${keptNote}` : `取消${row.name}未付款的分期${keptNote}`,
      before: row.instalments.map(({ seq, dueOn, amountFen }) => ({ seq, dueOn, amountFen })),
      after: input.instalments,
    });
  });
}
