/**
 * 调解书 (Law Art 42) and the partial one of the 2023 notice (工资优先: what is agreed is documented
 * first, the other claims go on to be heard). Pure: data in, docx out.
 *
 *  - The full document is made only when every claim of every worker is agreed; it then closes the
 *    dispute ("双方就本案劳动争议再无其他争议"). Otherwise the partial one covers exactly the agreed
 *    items and says the rest goes on: its party line, its claims and its annex count the same
 *    workers and the same money.
 *  - Each respondent's obligation is its own item (core/liability): the payer, then who pays first,
 *    advances, is jointly liable, or is not bound.
 *  - Pay-by terms per worker: what was paid at the table (with how), the instalments, the agreed
 *    date, or "within five days of taking effect" — never a five-day clause for money the same
 *    document puts on instalments. Each payment's method is stated (cash or bank transfer).
 *  - Few workers: each worker's amount is written out; many: totals and the annex.
 */
import type { Paragraph, Table } from 'docx';
import nzh from 'nzh/cn';
import { formatChineseDate, formatChineseNumeralDate } from '../../core/dates';
import type { ClaimType } from '../../core/domain';
import type { Assignment } from '../../core/liability';
import { formatFen, formatYuan, sumFen } from '../../core/money';
import type { BuiltDocument } from '../index';
import { blankLine, docNumber, docTitle, FONTS, officialDocument, organLine, pageBreak, para, partyBlock, SIZES, table } from '../layout';
import { applicantLines, respondentLines, respondentNames, signOff, workerNames, type CaseDocData, type DocWorker } from '../award/caseData';
import { groupByAssignment, payerWords, paymentWords, secondaryLines } from '../award/obligations';
import { workerAnnexTable } from '../workerAnnex';
import { CLAIM_NOUN as NOUN, CLAIM_TYPE_ORDER as TYPE_ORDER, withdrawnSentence, type WithdrawnClaim } from '../award/withdrawnText';

export type PaymentMethod = 'bankTransfer' | 'cash';
export type MediationDocClaim = { claimItemId: number; type: ClaimType; claimedFen: number; agreedFen: number | null; payBy: string | null; method: PaymentMethod | null };
export type MediationDocRow = {
  workerId: number;
  claims: MediationDocClaim[];
  /** Paid at the table (payments not against an instalment, on or before the day the document is made). */
  spotPayments: { amountFen: number; method: PaymentMethod; paidOn: string }[];
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
  /** Who pays each agreed item: claim item id → respondent id → liability. */
  liability: Record<number, Assignment>;
  /** Claim items withdrawn before the document (not in `rows`): stated, never agreed. */
  withdrawn: WithdrawnClaim[];
};

const METHOD_TERMS: Record<PaymentMethod, string> = { bankTransfer: '以银行转账方式支付至申请人本人银行账户', cash: '以现金当面交付申请人本人并由其签收' };
const METHOD_SHORT: Record<PaymentMethod, string> = { bankTransfer: '转账', cash: '现金' };
/** 小五 (9 pt) in half-points. */
const XIAO_WU = 18;

export const MEDIATION_EFFECT = '本调解书经双方当事人签收后，即发生法律效力。';
export const PARTIAL_CONTINUES = '申请人的其他仲裁请求，本委继续审理，另行作出处理。';

/** The claims that this document settles: the agreed ones. */
export function settledClaims(row: MediationDocRow): MediationDocClaim[] {
  return row.claims.filter((c) => c.agreedFen !== null);
}

/** One sum a worker is still to receive on one date (null: within five days of taking effect), by one method. */
type Due = { payBy: string | null; method: PaymentMethod | null; fen: number; types: ClaimType[]; afterSpot: boolean };

/** What one worker gets under this document and when. */
type Terms = {
  worker: DocWorker;
  agreedFen: number;
  spotFen: number;
  spot: MediationDocRow['spotPayments'];
  restFen: number;
  kind: 'paid' | 'instalments' | 'dated';
  /** Without instalments: the rest by date and method (what was paid at the table reaches the earliest first). */
  dues: Due[];
  instalments: MediationDocRow['instalments'];
  /** The method of the instalments (the agreed items' method). */
  method: PaymentMethod | null;
};

