/**
 * 裁决书. One document, or two when the award mixes final and non-final items (Rules Art 50):
 * 终局裁决书 with the final items and the Art 48/49 remedy, 非终局裁决书 with the others and the
 * 15-day remedy. Pure: the data (already read from the case) in, docx objects out.
 *
 * Decisions:
 *  - Each respondent's obligation is its own decision item (core/liability): the payer ("被申请人甲于
 *    本裁决生效之日起十日内支付…"), those jointly liable ("被申请人乙对上述款项承担连带清偿责任"), and a
 *    dismissal for each respondent the award does not bind ("驳回申请人对被申请人丙的仲裁请求").
 *  - Items an effective mediation document settled are not decided again: the award says they were
 *    settled and decides the rest.
 *  - Finality per worker per item on the amount awarded (core/finalAward).
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
import { AWARD_PAYMENT_DAYS } from '../../core/enforcement';
import { FINAL_AWARD_BASIS } from '../../core/finalAward';
import { attendanceSentence } from '../../core/hearing/attendance';
import type { Assignment } from '../../core/liability';
import { fenToChineseUpper, formatFen, formatYuan, sumFen } from '../../core/money';
import { FONTS, docNumber, docTitle, officialDocument, organLine, pageBreak, para, partyBlock, SIZES } from '../layout';
import { workerAnnexTable } from '../workerAnnex';
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
  workerNames,
  type CaseDocData,
  type DocWorker,
} from './caseData';
import { decisionLead, defenceLines, evidenceLines, factLines, reasoningParts } from './awardText';
import { dismissedRespondents, groupByAssignment, payerWords, paymentWords, secondaryLines } from './obligations';
import { CLAIM_NOUN as DECISION_NOUN, CLAIM_TYPE_ORDER as TYPE_ORDER, withdrawnSentence, type WithdrawnClaim } from './withdrawnText';

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
  /** Who pays each awarded item: claim item id → respondent id → liability. */
  liability: Record<number, Assignment>;
  /** What an effective mediation document settled before the award (not decided again). */
  settled: { effectiveOn: string; workerNames: string[]; amountFen: number; types: ClaimType[] } | null;
  /** Claim items withdrawn before the award: not decided, stated in the procedure paragraph. */
  withdrawn: WithdrawnClaim[];
};

export type AwardVariant = '' | 'final' | 'nonFinal';

const PAY_WITHIN = `于本裁决生效之日起${nzh.encodeS(AWARD_PAYMENT_DAYS)}日内`;

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

function typesIn(items: { type: ClaimType }[]): ClaimType[] {
  const present = new Set(items.map((i) => i.type));
  return TYPE_ORDER.filter((t) => present.has(t));
}

function workersIn(data: AwardDocData, items: AwardDocItem[]): DocWorker[] {
  const ids = new Set(items.map((i) => i.workerId));
  return data.workers.filter((w) => ids.has(w.id));
}

const representativesOf = (data: AwardDocData) => data.workers.filter((w) => w.isRepresentative);

