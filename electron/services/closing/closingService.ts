import { and, eq, isNull } from 'drizzle-orm';
import { AppFailure, type CaseDetail, type ClosingMethod } from '../../core/contract';
import { diffDays, formatChineseDate } from '../../core/dates';
import type { Deadline } from '../../core/clock/deadlines';
import { cases, suspensions } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { caseDeadlines, publicationDaysOf, readSuspensions, suspendedDaysOf } from '../cases/caseClock';
import { mutateCase } from '../cases/mutateCase';
import { appendEvent } from '../timeline';
import { buildChecklist, describeBlocking } from './checklist';
import { closingMethodText } from './labels';
import { awardFinalityAtClosing } from './awardFinality';

type CaseRecord = typeof cases.$inferSelect;

/** The day the award (and fast-track) clock starts: acceptance, or materials completed after 容缺受理 (Rules Art 46). */
export function clockStart(row: Pick<CaseRecord, 'acceptedOn' | 'receivedOn' | 'materialsCompletedOn'>): string {
  const mc = row.materialsCompletedOn;
  if (row.acceptedOn) return mc && mc > row.acceptedOn ? mc : row.acceptedOn;
  return mc && mc > row.receivedOn ? mc : row.receivedOn;
}

const dueOf = (list: Deadline[], key: Deadline['key']) => list.find((d) => d.key === key)?.dueOn ?? null;

export type ClosingVerdict = {
  daysToClose: number;
  suspendedDays: number;
  /** Days of notice by publication (公告送达) excluded too (Rules Art 46(6)). */
  publicationDays: number;
  closedOnTime: boolean;
  closedWithinFastTrack: boolean | null;
  lateDays: number;
  fastTrackLateDays: number | null;
};

/**
 * The on-time record of a case closed on `closedOn` (domain §7, 按期结案):
 * - accepted case: start = acceptance (or materials completion after 容缺受理);
 *   daysToClose = (closedOn − start) − suspended days;
 *   closedOnTime ⇔ closedOn ≤ the award due date = start + 45 + approved extension (≤ 15) + suspended
 *   calendar days, its last day moved off a rest day (the same date the case clock shows);
 *   closedWithinFastTrack ⇔ closedOn ≤ start + fast-track target + suspended days (same shift).
 * - case never accepted (rejection, transfer before acceptance): the measure is the acceptance
 *   decision (received or materials completed + 5 working days), taken on the rejection date for a
 *   rejection and the closing date otherwise; the fast-track verdict is the same.
 */
export function closingVerdict(ctx: ServiceContext, db: Executor, row: CaseRecord, closedOn: string): ClosingVerdict {
  const closed = { ...row, closedOn };
  const deadlines = caseDeadlines(ctx, db, closed);
  const start = clockStart(row);
  if (!row.acceptedOn) {
    const decidedOn = row.rejectedOn ?? closedOn;
    const due = dueOf(deadlines, 'acceptanceDecision') ?? decidedOn;
    const late = Math.max(0, diffDays(due, decidedOn));
    return { daysToClose: Math.max(0, diffDays(start, decidedOn)), suspendedDays: 0, publicationDays: 0, closedOnTime: late === 0, closedWithinFastTrack: late === 0, lateDays: late, fastTrackLateDays: late };
  }
  const suspended = suspendedDaysOf(readSuspensions(db, row.id), closedOn);
  const published = publicationDaysOf(db, row.id, start, closedOn);
  const awardDue = dueOf(deadlines, 'award') ?? closedOn;
  const fastDue = dueOf(deadlines, 'fastTrack');
  const late = Math.max(0, diffDays(awardDue, closedOn));
  const fastLate = fastDue ? Math.max(0, diffDays(fastDue, closedOn)) : null;
  return {
    daysToClose: Math.max(0, diffDays(start, closedOn) - suspended - published),
    suspendedDays: suspended,
    publicationDays: published,
    closedOnTime: late === 0,
    closedWithinFastTrack: fastLate === null ? null : fastLate === 0,
    lateDays: late,
    fastTrackLateDays: fastLate,
  };
}

