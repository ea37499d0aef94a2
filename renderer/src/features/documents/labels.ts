import type { DocumentKind } from '../../../../electron/core/contract';

/** Fallback names of the document kinds (the backend's availability list carries its own label). */
export const documentKindLabels: Record<DocumentKind, string> = {
  acceptanceNotice: '受理通知书',
  rejectionNotice: '不予受理通知书',
  responseNotice: '应诉通知书（附举证通知）',
  hearingNotice: '开庭通知书',
  hearingRecord: '庭审笔录',
  mediationDocument: '调解书',
  partialMediationDocument: '调解书（工资部分先行）',
  award: '裁决书',
  evidenceList: '证据目录',
  serviceReceipt: '送达回证',
  withdrawalDecision: '撤回仲裁申请决定书',
  closingApproval: '结案审批表',
  correctionOrder: '限期改正指令书',
  policeTransferLetter: '移送公安机关函',
  enforcementApplication: '强制执行申请书',
};

/**
 * How a document's variant reads next to its title: the two award kinds in words, an addressee's
 * name when the title does not already carry it, nothing for internal keys ("applicants").
 */
export function variantLabel(variant: string, title = ''): string {
  if (variant === 'final') return title.includes('非终局') || title.includes('终局') ? '' : '终局裁决';
  if (variant === 'nonFinal') return title.includes('非终局') ? '' : '非终局裁决';
  if (!/[^\x00-\x7f]/.test(variant)) return '';
  return title.includes(variant) ? '' : variant;
}

/** The addressee a variant names, to suggest as the recipient of a service; '' when it names none. */
export function variantRecipient(variant: string): string {
  return /[^\x00-\x7f]/.test(variant) ? variant : '';
}
