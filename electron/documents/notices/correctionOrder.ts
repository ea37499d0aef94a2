// 劳动保障监察限期改正指令书: an administrative 公文 of the labour authority to the employer, laid
// out by GB/T 9704-2012: 版头 with the 发文字号, title, 主送, body, 附件说明, the organ centred over
// the Arabic-numeral date, and the worker list as an 附件 on its own page (ID numbers masked by the
// setting: the order may be posted at the site or at the address of an absconding employer).
//
// Legal basis [sourced]: 《劳动法》第五十条 (no wage arrears), 《保障农民工工资支付条例》第三条, and
// 《劳动保障监察条例》第二十六条第（一）项 (order to pay by a date; 50%–100% extra compensation if unpaid).
// Remedy [memory, verify on change of law]: 行政复议 within 60 days of knowing (《行政复议法》2023年修订
// 第二十条) before the people's government at the organ's level (同法第二十四条), or 行政诉讼 within
// 6 months (《行政诉讼法》第四十六条).
import type { Document } from 'docx';
import { formatChineseDate, diffDays } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { amountWithUpper, attachmentHead, attachmentNote, docTitle, issuedBy, letterhead, officialDocument, para } from '../layout';
import { salutation, workerTable, type IdMode, type PartyData, type WorkerRow } from './common';

export type CorrectionOrderData = {
  /** The inspection organ, e.g. 赣州市人力资源和社会保障局. */
  organName: string;
  /** 发文字号, e.g. 赣市人社监令〔2026〕3号. */
  documentNumber: string;
  /** 监察案号 / 投诉号, or null. */
  fileNumber: string | null;
  employer: PartyData;
  projectName: string | null;
  /** Worker rows with what is still owed (owedFen minus payments). */
  workers: WorkerRow[];
  unpaidTotalFen: number;
  issuedOn: string;
  payBy: string;
  inspectors: string;
  factsNote: string | null;
  /** Where 行政复议 is applied for, e.g. 赣州市人民政府. */
  reviewBody: string;
  ids: IdMode;
};

const ANNEX = '被拖欠工资劳动者名单';

export function buildCorrectionOrder(d: CorrectionOrderData): Document {
  const days = diffDays(d.issuedOn, d.payBy);
  const children = [
    ...letterhead(d.organName, d.documentNumber),
    docTitle('劳动保障监察\n限期改正指令书'),
    salutation(d.employer.name),
    para(
      `${d.fileNumber ? `本机关在办理${d.fileNumber.replace(/号?$/, '号')}投诉案件中` : '经本机关调查'}查明：你单位${d.projectName ? `在${d.projectName}项目中` : ''}拖欠${d.workers.length}名劳动者工资共计${formatYuan(d.unpaidTotalFen)}（名单见附件）${d.factsNote ? `，${d.factsNote.replace(/[。\s]+$/, '')}` : ''}。上述行为违反了《中华人民共和国劳动法》第五十条和《保障农民工工资支付条例》第三条的规定。`,
    ),
    para(
      `根据《劳动保障监察条例》第二十六条第（一）项的规定，本机关责令你单位于${formatChineseDate(d.payBy)}前（自本指令书作出之日起${days}日内）改正：向上述劳动者足额支付拖欠的工资${amountWithUpper(d.unpaidTotalFen)}，并在期限届满前将支付凭证（银行转账记录或劳动者签收的工资表）报送本机关。`,
    ),
    para('逾期不改正的，本机关将依法责令你单位按应付金额50%以上1倍以下的标准向劳动者加付赔偿金，并依法予以处理、纳入拖欠农民工工资失信联合惩戒对象名单；经责令支付仍不支付、数额较大的，将依法移送公安机关追究拒不支付劳动报酬罪的刑事责任（《中华人民共和国刑法》第二百七十六条之一）。'),
    para(`你单位如不服本指令书，可以自收到本指令书之日起60日内向${d.reviewBody}申请行政复议，或者自收到本指令书之日起6个月内依法向人民法院提起行政诉讼。复议、诉讼期间，本指令书不停止执行。`),
    ...(d.inspectors ? [para(`劳动保障监察员：${d.inspectors}`)] : []),
    ...attachmentNote([ANNEX]),
    ...issuedBy({ organ: d.organName, date: formatChineseDate(d.issuedOn) }),
    ...attachmentHead(ANNEX),
    para(`共${d.workers.length}人，金额单位：元`, { indent: false, align: 'right', keepNext: true }),
    workerTable(d.workers, { ids: d.ids, amounts: [{ header: '拖欠工资', value: (w) => w.owedFen }] }),
  ];
  return officialDocument({ title: '劳动保障监察限期改正指令书', children });
}