function procedureText(data: AwardDocData, applicants: DocWorker[], split: boolean): Paragraph[] {
  const tribunal = tribunalOf(data);
  const sentences: string[] = [];
  const accepted = data.acceptedOn ? `，于${formatChineseDate(data.acceptedOn)}依法受理` : '';
  sentences.push(`申请人${workerNames(data.workers)}与被申请人${respondentNames(data.respondents)}${data.cause}争议一案，本委于${formatChineseDate(data.receivedOn)}收到仲裁申请${accepted}。`);
  if (data.settled) {
    const what = data.settled.types.map((t) => DECISION_NOUN[t]).join('、');
    const names = data.settled.workerNames.length <= 3 ? data.settled.workerNames.join('、') : `${data.settled.workerNames[0]}等${data.settled.workerNames.length}人`;
    sentences.push(`经本委主持调解，申请人${names}的${what}请求（${formatYuan(data.settled.amountFen)}）已达成调解协议，本委作出的调解书已于${formatChineseDate(data.settled.effectiveOn)}经双方当事人签收发生法律效力，该部分请求本裁决不再处理。`);
  }
  if (data.withdrawn.length) sentences.push(withdrawnSentence(data.withdrawn, data.workers).replace(/。$/, '，该部分请求本裁决不再处理。'));
  if (tribunal.procedure === 'simplified' && tribunal.arbitrators.length <= 1) {
    sentences.push(`本案适用简易处理，由仲裁员${tribunal.arbitrators[0] ?? '＿＿＿'}独任审理${tribunal.clerk ? `，书记员${tribunal.clerk}担任记录` : ''}。`);
  } else {
    const [chief, ...wings] = tribunal.arbitrators;
    sentences.push(`本委依法组成仲裁庭，由首席仲裁员${chief ?? '＿＿＿'}${wings.length ? `、仲裁员${wings.join('、')}` : ''}进行审理${tribunal.clerk ? `，书记员${tribunal.clerk}担任记录` : ''}。`);
  }
  const held = data.hearings.filter((h) => h.status === 'held');
  if (held.length) {
    const dates = [...new Set(held.map((h) => formatChineseDate(h.startsAt.slice(0, 10))))];
    sentences.push(`本委于${dates.join('、')}公开开庭进行了审理。`);
    const last = held.at(-1)!;
    if (last.attendance.respondents.length && last.attendance.applicants.length) {
      sentences.push(attendanceSentence(last.attendance.applicantLabel, last.attendance.applicants, last.attendance.respondents));
    } else {
      // a hearing recorded before attendance was kept party by party
      const reps = representativesOf(data).map((w) => w.name);
      const applicantPresent = reps.length ? `申请人的代表人${reps.join('、')}` : `申请人${applicantShortName(applicants)}`;
      sentences.push(
        last.outcome === 'default'
          ? `${applicantPresent}到庭参加庭审；被申请人${respondentNames(data.respondents)}经本委书面通知，无正当理由拒不到庭，本委依法缺席审理。`
          : `${applicantPresent}与被申请人${respondentNames(data.respondents)}均到庭参加了庭审。`,
      );
    }
  }
  if (split) sentences.push('因本案仲裁请求中部分事项适用终局裁决，本委依法分别制作终局裁决书和非终局裁决书。');
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
  if (data.evidenceRelied.trim()) return evidenceLines(data.evidenceRelied).map((l) => para(l));
  if (!data.exhibits.length) return [para('上述事实，有当事人陈述及庭审笔录在案佐证，本委予以确认。')];
  const list = data.exhibits.map((e) => `证据${nzh.encodeS(e.seq)}《${e.title}》`).join('、');
  return [para(`上述事实，有${list}及当事人陈述、庭审笔录等在案佐证，本委予以确认。`)];
}

/**
 * The decision: per group of items sharing one liability, the payer's item and the items of those
 * bound with it; then the respondents the award does not bind, by name; then the workers whose
 * other claims are dismissed, by name.
 */
function decisionItems(data: AwardDocData, items: AwardDocItem[], applicants: DocWorker[], annex: boolean): string[] {
  const out: string[] = [];
  const paying = items.filter((i) => i.awardedFen > 0).map((i) => ({ ...i, amountFen: i.awardedFen }));
  const groups = groupByAssignment(paying, (id) => data.liability[id] ?? {}, data.respondents);
  for (const g of groups) {
    out.push(`${payerWords(g.assignment, data.respondents)}${PAY_WITHIN}${paymentWords(g.items, applicants, annex ? '附表' : null)}；`);
    out.push(...secondaryLines(g.assignment, data.respondents, 'award', `上述第${nzh.encodeS(out.length)}项`));
  }
  if (!paying.length) {
    out.push(`驳回申请人${annex ? workerNames(applicants) : applicants.map((w) => w.name).join('、')}的全部仲裁请求。`);
  } else {
    for (const d of dismissedRespondents(groups, data.respondents)) {
      const whose = d.inAll ? '' : workerNames(applicants.filter((w) => d.groups.some((gi) => groups[gi]!.items.some((i) => i.workerId === w.id))));
      out.push(`驳回申请人${whose}对被申请人${d.respondent.name}的仲裁请求；`);
    }
    const reduced = applicants.filter((w) => items.some((i) => i.workerId === w.id && i.awardedFen < i.claimedFen));
    if (reduced.length) out.push(`驳回申请人${annex ? workerNames(reduced) : reduced.map((w) => w.name).join('、')}的其他仲裁请求${annex ? '（各申请人驳回金额见附表）' : ''}。`);
  }
  if (out.length) out[out.length - 1] = out[out.length - 1]!.replace(/；$/, '。');
  return out.map((text, i) => `${nzh.encodeS(i + 1)}、${text}`);
}