/** "结案（调解结案），用时18日，按期结案；在速裁目标内" */
export function closingSummary(method: ClosingMethod, v: ClosingVerdict): string {
  const excluded = [v.suspendedDays ? `中止期间${v.suspendedDays}日` : '', v.publicationDays ? `公告送达期间${v.publicationDays}日` : ''].filter(Boolean);
  const days = `用时${v.daysToClose}日${excluded.length ? `（已扣除${excluded.join('、')}）` : ''}`;
  const onTime = v.closedOnTime ? '按期结案' : `超期结案（超过法定期限${v.lateDays}日）`;
  const fast = v.closedWithinFastTrack === null ? '' : v.closedWithinFastTrack ? '；在速裁目标内' : `；超出速裁目标${v.fastTrackLateDays}日`;
  return `结案（${closingMethodText[method]}），${days}，${onTime}${fast}`;
}

export function closeCase(ctx: ServiceContext, input: { caseId: number; method: ClosingMethod; closedOn: string }): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    const { items, canClose } = buildChecklist(ctx, tx, row.id, input.method);
    if (!canClose) throw new AppFailure('conflict', describeBlocking(items, input.method));
    if (input.closedOn > today) throw new AppFailure('invalid_input', `结案日期${formatChineseDate(input.closedOn)}晚于今天，请填写实际结案日期`);
    const earliest = [row.receivedOn, row.acceptedOn, row.rejectedOn, row.mediationSignedByWorkersOn, row.mediationSignedByRespondentOn]
      .filter((d): d is string => !!d)
      .sort()
      .at(-1) as string;
    const lastResumed = readSuspensions(tx, row.id).reduce<string | null>((m, s) => (s.toOn && (!m || s.toOn > m) ? s.toOn : m), null);
    const floor = lastResumed && lastResumed > earliest ? lastResumed : earliest;
    if (input.closedOn < floor) throw new AppFailure('invalid_input', `结案日期不能早于${formatChineseDate(floor)}（案件最近一次程序日期）`);

    const verdict = closingVerdict(ctx, tx, row, input.closedOn);
    const after = {
      status: 'closed' as const,
      stage: 'closing' as const,
      closingMethod: input.method,
      awardFinality: awardFinalityAtClosing(tx, row.id, input.method),
      closedOn: input.closedOn,
      closedOnTime: verdict.closedOnTime,
      closedWithinFastTrack: verdict.closedWithinFastTrack,
      daysToClose: verdict.daysToClose,
    };
    tx.update(cases).set(after).where(eq(cases.id, row.id)).run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'closing.closed',
      summary: closingSummary(input.method, verdict),
      before: { status: row.status, stage: row.stage },
      after: { ...after, suspendedDays: verdict.suspendedDays, publicationDays: verdict.publicationDays },
    });
  });
}

function assertRunning(row: CaseRecord, what: string): void {
  if (row.status === 'closed') throw new AppFailure('conflict', `案件已结案，不能${what}`);
  if (row.status !== 'accepted' || !row.acceptedOn) throw new AppFailure('conflict', `案件尚未受理，不能${what}`);
}

function awardDueNow(ctx: ServiceContext, db: Executor, caseId: number): string | null {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  return row ? dueOf(caseDeadlines(ctx, db, row), 'award') : null;
}

/** 中止 (Rules Art 47): one open suspension at a time, approved by the chair; the award clock stops. */
export function suspendCase(ctx: ServiceContext, input: { caseId: number; fromOn: string; reason: string; approvedBy: string }): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    assertRunning(row, '中止审理');
    const list = readSuspensions(tx, row.id);
    const open = list.find((s) => s.toOn === null);
    if (open) throw new AppFailure('conflict', `案件已自${formatChineseDate(open.fromOn)}起中止审理，请先恢复审理`);
    if (input.fromOn > today) throw new AppFailure('invalid_input', `中止日期${formatChineseDate(input.fromOn)}晚于今天`);
    const start = clockStart(row);
    if (input.fromOn < start) throw new AppFailure('invalid_input', `中止日期不能早于审理期限起算日${formatChineseDate(start)}`);
    const lastTo = list.reduce<string | null>((m, s) => (s.toOn && (!m || s.toOn > m) ? s.toOn : m), null);
    if (lastTo && input.fromOn < lastTo) throw new AppFailure('invalid_input', `中止日期不能早于上次恢复审理日期${formatChineseDate(lastTo)}`);
    const reason = input.reason.trim();
    const approvedBy = input.approvedBy.trim();
    const dueBefore = dueOf(caseDeadlines(ctx, tx, row), 'award');
    tx.insert(suspensions).values({ caseId: row.id, fromOn: input.fromOn, toOn: null, reason, approvedBy }).run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'closing.suspended',
      summary: `中止审理：自${formatChineseDate(input.fromOn)}起，理由：${reason}；批准人：${approvedBy}。中止期间不计入审理期限（《办案规则》第四十六条），恢复审理后裁决期限相应顺延`,
      after: { fromOn: input.fromOn, reason, approvedBy, awardDueBefore: dueBefore },
    });
  });
}

