/**
 * 裁决书. One document, or two when the award mixes final and non-final items (Rules Art 50):
 * 终局裁决书 with the final items and the Art 48/49 remedy, 非终局裁决书 with the others and the
 * 15-day remedy. Pure: the data (already read from the case) in, docx objects out.
 *
 * Decisions:
 *  - The payer of every decision item is the first-listed respondent: liability per respondent is
 *    not recorded item by item; the reasoning text explains any joint or prior-payment liability.
 *  - Collective cases (and any award for more than five workers) total each claim type in the
 *    decision ("支付申请人工资共计X元（人民币…），各申请人应得金额见附表") and list every worker in the
 *    annex table; smaller awards name each worker in the decision and need no annex.
 *  - Amounts in the text: Arabic with 元 plus 大写 (PBoC rules); dates in the body Arabic, the
 *    signature date in Chinese numerals (court style, 二〇二六年十一月二十日).
 */
import type { Paragraph, Table } from 'docx';
import nzh from 'nzh/cn';
import { formatChineseDate, formatChineseNumeralDate } from '../../core/dates';
import type { ClaimType } from '../../core/domain';
import { FINAL_AWARD_BASIS } from '../../core/finalAward';
import { fenToChineseUpper, formatFen, formatYuan, sumFen } from '../../core/money';
import {
  amountWithUpper,
  FONTS,
  docNumber,
  docTitle,
  heading1,
  officialDocument,
  organLine,
  pageBreak,
  para,
  partyBlock,
  SIZES,
  table,
  type TableColumn,
} from '../layout';
import type { BuiltDocument } from '../index';
import {
  applicantLines,
  applicantShortName,
  arbitratorSigners,
  intermediateCourtOf,
  respondentLines,
  respondentNames,
  signOff,
  tribunalOf,
  type CaseDocData,
  type DocWorker,
} from './caseData';

export type AwardDocItem = { claimItemId: number; workerId: number; type: ClaimType; claimedFen: number; awardedFen: number; isFinal: boolean };

export type AwardDocData = CaseDocData & {
  decidedOn: string;
  defence: string;
  factsFound: string;
  evidenceRelied: string;
  reasoning: string;
  items: AwardDocItem[];
  minimumWageFen: number;
  thresholdFen: number;
  /** '' = every document the award comes out as; 'final' / 'nonFinal' = just that one (when mixed). */
  only: string;
};

export type AwardVariant = '' | 'final' | 'nonFinal';


/** The noun used in the decision ("支付申请人工资…"). */
const DECISION_NOUN: Record<ClaimType, string> = { unpaidWages: '工资', overtime: '加班费', compensation: '经济补偿', damages: '赔偿金', other: '其他款项' };
/** Column headers of the annex. */
const COLUMN_NOUN: Record<ClaimType, string> = { unpaidWages: '工资', overtime: '加班费', compensation: '经济补偿', damages: '赔偿金', other: '其他' };
const TYPE_ORDER: ClaimType[] = ['unpaidWages', 'overtime', 'compensation', 'damages', 'other'];

export const FINAL_REMEDY = (court: string) =>
  `本裁决为终局裁决，自作出之日起发生法律效力。劳动者对本裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条规定情形之一的，可以自收到裁决书之日起三十日内向${court}申请撤销裁决。`;
export const NON_FINAL_REMEDY = '当事人不服本裁决的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力。';

export function awardTitle(variant: AwardVariant): string {
  return variant === 'final' ? '终局裁决书' : variant === 'nonFinal' ? '非终局裁决书' : '裁决书';
}

/** The variants an award comes out as: two when mixed, one otherwise. */
export function awardVariants(items: { isFinal: boolean }[]): AwardVariant[] {
  const hasFinal = items.some((i) => i.isFinal);
  const hasNonFinal = items.some((i) => !i.isFinal);
  return hasFinal && hasNonFinal ? ['final', 'nonFinal'] : [''];
}

function paragraphs(text: string, opts: { prefix?: string } = {}): Paragraph[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return [];
  return lines.map((l, i) => para(i === 0 && opts.prefix && !l.startsWith(opts.prefix.replace(/[，：,:]$/, '')) ? `${opts.prefix}${l}` : l));
}

function typesIn(items: AwardDocItem[]): ClaimType[] {
  const present = new Set(items.map((i) => i.type));
  return TYPE_ORDER.filter((t) => present.has(t));
}

function workersIn(data: AwardDocData, items: AwardDocItem[]): DocWorker[] {
  const ids = new Set(items.map((i) => i.workerId));
  return data.workers.filter((w) => ids.has(w.id));
}

