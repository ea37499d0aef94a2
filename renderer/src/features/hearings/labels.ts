import type { HearingView } from '../../../../electron/core/contract';

export const hearingStatusLabels: Record<HearingView['status'], string> = { scheduled: '已排期', held: '已开庭', cancelled: '已取消' };
export const hearingOutcomeLabels: Record<NonNullable<HearingView['outcome']>, string> = { held: '正常开庭', default: '缺席审理', deemedWithdrawal: '按撤回仲裁申请处理' };

export function noticeStatus(h: Pick<HearingView, 'noticeServedOn' | 'noticeWaived' | 'noticeWaiverNote'>): { text: string; color: string } {
  if (h.noticeWaived) return { text: `当事人同意豁免通知期${h.noticeWaiverNote ? `（${h.noticeWaiverNote}）` : ''}`, color: 'teal' };
  if (h.noticeServedOn) return { text: `开庭通知已于${h.noticeServedOn}送达`, color: 'green' };
  return { text: '开庭通知尚未送达', color: 'orange' };
}