export function resumeCase(ctx: ServiceContext, input: { caseId: number; toOn: string }): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    assertRunning(row, '恢复审理');
    const open = tx.select().from(suspensions).where(and(eq(suspensions.caseId, row.id), isNull(suspensions.toOn))).get();
    if (!open) throw new AppFailure('conflict', '案件未处于中止状态，无需恢复审理');
    if (input.toOn > today) throw new AppFailure('invalid_input', `恢复日期${formatChineseDate(input.toOn)}晚于今天`);
    if (input.toOn < open.fromOn) throw new AppFailure('invalid_input', `恢复日期不能早于中止日期${formatChineseDate(open.fromOn)}`);
    const days = diffDays(open.fromOn, input.toOn);
    tx.update(suspensions).set({ toOn: input.toOn }).where(eq(suspensions.id, open.id)).run();
    const total = suspendedDaysOf(readSuspensions(tx, row.id), today);
    const due = awardDueNow(ctx, tx, row.id);
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'closing.resumed',
      summary: `恢复审理：${formatChineseDate(open.fromOn)}至${formatChineseDate(input.toOn)}中止${days}日，不计入审理期限${total !== days ? `（累计${total}日）` : ''}${due ? `；裁决期限届满日为${formatChineseDate(due)}` : ''}`,
      before: { suspensionId: open.id, fromOn: open.fromOn },
      after: { toOn: input.toOn, days, totalSuspendedDays: total, awardDue: due },
    });
  });
}

/** 延期 (Law Art 43, Rules Art 45): up to 15 days in total, with the chair's written approval. */
export function extendAward(ctx: ServiceContext, input: { caseId: number; days: number; approvedBy: string; reason: string }, max = 15): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    assertRunning(row, '延长裁决期限');
    const already = row.awardExtensionDays;
    if (already + input.days > max) {
      throw new AppFailure(
        'conflict',
        already >= max
          ? `裁决期限已延长${already}日，已达最长${max}日，不能再延长`
          : `延长期限累计不得超过${max}日：已延长${already}日，本次最多还可延长${max - already}日`,
      );
    }
    const open = readSuspensions(tx, row.id).find((s) => s.toOn === null);
    const dueBefore = dueOf(caseDeadlines(ctx, tx, row), 'award');
    if (!open && dueBefore && today > dueBefore) {
      throw new AppFailure('conflict', `裁决期限已于${formatChineseDate(dueBefore)}届满，延期须在期限届满前批准`);
    }
    const approvedBy = input.approvedBy.trim();
    const reason = input.reason.trim();
    const total = already + input.days;
    tx.update(cases)
      .set({ awardExtensionDays: total, extensionApprovedBy: approvedBy, extensionReason: row.extensionReason ? `${row.extensionReason}；${reason}` : reason })
      .where(eq(cases.id, row.id))
      .run();
    const dueAfter = awardDueNow(ctx, tx, row.id);
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'closing.extended',
      summary: `延长裁决期限${input.days}日${already ? `（累计${total}日）` : ''}，批准人：${approvedBy}，理由：${reason}${dueBefore && dueAfter ? `；裁决期限届满日由${formatChineseDate(dueBefore)}延至${formatChineseDate(dueAfter)}` : ''}`,
      before: { awardExtensionDays: already, awardDue: dueBefore },
      after: { awardExtensionDays: total, approvedBy, reason, awardDue: dueAfter },
    });
  });
}
