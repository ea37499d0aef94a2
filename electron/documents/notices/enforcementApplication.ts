// 强制执行申请书: prepared for the workers, to the court. Full ID numbers (the court needs them).
import type { Document } from 'docx';
import { formatChineseNumeralDate } from '../../core/dates';
import { formatFen, formatYuan } from '../../core/money';
import { amountWithUpper, docTitle, heading1, officialDocument, para, partyBlock, signatureBlock, table } from '../layout';
import { applicantsName, cn, respondentLine, salutation, workerAnnex, type PartyData, type WorkerRow } from './common';

export type EnforcementApplicationData = {
  /** '＿＿＿＿人民法院' unless known. */
  courtName: string;
  commissionName: string;
  caseNumber: string | null;
  /** 调解书 / 裁决书 */
  instrument: string;
  /** When the instrument took effect (both signed / award served), or null. */
  effectiveOn: string | null;
  workers: (WorkerRow & { dueFen: number; paidFen: number })[];
  representatives: string[];
  respondents: PartyData[];
  dueTotalFen: number;
  paidTotalFen: number;
  unpaidTotalFen: number;
  payments: { date: string; worker: string; amountFen: number; method: string }[];
  issuedOn: string;
};

export function buildEnforcementApplication(d: EnforcementApplicationData): Document {
  const children = [
    docTitle('强制执行申请书'),
    ...partyBlock([
      `申请执行人：${applicantsName(d.workers)}${d.workers.length > 3 ? `（共${d.workers.length}人，名单及身份信息附后）` : d.workers.length === 1 ? `，公民身份号码：${d.workers[0]?.idNumber}` : ''}。`,
      ...(d.representatives.length ? [`代表人：${d.representatives.join('、')}。`] : []),
      ...d.respondents.map((r) => respondentLine(r, 'full').replace(/^被申请人：/, '被执行人：')),
    ]),
    heading1('执行请求'),
    para(`一、请求强制执行被执行人支付申请执行人${d.instrument === '裁决书' ? '裁决' : '调解协议约定'}的款项${amountWithUpper(d.unpaidTotalFen)}；`),
    para('二、请求被执行人加倍支付迟延履行期间的债务利息；'),
    para('三、执行费用由被执行人负担。'),
    heading1('事实与理由'),
    para(
      `申请执行人与被执行人劳动报酬争议一案，经${d.commissionName}处理，作出${d.caseNumber ?? ''}${d.instrument}${d.effectiveOn ? `，已于${cn(d.effectiveOn)}发生法律效力` : '，现已发生法律效力'}。依该${d.instrument}，被执行人应支付申请执行人共计${formatYuan(d.dueTotalFen)}。截至本申请提出之日，被执行人已支付${formatYuan(d.paidTotalFen)}，尚欠${formatYuan(d.unpaidTotalFen)}未履行。`,
    ),
    para(`根据《中华人民共和国劳动争议调解仲裁法》第五十一条和《中华人民共和国民事诉讼法》的有关规定，特向贵院申请强制执行。`),
    ...(d.payments.length
      ? [
          para('被执行人已履行情况如下（金额单位：元）：', { indent: true, keepNext: true }),
          table({
            columns: [
              { header: '支付日期', width: '25%', align: 'center' },
              { header: '收款人', width: '25%', align: 'center' },
              { header: '支付方式', width: '20%', align: 'center' },
              { header: '金额', width: '30%', align: 'right' },
            ],
            rows: d.payments.map((p) => [p.date, p.worker, p.method, formatFen(p.amountFen)]),
            totals: ['合计', '', '', formatFen(d.paidTotalFen)],
          }),
        ]
      : [para('被执行人至今未支付任何款项。')]),
    para('此致'),
    para(d.courtName, { indent: false }),
    ...signatureBlock({ signers: [`申请执行人：${d.representatives.length ? `${applicantsName(d.workers)}（代表人：${d.representatives.join('、')}）` : applicantsName(d.workers)}`], date: formatChineseNumeralDate(d.issuedOn) }),
    heading1('附：'),
    para(`1. ${d.caseNumber ?? ''}${d.instrument}及送达回证复印件各一份；`),
    para('2. 申请执行人身份证明、代表人推选书及授权委托书；'),
    para('3. 被执行人履行情况（付款记录）。'),
    ...workerAnnex('申请执行人名单', d.workers, {
      ids: 'full',
      amounts: [
        { header: '应付金额', value: (w) => w.dueFen },
        { header: '已付金额', value: (w) => w.paidFen },
        { header: '申请执行金额', value: (w) => w.owedFen },
      ],
    }),
  ];
  return officialDocument({ title: '强制执行申请书', children });
}
