/**
 * What the demo's arbitrators write in an award, for the living cases (award.save) and the fast
 * path alike: wages awarded in full, other items dismissed or reduced where the proof is thin, and
 * the draft's texts (defence, facts found, evidence relied on, reasoning).
 */
import type { ClaimType } from '../../core/domain';
import { formatChineseDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import type { Rng } from './random';

/** The amount awarded on one claim item: wages in full; other items 25% dismissed, else 30% at 60%, else in full. */
export function awardedAmount(type: ClaimType, claimedFen: number, rng: Rng): number {
  return type === 'unpaidWages' ? claimedFen : rng.chance(0.25) ? 0 : rng.chance(0.3) ? Math.round(claimedFen * 0.6) : claimedFen;
}

export type AwardStory = {
  /** The applicant side as listed (representatives of a collective case, else every worker). */
  applicants: string[];
  workerCount: number;
  project: string | null;
  acceptedOn: string;
  hearingOn: string;
  totalFen: number;
  /** The respondent did not come to the hearing (heard by default): no defence. */
  defaulted: boolean;
};

export function awardTexts(s: AwardStory): { defence: string; factsFound: string; evidenceRelied: string; reasoning: string } {
  const project = s.project ?? '涉案工程';
  const applicants = s.applicants.join('、');
  return {
    // the 裁决书 prints "被申请人辩称：" before the defence, and its own sentence when there is none
    defence: s.defaulted ? '' : `对申请人在${project}施工的事实无异议，但因建设单位未按期拨付工程款导致工资未能按时发放；部分人员的出勤天数与台账不符。`,
    factsFound: `申请人${applicants}${s.workerCount > 1 ? `等${s.workerCount}人` : ''}在被申请人承建的${project}从事施工作业。被申请人未按月足额支付工资。${formatChineseDate(s.acceptedOn)}，申请人向本委申请仲裁。\n${formatChineseDate(s.hearingOn)}本委开庭审理，经核对工资发放台账、农民工花名册及考勤记录，查明被申请人尚欠申请人工资等款项。`,
    evidenceRelied: '工资发放台账、施工现场照片、农民工花名册及庭审笔录，经庭审质证，本委予以采信。',
    reasoning: `用人单位应当按照劳动合同约定和国家规定，以货币形式按月支付劳动者工资，不得克扣或者无故拖欠（《劳动法》第五十条、《保障农民工工资支付条例》第十一条）。被申请人拖欠申请人工资的事实清楚，证据充分，应予支付。建设单位未拨付工程款不能成为拖欠农民工工资的理由。申请人请求的其他款项，有证据支持的部分予以支持，本委裁决支付合计${formatYuan(s.totalFen)}。`,
  };
}
