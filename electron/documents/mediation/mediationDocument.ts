/**
 * 调解书 (Law Art 42) and the partial one of the 2023 notice (工资优先: the wage part is settled and
 * documented first, the other claims go on to be heard). Pure: data in, docx out.
 *
 * Content: parties, 案由 and procedure, the claims, "经本委主持调解，双方自愿达成如下协议：一、…" with
 * the totals per claim type and pay-by date (each worker's amount in the annex), what was paid on
 * the spot, the instalment plan, payment to each worker's own bank card (《保障农民工工资支付条例》第
 * 三十一条), "本调解书经双方当事人签收后，即发生法律效力。", signatures, Chinese-numeral date.
 */
import type { Paragraph, Table } from 'docx';
import nzh from 'nzh/cn';
import { formatChineseDate, formatChineseNumeralDate } from '../../core/dates';
import type { ClaimType } from '../../core/domain';
import { formatFen, formatYuan, sumFen } from '../../core/money';
import type { BuiltDocument } from '../index';
import { amountWithUpper, blankLine, docNumber, docTitle, FONTS, officialDocument, organLine, pageBreak, para, partyBlock, SIZES, table, type TableColumn } from '../layout';
import { applicantLines, applicantShortName, respondentLines, respondentNames, signOff, type CaseDocData, type DocWorker } from '../award/caseData';

export type MediationDocClaim = { type: ClaimType; claimedFen: number; agreedFen: number | null; payBy: string | null; method: 'bankTransfer' | 'cash' | null };
export type MediationDocRow = {
  workerId: number;
  claims: MediationDocClaim[];
  /** Paid at the table (payments not against an instalment). */
  paidOnSpotFen: number;
  instalments: { seq: number; dueOn: string; amountFen: number }[];
};

export type MediationDocData = CaseDocData & {
  partial: boolean;
  rows: MediationDocRow[];
  /** The date the document is made: the day of the settling session. */
  madeOn: string;
  /** Arbitrators who sign (the tribunal, else the mediator of the settling session). */
  signers: string[];
  clerk: string | null;
};

const NOUN: Record<ClaimType, string> = { unpaidWages: '工资', overtime: '加班费', compensation: '经济补偿', damages: '赔偿金', other: '其他款项' };
const TYPE_ORDER: ClaimType[] = ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'];

export const MEDIATION_EFFECT = '本调解书经双方当事人签收后，即发生法律效力。';
export const PARTIAL_CONTINUES = '申请人的其他仲裁请求，本委将继续审理，另行作出处理。';

/** The claims that this document settles: agreed ones (only wages for the partial document). */
export function settledClaims(row: MediationDocRow, partial: boolean): MediationDocClaim[] {
  return row.claims.filter((c) => c.agreedFen !== null && (!partial || c.type === 'unpaidWages'));
}

function documentTitle(partial: boolean): string {
  return partial ? '调解书\n（工资部分）' : '调解书';
}

