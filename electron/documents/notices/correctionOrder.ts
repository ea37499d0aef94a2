// 劳动保障监察限期改正指令书: to the employer; the worker list shows masked ID numbers because the
// order may be posted at the site or at the address of an absconding employer.
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { amountWithUpper, docNumber, docTitle, officialDocument, organLine, para, signatureBlock } from '../layout';
import { cn, salutation, workerAnnex, type PartyData, type WorkerRow } from './common';

export type CorrectionOrderData = {
  /** The inspection organ, e.g. 赣州市人力资源和社会保障局. */
  organName: string;
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
};

export function buildCorrectionOrder(d: CorrectionOrderData): Document {
  const children = [
    organLine(d.organName),
    docTitle('劳动保障监察\n限期改正指令书'),
    docNumber(d.fileNumber ? `监察案号：${d.fileNumber}` : '监察案号：　　　　'),
    salutation(d.employer.name),
    para(
      `经调查，你单位${d.projectName ? `在${d.projectName}项目中` : ''}拖欠${d.workers.length}名劳动者工资共计${formatYuan(d.unpaidTotalFen)}（名单附后）${d.factsNote ? `，${d.factsNote.replace(/[。\s]+$/, '')}` : ''}。上述行为违反了《保障农民工工资支付条例》和《劳动保障监察条例》的有关规定。`,
    ),
    para(`根据《劳动保障监察条例》第二十六条的规定，现责令你单位于${cn(d.payBy)}前，向上述劳动者足额支付拖欠的工资${amountWithUpper(d.unpaidTotalFen)}，并将支付凭证（银行转账记录、劳动者签收的工资表）报送本机关。`),
    para('逾期不支付的，本机关将依法责令你单位按应付金额50%以上100%以下的标准向劳动者加付赔偿金，并依法予以行政处罚、纳入拖欠农民工工资失信联合惩戒对象名单；有能力支付而不支付、经政府有关部门责令支付仍不支付，数额较大的，本机关将依法移送公安机关，追究拒不支付劳动报酬罪的刑事责任（《中华人民共和国刑法》第二百七十六条之一）。'),
    para('你单位对本指令书不服的，可以依法申请行政复议或者提起行政诉讼。'),
    ...(d.inspectors ? [para(`劳动保障监察员：${d.inspectors}`)] : []),
    ...signatureBlock({ signers: [d.organName], date: formatChineseNumeralDate(d.issuedOn), seal: '（印章）' }),
    ...workerAnnex('被拖欠工资劳动者名单', d.workers, { ids: 'masked', amounts: [{ header: '拖欠工资', value: (w) => w.owedFen }] }),
  ];
  return officialDocument({ title: '劳动保障监察限期改正指令书', children });
}