function procedureText(data: AwardDocData, applicants: DocWorker[], split: boolean): Paragraph[] {
  const tribunal = tribunalOf(data);
  const sentences: string[] = [];
  const accepted = data.acceptedOn ? `，于${formatChineseDate(data.acceptedOn)}依法受理` : '';
  sentences.push(
    `申请人${applicantShortName(applicants)}与被申请人${respondentNames(data.respondents)}${data.cause}争议一案，本委于${formatChineseDate(data.receivedOn)}收到仲裁申请${accepted}。`,
  );
  if (tribunal.procedure === 'simplified') {
    sentences.push(`本案适用简易处理，由仲裁员${tribunal.arbitrators[0] ?? '＿＿＿'}独任审理${tribunal.clerk ? `，书记员${tribunal.clerk}担任记录` : ''}。`);
  } else {
    const [chief, ...wings] = tribunal.arbitrators;
    sentences.push(`本案依法组成仲裁庭，由首席仲裁员${chief ?? '＿＿＿'}${wings.length ? `、仲裁员${wings.join('、')}` : ''}进行审理${tribunal.clerk ? `，书记员${tribunal.clerk}担任记录` : ''}。`);
  }
  const held = data.hearings.filter((h) => h.status === 'held');
  if (held.length) {
    const dates = [...new Set(held.map((h) => formatChineseDate(h.startsAt.slice(0, 10))))];
    sentences.push(`本委于${dates.join('、')}公开开庭进行了审理。`);
    const defaulted = held.some((h) => h.outcome === 'default');
    const reps = applicants.filter((w) => w.isRepresentative).map((w) => w.name);
    const applicantPresent = reps.length ? `申请人的代表人${reps.join('、')}` : `申请人${applicantShortName(applicants)}`;
    if (defaulted) {
      sentences.push(`${applicantPresent}到庭参加庭审；被申请人${respondentNames(data.respondents)}经本委书面通知，无正当理由拒不到庭，本委依法缺席审理。`);
    } else {
      sentences.push(`${applicantPresent}与被申请人${respondentNames(data.respondents)}均到庭参加了庭审。`);
    }
  }
  if (split) sentences.push('因本案仲裁请求中部分请求适用终局裁决，本委依法分别制作终局裁决书和非终局裁决书。');
  sentences.push('本案现已审理终结。');
  return [para(sentences.join(''))];
}

function claimsText(items: AwardDocItem[], applicants: DocWorker[], annex: boolean): Paragraph[] {
  if (annex) {
    const totals = typesIn(items).map((t) => `${DECISION_NOUN[t]}共计${formatYuan(sumFen(items.filter((i) => i.type === t).map((i) => i.claimedFen)))}`);
    const sum = totals.length > 1 ? `，合计${formatYuan(sumFen(items.map((i) => i.claimedFen)))}` : '';
    return [para(`申请人请求裁决：被申请人支付申请人${applicantShortName(applicants)}${totals.join('、')}${sum}。`)];
  }
  const lines: Paragraph[] = [para('申请人请求裁决：')];
  let n = 0;
  for (const w of applicants) {
    for (const t of typesIn(items.filter((i) => i.workerId === w.id))) {
      const amount = sumFen(items.filter((i) => i.workerId === w.id && i.type === t).map((i) => i.claimedFen));
      lines.push(para(`${++n}.被申请人支付申请人${w.name}${DECISION_NOUN[t]}${formatYuan(amount)}。`));
    }
  }
  return lines;
}

function evidenceText(data: AwardDocData): Paragraph[] {
  if (data.evidenceRelied.trim()) return paragraphs(data.evidenceRelied);
  if (!data.exhibits.length) return [para('上述事实，有当事人陈述及庭审笔录在案佐证，本委予以确认。')];
  const list = data.exhibits.map((e) => `证据${nzh.encodeS(e.seq)}《${e.title}》`).join('、');
  return [para(`上述事实，有${list}及当事人陈述、庭审笔录等在案佐证，本委予以确认。`)];
}

function decisionItems(data: AwardDocData, items: AwardDocItem[], applicants: DocWorker[], annex: boolean): string[] {
  const payer = data.respondents[0]?.name ?? '＿＿＿';
  const out: string[] = [];
  if (annex) {
    for (const t of typesIn(items)) {
      const awarded = items.filter((i) => i.type === t && i.awardedFen > 0);
      const total = sumFen(awarded.map((i) => i.awardedFen));
      const who = applicants.filter((w) => awarded.some((i) => i.workerId === w.id));
      if (total > 0) out.push(`被申请人${payer}于本裁决生效之日起十日内支付申请人${applicantShortName(who)}${DECISION_NOUN[t]}共计${amountWithUpper(total)}，各申请人应得金额见附表；`);
    }
  } else {
    for (const w of applicants) {
      const own = items.filter((i) => i.workerId === w.id);
      const parts = typesIn(own)
        .map((t) => ({ t, fen: sumFen(own.filter((i) => i.type === t).map((i) => i.awardedFen)) }))
        .filter((p) => p.fen > 0);
      if (!parts.length) continue;
      const total = sumFen(parts.map((p) => p.fen));
      const body = parts.map((p) => `${DECISION_NOUN[p.t]}${amountWithUpper(p.fen)}`).join('、');
      out.push(`被申请人${payer}于本裁决生效之日起十日内支付申请人${w.name}${body}${parts.length > 1 ? `，合计${amountWithUpper(total)}` : ''}；`);
    }
  }
  if (items.some((i) => i.awardedFen < i.claimedFen)) out.push(`驳回申请人${annex ? '' : applicants.length === 1 ? (applicants[0]?.name ?? '') : ''}的其他仲裁请求。`);
  if (out.length) out[out.length - 1] = out[out.length - 1]!.replace(/；$/, '。');
  return out.map((text, i) => `${nzh.encodeS(i + 1)}、${text}`);
}

