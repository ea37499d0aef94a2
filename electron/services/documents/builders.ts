// The notices' builders: what each needs from the case (missing), who gets it (recipients), the data
// (collect) and the docx (build). Registered at module load; handlers.ts imports this module.
import { and, asc, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { AppFailure, serviceMethodLabels, type DocumentKind } from '../../core/contract';
import { compareDates, formatChineseDate, todayInChina } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { documentLabels, type DocumentRecipient } from '../../documents';
import { buildAcceptanceNotice } from '../../documents/notices/acceptanceNotice';
import { buildClosingApproval } from '../../documents/notices/closingApproval';
import { buildCorrectionOrder } from '../../documents/notices/correctionOrder';
import { buildHearingNotice } from '../../documents/notices/hearingNotice';
import { buildPoliceTransferLetter } from '../../documents/notices/policeTransferLetter';
import { buildRejectionNotice } from '../../documents/notices/rejectionNotice';
import { buildResponseNotice } from '../../documents/notices/responseNotice';
import { buildServiceReceipt } from '../../documents/notices/serviceReceipt';
import { buildWithdrawalDecision } from '../../documents/notices/withdrawalDecision';
import type { WorkerRow } from '../../documents/notices/common';
import { awardItems, cases, documentServices, documents, exhibits } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import {
  allApplicantRecipients,
  applicantRecipients,
  EVIDENCE_PERIOD_DAYS,
  inspectionOrganOf,
  noticeHearing,
  pickRecipient,
  placeOf,
  readCase,
  readHearings,
  respondentByVariant,
  respondentRecipients,
  type CaseFacts,
} from './collect';
import { ignoredOrders, policeOrders } from '../followUp/orders';
import { workerBalances } from '../followUp/balances';
import { registerDocumentBuilder } from './registry';
import { documentNumber } from '../numbering/documentNumbers';
import { readWithdrawalApplication, withdrawalProblems } from '../closing/withdrawal';
import { readEnforcement } from '../followUp/enforceable';
import { hirerOf, PRINCIPAL_KINDS } from '../../core/liability';
import { readChain } from '../liability/chain';

const caseRow = (db: Executor, caseId: number) => {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  return row;
};

const needsAccepted = (db: Executor, caseId: number): string[] => {
  const c = caseRow(db, caseId);
  const out: string[] = [];
  if (!c.hasArbitration) out.push('本案尚无仲裁申请（仅有监察投诉）');
  else if (c.status === 'received') out.push('案件尚未受理');
  else if (c.status === 'rejected') out.push('案件已不予受理');
  if (!c.caseNumber && c.hasArbitration && c.status !== 'rejected') out.push('尚无案号');
  return out;
};

const one = <D>(kind: DocumentKind, variant: string, title: string, document: D) => [{ variant, title, document }];
const titled = (kind: DocumentKind, r: DocumentRecipient) => `${documentLabels[kind]}（${r.name}）`;

// ── 受理通知书 ──────────────────────────────────────────────────────────────────────────────────
registerDocumentBuilder('acceptanceNotice', {
  label: documentLabels.acceptanceNotice,
  batch: true,
  missing: (_ctx, db, caseId) => needsAccepted(db, caseId),
  recipients: (ctx, db, caseId) => applicantRecipients(readCase(ctx, db, caseId), 'never'),
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const r = pickRecipient(allApplicantRecipients(facts), variant || (applicantRecipients(facts, 'never')[0]?.variant ?? ''), '受理通知书');
    return { variant: r.variant, title: titled('acceptanceNotice', r), data: { ...facts.header, acceptedOn: facts.header.acceptedOn ?? facts.header.receivedOn, recipientName: r.name, evidenceDays: EVIDENCE_PERIOD_DAYS } };
  },
  build: (c) => one('acceptanceNotice', c.variant, c.title, buildAcceptanceNotice(c.data)),
});

