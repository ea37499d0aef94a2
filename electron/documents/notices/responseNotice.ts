// 应诉通知书 with 举证通知书: to one respondent. The applicants' list shows masked ID numbers (the
// application copy served with it carries the particulars the respondent needs).
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { docTitle, heading2, officialDocument, pageBreak, para, partyBlock, signatureBlock } from '../layout';
import { applicantLines, applicantsName, cn, contactLines, head, numbered, procedureText, respondentLine, salutation, workerAnnex, type CaseHeader, type PartyData } from './common';

export type ResponseNoticeData = CaseHeader & {
  acceptedOn: string;
  recipient: PartyData;
  evidenceDays: number;
  claimedTotalFen: number;
};

export function buildResponseNotice(d: ResponseNoticeData): Document {
  const applicants = applicantsName(d.workers);
  const children = [
    ...head(d, '应诉通知书'),
    salutation(d.recipient.name),
    para(
      `${applicants}与你方${d.cause}争议一案，本委已于${cn(d.acceptedOn)}立案受理。申请人请求支付拖欠的劳动报酬等共计${formatYuan(d.claimedTotalFen)}。现将仲裁申请书副本送达你方，并将有关事项通知如下：`,
    ),
    ...partyBlock([...applicantLines(d, d.servedIds), ...d.respondents.map((r) => respondentLine(r, d.servedIds))]),
    ...numbered([
      `答辩。你方应当自收到仲裁申请书副本之日起10日内向本委提交答辩书及副本（按申请人人数${d.isCollective ? '或代表人人数' : ''}提交），并附法定代表人身份证明书、授权委托书等材料。逾期未提交答辩书的，不影响仲裁程序的进行。`,
      '反申请与管辖异议。你方如有反申请，应当在答辩期内提出；对本委管辖有异议的，应当在答辩期满前书面提出。',
      `仲裁庭组成。${procedureText(d)}，开庭时间、地点另行通知。你方认为仲裁员有法定回避情形的，可以依法申请回避。`,
      '到庭义务。你方经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，仲裁庭可以缺席裁决。',
      '委托代理。你方委托代理人参加仲裁活动的，应当向本委提交由委托人签名或者盖章的授权委托书，载明委托事项和权限。',
    ]),
    ...contactLines(d),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.acceptedOn), seal: '（印章）' }),
    // 举证通知书 on its own page, same addressee
    pageBreak(),
    docTitle('举证通知书'),
    salutation(d.recipient.name),
    para(`根据《中华人民共和国劳动争议调解仲裁法》和《劳动人事争议仲裁办案规则》的规定，现就${applicants}与你方${d.cause}争议一案的举证事项通知如下：`),
    heading2('（一）举证责任'),
    para('当事人对自己提出的主张，有责任提供证据。与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供；用人单位不提供的，应当承担不利后果（《中华人民共和国劳动争议调解仲裁法》第三十九条）。'),
    para('在本案中，劳动合同、考勤记录、工资支付台账（工资表）、工资发放凭证、农民工实名制管理及工资专用账户资料等由用人单位掌握管理，你方应当在举证期限内提交。'),
    heading2('（二）举证期限'),
    para(`本案举证期限为自你方收到本通知书之次日起${d.evidenceDays}日。确有困难的，可以在期限届满前书面申请延长，由本委决定。`),
    heading2('（三）逾期举证的后果'),
    para('逾期提交证据的，应当说明理由；拒不说明理由或者理由不成立的，本委可以不予采纳该证据，或者采纳该证据但予以训诫。'),
    heading2('（四）申请调取证据'),
    para('当事人因客观原因不能自行收集的证据，可以在举证期限届满前书面申请本委调取；本委认为有必要的，可以依职权调取。'),
    heading2('（五）提交要求'),
    para('提交证据应当编制证据目录，写明证据名称、来源、证明目的和页数，提交原件核对，复印件一式两份并签名或者盖章。外文证据应当附中文译本。'),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.acceptedOn), seal: '（印章）' }),
    ...(d.workers.length > 3 ? workerAnnex('申请人名单', d.workers, { ids: d.servedIds, amounts: [{ header: '请求金额', value: (w) => w.claimedFen }] }) : []),
  ];
  return officialDocument({ title: '应诉通知书', children });
}
