// 撤回仲裁申请决定书: the commission's decision on the applicant's request to withdraw.
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { officialDocument, para, partyBlock, signatureBlock } from '../layout';
import { applicantLines, applicantsName, cn, head, respondentLine, respondentsName, workerAnnex, type CaseHeader } from './common';

export type WithdrawalDecisionData = CaseHeader & {
  acceptedOn: string;
  decidedOn: string;
  /** The applicant's reason as stated, or ''. */
  reason: string;
  arbitrators: string[];
};

export function buildWithdrawalDecision(d: WithdrawalDecisionData): Document {
  const children = [
    ...head(d, '撤回仲裁申请决定书'),
    ...partyBlock([...applicantLines(d, d.servedIds), ...d.respondents.map((r) => respondentLine(r, d.servedIds))]),
    para(
      `申请人${applicantsName(d.workers)}与被申请人${respondentsName(d.respondents)}${d.cause}争议一案，本委于${cn(d.acceptedOn)}立案受理。在仲裁裁决作出前，申请人向本委提出撤回仲裁申请${d.reason ? `，理由是：${d.reason.replace(/[。\s]+$/, '')}` : ''}。`,
    ),
    para(`经审查，申请人撤回仲裁申请系其真实意思表示，不违反法律规定${d.isCollective ? '，且经被代表的劳动者同意' : ''}。依照《劳动人事争议仲裁办案规则》的有关规定，决定如下：`),
    para('准许申请人撤回仲裁申请。'),
    para('本决定书自送达之日起发生法律效力。'),
    ...signatureBlock({ signers: d.arbitrators.length ? d.arbitrators.map((a, i) => `${i === 0 && d.arbitrators.length > 1 ? '首席仲裁员' : '仲裁员'}　${a}`) : [d.commissionName], date: formatChineseNumeralDate(d.decidedOn), seal: '（印章）' }),
    ...(d.workers.length > 3 ? workerAnnex('申请人名单', d.workers, { ids: d.servedIds, amounts: [{ header: '请求金额', value: (w) => w.claimedFen }] }) : []),
  ];
  return officialDocument({ title: '撤回仲裁申请决定书', children });
}
