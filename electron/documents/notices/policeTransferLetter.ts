// 涉嫌拒不支付劳动报酬罪案件移送书: the labour authority's 公文 to the public security organ (GB/T 9704:
// 版头 with 发文字号, 主送, body, 附件说明 listing only what the file holds, the organ centred over the
// Arabic-numeral date, the worker list as 附件1). Full ID numbers: it goes to an authority.
import type { Document } from 'docx';
import { formatChineseDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { amountWithUpper, attachmentHead, attachmentNote, docTitle, heading1, issuedBy, letterhead, officialDocument, para, partyBlock } from '../layout';
import { cn, respondentLine, salutation, workerTable, type PartyData, type WorkerRow } from './common';

export type PoliceTransferData = {
  organName: string;
  /** 发文字号, e.g. 赣市人社监移〔2026〕1号. */
  documentNumber: string;
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
  /** 限期改正指令书 the employer ignored. */
  orders: { title: string; date: string; payBy: string | null }[];
  thresholdText: string;
  issuedOn: string;
  contact: string | null;
  /** What goes with the letter; the first is the worker list printed as 附件1. */
  attachments: string[];
};

export function buildPoliceTransferLetter(d: PoliceTransferData): Document {
  const children = [
    ...letterhead(d.organName, d.documentNumber),
    docTitle('涉嫌拒不支付劳动报酬罪\n案件移送书'),
    salutation(d.policeName),
    para(`${d.employer.name}涉嫌拒不支付劳动报酬一案，经本机关调查，现根据《中华人民共和国刑法》第二百七十六条之一、《最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释》（法释〔2013〕3号）和《行政执法机关移送涉嫌犯罪案件的规定》，移送你局依法处理。有关情况如下：`),
    heading1('一、涉案单位及人员'),
    ...partyBlock([
      `${respondentLine(d.employer, 'full').replace(/^被申请人：/, '涉案单位（人）：').replace(/。$/, '')}${d.employerObligation ? `；${d.employerObligation}` : ''}。`,
      ...d.otherParties.map((p) => `${respondentLine(p, 'full').replace(/^被申请人：/, '相关单位（人）：').replace(/。$/, '')}${p.obligation ? `；${p.obligation}` : ''}。`),
    ]),
    heading1('二、涉嫌犯罪的事实'),
    para(`${d.projectName ? `${d.employer.name}在${d.projectName}项目中，` : ''}拖欠${d.workers.length}名劳动者劳动报酬共计${amountWithUpper(d.unpaidTotalFen)}（名单见附件1）${d.caseNumber ? `，劳动者已申请劳动人事争议仲裁（案号：${d.caseNumber}）` : ''}${d.fileNumber ? `，本机关已立案调查（投诉编号：${d.fileNumber}）` : ''}。`),
    ...(d.orders.length
      ? [para(`本机关已向其作出${d.orders.map((o) => `${cn(o.date)}《${o.title}》${o.payBy ? `（责令于${cn(o.payBy)}前支付）` : ''}`).join('、')}，经依法送达，其逾期仍不支付。`)]
      : []),
    para(`拖欠数额已达到本省规定的“数额较大”标准（${d.thresholdText}）。`),
    heading1('三、移送意见'),
    para(`上述行为涉嫌构成拒不支付劳动报酬罪，依法移送你局。请自收到本移送书之日起3日内审查决定是否立案，并将结果书面告知本机关。本机关将配合做好调查取证工作，劳动者合计${formatYuan(d.unpaidTotalFen)}的工资仍请依法追缴。`),
    ...(d.contact ? [para(`联系电话：${d.contact}`)] : []),
    ...attachmentNote(d.attachments),
    ...issuedBy({ organ: d.organName, date: formatChineseDate(d.issuedOn) }),
    ...attachmentHead(d.attachments[0] ?? '被拖欠劳动报酬劳动者名单', 1),
    para(`金额单位：元`, { indent: false, align: 'right', keepNext: true }),
    workerTable(d.workers, { ids: 'full', amounts: [{ header: '拖欠金额', value: (w) => w.owedFen }] }),
  ];
  return officialDocument({ title: '涉嫌拒不支付劳动报酬罪案件移送书', children });
}
