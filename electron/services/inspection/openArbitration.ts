import { eq } from 'drizzle-orm';
import { AppFailure, type CaseDetail, type MethodInput } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { cases } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { mutateCase } from '../cases/mutateCase';
import { appendEvent } from '../timeline';

/**
 * A complaint handled by inspection becomes an arbitration claim: the same case file (workers,
 * respondents, evidence, timeline) gains the arbitration track, received on the given date.
 */
export function openArbitration(ctx: ServiceContext, input: MethodInput<'cases.openArbitration'>): CaseDetail {
  return mutateCase(ctx, input.id, (tx, row, today) => {
    if (row.hasArbitration) throw new AppFailure('conflict', '该案件已有仲裁程序');
    if (input.receivedOn > today) throw new AppFailure('invalid_input', '仲裁收案日期不能晚于今天');
    tx.update(cases).set({ hasArbitration: true, receivedOn: input.receivedOn, status: 'received', stage: 'filing' }).where(eq(cases.id, row.id)).run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.arbitrationOpened',
      summary: `监察案件转入仲裁：${formatChineseDate(input.receivedOn)}收到仲裁申请，沿用同一案卷`,
      before: { hasArbitration: false },
      after: { hasArbitration: true, receivedOn: input.receivedOn },
    });
  });
}