// ── 不予受理通知书 ──────────────────────────────────────────────────────────────────────────────
registerDocumentBuilder('rejectionNotice', {
  label: documentLabels.rejectionNotice,
  batch: false,
  // a rejected case stays rejected after it is closed (status closed, rejectedOn kept)
  missing: (_ctx, db, caseId) => (caseRow(db, caseId).rejectedOn ? [] : ['案件未作不予受理决定']),
  recipients: (ctx, db, caseId) => applicantRecipients(readCase(ctx, db, caseId), 'never'),
  // a rejected application has no case number: the notice has its own series (settings), one number per case
  number: (_ctx, db, caseId) => {
    const rejectedOn = caseRow(db, caseId).rejectedOn;
    return rejectedOn ? { series: 'rejection', subject: '', year: Number(rejectedOn.slice(0, 4)), label: documentLabels.rejectionNotice } : null;
  },
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const row = caseRow(db, caseId);
    if (!row.rejectedOn) throw new AppFailure('conflict', '案件未作不予受理决定，不能生成不予受理通知书');
    const r = pickRecipient(allApplicantRecipients(facts), variant || (applicantRecipients(facts, 'never')[0]?.variant ?? ''), '不予受理通知书');
    const number = documentNumber(db, caseId, 'rejection', '');
    return { variant: r.variant, title: titled('rejectionNotice', r), data: { ...facts.header, caseNumber: number, rejectedOn: row.rejectedOn, reason: row.rejectionReason ?? '', recipientName: r.name } };
  },
  build: (c) => one('rejectionNotice', c.variant, c.title, buildRejectionNotice(c.data)),
});

// ── 应诉通知书 + 举证通知书 ─────────────────────────────────────────────────────────────────────
registerDocumentBuilder('responseNotice', {
  label: documentLabels.responseNotice,
  batch: true,
  missing: (ctx, db, caseId) => [...needsAccepted(db, caseId), ...(readCase(ctx, db, caseId).detail.respondents.length ? [] : ['没有被申请人'])],
  recipients: (ctx, db, caseId) => respondentRecipients(readCase(ctx, db, caseId)),
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const r = pickRecipient(respondentRecipients(facts), variant, '应诉通知书');
    return {
      variant: r.variant,
      title: titled('responseNotice', r),
      data: {
        ...facts.header,
        acceptedOn: facts.header.acceptedOn ?? facts.header.receivedOn,
        recipient: respondentByVariant(facts, r.variant),
        evidenceDays: EVIDENCE_PERIOD_DAYS,
        claimedTotalFen: facts.header.workers.reduce((a, w) => a + w.claimedFen, 0),
      },
    };
  },
  build: (c) => one('responseNotice', c.variant, c.title, buildResponseNotice(c.data)),
});

// ── 开庭通知书 ──────────────────────────────────────────────────────────────────────────────────
const hearingRecipients = (facts: CaseFacts) => [...applicantRecipients(facts, 'collectiveUpToLimit'), ...respondentRecipients(facts)];
registerDocumentBuilder('hearingNotice', {
  label: documentLabels.hearingNotice,
  batch: true,
  missing: (_ctx, db, caseId) => [...needsAccepted(db, caseId), ...(noticeHearing(db, caseId) ? [] : ['尚未安排开庭（请先排期）'])],
  recipients: (ctx, db, caseId) => hearingRecipients(readCase(ctx, db, caseId)),
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const hearing = noticeHearing(db, caseId);
    if (!hearing) throw new AppFailure('conflict', '尚未安排开庭，不能生成开庭通知书');
    // any worker may get a copy, even above the per-worker limit of the batch
    const r = pickRecipient([...allApplicantRecipients(facts), ...respondentRecipients(facts)], variant || (hearingRecipients(facts)[0]?.variant ?? ''), '开庭通知书');
    const { createdOn, status: _status, ...h } = hearing;
    return { variant: r.variant, title: titled('hearingNotice', r), data: { ...facts.header, recipientName: r.name, side: r.side === 'respondent' ? ('respondent' as const) : ('applicant' as const), hearing: h, issuedOn: createdOn } };
  },
  build: (c) => one('hearingNotice', c.variant, c.title, buildHearingNotice(c.data)),
});

