// 撤回仲裁申请决定书: the commission's decision on the applicant's recorded request to withdraw
// (《劳动人事争议仲裁办案规则》第三十五条); a collective case names the represented workers' consent.
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { officialDocument, para, partyBlock, signatureBlock } from '../layout';
import { applicantLines, applicantsName, cn, head, respondentLine, respondentsName, workerAnnex, type CaseHeader } from './common';

export type WithdrawalDecisionData = CaseHeader & {
  acceptedOn: string;
  decidedOn: string;
  appliedOn: string;
  /** Who filed the application (the worker, or the representatives). */
  appliedBy: string;
  /** The applicant's reason as stated, or ''. */
  reason: string;
  consentOn: string | null;
  consentNote: string | null;
  arbitrators: string[];
};

export function buildWithdrawalDecision(d: WithdrawalDecisionData): Document {
  const consent = d.isCollective && d.consentOn ? `，并经被代表的${d.workers.length}名劳动者于${cn(d.consentOn)}同意${d.consentNote ? `（${d.consentNote.replace(/[。\s]+$/, '')}）` : ''}` : '';
  const children = [
    ...head(d, '撤回仲裁申请决定书'),
    ...partyBlock([...applicantLines(d, d.servedIds), ...d.respondents.map((r) => respondentLine(r, d.servedIds))]),
    para(
      `申请人${applicantsName(d.workers)}与被申请人${respondentsName(d.respondents)}${d.cause}争议一案，本委于${cn(d.acceptedOn)}立案受理。${cn(d.appliedOn)}，${d.appliedBy}向本委提出撤回仲裁申请${d.reason ? `，理由是：${d.reason.replace(/[。\s]+$/, '')}` : ''}${consent}。`,
    ),
    para('经审查，申请人撤回仲裁申请系其真实意思表示，不违反法律规定，不损害国家利益、社会公共利益和他人合法权益。依照《劳动人事争议仲裁办案规则》第三十五条的规定，决定如下：'),
    para('准许申请人撤回仲裁申请。'),
    para('本决定书自送达之日起发生法律效力。'),
    ...signatureBlock({ signers: d.arbitrators.length ? d.arbitrators.map((a, i) => `${i === 0 && d.arbitrators.length > 1 ? '首席仲裁员' : '仲裁员'}　${a}`) : [d.commissionName], date: formatChineseNumeralDate(d.decidedOn), seal: '（印章）' }),
    ...(d.workers.length > 3 ? workerAnnex('申请人名单', d.workers, { ids: d.servedIds, amounts: [{ header: '请求金额', value: (w) => w.claimedFen }] }) : []),
  ];
  return officialDocument({ title: '撤回仲裁申请决定书', children });
}
