import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { CaseRow, caseSearchSchema } from '../../core/contract';
import { addDays, todayInChina } from '../../core/dates';
import type { ServiceContext } from '../context';
import { matchExpression } from '../search/searchText';

type SearchInput = z.output<typeof caseSearchSchema>;

/**
 * The case list: full-text match through case_search (FTS5), filters on indexed columns, newest
 * first, one page at a time. Names of the page's respondents and first worker come from correlated
 * subqueries on indexed keys inside the same statement.
 */
export function searchCases(ctx: ServiceContext, input: SearchInput): { total: number; rows: CaseRow[] } {
  const today = todayInChina(ctx.now());
  const where: SQL[] = [];
  const match = matchExpression(input.query);
  if (input.query.trim() && !match) return { total: 0, rows: [] };
  if (match) where.push(sql`c.id in (select rowid from case_search where case_search match ${match})`);
  if (input.stage) where.push(sql`c.stage = ${input.stage}`);
  if (input.status) where.push(sql`c.status = ${input.status}`);
  if (input.receivedFrom) where.push(sql`c.received_on >= ${input.receivedFrom}`);
  if (input.receivedTo) where.push(sql`c.received_on <= ${input.receivedTo}`);
  if (input.closedFrom) where.push(sql`c.closed_on >= ${input.closedFrom}`);
  if (input.closedTo) where.push(sql`c.closed_on <= ${input.closedTo}`);
  if (input.closingMethod) where.push(sql`c.closing_method = ${input.closingMethod}`);
  if (input.closedOnTime != null) where.push(sql`c.closed_on_time = ${input.closedOnTime ? 1 : 0}`);
  if (input.channel) where.push(sql`c.channel = ${input.channel}`);
  if (input.due === 'overdue') where.push(sql`c.next_due_on < ${today}`);
  if (input.due === 'soon') where.push(sql`c.next_due_on >= ${today} and c.next_due_on <= ${addDays(today, 3)}`);
  const filter = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;

  const total = ctx.db.get<{ n: number }>(sql`select count(*) as n from cases c ${filter}`)?.n ?? 0;
  const order = input.due ? sql`c.next_due_on asc, c.id asc` : sql`c.received_on desc, c.id desc`;
  const rows = ctx.db.all<Omit<CaseRow, 'isCollective' | 'hasArbitration'> & { isCollective: number; hasArbitration: number }>(sql`
    select c.id, c.case_number as caseNumber, c.channel, c.stage, c.status, c.is_collective as isCollective,
      c.received_on as receivedOn, c.accepted_on as acceptedOn, p.name as projectName,
      (select group_concat(o.name, '、') from case_respondents r join organisations o on o.id = r.organisation_id
        where r.case_id = c.id) as respondentNames,
      (select w.name from workers w where w.case_id = c.id order by w.sort_order limit 1) as firstWorkerName,
      c.worker_count as workerCount, c.claimed_total_fen as claimedTotalFen, c.next_due_on as nextDueOn,
      c.has_arbitration as hasArbitration
    from cases c left join projects p on p.id = c.project_id
    ${filter}
    order by ${order}
    limit ${input.limit} offset ${input.offset}`);
  return { total, rows: rows.map((r) => ({ ...r, isCollective: !!r.isCollective, hasArbitration: !!r.hasArbitration, respondentNames: r.respondentNames ?? '' })) };
}
