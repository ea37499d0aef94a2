// 组庭通知书 (仲裁庭组成通知书): the parties are told the tribunal's members in writing within 5 days of
// acceptance (《劳动争议调解仲裁法》第三十二条), with their right to ask for recusal (第三十三条).
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { COLLECTIVE_TRIBUNAL_BASIS } from '../../core/hearing/schedule';
import { officialDocument, para, signatureBlock } from '../layout';
import { applicantsName, cn, contactLines, head, numbered, respondentsName, salutation, type CaseHeader } from './common';

export type TribunalNoticeData = CaseHeader & {
  recipientName: string;
  tribunal: { procedure: 'simplified' | 'ordinary'; arbitrators: string[]; clerk: string | null; composedOn: string };
  /** The first hearing when it is already scheduled: "2026年12月8日9时，第一仲裁庭". */
  hearing: string | null;
};

export const RECUSAL_GROUNDS =
  '（一）是本案当事人或者当事人、代理人的近亲属的；（二）与本案有利害关系的；（三）与本案当事人、代理人有其他关系，可能影响公正裁决的；（四）私自会见当事人、代理人，或者接受当事人、代理人的请客送礼的';

export function buildTribunalNotice(d: TribunalNoticeData): Document {
  const [chief, ...wings] = d.tribunal.arbitrators;
  const members = wings.length
    ? `首席仲裁员：${chief}；仲裁员：${wings.join('、')}`
    : `仲裁员：${chief}（本案适用简易处理，由仲裁员一人独任仲裁）`;
  const collective = d.isCollective ? `本案为集体劳动人事争议，依照${COLLECTIVE_TRIBUNAL_BASIS}的规定，由三名仲裁员组成仲裁庭，设首席仲裁员。` : '';
  const children = [
    ...head(d, '组庭通知书'),
    salutation(d.recipientName),
    para(
      `${applicantsName(d.workers)}与${respondentsName(d.respondents)}${d.cause}争议一案，本委已于${cn(d.acceptedOn ?? d.receivedOn)}立案受理。根据《中华人民共和国劳动争议调解仲裁法》第三十一条、第三十二条的规定，现将仲裁庭组成情况通知如下：`,
    ),
    ...numbered([
      `仲裁庭组成人员。${members}${d.tribunal.clerk ? `；书记员：${d.tribunal.clerk}` : ''}。${collective}`,
      `申请回避。仲裁员有下列情形之一的，应当回避，当事人也有权以口头或者书面方式提出回避申请：${RECUSAL_GROUNDS}（《中华人民共和国劳动争议调解仲裁法》第三十三条）。回避申请应当在首次开庭前提出，并说明理由；回避事由在首次开庭后知道的，可以在庭审辩论终结前提出。`,
      d.hearing ? `开庭。本案定于${d.hearing}开庭审理，开庭通知书另行送达。` : '开庭。开庭时间、地点另行通知。',
    ]),
    ...contactLines(d),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.tribunal.composedOn), seal: '（印章）' }),
  ];
  return officialDocument({ title: '组庭通知书', children });
}