// ── 撤回仲裁申请决定书 ──────────────────────────────────────────────────────────────────────────
registerDocumentBuilder('withdrawalDecision', {
  label: documentLabels.withdrawalDecision,
  batch: true,
  missing: (_ctx, db, caseId) => {
    const c = caseRow(db, caseId);
    const out = needsAccepted(db, caseId);
    if (c.closingMethod && c.closingMethod !== 'withdrawal') out.push('案件已以其他方式结案');
    else if (c.hasArbitration && c.status !== 'received') out.push(...withdrawalProblems(db, caseId, c.isCollective));
    return out;
  },
  recipients: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    return [...applicantRecipients(facts, 'never'), ...respondentRecipients(facts)];
  },
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const c = caseRow(db, caseId);
    const application = readWithdrawalApplication(db, caseId);
    if (!application) throw new AppFailure('conflict', '尚未登记撤回仲裁申请，不能制作撤回仲裁申请决定书');
    const r = pickRecipient([...allApplicantRecipients(facts), ...respondentRecipients(facts)], variant || (applicantRecipients(facts, 'never')[0]?.variant ?? ''), '撤回仲裁申请决定书');
    const h = readHearings(db, caseId)[0];
    return {
      variant: r.variant,
      title: titled('withdrawalDecision', r),
      data: {
        ...facts.header,
        acceptedOn: facts.header.acceptedOn ?? facts.header.receivedOn,
        decidedOn: c.closingMethod === 'withdrawal' && c.closedOn ? c.closedOn : todayInChina(ctx.now()),
        appliedOn: application.appliedOn,
        appliedBy: application.appliedBy,
        reason: application.reason,
        consentOn: application.consentOn,
        consentNote: application.consentNote,
        arbitrators: h ? [h.presiding, ...h.wings] : [],
      },
    };
  },
  build: (c) => one('withdrawalDecision', c.variant, c.title, buildWithdrawalDecision(c.data)),
});

// ── 结案审批表 ──────────────────────────────────────────────────────────────────────────────────
const resultLabels = {
  mediation: '调解结案',
  finalAward: '裁决结案（终局裁决）',
  nonFinalAward: '裁决结案（非终局裁决）',
  withdrawal: '撤回仲裁申请',
  deemedWithdrawal: '按撤回仲裁申请处理',
  rejection: '不予受理',
  transfer: '移送处理',
} as const;

/**
 * The 结案情况 of the closing approval form. An award with both final and non-final items (two
 * 裁决书, Mediation and Arbitration Law Art 47/48) is "裁决结案（部分终局）", whichever of the two
 * the clerk picked as the closing method.
 */
export function closingResultText(method: keyof typeof resultLabels, awardItemKinds: { finals: number; nonFinals: number }): string {
  const award = method === 'finalAward' || method === 'nonFinalAward';
  if (award && awardItemKinds.finals > 0 && awardItemKinds.nonFinals > 0) return '裁决结案（部分终局）';
  return resultLabels[method];
}

registerDocumentBuilder('closingApproval', {
  label: documentLabels.closingApproval,
  batch: false,
  missing: (_ctx, db, caseId) => {
    const c = caseRow(db, caseId);
    return c.closingMethod && c.closedOn ? [] : ['案件尚未结案（结案方式、结案日期）'];
  },
  collect: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    const c = caseRow(db, caseId);
    if (!c.closingMethod || !c.closedOn) throw new AppFailure('conflict', '案件尚未结案，不能生成结案审批表');
    const h = readHearings(db, caseId).find((x) => x.status === 'held') ?? readHearings(db, caseId)[0];
    const exhibitCount = db.select({ n: sql<number>`count(*)` }).from(exhibits).where(eq(exhibits.caseId, caseId)).get()?.n ?? 0;
    const recovered = [...facts.paidByWorker.values()].reduce((a, b) => a + b, 0);
    return {
      variant: '',
      title: documentLabels.closingApproval,
      data: {
        ...facts.header,
        closedOn: c.closedOn,
        result: closingResultText(
          c.closingMethod,
          db
            .select({ finals: sql<number>`coalesce(sum(${awardItems.isFinal} = 1), 0)`, nonFinals: sql<number>`coalesce(sum(${awardItems.isFinal} = 0), 0)` })
            .from(awardItems)
            .where(eq(awardItems.caseId, caseId))
            .get() ?? { finals: 0, nonFinals: 0 },
        ),
        arbitrators: h ? [h.presiding, ...h.wings] : [],
        clerk: h?.clerk ?? null,
        daysToClose: c.daysToClose,
        closedOnTime: c.closedOnTime,
        closedWithinFastTrack: c.closedWithinFastTrack,
        fastTrackTargetDays: facts.commission.fastTrackTargetDays,
        exhibitCount: Number(exhibitCount),
        retentionYears: c.closingMethod === 'finalAward' || c.closingMethod === 'nonFinalAward' ? (10 as const) : (5 as const),
        recoveredFen: recovered,
        claimedTotalFen: facts.header.workers.reduce((a, w) => a + w.claimedFen, 0),
        rejectionNumber: documentNumber(db, caseId, 'rejection', ''),
      },
    };
  },
  build: (c) => one('closingApproval', c.variant, c.title, buildClosingApproval(c.data)),
});

