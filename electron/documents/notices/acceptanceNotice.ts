// 受理通知书: to the applicant side (the representatives of a collective case, or the worker).
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { officialDocument, para, partyBlock, signatureBlock } from '../layout';
import { applicantLines, cn, contactLines, head, numbered, procedureText, respondentLine, respondentsName, salutation, workerAnnex, type CaseHeader } from './common';

export type AcceptanceNoticeData = CaseHeader & {
  acceptedOn: string;
  /** Whom this copy is addressed to, e.g. "张三等30人（代表人：李四、王五、赵六）". */
  recipientName: string;
  /** Days of the evidence period set by the commission (counted from the day after receipt). */
  evidenceDays: number;
};

export function buildAcceptanceNotice(d: AcceptanceNoticeData): Document {
  const children = [
    ...head(d, '受理通知书'),
    salutation(d.recipientName),
    para(
      `你（们）与${respondentsName(d.respondents)}${d.cause}争议一案，本委于${cn(d.receivedOn)}收到仲裁申请。经审查，符合受理条件，本委决定于${cn(d.acceptedOn)}立案受理。现将有关事项通知如下：`,
    ),
    ...numbered([
      `当事人及案由。案由：${d.cause}。${d.isCollective ? `本案为集体劳动人事争议，共有劳动者${d.workers.length}人，依法优先立案、优先审理。` : ''}`,
    ]),
    ...partyBlock([...applicantLines(d, d.servedIds), ...d.respondents.map((r) => respondentLine(r, d.servedIds))]),
    ...numbered(
      [
      `仲裁庭组成。${procedureText(d)}，仲裁庭组成人员及开庭时间、地点另行通知。当事人认为仲裁员有法定回避情形的，应当在首次开庭前提出回避申请；回避事由在首次开庭后知道的，可以在庭审辩论终结前提出。`,
      `举证期限。本案举证期限为自你（们）收到本通知书之次日起${d.evidenceDays}日。请在举证期限内向本委提交证据材料（原件核对、复印件一式两份）并列明证据目录。逾期提交的，应当说明理由；拒不说明理由或者理由不成立的，本委可以不予采纳该证据，或者采纳该证据但予以训诫。`,
      '答辩与反申请。本委将在受理之日起5日内将仲裁申请书副本送达被申请人，被申请人可在收到之日起10日内提交答辩书；被申请人在答辩期内提出反申请的，本委依法审查处理，逾期提出的应当另行申请仲裁。被申请人未提交答辩书的，不影响仲裁程序的进行。',
      '增加、变更仲裁请求或者被申请人。申请人需要增加、变更仲裁请求或者被申请人的，应当在举证期限届满前以书面形式提出；逾期提出的，应当另行申请仲裁。',
      '管辖异议。当事人对本委的管辖有异议的，应当在答辩期满前书面提出。',
      `仲裁风险提示。（一）申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，视为撤回仲裁申请，再次申请的本委不予受理；（二）当事人对自己提出的主张有责任提供证据，不能提供证据或者证据不足以证明其主张的，承担不利后果；与争议事项有关的证据属于用人单位掌握管理的，用人单位应当提供；（三）${d.isCollective ? '代表人变更、放弃仲裁请求或者承认对方当事人的仲裁请求、进行和解，应当经被代表的劳动者同意；' : ''}当事人可以自行和解，也可以申请调解，仲裁庭在作出裁决前将先行调解；（四）劳动人事争议仲裁不收费。`,
      ],
      2,
    ),
    ...contactLines(d),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.acceptedOn), seal: '（印章）' }),
    ...(d.workers.length > 3
      ? workerAnnex('申请人名单', d.workers, { ids: d.servedIds, amounts: [{ header: '请求金额', value: (w) => w.claimedFen }] })
      : []),
  ];
  return officialDocument({ title: '受理通知书', children });
}
