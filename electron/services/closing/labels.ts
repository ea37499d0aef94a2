import type { ClosingMethod, DocumentKind } from '../../core/contract';

/** How the case ended, as written on the timeline and the closing approval form. */
export const closingMethodText: Record<ClosingMethod, string> = {
  mediation: '调解结案',
  finalAward: '终局裁决结案',
  nonFinalAward: '非终局裁决结案',
  withdrawal: '撤回仲裁申请结案',
  deemedWithdrawal: '按撤回仲裁申请处理结案',
  rejection: '不予受理结案',
  transfer: '移送处理结案',
};

/** Documents that go to a party and so need a service record (送达回证) before the file is closed. */
export const servedKinds: ReadonlySet<DocumentKind> = new Set<DocumentKind>([
  'acceptanceNotice',
  'rejectionNotice',
  'responseNotice',
  'hearingNotice',
  'tribunalNotice',
  'mediationDocument',
  'partialMediationDocument',
  'award',
  'withdrawalDecision',
  'correctionOrder',
]);

export { documentLabels as documentKindText } from '../../core/contract';

export function listNames(names: string[], max = 5): string {
  return names.slice(0, max).join('、') + (names.length > max ? `等${names.length}项` : '');
}
