// 涉嫌拒不支付劳动报酬罪案件移送书: to the public security organ. Full ID numbers (an authority).
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { amountWithUpper, docTitle, heading1, officialDocument, organLine, para, partyBlock, signatureBlock } from '../layout';
import { cn, respondentLine, salutation, workerAnnex, type PartyData, type WorkerRow } from './common';

export type PoliceTransferData = {
  organName: string;
  policeName: string;
  caseNumber: string | null;
  fileNumber: string | null;
  /** The party that owes the wages (the employer, or the contracting unit that bears the employer's liability). */
  employer: PartyData;
  /** Others bound to pay by an effective instrument (jointly, paying first, advancing), each with its basis and amount. */
  otherParties: (PartyData & { obligation?: string })[];
  /** How the employer is bound and for how much, when an effective instrument says so. */
  employerObligation?: string;
  projectName: string | null;
  workers: WorkerRow[];
  unpaidTotalFen: number;
  /** 限期改正指令书 and other orders to pay that were ignored. */
  orders: { title: string; date: string; payBy: string | null }[];
  thresholdText: string;
  issuedOn: string;
  contact: string | null;
  attachments: string[];
};

export function buildPoliceTransferLetter(d: PoliceTransferData): Document {
  const children = [
    organLine(d.organName),
    docTitle('涉嫌拒不支付劳动报酬罪\n案件移送书'),
    salutation(d.policeName),
    para(`${d.employer.name}涉嫌拒不支付劳动报酬一案，经本机关调查，现根据《中华人民共和国刑法》第二百七十六条之一、《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）和《行政执法机关移送涉嫌犯罪案件的规定》，移送你局依法处理。有关情况如下：`),
    heading1('一、涉案单位及人员'),
    ...partyBlock([
      `${respondentLine(d.employer, 'full').replace(/^被申请人：/, '涉案单位（人）：').replace(/。$/, '')}${d.employerObligation ? `；${d.employerObligation}` : ''}。`,
      ...d.otherParties.map((p) => `${respondentLine(p, 'full').replace(/^被申请人：/, '相关单位（人）：').replace(/。$/, '')}${p.obligation ? `；${p.obligation}` : ''}。`),
    ]),
    heading1('二、涉嫌犯罪的事实'),
    para(`${d.projectName ? `${d.employer.name}在${d.projectName}项目中，` : ''}拖欠${d.workers.length}名劳动者劳动报酬共计${amountWithUpper(d.unpaidTotalFen)}（名单附后）${d.caseNumber ? `，劳动者已申请劳动人事争议仲裁（案号：${d.caseNumber}）` : ''}${d.fileNumber ? `，本机关已立案调查（监察案号：${d.fileNumber}）` : ''}。`),
    ...(d.orders.length
      ? [para(`本机关已向其发出${d.orders.map((o) => `${cn(o.date)}《${o.title}》${o.payBy ? `（限于${cn(o.payBy)}前支付）` : ''}`).join('、')}，经依法送达，其逾期仍不支付。`)]
      : []),
    para(`拖欠数额已达到本省规定的“数额较大”标准（${d.thresholdText}）。`),
    heading1('三、移送意见'),
    para(`上述行为涉嫌构成拒不支付劳动报酬罪，依法移送你局。请于收到本移送书之日起3日内审查决定是否立案，并将结果书面告知本机关。本机关将配合做好调查取证工作，劳动者合计${formatYuan(d.unpaidTotalFen)}的工资仍请依法追缴。`),
    heading1('四、附件'),
    ...d.attachments.map((a, i) => para(`${i + 1}. ${a}`)),
    ...(d.contact ? [para(`联系方式：${d.contact}`)] : []),
    ...signatureBlock({ signers: [d.organName], date: formatChineseNumeralDate(d.issuedOn), seal: '（印章）' }),
    ...workerAnnex('被拖欠劳动报酬劳动者名单', d.workers, { ids: 'full', amounts: [{ header: '拖欠金额', value: (w) => w.owedFen }] }),
  ];
  return officialDocument({ title: '涉嫌拒不支付劳动报酬罪案件移送书', children });
}
