// 不予受理通知书 (Law Art 29): written, with the reasons and the right to sue.
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { officialDocument, para, signatureBlock } from '../layout';
import { cn, contactLines, head, respondentsName, salutation, type CaseHeader } from './common';

export type RejectionNoticeData = CaseHeader & {
  rejectedOn: string;
  reason: string;
  recipientName: string;
};

export function buildRejectionNotice(d: RejectionNoticeData): Document {
  const children = [
    ...head(d, '不予受理通知书'),
    salutation(d.recipientName),
    para(`你（们）与${respondentsName(d.respondents)}${d.cause}争议一案的仲裁申请，本委于${cn(d.receivedOn)}收到。经审查，本委认为：${d.reason.replace(/[。；;.\s]+$/, '')}。`),
    para('根据《中华人民共和国劳动争议调解仲裁法》第二十九条的规定，本委决定不予受理。'),
    para('你（们）对本不予受理决定不服的，可以自收到本通知书之日起15日内，就该劳动争议事项向有管辖权的人民法院提起诉讼。'),
    para('特此通知。'),
    ...contactLines(d),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.rejectedOn), seal: '（印章）' }),
  ];
  return officialDocument({ title: '不予受理通知书', children });
}