function termsOf(row: MediationDocRow, worker: DocWorker): Terms {
  const settled = settledClaims(row);
  const agreedFen = sumFen(settled.map((c) => c.agreedFen ?? 0));
  const spotFen = Math.min(agreedFen, sumFen(row.spotPayments.map((p) => p.amountFen)));
  const restFen = agreedFen - spotFen;
  const method = settled.find((c) => c.method)?.method ?? null;
  const dues: Due[] = [];
  if (!row.instalments.length) {
    let spot = spotFen;
    const ordered = [...settled].sort((a, b) => (a.payBy ?? '9999').localeCompare(b.payBy ?? '9999'));
    for (const c of ordered) {
      const take = Math.min(spot, c.agreedFen ?? 0);
      spot -= take;
      const fen = (c.agreedFen ?? 0) - take;
      if (!fen) continue;
      const same = dues.find((d) => d.payBy === c.payBy && d.method === c.method);
      if (same) {
        same.fen += fen;
        same.afterSpot ||= take > 0;
        if (!same.types.includes(c.type)) same.types.push(c.type);
      } else dues.push({ payBy: c.payBy, method: c.method, fen, types: [c.type], afterSpot: take > 0 });
    }
  }
  const kind: Terms['kind'] = restFen === 0 ? 'paid' : row.instalments.length ? 'instalments' : 'dated';
  return { worker, agreedFen, spotFen, spot: row.spotPayments, restFen, kind, dues, instalments: row.instalments, method };
}

const methodTail = (m: PaymentMethod | null) => (m ? `，${METHOD_TERMS[m]}` : '');
const spotMethods = (t: Terms) => [...new Set(t.spot.map((p) => p.method))].map((m) => (m === 'cash' ? '现金' : '银行转账')).join('、');
const nouns = (types: ClaimType[]) => TYPE_ORDER.filter((t) => types.includes(t)).map((t) => NOUN[t]).join('、');

function instalmentText(list: MediationDocRow['instalments']): string {
  return list.map((i, k) => `第${nzh.encodeS(k + 1)}期于${formatChineseDate(i.dueOn)}前支付${formatYuan(i.amountFen)}`).join('，');
}

/** The payment terms, grouped by date and method, each worker's amount written out when there is no annex. */
function termLines(terms: Terms[], annex: boolean, annexName: string): string[] {
  const out: string[] = [];
  const spot = terms.filter((t) => t.spotFen > 0);
  if (spot.length) {
    const who = annex
      ? `申请人${workerNames(spot.map((t) => t.worker))}共计${formatYuan(sumFen(spot.map((t) => t.spotFen)))}（各申请人已收金额及支付方式见${annexName}）`
      : spot.map((t) => `申请人${t.worker.name}${formatYuan(t.spotFen)}（${spotMethods(t)}）`).join('、');
    out.push(`调解时已当场支付${who}，申请人本人已签收确认，该款从上述应付款项中扣除；`);
  }
  const rest = (t: Terms) => (t.spotFen > 0 ? '余款' : '款项');
  const planned = terms.filter((t) => t.kind === 'instalments');
  const byMethod = new Map<string, Terms[]>();
  for (const t of planned) byMethod.set(t.method ?? '', [...(byMethod.get(t.method ?? '') ?? []), t]);
  for (const g of byMethod.values()) {
    if (annex) {
      out.push(`申请人${workerNames(g.map((t) => t.worker))}的${rest(g[0]!)}共计${formatYuan(sumFen(g.map((t) => t.restFen)))}分期支付，各申请人每期履行期限及金额见附表二${methodTail(g[0]!.method)}；`);
    } else {
      for (const t of g) out.push(`申请人${t.worker.name}的${rest(t)}${formatYuan(t.restFen)}分${nzh.encodeS(t.instalments.length)}期支付：${instalmentText(t.instalments)}${methodTail(t.method)}；`);
    }
  }
  if (planned.length) out.push('被申请人逾期未支付任何一期款项的，申请人可以就全部未付款项申请人民法院强制执行；');
  // dated sums: one line per date and method
  const groups = new Map<string, { payBy: string | null; method: PaymentMethod | null; parts: { t: Terms; due: Due }[] }>();
  for (const t of terms.filter((x) => x.kind === 'dated')) {
    for (const due of t.dues) {
      const key = `${due.payBy ?? ''}|${due.method ?? ''}`;
      const g = groups.get(key) ?? { payBy: due.payBy, method: due.method, parts: [] };
      g.parts.push({ t, due });
      groups.set(key, g);
    }
  }
  const ordered = [...groups.values()].sort((a, b) => (a.payBy ?? '0000').localeCompare(b.payBy ?? '0000'));
  for (const g of ordered) {
    const when = g.payBy ? `于${formatChineseDate(g.payBy)}前一次性支付` : '于本调解书生效之日起五日内一次性支付';
    const types = nouns([...new Set(g.parts.flatMap((p) => p.due.types))]);
    const what = annex
      ? `申请人${workerNames(g.parts.map((p) => p.t.worker))}的${types}${g.parts.some((p) => p.due.afterSpot) ? '（扣除当场已付部分）' : ''}共计${formatYuan(sumFen(g.parts.map((p) => p.due.fen)))}`
      : g.parts.map((p) => `申请人${p.t.worker.name}的${nouns(p.due.types)}${p.due.afterSpot ? '余款' : ''}${formatYuan(p.due.fen)}`).join('、');
    out.push(`${what}${when}${methodTail(g.method)}；`);
  }
  return out;
}

