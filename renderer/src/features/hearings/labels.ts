import type { HearingView } from '../../../../electron/core/contract';

export const hearingStatusLabels: Record<HearingView['status'], string> = { scheduled: '已排期', held: '已开庭', cancelled: '已取消' };
export const hearingOutcomeLabels: Record<NonNullable<HearingView['outcome']>, string> = { held: '正常开庭', default: '缺席审理', deemedWithdrawal: '按撤回仲裁申请处理' };

/** What the Rules attach to each attendance outcome (Law Art 36; Rules Art 39). */
export const hearingOutcomeConsequences: Record<NonNullable<HearingView['outcome']>, string> = {
  held: '双方当事人到庭，按庭审程序进行。',
  default: '被申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以缺席裁决（《劳动争议调解仲裁法》第三十六条）。',
  deemedWithdrawal:
    '申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，可以视为撤回仲裁申请（《劳动争议调解仲裁法》第三十六条）；申请人重新申请仲裁的，仲裁时效按规定计算。',
};

export function noticeStatus(h: Pick<HearingView, 'noticeServedOn' | 'noticeWaived' | 'noticeWaiverNote'>): { text: string; color: string } {
  if (h.noticeWaived) return { text: `当事人同意豁免通知期${h.noticeWaiverNote ? `（${h.noticeWaiverNote}）` : ''}`, color: 'teal' };
  if (h.noticeServedOn) return { text: `开庭通知已于${h.noticeServedOn}送达`, color: 'green' };
  return { text: '开庭通知尚未送达', color: 'orange' };
}