// ── inspection: 限期改正指令书, 移送公安 ─────────────────────────────────────────────────────────
/** Worker rows with what is still owed after payments (owedFen is replaced by the unpaid rest). */
const unpaidRows = (facts: CaseFacts): WorkerRow[] =>
  facts.header.workers.map((w, i) => ({ ...w, owedFen: Math.max(0, w.owedFen - (facts.paidByWorker.get(facts.detail.workers[i]?.id ?? -1) ?? 0)) }));

const correctionOrders = (facts: CaseFacts) => (facts.detail.inspection?.steps ?? []).filter((s) => s.kind === 'correctionOrder');

registerDocumentBuilder('correctionOrder', {
  label: documentLabels.correctionOrder,
  batch: false,
  missing: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    if (!facts.detail.inspection) return ['本案没有监察程序'];
    const out: string[] = [];
    if (!correctionOrders(facts).some((s) => s.payBy)) out.push('监察程序中尚未记录限期改正指令（含限期支付日期）');
    if (!facts.detail.respondents.length) out.push('没有用人单位');
    return out;
  },
  recipients: (ctx, db, caseId) => respondentRecipients(readCase(ctx, db, caseId)),
  // one 发文字号 per order and addressee, in the labour authority's series (settings)
  number: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const order = correctionOrders(facts).filter((s) => s.payBy).at(-1);
    if (!order) return null;
    const r = pickRecipient(respondentRecipients(facts), variant, '限期改正指令书');
    return { series: 'correctionOrder', subject: `${order.id}:${r.variant}`, year: Number(order.date.slice(0, 4)), label: `${documentLabels.correctionOrder}（${r.name}）` };
  },
  collect: (ctx, db, caseId, variant) => {
    const facts = readCase(ctx, db, caseId);
    const order = correctionOrders(facts).filter((s) => s.payBy).at(-1);
    if (!facts.detail.inspection || !order?.payBy) throw new AppFailure('conflict', '尚未记录限期改正指令（含限期支付日期）');
    const r = pickRecipient(respondentRecipients(facts), variant, '限期改正指令书');
    const rows = unpaidRows(facts).filter((w) => w.owedFen > 0);
    const place = placeOf(facts.commission.name);
    return {
      variant: r.variant,
      title: titled('correctionOrder', r),
      data: {
        organName: inspectionOrganOf(facts.commission.name),
        documentNumber: documentNumber(db, caseId, 'correctionOrder', `${order.id}:${r.variant}`) ?? '',
        reviewBody: place ? `${place}人民政府` : '本机关的本级人民政府',
        ids: facts.header.servedIds,
        fileNumber: facts.detail.inspection.complaintNumber,
        employer: respondentByVariant(facts, r.variant),
        projectName: facts.header.projectName,
        workers: rows,
        unpaidTotalFen: rows.reduce((a, w) => a + w.owedFen, 0),
        issuedOn: order.date,
        payBy: order.payBy,
        inspectors: facts.detail.inspection.inspectors,
        factsNote: order.note,
      },
    };
  },
  build: (c) => one('correctionOrder', c.variant, c.title, buildCorrectionOrder(c.data)),
});

/** Whether the unpaid amounts reach the province's 数额较大 threshold, and the wording. */
function policeThreshold(facts: CaseFacts, rows: WorkerRow[]): { reached: boolean; text: string } {
  const total = rows.reduce((a, w) => a + w.owedFen, 0);
  const one = facts.commission.policeThresholdOneWorkerFen;
  const ten = facts.commission.policeThresholdTenWorkersFen;
  const text = `拖欠一名劳动者${formatYuan(one)}以上或者拖欠十名以上劳动者合计${formatYuan(ten)}以上`;
  const reached = rows.some((w) => w.owedFen >= one) || (rows.length >= 10 && total >= ten);
  return { reached, text };
}

/**
 * The parties the transfer names: exactly the respondents an effective instrument binds, each with its
 * obligation and unpaid amount (core/enforcement); with no effective instrument (an inspection case),
 * the employer the contracting chain points to, and nobody else.
 */
