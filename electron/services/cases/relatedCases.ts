import { sql } from 'drizzle-orm';
import type { RelatedCase } from '../../core/contract';
import type { ServiceContext } from '../context';
import { formatYuan } from '../../core/money';

/**
 * Open cases (待受理 or 已受理) that share a worker ID number, a respondent or the project with
 * this one: a possible duplicate filing or 串案. Three indexed queries, merged. Plus any case, open
 * or closed, in which a worker of this case already had claims against the same respondent decided
 * by an effective 调解书 or an issued 裁决书 (一事不再理, Rules Art 34).
 */
export function relatedCases(ctx: ServiceContext, id: number): RelatedCase[] {
  const byWorker = ctx.db.all<{ caseId: number; detail: string }>(sql`
    select w2.case_id as caseId, w2.name || '（' || w2.id_number || '）' as detail
    from workers w1 join workers w2 on w2.id_number = w1.id_number and w2.case_id <> w1.case_id
    where w1.case_id = ${id}`);
  const byRespondent = ctx.db.all<{ caseId: number; detail: string }>(sql`
    select distinct r2.case_id as caseId, o.name as detail
    from case_respondents r1 join case_respondents r2 on r2.organisation_id = r1.organisation_id and r2.case_id <> r1.case_id
    join organisations o on o.id = r1.organisation_id
    where r1.case_id = ${id}`);
  const byProject = ctx.db.all<{ caseId: number; detail: string }>(sql`
    select c2.id as caseId, p.name as detail
    from cases c1 join cases c2 on c2.project_id = c1.project_id and c2.id <> c1.id join projects p on p.id = c1.project_id
    where c1.id = ${id}`);

  const reasons = new Map<number, { workers: string[]; respondents: string[]; project: string | null }>();
  const entry = (caseId: number) => {
    if (!reasons.has(caseId)) reasons.set(caseId, { workers: [], respondents: [], project: null });
    return reasons.get(caseId)!;
  };
  for (const r of byWorker) entry(r.caseId).workers.push(r.detail);
  for (const r of byRespondent) entry(r.caseId).respondents.push(r.detail);
  for (const r of byProject) entry(r.caseId).project = r.detail;
  const decided = alreadyDecided(ctx, id);
  for (const d of decided) entry(d.caseId);
  if (!reasons.size) return [];

  // A big general contractor can link hundreds of cases: show the most recent 100.
  const ids = [...reasons.keys()].sort((a, b) => b - a).slice(0, 100);
  const heads = ctx.db.all<{ id: number; caseNumber: string | null; status: RelatedCase['status']; receivedOn: string }>(sql`
    select id, case_number as caseNumber, status, received_on as receivedOn from cases
    where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})
      and (status in ('received', 'accepted') or id in (${sql.join([...new Set(decided.map((d) => d.caseId)), 0].map((i) => sql`${i}`), sql`, `)}))
    order by received_on desc`);
  return heads.map((h) => {
    const r = reasons.get(h.id)!;
    const lines: string[] = [];
    if (r.workers.length) lines.push(`同一申请人：${r.workers.slice(0, 3).join('、')}${r.workers.length > 3 ? `等${r.workers.length}人` : ''}`);
    if (r.respondents.length) lines.push(`同一被申请人：${r.respondents.join('、')}`);
    if (r.project) lines.push(`同一工程项目：${r.project}`);
    const mine = decided.filter((d) => d.caseId === h.id);
    const alreadyDecidedLines = mine.map((d) => `${d.worker}对${d.respondent}的请求已由该案${d.instrument}处理（${d.amount}）`);
    return { caseId: h.id, caseNumber: h.caseNumber, status: h.status, receivedOn: h.receivedOn, reasons: lines, alreadyDecided: alreadyDecidedLines };
  });
}

type Decided = { caseId: number; worker: string; respondent: string; instrument: string; amount: string };

/**
 * Claims of this case's workers against this case's respondents that another case already decided:
 * items agreed in an effective mediation document (both sides signed) or decided by an issued award.
 * Indexed joins in this order: this case's workers, the same ID numbers elsewhere, those cases'
 * respondents, matched to this case's respondents by case (CROSS JOIN fixes the order and the unary
 * + keeps SQLite off the organisation index: without statistics it started from a respondent's
 * 8,000 cases and read every worker of each — 280 ms at 100,000 cases, now about 1 ms).
 */
function alreadyDecided(ctx: ServiceContext, id: number): Decided[] {
  const rows = ctx.db.all<{ caseId: number; worker: string; respondent: string; mediated: number; mediatedItems: number; mediationEffective: number; awarded: number; awardedItems: number; awardIssued: number }>(sql`
    select w2.case_id as caseId, w2.name as worker, o.name as respondent,
      (select coalesce(sum(si.agreed_fen), 0) from settlement_items si where si.case_id = c2.id and si.worker_id = w2.id and si.agreed_fen is not null) as mediated,
      (select count(*) from settlement_items si where si.case_id = c2.id and si.worker_id = w2.id and si.agreed_fen is not null) as mediatedItems,
      (c2.mediation_outcome in ('settled', 'partlySettled') and c2.mediation_signed_by_workers_on is not null
        and c2.mediation_signed_by_respondent_on is not null) as mediationEffective,
      (select coalesce(sum(ai.awarded_fen), 0) from claim_items ci join award_items ai on ai.claim_item_id = ci.id where ci.worker_id = w2.id) as awarded,
      (select count(*) from claim_items ci join award_items ai on ai.claim_item_id = ci.id where ci.worker_id = w2.id) as awardedItems,
      exists (select 1 from awards a where a.case_id = c2.id and a.issued_at is not null) as awardIssued
    from workers w1
      cross join workers w2 on w2.id_number = w1.id_number and w2.case_id <> w1.case_id
      cross join cases c2 on c2.id = w2.case_id
      cross join case_respondents r2 on r2.case_id = c2.id
      cross join case_respondents r1 on r1.case_id = w1.case_id and +r1.organisation_id = r2.organisation_id
      cross join organisations o on o.id = r2.organisation_id
    where w1.case_id = ${id}`);
  const out: Decided[] = [];
  for (const r of rows) {
    if (r.mediationEffective && r.mediatedItems > 0) out.push({ caseId: r.caseId, worker: r.worker, respondent: r.respondent, instrument: '生效调解书', amount: `调解金额${formatYuan(r.mediated)}` });
    if (r.awardIssued && r.awardedItems > 0) out.push({ caseId: r.caseId, worker: r.worker, respondent: r.respondent, instrument: '裁决书', amount: `裁决金额${formatYuan(r.awarded)}` });
  }
  return out;
}