function agreementItems(data: MediationDocData, shown: DocWorker[], annex: boolean, annexName: string): string[] {
  const rowOf = new Map(data.rows.map((r) => [r.workerId, r]));
  const workerOf = new Map(data.workers.map((w) => [w.id, w]));
  const lines = data.rows.flatMap((r) => settledClaims(r).map((c) => ({ ...c, workerId: r.workerId, amountFen: c.agreedFen ?? 0 })));
  const groups = groupByAssignment(lines, (id) => data.liability[id] ?? {}, data.respondents);
  const items: string[] = [];
  for (const g of groups) {
    items.push(`${payerWords(g.assignment, data.respondents)}${paymentWords(g.items, shown, annex ? annexName : null)}；`);
    const ref = `上述第${nzh.encodeS(items.length)}项`;
    items.push(...secondaryLines(g.assignment, data.respondents, 'mediation', ref));
  }
  const terms = shown.map((w) => termsOf(rowOf.get(w.id)!, workerOf.get(w.id)!));
  items.push(...termLines(terms, annex, annexName));
  items.push('上述款项均应直接支付给申请人本人，不得由班组长或者他人代领；');
  items.push(data.partial ? PARTIAL_CONTINUES.replace(/。$/, '；') : '双方就本案劳动争议再无其他争议；');
  items[items.length - 1] = items[items.length - 1]!.replace(/；$/, '。');
  return items.map((t, i) => `${nzh.encodeS(i + 1)}、${t}`);
}

const short = (date: string) => `${Number(date.slice(5, 7))}.${Number(date.slice(8, 10))}`;

/** "12.15/12.31前 转账", "分2期 转账", "已付清": when and how the rest is paid, on one line. */
function termCell(t: Terms): string {
  if (t.kind === 'paid') return '已付清';
  if (t.kind === 'instalments') return `分${t.instalments.length}期${t.method ? ` ${METHOD_SHORT[t.method]}` : ''}`;
  const dated = t.dues.filter((d) => d.payBy).map((d) => short(d.payBy!));
  const when = [...(dated.length ? [`${[...new Set(dated)].join('/')}前`] : []), ...(t.dues.some((d) => !d.payBy) ? ['生效后5日内'] : [])].join('、');
  const methods = [...new Set(t.dues.flatMap((d) => (d.method ? [METHOD_SHORT[d.method]] : [])))];
  return `${when}${methods.length ? ` ${methods.join('/')}` : ''}`;
}

/** "5,000.00 转账": what was paid at the table and how. */
function spotCell(t: Terms): string {
  if (!t.spotFen) return '—';
  return `${formatFen(t.spotFen)} ${[...new Set(t.spot.map((p) => METHOD_SHORT[p.method]))].join('/')}`;
}

function annexTable(data: MediationDocData, shown: DocWorker[]): Table {
  const rowOf = new Map(data.rows.map((r) => [r.workerId, r]));
  // seven columns: 小五 (9 pt) keeps every ID number, amount and term on one line
  return workerAnnexTable({
    workers: shown,
    widths: [6, 8, 22],
    row: (w) => {
      const r = rowOf.get(w.id)!;
      return { claimed: sumFen(settledClaims(r).map((x) => x.claimedFen)), terms: termsOf(r, w) };
    },
    amounts: [
      { header: '请求金额', width: 13, fen: (x) => x.claimed },
      { header: '调解金额', width: 13, fen: (x) => x.terms.agreedFen },
      { header: '当场已付', width: 16, fen: (x) => x.terms.spotFen, show: (_, x) => spotCell(x.terms) },
    ],
    text: { header: '余款履行', width: 22, text: (x) => termCell(x.terms) },
    size: XIAO_WU,
  });
}

function instalmentTable(data: MediationDocData, shown: DocWorker[]): Table {
  const rowOf = new Map(data.rows.map((r) => [r.workerId, r]));
  const rows: string[][] = [];
  let n = 0;
  let total = 0;
  for (const w of shown) {
    const r = rowOf.get(w.id);
    const method = r ? settledClaims(r).find((c) => c.method)?.method : null;
    for (const [k, i] of (r?.instalments ?? []).entries()) {
      rows.push([String(++n), w.name, `第${nzh.encodeS(k + 1)}期`, formatChineseDate(i.dueOn), formatFen(i.amountFen), method ? METHOD_SHORT[method] : '—']);
      total += i.amountFen;
    }
  }
  return table({
    columns: [
      { header: '序号', width: 9, align: 'center' },
      { header: '姓名', width: 16, align: 'center' },
      { header: '期次', width: 13, align: 'center' },
      { header: '履行期限', width: 28, align: 'center' },
      { header: '金额（元）', width: 22, align: 'right' },
      { header: '方式', width: 12, align: 'center' },
    ],
    rows,
    totals: ['', '合计', '', '', formatFen(total), ''],
  });
}

