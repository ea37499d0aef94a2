// 撤回仲裁申请: the applicant asks to withdraw before the award (《劳动人事争议仲裁办案规则》第三十五条,
// article title confirmed by the official commentary's table of contents). The application is
// recorded first — when, by whom, and in a collective case the consent of the workers represented
// (a representative may withdraw or give up claims only with their consent; cf. 《民事诉讼法》第五十六条
// on representative actions) — and the 撤回仲裁申请决定书 is made from it.
import { eq } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { withdrawalApplications } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { mutateCase } from '../cases/mutateCase';
import { appendEvent } from '../timeline';

export type WithdrawalApplicationInput = { caseId: number; appliedOn: string; appliedBy: string; reason: string; consentOn: string | null; consentNote: string | null };

export function readWithdrawalApplication(db: Executor, caseId: number) {
  return db.select().from(withdrawalApplications).where(eq(withdrawalApplications.caseId, caseId)).get() ?? null;
}

/** What the withdrawal decision still lacks (Chinese, one line each). */
export function withdrawalProblems(db: Executor, caseId: number, isCollective: boolean): string[] {
  const a = readWithdrawalApplication(db, caseId);
  if (!a) return ['尚未登记撤回仲裁申请（申请日期、申请人）'];
  if (isCollective && (!a.consentOn || !a.consentNote)) return ['集体案件撤回须经被代表的劳动者同意，请登记同意的日期和情况'];
  return [];
}

export function recordWithdrawalApplication(ctx: ServiceContext, input: WithdrawalApplicationInput): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    if (row.status !== 'accepted') throw new AppFailure('conflict', row.status === 'closed' ? '案件已结案，不能再登记撤回申请' : '案件尚未受理，不能登记撤回仲裁申请');
    if (!row.acceptedOn) throw new AppFailure('conflict', '案件尚未受理，不能登记撤回仲裁申请');
    if (input.appliedOn > today) throw new AppFailure('invalid_input', '撤回申请日期不能晚于今天');
    if (input.appliedOn < row.acceptedOn) throw new AppFailure('invalid_input', `撤回申请日期不能早于受理日期${formatChineseDate(row.acceptedOn)}`);
    const consent = input.consentOn || input.consentNote ? { on: input.consentOn, note: input.consentNote?.trim() || null } : null;
    if (row.isCollective && (!consent?.on || !consent.note)) {
      throw new AppFailure('invalid_input', '集体案件撤回仲裁申请须经被代表的劳动者同意：请填写同意日期和同意情况（如“30名劳动者签名的同意书”）');
    }
    if (consent?.on && (consent.on > today || consent.on < row.acceptedOn)) throw new AppFailure('invalid_input', '同意日期应在受理日期与今天之间');
    const before = readWithdrawalApplication(tx, row.id);
    const values = { appliedOn: input.appliedOn, appliedBy: input.appliedBy, reason: input.reason.trim(), consentOn: consent?.on ?? null, consentNote: consent?.note ?? null };
    tx.insert(withdrawalApplications)
      .values({ caseId: row.id, ...values, recordedAt: ctx.now().toISOString() })
      .onConflictDoUpdate({ target: withdrawalApplications.caseId, set: values })
      .run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'closing.withdrawalApplication',
      summary: `${input.appliedBy}于${formatChineseDate(input.appliedOn)}申请撤回仲裁申请${values.reason ? `（${values.reason}）` : ''}${consent?.on ? `；被代表的劳动者于${formatChineseDate(consent.on)}同意：${consent.note}` : ''}`,
      before: before ? { appliedOn: before.appliedOn, appliedBy: before.appliedBy } : null,
      after: values,
    });
  });
}
