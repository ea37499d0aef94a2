// 开庭通知书: one per party. The consequences of absence depend on the recipient's side.
import type { Document } from 'docx';
import { formatChineseNumeralDate, formatWeekday } from '../../core/dates';
import { officialDocument, para, signatureBlock } from '../layout';
import { applicantsName, cn, contactLines, head, numbered, respondentsName, salutation, workerAnnex, type CaseHeader } from './common';

/** A hearing as the notice states it: when, where, under which procedure, before whom. */
export type HearingSitting = {
  startsAt: string; // YYYY-MM-DDTHH:mm China time
  endsAt: string;
  roomName: string;
  roomLocation: string | null;
  procedure: 'simplified' | 'ordinary';
  presiding: string;
  wings: string[];
  clerk: string;
};

export type HearingNoticeData = CaseHeader & {
  recipientName: string;
  side: 'applicant' | 'respondent';
  hearing: HearingSitting;
  issuedOn: string;
};

const time = (t: string) => {
  const [h, m] = t.slice(11, 16).split(':');
  return `${Number(h)}时${m === '00' ? '' : `${Number(m)}分`}`;
};

export function buildHearingNotice(d: HearingNoticeData): Document {
  const h = d.hearing;
  const date = h.startsAt.slice(0, 10);
  const tribunal =
    h.procedure === 'simplified'
      ? `本案适用简易处理程序，由仲裁员${h.presiding}独任仲裁，书记员${h.clerk}担任记录。`
      : `本案由仲裁员${h.presiding}担任首席仲裁员，仲裁员${h.wings.join('、')}组成仲裁庭，书记员${h.clerk}担任记录。`;
  const absence =
    d.side === 'applicant'
      ? '申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，视为撤回仲裁申请；依照《劳动人事争议仲裁办案规则》第三十九条，再次申请仲裁的，本委不予受理。'
      : '被申请人经书面通知，无正当理由拒不到庭或者未经仲裁庭同意中途退庭的，仲裁庭可以依法缺席裁决，由此产生的不利后果由被申请人承担。';
  const children = [
    ...head(d, '开庭通知书'),
    salutation(d.recipientName),
    para(`本委受理的${applicantsName(d.workers)}与${respondentsName(d.respondents)}${d.cause}争议一案，定于${cn(date)}（${formatWeekday(date)}）${time(h.startsAt)}在${h.roomName}${h.roomLocation ? `（${h.roomLocation}）` : ''}开庭审理。${tribunal}`),
    para('现将有关事项通知如下：'),
    ...numbered([
      '请携带本通知书、身份证件原件（单位应携带营业执照副本、法定代表人身份证明书）及全部证据原件，于开庭前15分钟到达签到。委托代理人参加的，应当提交授权委托书。',
      absence,
      '当事人因正当理由不能按时到庭、需要申请延期开庭的，应当在开庭3日前向本委书面提出，是否延期由本委决定。',
      '当事人认为仲裁庭组成人员有法定回避情形的，可以在开庭前提出回避申请；回避事由在开庭后知道的，可以在庭审辩论终结前提出。',
      '开庭时请遵守庭审纪律，未经许可不得录音、录像、拍照。',
    ]),
    ...contactLines(d),
    ...signatureBlock({ signers: [d.commissionName], date: formatChineseNumeralDate(d.issuedOn), seal: '（印章）' }),
    ...(d.workers.length > 3 ? workerAnnex('申请人名单', d.workers, { ids: d.servedIds, amounts: [{ header: '请求金额', value: (w) => w.claimedFen }] }) : []),
  ];
  return officialDocument({ title: '开庭通知书', children });
}
