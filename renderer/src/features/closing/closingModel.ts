import type { CaseDetail, ClosingMethod } from '../../../../electron/core/contract';
import { compareDates, diffDays } from '../../../../electron/core/dates';

export const closingMethodLabels: Record<ClosingMethod, string> = {
  mediation: '调解结案',
  finalAward: '终局裁决',
  nonFinalAward: '非终局裁决',
  withdrawal: '撤回',
  deemedWithdrawal: '视为撤回',
  rejection: '不予受理',
  transfer: '移送',
};
/** The toast after closing, in plain words (「案件已调解结案」); a split award says so. */
const closedPhrases: Record<ClosingMethod, string> = {
  mediation: '案件已调解结案',
  finalAward: '案件已以终局裁决结案',
  nonFinalAward: '案件已以非终局裁决结案',
  withdrawal: '申请人撤回仲裁申请，案件已结案',
  deemedWithdrawal: '案件已按撤回仲裁申请处理结案',
  rejection: '案件已以不予受理结案',
  transfer: '案件已移送处理并结案',
};
export function closedToast(method: ClosingMethod, awardFinality: CaseDetail['awardFinality']): string {
  return awardFinality === 'mixed' ? '案件已以裁决结案（部分终局：终局、非终局裁决书各一份）' : closedPhrases[method];
}
/** The closing method as the result card shows it: a split award is 部分终局 whichever award method was picked. */
export function closingMethodText(method: ClosingMethod | null, awardFinality: CaseDetail['awardFinality']): string {
  if (awardFinality === 'mixed') return '部分终局裁决';
  return method ? closingMethodLabels[method] : '';
}

export const closingMethodOptions = (Object.keys(closingMethodLabels) as ClosingMethod[]).map((value) => ({ value, label: closingMethodLabels[value] }));

export type SuspensionRecord = { id: number; fromOn: string; toOn: string | null; reason: string; approvedBy: string };

/**
 * The closing record of a case as the backend keeps it (closing method, on-time flags, days). These
 * fields are read when the case view carries them; otherwise they are worked out from the deadlines.
 */
export type ClosingFields = {
  closingMethod?: ClosingMethod | null;
  closedOnTime?: boolean | null;
  closedWithinFastTrack?: boolean | null;
  daysToClose?: number | null;
  extensionApprovedBy?: string | null;
  extensionReason?: string | null;
  suspensions?: SuspensionRecord[];
};
export type ClosingDetail = CaseDetail & ClosingFields;

export function deadlineDue(detail: CaseDetail, key: 'award' | 'fastTrack'): string | null {
  return detail.deadlines.find((d) => d.key === key)?.dueOn ?? null;
}

export type ClosingResult = { method: ClosingMethod | null; closedOn: string; days: number | null; onTime: boolean | null; withinFastTrack: boolean | null; summary: string | null };

/** The latest timeline event with one of these actions (events carry increasing ids). */
export function latestEvent(detail: CaseDetail, actions: string[]) {
  return detail.events.filter((e) => actions.includes(e.action)).sort((a, b) => b.id - a.id)[0] ?? null;
}

/**
 * How the case was closed. The case view's own fields win; otherwise the closing event's summary
 * ("结案（调解结案），用时18日，按期结案；在速裁目标内"); otherwise the deadlines.
 */
export function closingResult(detail: ClosingDetail): ClosingResult | null {
  if (!detail.closedOn) return null;
  const closedOn = detail.closedOn;
  const event = latestEvent(detail, ['closing.closed']);
  const summary = event?.summary ?? null;
  const fromSummary = {
    method: (Object.keys(closingMethodLabels) as ClosingMethod[]).find((m) => summary?.includes(`（${closingMethodLabels[m]}）`)) ?? null,
    days: summary?.match(/用时(\d+)日/) ? Number(summary.match(/用时(\d+)日/)![1]) : null,
    onTime: summary?.includes('按期结案') ? true : summary?.includes('超期结案') ? false : null,
    withinFastTrack: summary?.includes('在速裁目标内') ? true : summary?.includes('超出速裁目标') ? false : null,
  };
  const start = detail.acceptedOn ?? detail.receivedOn;
  const awardDue = deadlineDue(detail, 'award');
  const fastDue = deadlineDue(detail, 'fastTrack');
  return {
    method: detail.closingMethod ?? fromSummary.method,
    closedOn,
    days: detail.daysToClose ?? fromSummary.days ?? (start ? diffDays(start, closedOn) : null),
    onTime: detail.closedOnTime ?? fromSummary.onTime ?? (awardDue ? compareDates(closedOn, awardDue) <= 0 : null),
    withinFastTrack: detail.closedWithinFastTrack ?? fromSummary.withinFastTrack ?? (fastDue ? compareDates(closedOn, fastDue) <= 0 : null),
    summary,
  };
}

/** Whether the case is suspended now: from its suspensions when listed, else from the timeline. */
export function suspensionState(detail: ClosingDetail): { open: boolean; since: string | null; summary: string | null } {
  if (detail.suspensions) {
    const open = detail.suspensions.find((s) => s.toOn === null) ?? null;
    return { open: open !== null, since: open?.fromOn ?? null, summary: open ? `${open.reason}；批准人 ${open.approvedBy}` : null };
  }
  const event = latestEvent(detail, ['closing.suspended', 'closing.resumed']);
  const open = event?.action === 'closing.suspended';
  return { open, since: null, summary: open ? event.summary : null };
}

/** A sensible default for the method: what the case has reached. */
export function suggestedMethod(detail: CaseDetail, mediationEffective: boolean, award: { hasFinal: boolean; hasNonFinal: boolean; issuedAt: string | null } | null): ClosingMethod {
  if (detail.status === 'rejected') return 'rejection';
  if (award?.issuedAt && !mediationEffective) return award.hasNonFinal ? 'nonFinalAward' : 'finalAward';
  return 'mediation';
}