function policeParties(ctx: ServiceContext, db: Executor, caseId: number, facts: CaseFacts) {
  const e = readEnforcement(ctx, db, caseId);
  // liabilities name case respondents; the case file lists them by organisation
  const at = (respondentId: number) => {
    const organisationId = e.chain.find((c) => c.id === respondentId)?.organisationId;
    return facts.header.respondents[facts.detail.respondents.findIndex((r) => r.id === organisationId)]!;
  };
  const bound = e.respondents.filter((r) => r.boundUnpaidFen > 0);
  const principal = bound.find((r) => r.kinds.some((k) => PRINCIPAL_KINDS.includes(k)));
  if (principal) {
    const words = (r: (typeof bound)[number]) =>
      `依生效法律文书${r.kinds.map((k) => ({ employer: '应支付', contractingUnit: '作为发包单位应清偿', joint: '承担连带清偿责任', payFirst: '承担先行清偿责任', advance: '以未结清工程款为限垫付', none: '' })[k]).join('、')}，尚欠${formatYuan(r.boundUnpaidFen)}`;
    return {
      employer: at(principal.respondentId),
      employerObligation: words(principal),
      others: bound.filter((r) => r !== principal).map((r) => ({ ...at(r.respondentId), obligation: words(r) })),
    };
  }
  const hirer = hirerOf(readChain(db, caseId));
  return { employer: hirer ? at(hirer.id) : facts.header.respondents[0], employerObligation: undefined, others: [] };
}

registerDocumentBuilder('policeTransferLetter', {
  label: documentLabels.policeTransferLetter,
  batch: false,
  missing: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    const out: string[] = [];
    const today = todayInChina(ctx.now());
    // 拒不支付 needs the labour authority's order to pay, ignored (the same test as the police package).
    if (!policeOrders(ignoredOrders(db, caseId, today, workerBalances(db, [caseId]))).length) {
      out.push('尚未责令支付：没有逾期未履行的限期改正指令书');
    }
    const rows = unpaidRows(facts).filter((w) => w.owedFen > 0);
    if (!rows.length) out.push('没有未支付的工资');
    else if (!policeThreshold(facts, rows).reached) out.push(`欠薪数额未达到本省“数额较大”标准（${policeThreshold(facts, rows).text}）`);
    return out;
  },
  number: (ctx) => ({ series: 'policeTransfer', subject: '', year: Number(todayInChina(ctx.now()).slice(0, 4)), label: documentLabels.policeTransferLetter }),
  collect: (ctx, db, caseId) => {
    const facts = readCase(ctx, db, caseId);
    const rows = unpaidRows(facts).filter((w) => w.owedFen > 0);
    const today = todayInChina(ctx.now());
    const ignored = new Set(policeOrders(ignoredOrders(db, caseId, today, workerBalances(db, [caseId]))).map((o) => o.stepId));
    const steps = facts.detail.inspection?.steps ?? [];
    const orders = steps.filter((st) => st.kind === 'correctionOrder' && ignored.has(st.id)).map((st) => ({ title: st.title, date: st.date, payBy: st.payBy }));
    const { employer, employerObligation, others } = policeParties(ctx, db, caseId, facts);
    if (!employer) throw new AppFailure('conflict', '没有用人单位，不能移送');
    const place = placeOf(facts.commission.name);
    // Only what exists in the file: each ignored order (with its service, where recorded), the
    // inspection records, the exhibits, the arbitration file.
    const servedOrders = new Set(
      db
        .select({ variant: documents.variant })
        .from(documentServices)
        .innerJoin(documents, eq(documents.id, documentServices.documentId))
        .where(and(eq(documents.caseId, caseId), eq(documents.kind, 'correctionOrder'), isNotNull(documentServices.servedOn)))
        .all()
        .map((r) => r.variant),
    );
    const ofKind = (kind: string) => steps.filter((st) => st.kind === kind);
    const exhibitTitles = db.select({ seq: exhibits.seq, title: exhibits.title }).from(exhibits).where(eq(exhibits.caseId, caseId)).orderBy(asc(exhibits.seq)).all();
    const attachments = [
      `被拖欠劳动报酬劳动者名单（${rows.length}人）`,
      ...orders.map((o) => `《${o.title}》（${formatChineseDate(o.date)}）${servedOrders.size ? '及送达回证' : ''}`),
      ...ofKind('inquiryRecord').map((st) => `${st.title}（${formatChineseDate(st.date)}）`),
      ...ofKind('administrativeDecision').map((st) => `《${st.title}》（${formatChineseDate(st.date)}）`),
      ...(exhibitTitles.length
        ? [`证据材料${exhibitTitles.length}份：${exhibitTitles.slice(0, 8).map((e) => `证据${e.seq}${e.title}`).join('、')}${exhibitTitles.length > 8 ? '等' : ''}`]
        : []),
      ...(facts.header.caseNumber ? [`劳动人事争议仲裁案件材料（${facts.header.caseNumber}）`] : []),
    ];
    return {
      variant: '',
      title: documentLabels.policeTransferLetter,
      data: {
        organName: inspectionOrganOf(facts.commission.name),
        documentNumber: documentNumber(db, caseId, 'policeTransfer', '') ?? '',
        policeName: place ? `${place}公安局` : '公安机关',
        caseNumber: facts.header.caseNumber,
        fileNumber: facts.detail.inspection?.complaintNumber ?? null,
        employer,
        employerObligation,
        otherParties: others,
        projectName: facts.header.projectName,
        workers: rows,
        unpaidTotalFen: rows.reduce((a, w) => a + w.owedFen, 0),
        orders,
        thresholdText: policeThreshold(facts, rows).text,
        issuedOn: today,
        contact: facts.commission.phone,
        attachments,
      },
    };
  },
  build: (c) => one('policeTransferLetter', c.variant, c.title, buildPoliceTransferLetter(c.data)),
});