/** Per worker: claimed, awarded and dismissed in this award (one line per worker, the part's items). */
function annexTable(items: AwardDocItem[], applicants: DocWorker[]): Table {
  return workerAnnexTable({
    workers: applicants,
    widths: [8, 12, 32],
    row: (w) => {
      const own = items.filter((it) => it.workerId === w.id);
      return { claimed: sumFen(own.map((it) => it.claimedFen)), awarded: sumFen(own.map((it) => it.awardedFen)) };
    },
    amounts: [
      { header: '请求金额', width: 16, fen: (r) => r.claimed },
      { header: '裁决金额', width: 16, fen: (r) => r.awarded },
      { header: '驳回金额', width: 16, fen: (r) => r.claimed - r.awarded, show: (fen) => (fen > 0 ? formatFen(fen) : '—') },
    ],
    size: SIZES.xiaoSi,
  });
}

/** Builds one award document of the given variant (items already filtered to it). */
export function buildAwardVariant(data: AwardDocData, variant: AwardVariant): BuiltDocument {
  const items = variant === 'final' ? data.items.filter((i) => i.isFinal) : variant === 'nonFinal' ? data.items.filter((i) => !i.isFinal) : data.items;
  const isFinal = variant === 'final' || (variant === '' && items.length > 0 && items.every((i) => i.isFinal));
  const applicants = workersIn(data, items);
  const annex = data.isCollective || applicants.length > 5;
  // the decision names each worker's amount when the party block names each worker (≤ 5 in this
  // part, even of a collective case): "支付申请人甲工资…；支付申请人乙工资…", never "甲、乙工资共计…"
  const byAnnex = applicants.length > 5;
  const reasoning = reasoningParts(data.reasoning);
  const title = awardTitle(variant);
  const tribunal = tribunalOf(data);
  const awardedTotal = sumFen(items.map((i) => i.awardedFen));
  const dismissedTotal = sumFen(items.map((i) => i.claimedFen - i.awardedFen));
  const children: (Paragraph | Table)[] = [
    organLine(data.commissionName),
    docTitle(title),
    docNumber(data.caseLabel),
    ...partyBlock([...applicantLines(applicants, { collective: annex, representatives: representativesOf(data) }), ...data.respondents.flatMap((r) => respondentLines(r))]),
    ...procedureText(data, applicants, variant !== ''),
    ...claimsText(items, applicants, byAnnex),
    ...(data.defence.trim() ? defenceLines(data.defence).map((l) => para(l)) : [para('被申请人未提交书面答辩意见。')]),
    ...factLines(data.factsFound).map((l) => para(l)),
    ...evidenceText(data),
    ...reasoning.lines.map((l) => para(l)),
    para(`${isFinal ? `根据${FINAL_AWARD_BASIS}第（一）项的规定，本裁决所涉事项适用终局裁决。` : ''}${decisionLead(reasoning.basis)}`, { keepNext: true }),
    ...decisionItems(data, items, applicants, byAnnex).map((t) => para(t)),
    para(isFinal ? FINAL_REMEDY(intermediateCourtOf(data.commissionName)) : NON_FINAL_REMEDY, { keepNext: true }),
    ...signOff({ signers: arbitratorSigners(tribunal), date: formatChineseNumeralDate(data.decidedOn), seal: '（仲裁委员会印章）', clerk: tribunal.clerk }),
  ];
  if (annex) {
    children.push(
      pageBreak(),
      para([{ text: '附表', font: FONTS.hei }], { indent: false, align: 'left', keepNext: true }),
      para(`${title}申请人名单及裁决金额`, { indent: false, align: 'center', bold: true, keepNext: true }),
      para(`${data.caseLabel}　　单位：元`, { indent: false, align: 'right', keepNext: true }),
      annexTable(items, applicants),
      para(`注：裁决金额合计${formatYuan(awardedTotal)}（${fenToChineseUpper(awardedTotal)}）${dismissedTotal ? `；驳回金额合计${formatYuan(dismissedTotal)}` : ''}。`, { indent: false }),
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
