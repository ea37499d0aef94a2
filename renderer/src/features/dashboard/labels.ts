import type { AwardFinalityFilter, ClosingMethod } from '../../../../electron/core/contract';

/** Short names of the ways a case ends (the export has the same list on the host side). */
export const closingMethodLabels: Record<ClosingMethod, string> = {
  mediation: '调解',
  finalAward: '终局裁决',
  nonFinalAward: '非终局裁决',
  withdrawal: '撤回申请',
  deemedWithdrawal: '按撤回处理',
  rejection: '不予受理',
  transfer: '移送',
};

/** The chips of the award-finality filters a dashboard figure opens the case list with. */
export const awardFinalityLabels: Record<AwardFinalityFilter, string> = {
  award: '裁决结案',
  final: '终局裁决（含部分终局）',
  mixed: '部分终局裁决',
  nonFinal: '非终局裁决（无终局事项）',
};
