import { and, asc, desc, eq, isNull, or, isNotNull, sql } from 'drizzle-orm';
import { AppFailure, type ChecklistItem, type ClosingMethod, type DocumentKind } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { formatYuan, sumFen } from '../../core/money';
import {
  awardItems,
  awards,
  cases,
  documents,
  exhibits,
  hearings,
  suspensions,
} from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { readMediationState } from '../mediation/mediationView';
import { closingMethodText, documentKindText, listNames, servedKinds } from './labels';
import { partyOf, readCaseParties, servicesByDocument, unservedAddressees } from '../documents/service';
import { readWithdrawalApplication, withdrawalProblems } from './withdrawal';

type LatestDocument = { id: number; kind: DocumentKind; variant: string; title: string; version: number };

/** The latest version of every (kind, variant) generated for the case. */
function latestDocuments(db: Executor, caseId: number): LatestDocument[] {
  const rows = db
    .select({ id: documents.id, kind: documents.kind, variant: documents.variant, title: documents.title, version: documents.version })
    .from(documents)
    .where(eq(documents.caseId, caseId))
    .orderBy(asc(documents.kind), asc(documents.variant), desc(documents.version))
    .all();
  const seen = new Set<string>();
  const latest: LatestDocument[] = [];
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.variant}`;
    if (seen.has(key)) continue;
    seen.add(key);
    latest.push({ ...r, kind: r.kind as DocumentKind });
  }
  return latest;
}

const item = (key: string, ok: boolean, label: string, detail: string): ChecklistItem => ({ key, ok, label, detail });

/**
 * What is still missing before the case may be closed by `method`. Every item is blocking: an item
 * that is only informational (instalments not yet due, a transfer note) is reported with ok = true.
 * canClose = every item ok.
 */
export function buildChecklist(ctx: ServiceContext, db: Executor, caseId: number, method: ClosingMethod): { items: ChecklistItem[]; canClose: boolean } {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  const today = todayInChina(ctx.now());
  const items: ChecklistItem[] = [];

  // 1. Status: closing needs an accepted case (a rejected one closes only as rejection).
  if (row.status === 'closed') {
    items.push(item('status', false, '案件状态', `案件已于${formatChineseDate(row.closedOn ?? today)}结案，不能重复结案`));
  } else if (method === 'rejection') {
    items.push(
      row.status === 'rejected'
        ? item('status', true, '不予受理决定', `已于${formatChineseDate(row.rejectedOn ?? today)}作出不予受理决定`)
        : item('status', false, '不予受理决定', '案件尚未作出不予受理决定，不能以「不予受理」结案；请先作出不予受理决定'),
    );
  } else if (row.status === 'rejected') {
    items.push(item('status', false, '案件状态', '案件已不予受理，只能以「不予受理」方式结案'));
  } else if (method === 'transfer') {
    items.push(item('status', true, '案件状态', row.status === 'accepted' ? '已受理' : '尚未受理（移送前未作受理决定）'));
  } else {
    items.push(
      row.status === 'accepted'
        ? item('status', true, '案件状态', `已于${formatChineseDate(row.acceptedOn ?? row.receivedOn)}受理`)
        : item('status', false, '案件状态', '案件尚未受理，请先作出受理决定'),
    );
  }

  // 2. An open suspension stops the clock: resume first, so the excluded days are known.
  const open = db.select().from(suspensions).where(and(eq(suspensions.caseId, caseId), isNull(suspensions.toOn))).get();
  items.push(
    open
      ? item('suspension', false, '中止审理', `案件自${formatChineseDate(open.fromOn)}起中止审理（${open.reason}），请先恢复审理再结案`)
      : item('suspension', true, '中止审理', '无未结束的中止'),
  );

  // 3. Documents served on every party they go to (matched by party, not by the spelling of a name).
  //    The mediation document and the award are checked by their own items below.
  const latest = latestDocuments(db, caseId);
  const parties = readCaseParties(db, caseId);
  const services = servicesByDocument(db, latest.map((d) => d.id));
  const unservedOn = (d: LatestDocument) => unservedAddressees(parties, d.kind, d.variant, (services.get(d.id) ?? []).filter((s) => s.servedOn).map(partyOf));
  const ownItem = (kind: DocumentKind) =>
    (method === 'mediation' && (kind === 'mediationDocument' || kind === 'partialMediationDocument')) ||
    ((method === 'finalAward' || method === 'nonFinalAward') && kind === 'award');
  const unserved = latest.filter((d) => servedKinds.has(d.kind) && !ownItem(d.kind)).flatMap((d) => {
    const missing = unservedOn(d);
    return missing.length ? [`${d.title || documentKindText[d.kind]}未送达${listNames(missing, 3)}`] : [];
  });
  items.push(
    unserved.length
      ? item('documentsServed', false, '文书送达', `${listNames(unserved)}；请登记送达（送达回证）`)
      : item('documentsServed', true, '文书送达', latest.some((d) => servedKinds.has(d.kind)) ? '已生成的文书均已送达受送达人' : '没有需送达的文书'),
  );

  // 4. Instalments: overdue and unpaid ones block; not yet due ones are followed up after closing.
  if (method !== 'rejection' && method !== 'transfer') {
    const state = readMediationState(ctx, db, caseId);
    const overdue: string[] = [];
    const later: string[] = [];
    let laterFen = 0;
    for (const r of state.rows) {
      for (const i of r.instalments) {
        if (i.status === 'paid') continue;
        const lacking = i.amountFen - i.paidFen;
        if (i.status === 'overdue') overdue.push(`${r.name}第${i.seq}期（${formatChineseDate(i.dueOn)}到期，尚欠${formatYuan(lacking)}）`);
        else {
          later.push(`${r.name}第${i.seq}期（${formatChineseDate(i.dueOn)}）`);
          laterFen = sumFen([laterFen, lacking]);
        }
      }
    }
    if (overdue.length) {
      items.push(item('instalmentsOverdue', false, '逾期分期', `${overdue.length}期已逾期未付清：${listNames(overdue, 3)}；请登记付款，或督促履行后再结案`));
    } else if (later.length) {
      items.push(item('instalmentsOpen', true, '结案后继续跟踪', `${later.length}期尚未到期（合计${formatYuan(laterFen)}）：${listNames(later, 3)}；结案后继续跟踪，逾期未付将生成预警`));
    } else {
      items.push(item('instalmentsOpen', true, '分期履行', '没有未付清的分期'));
    }

    // 5. Method-specific.
    if (method === 'mediation') {
      const outcome = row.mediationOutcome;
      const w = row.mediationSignedByWorkersOn;
      const r = row.mediationSignedByRespondentOn;
      if (outcome !== 'settled') {
        items.push(
          item(
            'mediationDocument',
            false,
            '调解书签收',
            outcome === 'partlySettled' ? '仅部分请求达成调解，其余请求尚待裁决或撤回，不能以调解方式结案' : '尚未记录调解成功，不能以调解方式结案',
          ),
        );
      } else if (!w || !r) {
        const missing = [!w ? '申请人（劳动者）' : '', !r ? '被申请人' : ''].filter(Boolean).join('、');
        items.push(item('mediationDocument', false, '调解书签收', `调解书须经双方签收后生效：${missing}尚未签收`));
      } else {
        items.push(item('mediationDocument', true, '调解书签收', `申请人${formatChineseDate(w)}签收，被申请人${formatChineseDate(r)}签收，调解书已生效`));
      }
    }
  }

  if (method === 'finalAward' || method === 'nonFinalAward') {
    const final = method === 'finalAward';
    const label = final ? '终局裁决' : '非终局裁决';
    const award = db.select().from(awards).where(eq(awards.caseId, caseId)).get();
    const counts = db
      .select({ finals: sql<number>`coalesce(sum(${awardItems.isFinal} = 1), 0)`, nonFinals: sql<number>`coalesce(sum(${awardItems.isFinal} = 0), 0)` })
      .from(awardItems)
      .where(eq(awardItems.caseId, caseId))
      .get();
    const ofKind = final ? (counts?.finals ?? 0) : (counts?.nonFinals ?? 0);
    if (!award?.issuedAt) items.push(item('award', false, '裁决书', '裁决书尚未作出（签发），请先完成并签发裁决书'));
    else if (!ofKind) items.push(item('award', false, '裁决书', `本案裁决中没有${label}事项，请选择与裁决书一致的结案方式`));
    else items.push(item('award', true, '裁决书', `已于${formatChineseDate(award.decidedOn ?? award.issuedAt.slice(0, 10))}作出，${label}事项${ofKind}项`));

    // Served on every party: the applicant side and each respondent, on every award document.
    const awardDocs = latest.filter((d) => d.kind === 'award');
    if (award?.issuedAt) {
      if (!awardDocs.length) {
        items.push(item('awardServed', false, '裁决书送达', '尚未生成裁决书文书，无法登记送达'));
      } else {
        const gaps = awardDocs.flatMap((d) => {
          const missing = unservedOn(d);
          return missing.length ? [`${d.title || '裁决书'}未送达${listNames(missing)}`] : [];
        });
        items.push(gaps.length ? item('awardServed', false, '裁决书送达', `${gaps.join('；')}；请登记送达`) : item('awardServed', true, '裁决书送达', '裁决书已送达全部当事人'));
      }
    }

    // 质证: every exhibit the arbitration uses (its own, or recognised from inspection) was cross-examined.
    const unexamined = db
      .select({ seq: exhibits.seq, title: exhibits.title })
      .from(exhibits)
      .where(and(eq(exhibits.caseId, caseId), isNull(exhibits.crossExaminedOn), or(eq(exhibits.track, 'arbitration'), isNotNull(exhibits.recognisedBy))))
      .orderBy(asc(exhibits.seq))
      .all();
    items.push(
      unexamined.length
        ? item('crossExamination', false, '证据质证', `${unexamined.length}项证据未经质证：${listNames(unexamined.map((e) => `证据${e.seq}「${e.title}」`), 3)}；裁决所依据的证据须经庭审质证`)
        : item('crossExamination', true, '证据质证', '仲裁使用的证据均已质证'),
    );
  }

  if (method === 'withdrawal') {
    const problems = withdrawalProblems(db, caseId, row.isCollective);
    const application = readWithdrawalApplication(db, caseId);
    items.push(
      problems.length || !application
        ? item('withdrawalApplication', false, '撤回申请', `${problems.join('；')}；请在下方登记撤回申请`)
        : item('withdrawalApplication', true, '撤回申请', `${application.appliedBy}于${formatChineseDate(application.appliedOn)}申请撤回${application.consentOn ? `，被代表的劳动者已于${formatChineseDate(application.consentOn)}同意` : ''}`),
    );
    const decision = latest.find((d) => d.kind === 'withdrawalDecision');
    items.push(
      decision
        ? item('withdrawalDecision', true, '撤回决定书', `已制作${decision.title || '撤回仲裁申请决定书'}`)
        : item('withdrawalDecision', false, '撤回决定书', '尚未制作撤回仲裁申请决定书，请先生成决定书'),
    );
  }
  if (method === 'deemedWithdrawal') {
    const hearing = db
      .select({ startsAt: hearings.startsAt })
      .from(hearings)
      .where(and(eq(hearings.caseId, caseId), eq(hearings.outcome, 'deemedWithdrawal')))
      .orderBy(desc(hearings.startsAt))
      .get();
    items.push(
      hearing
        ? item('deemedWithdrawal', true, '按撤回处理', `${formatChineseDate(hearing.startsAt.slice(0, 10))}开庭时申请人无正当理由拒不到庭，按撤回仲裁申请处理（《劳动争议调解仲裁法》第三十六条）`)
        : item('deemedWithdrawal', false, '按撤回处理', '没有申请人缺席、按撤回处理的开庭记录，请先登记开庭出庭情况'),
    );
  }
  if (method === 'transfer') {
    items.push(item('transferNote', true, '移送', '请在结案审批表中注明移送的机关及移送日期，并将案卷材料随函移送'));
  }

  return { items, canClose: items.every((i) => i.ok) };
}

export function describeBlocking(items: ChecklistItem[], method: ClosingMethod): string {
  const failing = items.filter((i) => !i.ok);
  return `不能以「${closingMethodText[method]}」方式结案：${failing.map((i) => `${i.label}——${i.detail}`).join('；')}`;
}