function agreementItems(data: MediationDocData, workersShown: DocWorker[], annex: boolean): string[] {
  const payer = data.respondents[0]?.name ?? '＿＿＿';
  const items: string[] = [];
  const lines = data.rows.flatMap((r) => settledClaims(r, data.partial).map((c) => ({ ...c, workerId: r.workerId })));
  const byName = new Map(data.workers.map((w) => [w.id, w.name]));
  // one item per claim type and pay-by date
  const groups = new Map<string, typeof lines>();
  for (const t of TYPE_ORDER) {
    for (const l of lines.filter((x) => x.type === t)) {
      const key = `${t}|${l.payBy ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
  }
  for (const [key, group] of groups) {
    const [type, payBy] = key.split('|') as [ClaimType, string];
    const total = sumFen(group.map((g) => g.agreedFen ?? 0));
    const when = payBy ? `于${formatChineseDate(payBy)}前` : '于本调解书生效之日起五日内';
    const who = annex
      ? `申请人${applicantShortName(workersShown.filter((w) => group.some((g) => g.workerId === w.id)))}`
      : `申请人${[...new Set(group.map((g) => byName.get(g.workerId) ?? ''))].join('、')}`;
    items.push(`被申请人${payer}${when}支付${who}${NOUN[type]}${annex ? '共计' : ''}${amountWithUpper(total)}${annex ? '，各申请人应得金额见附表' : ''}；`);
  }
  const cash = lines.some((l) => l.method === 'cash');
  const bank = lines.some((l) => l.method !== 'cash');
  if (bank) items.push(`上述款项由被申请人${payer}通过银行转账直接支付至各申请人本人的银行卡（《保障农民工工资支付条例》第三十一条），不得由他人代领；`);
  if (cash) items.push('约定以现金支付的款项，由被申请人在本委当场交付申请人本人，并由申请人签字确认；');

  const paid = sumFen(data.rows.map((r) => Math.min(r.paidOnSpotFen, sumFen(settledClaims(r, data.partial).map((c) => c.agreedFen ?? 0)))));
  if (paid > 0) {
    const n = data.rows.filter((r) => r.paidOnSpotFen > 0).length;
    items.push(`调解时被申请人已当场向${n}名申请人支付共计${amountWithUpper(paid)}${annex ? '（各申请人已收金额见附表）' : ''}，该款从上述应付款项中扣除；`);
  }
  const plan = data.rows.filter((r) => r.instalments.length);
  if (plan.length) {
    const bySeq = new Map<string, number>();
    for (const r of plan) for (const i of r.instalments) bySeq.set(i.dueOn, (bySeq.get(i.dueOn) ?? 0) + i.amountFen);
    const periods = [...bySeq.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([due, fen], i) => `第${nzh.encodeS(i + 1)}期于${formatChineseDate(due)}前支付${formatYuan(fen)}`);
    items.push(`${plan.length}名申请人的余款分期支付：${periods.join('，')}${annex ? '（各申请人每期金额见附表二）' : ''}；被申请人逾期未付任何一期的，申请人可就全部未付款项申请人民法院强制执行；`);
  }
  if (data.partial) items.push(PARTIAL_CONTINUES.replace(/。$/, '；'));
  else items.push('双方就本案劳动争议再无其他争议；');
  items[items.length - 1] = items[items.length - 1]!.replace(/；$/, '。');
  return items.map((t, i) => `${nzh.encodeS(i + 1)}、${t}`);
}

function annexTable(data: MediationDocData, shown: DocWorker[]): Table {
  const rowOf = new Map(data.rows.map((r) => [r.workerId, r]));
  const hasPaid = data.rows.some((r) => r.paidOnSpotFen > 0);
  const columns: TableColumn[] = [
    { header: '序号', width: 7, align: 'center' },
    { header: '姓名', width: 12, align: 'center' },
    { header: '身份证号码', width: 38, align: 'center' },
    { header: '请求金额', width: 16, align: 'right' },
    { header: '调解金额', width: 16, align: 'right' },
    ...(hasPaid ? [{ header: '当场已付', width: 16, align: 'right' } satisfies TableColumn] : []),
  ];
  let claimed = 0;
  let agreed = 0;
  let paid = 0;
  const rows = shown.map((w, i) => {
    const r = rowOf.get(w.id)!;
    const settled = settledClaims(r, data.partial);
    const c = sumFen(settled.map((x) => x.claimedFen));
    const a = sumFen(settled.map((x) => x.agreedFen ?? 0));
    const p = Math.min(r.paidOnSpotFen, a);
    claimed += c;
    agreed += a;
    paid += p;
    return [String(i + 1), w.name, w.idNumber, formatFen(c), formatFen(a), ...(hasPaid ? [p ? formatFen(p) : '—'] : [])];
  });
  const totals = ['', '合计', `${shown.length}人`, formatFen(claimed), formatFen(agreed), ...(hasPaid ? [formatFen(paid)] : [])];
  return table({ columns, rows, totals, size: columns.length > 5 ? SIZES.wu : SIZES.xiaoSi });
}

function instalmentTable(data: MediationDocData, shown: DocWorker[]): Table {
  const rowOf = new Map(data.rows.map((r) => [r.workerId, r]));
  const rows: string[][] = [];
  let n = 0;
  let total = 0;
  for (const w of shown) {
    for (const i of rowOf.get(w.id)?.instalments ?? []) {
      rows.push([String(++n), w.name, `第${nzh.encodeS(i.seq)}期`, formatChineseDate(i.dueOn), formatFen(i.amountFen)]);
      total += i.amountFen;
    }
  }
  return table({
    columns: [
      { header: '序号', width: 10, align: 'center' },
      { header: '姓名', width: 18, align: 'center' },
      { header: '期次', width: 16, align: 'center' },
      { header: '履行期限', width: 30, align: 'center' },
      { header: '金额（元）', width: 26, align: 'right' },
    ],
    rows,
    totals: ['', '合计', '', '', formatFen(total)],
  });
}

export function buildMediationDocument(data: MediationDocData): BuiltDocument[] {
  const settledIds = new Set(data.rows.filter((r) => settledClaims(r, data.partial).length).map((r) => r.workerId));
  const shown = data.workers.filter((w) => settledIds.has(w.id));
  const annex = data.isCollective || shown.length > 5;
  const title = documentTitle(data.partial);
  const plainTitle = title.replace('\n', '');
  const claimLines = (() => {
    const all = data.rows.flatMap((r) => r.claims);
    const parts = TYPE_ORDER.filter((t) => all.some((c) => c.type === t)).map((t) => `${NOUN[t]}${annex ? '共计' : ''}${formatYuan(sumFen(all.filter((c) => c.type === t).map((c) => c.claimedFen)))}`);
    return `申请人请求裁决被申请人支付${parts.join('、')}。`;
  })();
  const accepted = data.acceptedOn ? `，于${formatChineseDate(data.acceptedOn)}依法受理` : '';
  const intro =
    `申请人${applicantShortName(data.workers)}与被申请人${respondentNames(data.respondents)}${data.cause}争议一案，本委于${formatChineseDate(data.receivedOn)}收到仲裁申请${accepted}。` +
    (data.partial ? '根据工资争议优先处理的要求，本委对申请人的工资请求先行调解。' : '');
  const children: (Paragraph | Table)[] = [
    organLine(data.commissionName),
    docTitle(title),
    docNumber(data.caseLabel),
    ...partyBlock([...applicantLines(data.partial ? shown : data.workers, { collective: annex }), ...data.respondents.flatMap((r) => respondentLines(r))]),
    para(intro),
    para(claimLines),
    para(data.partial ? '经本委主持调解，双方当事人就工资部分自愿达成如下协议：' : '经本委主持调解，双方当事人自愿达成如下协议：', { keepNext: true }),
    ...agreementItems(data, shown, annex).map((t) => para(t)),
    para('上述协议不违反法律、行政法规的强制性规定，本委予以确认。'),
    para(MEDIATION_EFFECT),
    ...signOff({ signers: data.signers.length ? data.signers : ['仲裁员　　　　　　'], date: formatChineseNumeralDate(data.madeOn), seal: '（仲裁委员会印章）', clerk: data.clerk }),
  ];
  if (annex) {
    children.push(
      pageBreak(),
      para([{ text: data.rows.some((r) => r.instalments.length) ? '附表一' : '附表', font: FONTS.hei }], { indent: false, align: 'left' }),
      para(`${plainTitle}申请人名单及调解金额`, { indent: false, align: 'center', bold: true }),
      para(`${data.caseLabel}　　单位：元`, { indent: false, align: 'right' }),
      annexTable(data, shown),
    );
  }
  if (data.rows.some((r) => r.instalments.length)) {
    children.push(
      ...(annex ? [blankLine()] : [pageBreak()]),
      para([{ text: annex ? '附表二' : '附表', font: FONTS.hei }], { indent: false, align: 'left' }),
      para('分期履行计划', { indent: false, align: 'center', bold: true }),
      instalmentTable(data, shown),
    );
  }
  return [{ variant: '', title: plainTitle, document: officialDocument({ title: `${plainTitle} ${data.caseLabel}`, children }) }];
}

export type { DocWorker };