function annexTable(items: AwardDocItem[], applicants: DocWorker[]): Table {
  const types = typesIn(items);
  const columns: TableColumn[] = [
    { header: '序号', width: 7, align: 'center' },
    { header: '姓名', width: 12, align: 'center' },
    { header: '身份证号码', width: 38, align: 'center' },
    ...types.map((t): TableColumn => ({ header: `裁决${COLUMN_NOUN[t]}`, width: 16, align: 'right' })),
    ...(types.length > 1 ? [{ header: '裁决合计', width: 17, align: 'right' } satisfies TableColumn] : []),
  ];
  const rows = applicants.map((w, i) => {
    const own = items.filter((it) => it.workerId === w.id);
    const byType = types.map((t) => {
      const of = own.filter((it) => it.type === t);
      return of.length ? formatFen(sumFen(of.map((it) => it.awardedFen))) : '—';
    });
    return [
      String(i + 1),
      w.name,
      w.idNumber,
      ...byType,
      ...(types.length > 1 ? [formatFen(sumFen(own.map((it) => it.awardedFen)))] : []),
    ];
  });
  const typeTotals = types.map((t) => sumFen(items.filter((it) => it.type === t).map((it) => it.awardedFen)));
  const totals = [
    '',
    '合计',
    `${applicants.length}人`,
    ...typeTotals.map((f) => formatFen(f)),
    ...(types.length > 1 ? [formatFen(sumFen(typeTotals))] : []),
  ];
  return table({ columns, rows, totals, size: columns.length > 5 ? SIZES.wu : SIZES.xiaoSi });
}

/** Builds one award document of the given variant (items already filtered to it). */
export function buildAwardVariant(data: AwardDocData, variant: AwardVariant): BuiltDocument {
  const items = variant === 'final' ? data.items.filter((i) => i.isFinal) : variant === 'nonFinal' ? data.items.filter((i) => !i.isFinal) : data.items;
  const isFinal = variant === 'final' || (variant === '' && items.length > 0 && items.every((i) => i.isFinal));
  const applicants = workersIn(data, items);
  const annex = data.isCollective || applicants.length > 5;
  const title = awardTitle(variant);
  const tribunal = tribunalOf(data);
  const children: (Paragraph | Table)[] = [
    organLine(data.commissionName),
    docTitle(title),
    docNumber(data.caseLabel),
    ...partyBlock([...applicantLines(applicants, { collective: annex }), ...data.respondents.flatMap((r) => respondentLines(r))]),
    ...procedureText(data, applicants, variant !== ''),
    ...claimsText(items, applicants, annex),
    ...(data.defence.trim() ? paragraphs(data.defence, { prefix: '被申请人辩称：' }) : [para('被申请人未提交书面答辩意见。')]),
    ...paragraphs(data.factsFound, { prefix: '经审理查明：' }),
    ...evidenceText(data),
    ...paragraphs(data.reasoning, { prefix: '本委认为，' }),
    para(isFinal ? `根据${FINAL_AWARD_BASIS}第（一）项的规定，本裁决所涉请求适用终局裁决。综上，本委裁决如下：` : '综上，本委裁决如下：', { keepNext: true }),
    ...decisionItems(data, items, applicants, annex).map((t) => para(t)),
    para(isFinal ? FINAL_REMEDY(intermediateCourtOf(data.commissionName)) : NON_FINAL_REMEDY, { keepNext: true }),
    ...signOff({ signers: arbitratorSigners(tribunal), date: formatChineseNumeralDate(data.decidedOn), seal: '（仲裁委员会印章）', clerk: tribunal.clerk }),
  ];
  if (annex) {
    children.push(
      pageBreak(),
      para([{ text: '附表', font: FONTS.hei }], { indent: false, align: 'left' }),
      para(`${title}申请人名单及裁决金额`, { indent: false, align: 'center', bold: true }),
      para(`${data.caseLabel}　　单位：元`, { indent: false, align: 'right' }),
      annexTable(items, applicants),
      para(`注：裁决金额合计${formatYuan(sumFen(items.map((i) => i.awardedFen)))}（${fenToChineseUpper(sumFen(items.map((i) => i.awardedFen)))}）。`, { indent: false }),
    );
  }
  return { variant, title, document: officialDocument({ title: `${title} ${data.caseLabel}`, children }) };
}

/** The award as one or two documents. */
export function buildAwardDocuments(data: AwardDocData): BuiltDocument[] {
  return awardVariants(data.items)
    .filter((v) => !data.only || v === data.only)
    .map((v) => buildAwardVariant(data, v));
}