export function buildMediationDocument(data: MediationDocData): BuiltDocument[] {
  const settledIds = new Set(data.rows.filter((r) => settledClaims(r).length).map((r) => r.workerId));
  const shown = data.workers.filter((w) => settledIds.has(w.id));
  const annex = data.isCollective || shown.length > 5;
  // the terms name each worker's amount when the party block names each worker (≤ 5 settled here)
  const byAnnex = shown.length > 5;
  const representatives = data.workers.filter((w) => w.isRepresentative);
  const onlyWages = data.rows.every((r) => settledClaims(r).every((c) => c.type === 'unpaidWages'));
  const title = data.partial ? (onlyWages ? '调解书\n（工资部分）' : '调解书\n（部分请求）') : '调解书';
  const plainTitle = title.replace('\n', '');
  const settled = data.rows.flatMap((r) => settledClaims(r));
  const claimParts = (list: MediationDocClaim[]) =>
    TYPE_ORDER.filter((t) => list.some((c) => c.type === t)).map((t) => `${NOUN[t]}${annex ? '共计' : ''}${formatYuan(sumFen(list.filter((c) => c.type === t).map((c) => c.claimedFen)))}`);
  const accepted = data.acceptedOn ? `，于${formatChineseDate(data.acceptedOn)}依法受理` : '';
  const intro = `申请人${workerNames(data.workers)}与被申请人${respondentNames(data.respondents)}${data.cause}争议一案，本委于${formatChineseDate(data.receivedOn)}收到仲裁申请${accepted}。`;
  // the claims as filed (withdrawn ones too), then the withdrawals, then what this document settles
  const withdrawnClaims = data.withdrawn.map((w) => ({ type: w.type, claimedFen: w.claimedFen }) as MediationDocClaim);
  const withdrawn = withdrawnSentence(data.withdrawn, data.workers);
  const claimLine = data.partial
    ? `申请人${workerNames(data.workers)}请求裁决被申请人支付${claimParts([...data.rows.flatMap((r) => r.claims), ...withdrawnClaims]).join('、')}。${withdrawn}其中，申请人${workerNames(shown)}的${claimParts(settled).join('、')}的请求，${onlyWages ? '根据工资争议优先处理的要求，' : ''}经本委先行调解达成协议。`
    : `申请人请求裁决被申请人支付${claimParts([...settled, ...withdrawnClaims]).join('、')}。${withdrawn}`;
  const hasPlan = shown.some((w) => (data.rows.find((r) => r.workerId === w.id)?.instalments.length ?? 0) > 0);
  const annexName = hasPlan ? '附表一' : '附表';
  const children: (Paragraph | Table)[] = [
    organLine(data.commissionName),
    docTitle(title),
    docNumber(data.caseLabel),
    // a worker whose every claim was withdrawn is not a party to the agreement (named in the withdrawal sentence)
    ...partyBlock([...applicantLines(data.partial || data.withdrawn.length ? shown : data.workers, { collective: annex, representatives, annexName }), ...data.respondents.flatMap((r) => respondentLines(r))]),
    para(intro),
    para(claimLine),
    para(data.partial ? `经本委主持调解，双方当事人就上述请求自愿达成如下协议：` : '经本委主持调解，双方当事人自愿达成如下协议：', { keepNext: true }),
    ...agreementItems(data, shown, byAnnex, annexName).map((t) => para(t)),
    para('上述协议不违反法律、行政法规的强制性规定，本委予以确认。'),
    para(MEDIATION_EFFECT),
    ...signOff({ signers: data.signers.length ? data.signers : ['仲裁员　　　　　　'], date: formatChineseNumeralDate(data.madeOn), seal: '（仲裁委员会印章）', clerk: data.clerk }),
  ];
  if (annex) {
    children.push(
      pageBreak(),
      para([{ text: hasPlan ? '附表一' : '附表', font: FONTS.hei }], { indent: false, align: 'left', keepNext: true }),
      para(`${plainTitle}申请人名单及调解金额`, { indent: false, align: 'center', bold: true, keepNext: true }),
      para(`${data.caseLabel}　　单位：元`, { indent: false, align: 'right', keepNext: true }),
      annexTable(data, shown),
    );
  }
  if (hasPlan && annex) {
    children.push(
      blankLine(),
      para([{ text: '附表二', font: FONTS.hei }], { indent: false, align: 'left', keepNext: true }),
      para('分期履行计划', { indent: false, align: 'center', bold: true, keepNext: true }),
      instalmentTable(data, shown),
    );
  }
  return [{ variant: '', title: plainTitle, document: officialDocument({ title: `${plainTitle} ${data.caseLabel}`, children }) }];
}

export type { DocWorker };
