import type { ClosingMethod } from '../../../../electron/core/contract';

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
