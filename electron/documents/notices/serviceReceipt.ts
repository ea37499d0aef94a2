// 送达回证: a one-page form; the server fills in method, signatures and dates by hand (or the
// service records it through documents.recordService, after which a regenerated receipt shows it).
import type { Document } from 'docx';
import { docTitle, formTable, note, officialDocument, organLine, SIZES, type FormCell } from '../layout';
import { caseNumberText, type CaseHeader } from './common';

export type ServiceReceiptData = Pick<CaseHeader, 'commissionName' | 'caseNumber' | 'cause'> & {
  /** Title of the document served, e.g. 开庭通知书. */
  documentTitle: string;
  copies: number;
  recipientName: string;
  recipientAddress: string | null;
  /** When recorded already (documents.recordService); otherwise blank boxes to fill in. */
  method: string | null;
  servedOn: string | null;
};

const METHODS = '□直接送达　□邮寄送达　□留置送达\n□电子送达　□公告送达';

export function buildServiceReceipt(d: ServiceReceiptData): Document {
  const l = (text: string): FormCell => ({ text, label: true });
  const v = (text: string, span = 3, minLines = 1): FormCell => ({ text, span, minLines });
  const methods = d.method ? METHODS.replace(`□${d.method}`, `■${d.method}`) : METHODS;
  const rows: FormCell[][] = [
    [l('案　　号'), v(caseNumberText(d))],
    [l('案　　由'), v(d.cause)],
    [l('送达文书\n名称及份数'), v(`${d.documentTitle}　　1份${d.copies > 1 ? `（另附件${d.copies - 1}份）` : ''}`, 3, 2)],
    [l('受送达人'), v(d.recipientName)],
    [l('送达地址'), v(d.recipientAddress ?? '', 3, 2)],
    [l('送达方式'), v(methods, 3, 2)],
    [l('受送达人\n签名或盖章'), { text: '', minLines: 3 }, l('签收日期'), { text: d.servedOn ? d.servedOn.replace(/^(\d+)-(\d+)-(\d+)$/, (_, y, m, dd) => `${y}年${Number(m)}月${Number(dd)}日`) : '　　年　　月　　日' }],
    [l('代收人签名\n及代收理由'), { text: '', minLines: 2 }, l('与受送达人\n关系'), { text: '' }],
    [l('拒收事由\n及日期'), v('', 3, 2)],
    [l('见证人签名\n（留置送达）'), { text: '', minLines: 2 }, l('见证人\n身份/单位'), { text: '' }],
    [l('送达人签名'), { text: '', minLines: 2 }, l('送达日期'), { text: '　　年　　月　　日' }],
    [l('备　　注'), v('', 3, 2)],
  ];
  const children = [
    // the case number is the first row of the form, so no separate number line
    organLine(d.commissionName),
    docTitle('送达回证'),
    formTable({ grid: [22, 32, 18, 28], rows, size: SIZES.xiaoSi }),
    note('说明：受送达人签收日期为送达日期。受送达人拒绝签收的，送达人记明拒收事由和日期，由送达人、见证人签名，把文书留在受送达人住所，即视为送达。邮寄送达的，以回执上注明的收件日期为送达日期。', { indent: true }),
  ];
  return officialDocument({ title: '送达回证', children, centeredPageNumbers: true });
}