// ── 送达回证 ────────────────────────────────────────────────────────────────────────────────────

/**
 * Variant "<kind>.<recipient variant>", e.g. "hearingNotice.respondent-3"; '' → the latest generated
 * document of the case that is not itself a receipt.
 */
registerDocumentBuilder('serviceReceipt', {
  label: documentLabels.serviceReceipt,
  batch: false,
  missing: (_ctx, db, caseId) =>
    db.select({ id: documents.id }).from(documents).where(and(eq(documents.caseId, caseId), ne(documents.kind, 'serviceReceipt'))).limit(1).get()
      ? []
      : ['尚未生成需送达的文书（送达回证随通知书批量生成）'],
  collect: (ctx, db, caseId, variant) => {
    let kind: DocumentKind;
    let target: string;
    if (variant) {
      const dot = variant.indexOf('.');
      kind = (dot < 0 ? variant : variant.slice(0, dot)) as DocumentKind;
      target = dot < 0 ? '' : variant.slice(dot + 1);
      if (!(kind in documentLabels) || kind === 'serviceReceipt') throw new AppFailure('invalid_input', `送达回证所送达的文书不明：${variant}`);
    } else {
      const last = db
        .select({ kind: documents.kind, variant: documents.variant })
        .from(documents)
        .where(and(eq(documents.caseId, caseId), ne(documents.kind, 'serviceReceipt')))
        .orderBy(desc(documents.id))
        .limit(1)
        .get();
      if (!last) throw new AppFailure('conflict', '尚未生成需送达的文书');
      kind = last.kind as DocumentKind;
      target = last.variant;
    }
    const facts = readCase(ctx, db, caseId);
    const everyone = [...allApplicantRecipients(facts), ...respondentRecipients(facts)];
    const r = everyone.find((x) => x.variant === (target || 'applicants')) ?? { variant: target, name: target ? target : facts.header.workers[0]?.name ?? '', address: null, side: 'other' as const };
    const served = db
      .select({ method: documentServices.method, servedOn: documentServices.servedOn })
      .from(documentServices)
      .innerJoin(documents, eq(documents.id, documentServices.documentId))
      .where(and(eq(documents.caseId, caseId), eq(documents.kind, kind), eq(documents.variant, target)))
      .orderBy(desc(documentServices.id))
      .limit(1)
      .get();
    const documentTitle = kind === 'responseNotice' ? '应诉通知书、举证通知书、仲裁申请书副本' : documentLabels[kind];
    return {
      variant: `${kind}.${r.variant}`.replace(/\.$/, ''),
      title: `送达回证（${documentLabels[kind]}·${r.name}）`,
      data: {
        commissionName: facts.commission.name,
        caseNumber: facts.header.caseNumber,
        cause: facts.header.cause,
        documentTitle,
        copies: kind === 'responseNotice' ? 3 : 1,
        recipientName: r.name,
        recipientAddress: r.address,
        method: served ? serviceMethodLabels[served.method] : null,
        servedOn: served?.servedOn ?? null,
      },
    };
  },
  build: (c) => one('serviceReceipt', c.variant, c.title, buildServiceReceipt(c.data)),
});
