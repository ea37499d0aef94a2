// 强制执行申请书: prepared for the workers, to the court. Only what the court may enforce today: the
// effective instruments' amounts past their pay-by dates, against exactly the respondents those
// instruments bind, each with its amount. Full ID numbers (the court needs them).
import type { Document } from 'docx';
import nzh from 'nzh/cn';
import { formatChineseNumeralDate } from '../../core/dates';
import { formatFen, formatYuan } from '../../core/money';
import { amountWithUpper, docTitle, heading1, officialDocument, para, partyBlock, signatureBlock, table } from '../layout';
import { applicantsName, respondentLine, workerAnnex, type PartyData, type WorkerRow } from './common';

export type EnforcementObligation = {
  respondent: PartyData;
  /** pays | joint | payFirst | advance: how this respondent is bound for what is enforceable now, each with its amount (it may be bound in several ways). */
  ways: { way: 'pays' | 'joint' | 'payFirst' | 'advance'; amountFen: number }[];
  /** All that is enforceable against it. */
  amountFen: number;
};

export type EnforcementApplicationData = {
  /** '＿＿＿＿人民法院' unless known. */
  courtName: string;
  commissionName: string;
  caseNumber: string | null;
  /** One sentence per effective instrument: what it is, when it took effect, when its payment period ran out. */
  instruments: string[];
  /** The workers with an enforceable amount: due (past its date), paid against it, to enforce. */
  workers: (WorkerRow & { dueFen: number; paidFen: number })[];
  representatives: string[];
  obligations: EnforcementObligation[];
  dueTotalFen: number;
  paidTotalFen: number;
  unpaidTotalFen: number;
  /** Amounts decided but not enforceable yet (not effective, or not yet due), in words; '' when none. */
  notYet: string;
  setAsidePending: string | null;
  payments: { date: string; worker: string; amountFen: number; method: string }[];
  issuedOn: string;
};

const WAY_WORDS = {
  joint: '承担连带清偿责任',
  payFirst: '承担先行清偿责任（《保障农民工工资支付条例》第三十条）',
  advance: '以未结清的工程款为限先行垫付（《保障农民工工资支付条例》第二十九条）',
} as const;

/**
 * The lead of the payment table. The table lists every payment of the case; when some of them went
 * to amounts this application does not ask for (paid in full, not yet due, not yet effective), it
 * says how much of the list counts toward the amounts asked for, so "已支付" above and the table agree.
 */
function paymentsLead(d: EnforcementApplicationData): string {
  const listed = d.payments.reduce((s, p) => s + p.amountFen, 0);
  if (listed === d.paidTotalFen) return '被执行人已履行情况如下（金额单位：元）：';
  return `被执行人在本案中的付款记录如下（金额单位：元），共${formatYuan(listed)}，其中计入上述已届履行期限款项的为${formatYuan(d.paidTotalFen)}，其余${formatYuan(listed - d.paidTotalFen)}为已履行完毕或者不在本次申请执行范围内的款项：`;
}

export function buildEnforcementApplication(d: EnforcementApplicationData): Document {
  const pays = d.obligations.flatMap((o) => o.ways.filter((w) => w.way === 'pays').map((w) => ({ name: o.respondent.name, amountFen: w.amountFen })));
  const secondary = d.obligations.flatMap((o) => o.ways.flatMap((w) => (w.way === 'pays' ? [] : [{ name: o.respondent.name, way: w.way, amountFen: w.amountFen }])));
  const requests: string[] = [
    ...pays.map((o) => `请求强制执行被执行人${o.name}支付申请执行人已届履行期限的款项${amountWithUpper(o.amountFen)}`),
    ...secondary.map((o) => `被执行人${o.name}对上述款项中的${formatYuan(o.amountFen)}${WAY_WORDS[o.way]}`),
    '请求被执行人加倍支付迟延履行期间的债务利息',
    '执行费用由被执行人负担',
  ];
  const children = [
    docTitle('强制执行申请书'),
    ...partyBlock([
      `申请执行人：${applicantsName(d.workers)}${d.workers.length > 3 ? `（共${d.workers.length}人，名单及身份信息附后）` : d.workers.length === 1 ? `，公民身份号码：${d.workers[0]?.idNumber}` : ''}。`,
      ...(d.representatives.length ? [`代表人：${d.representatives.join('、')}。`] : []),
      ...d.obligations.map((o) => respondentLine(o.respondent, 'full').replace(/^被申请人：/, '被执行人：')),
    ]),
    heading1('执行请求'),
    ...requests.map((r, i) => para(`${nzh.encodeS(i + 1)}、${r}${i === requests.length - 1 ? '。' : '；'}`)),
    heading1('事实与理由'),
    para(`申请执行人与被执行人劳动报酬争议一案，经${d.commissionName}处理（案号：${d.caseNumber ?? '＿＿＿'}）：${d.instruments.join('；')}。`),
    para(
      `依上述生效法律文书，被执行人应当支付申请执行人且已届履行期限的款项共计${formatYuan(d.dueTotalFen)}，已支付${formatYuan(d.paidTotalFen)}，尚欠${formatYuan(d.unpaidTotalFen)}未履行。${d.notYet}`,
    ),
    ...(d.setAsidePending ? [para(d.setAsidePending)] : []),
    para('根据《中华人民共和国劳动争议调解仲裁法》第五十一条和《中华人民共和国民事诉讼法》的有关规定，特向贵院申请强制执行。'),
    ...(d.payments.length
      ? [
          para(paymentsLead(d), { indent: true, keepNext: true }),
          table({
            columns: [
              { header: '支付日期', width: '25%', align: 'center' },
              { header: '收款人', width: '25%', align: 'center' },
              { header: '支付方式', width: '20%', align: 'center' },
              { header: '金额', width: '30%', align: 'right' },
            ],
            rows: d.payments.map((p) => [p.date, p.worker, p.method, formatFen(p.amountFen)]),
            totals: ['合计', '', '', formatFen(d.payments.reduce((s, p) => s + p.amountFen, 0))],
          }),
        ]
      : [para('被执行人至今未支付任何款项。')]),
    para('此致'),
    para(d.courtName, { indent: false }),
    // the representatives on their own line: a long line right-aligned breaks inside a name (宋静 / 英)
    ...signatureBlock({ signers: [`申请执行人：${applicantsName(d.workers)}`, ...(d.representatives.length ? [`代表人：${d.representatives.join('、')}`] : [])], date: formatChineseNumeralDate(d.issuedOn) }),
    heading1('附：'),
    para(`1. ${d.caseNumber ?? ''}生效法律文书及送达回证复印件；`),
    para('2. 申请执行人身份证明、代表人推选书及授权委托书；'),
    para('3. 被执行人履行情况（付款记录）。'),
    ...workerAnnex('申请执行人名单', d.workers, {
      ids: 'full',
      amounts: [
        { header: '已届期应付', value: (w) => w.dueFen },
        { header: '已付金额', value: (w) => w.paidFen },
        { header: '申请执行金额', value: (w) => w.owedFen },
      ],
    }),
  ];
  return officialDocument({ title: '强制执行申请书', children });
}
