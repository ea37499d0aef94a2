import { sql } from 'drizzle-orm';
import type { RelatedCase } from '../../core/contract';
import type { ServiceContext } from '../context';

/**
 * Open cases (待受理 or 已受理) that share a worker ID number, a respondent or the project with
 * this one: a possible duplicate filing or 串案. Three indexed queries, merged.
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
  if (!reasons.size) return [];

  // A big general contractor can link hundreds of cases: show the most recent 100.
  const ids = [...reasons.keys()].sort((a, b) => b - a).slice(0, 100);
  const heads = ctx.db.all<{ id: number; caseNumber: string | null; status: RelatedCase['status']; receivedOn: string }>(sql`
    select id, case_number as caseNumber, status, received_on as receivedOn from cases
    where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) and status in ('received', 'accepted')
    order by received_on desc`);
  return heads.map((h) => {
    const r = reasons.get(h.id)!;
    const lines: string[] = [];
    if (r.workers.length) lines.push(`同一申请人：${r.workers.slice(0, 3).join('、')}${r.workers.length > 3 ? `等${r.workers.length}人` : ''}`);
    if (r.respondents.length) lines.push(`同一被申请人：${r.respondents.join('、')}`);
    if (r.project) lines.push(`同一工程项目：${r.project}`);
    return { caseId: h.id, caseNumber: h.caseNumber, status: h.status, receivedOn: h.receivedOn, reasons: lines };
  });
}
