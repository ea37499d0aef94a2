import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { SEARCH_COUNT_CAP, mediatedOrWithdrawnMethods, type CaseRow, type CaseSearchResult, type caseSearchSchema } from '../../core/contract';
import { parseCaseNumberQuery } from '../../core/caseNumber';
import { addDays, todayInChina } from '../../core/dates';
import type { ServiceContext } from '../context';
import { matchExpression } from '../search/searchText';
import { awardFinalityClause } from '../closing/awardFinality';

type SearchInput = z.output<typeof caseSearchSchema>;
type Page = CaseSearchResult;

/**
 * The case list. A query that names a case number is answered from the case-number columns
 * (indexed): a whole number gives that case alone; 第N号 the cases numbered N, newest year first;
 * a bare N those first, then what the text search finds. Other queries go through case_search
 * (FTS5, with prefix indexes for the short prefixes a clerk types). Filters are indexed columns.
 * Without search words: newest received first, exact total. With them: the newest registered
 * first (case id, the order FTS5 walks its index in, so the statement stops early) and the total
 * counted only up to SEARCH_COUNT_CAP past the page's offset (see CaseSearchResult); by deadline when a due
 * filter is on (those sets are small: every match is sorted and counted).
 */
export function searchCases(ctx: ServiceContext, input: SearchInput): Page {
  const filters = filterClauses(ctx, input);
  const number = parseCaseNumberQuery(input.query);
  if (!number) return textPage(ctx, input, filters, input.query, [], input.offset, input.limit);

  const numbered = ctx.db
    .all<{ id: number }>(sql`
      select c.id from cases c
      where ${number.kind === 'full' ? sql`c.case_year = ${number.year} and c.case_seq = ${number.seq}` : sql`c.case_seq = ${number.seq}`}
      ${filters.length ? sql`and ${sql.join(filters, sql` and `)}` : sql``}
      order by c.case_year desc, c.id desc`)
    .map((r) => r.id);
  if (number.kind === 'full' || number.caseNumbersOnly) {
    return { total: numbered.length, totalAtLeast: false, rows: rowsByIds(ctx, numbered.slice(input.offset, input.offset + input.limit)) };
  }
  // A bare number: the cases numbered N first, then the other matches (IDs, phones, names…).
  const first = numbered.slice(input.offset, input.offset + input.limit);
  const rest = textPage(ctx, input, filters, input.query, numbered, Math.max(0, input.offset - numbered.length), input.limit - first.length);
  return { total: numbered.length + rest.total, totalAtLeast: rest.totalAtLeast, rows: [...rowsByIds(ctx, first), ...rest.rows] };
}

/** 调撤: closed by mediation, withdrawal or deemed withdrawal (the dashboard's 调撤率 counts these). */
function mediatedOrWithdrawnClause(yes: boolean): SQL {
  const methods = sql.join(mediatedOrWithdrawnMethods.map((m) => sql`${m}`), sql`, `);
  return yes ? sql`c.closing_method in (${methods})` : sql`c.closed_on is not null and (c.closing_method is null or c.closing_method not in (${methods}))`;
}

function filterClauses(ctx: ServiceContext, input: SearchInput): SQL[] {
  const today = todayInChina(ctx.now());
  const where: SQL[] = [];
  if (input.stage) where.push(sql`c.stage = ${input.stage}`);
  if (input.status) where.push(sql`c.status = ${input.status}`);
  if (input.receivedFrom) where.push(sql`c.received_on >= ${input.receivedFrom}`);
  if (input.receivedTo) where.push(sql`c.received_on <= ${input.receivedTo}`);
  if (input.closedFrom) where.push(sql`c.closed_on >= ${input.closedFrom}`);
  if (input.closedTo) where.push(sql`c.closed_on <= ${input.closedTo}`);
  if (input.closingMethod) where.push(sql`c.closing_method = ${input.closingMethod}`);
  if (input.awardFinality) where.push(awardFinalityClause(input.awardFinality));
  if (input.closedOnTime != null) where.push(sql`c.closed_on_time = ${input.closedOnTime ? 1 : 0}`);
  if (input.mediatedOrWithdrawn != null) where.push(mediatedOrWithdrawnClause(input.mediatedOrWithdrawn));
  if (input.closedWithinFastTrack != null) {
    // not within = every other closed case (the share's denominator is every case closed)
    where.push(input.closedWithinFastTrack ? sql`c.closed_within_fast_track = 1` : sql`c.closed_on is not null and coalesce(c.closed_within_fast_track, 0) = 0`);
  }
  if (input.hasDaysToClose != null) where.push(input.hasDaysToClose ? sql`c.days_to_close is not null` : sql`c.closed_on is not null and c.days_to_close is null`);
  if (input.channel) where.push(sql`c.channel = ${input.channel}`);
  if (input.due === 'overdue') where.push(sql`c.next_due_on < ${today}`);
  if (input.due === 'soon') where.push(sql`c.next_due_on >= ${today} and c.next_due_on <= ${addDays(today, 3)}`);
  return where;
}

/** The full-text part: cases matching `query` (all cases when it is blank), leaving out `exclude`. */
function textPage(ctx: ServiceContext, input: SearchInput, filters: SQL[], query: string, exclude: number[], offset: number, limit: number): Page {
  const match = matchExpression(query);
  if (query.trim() && !match) return { total: 0, totalAtLeast: false, rows: [] };
  const ids = (q: SQL) => ctx.db.all<{ id: number }>(q).map((r) => r.id);
  const excluded = exclude.length ? sql`not in (${sql.join(exclude.map((id) => sql`${id}`), sql`, `)})` : null;

  if (!match || input.due) {
    const where = [...filters];
    if (excluded) where.push(sql`c.id ${excluded}`);
    if (match) where.push(sql`c.id in (select rowid from case_search where case_search match ${match})`);
    const filter = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
    const total = ctx.db.get<{ n: number }>(sql`select count(*) as n from cases c ${filter}`)?.n ?? 0;
    if (limit <= 0 || offset >= total) return { total, totalAtLeast: false, rows: [] };
    const order = input.due ? sql`c.next_due_on asc, c.id asc` : sql`c.received_on desc, c.id desc`;
    return { total, totalAtLeast: false, rows: rowsByIds(ctx, ids(sql`select c.id from cases c ${filter} order by ${order} limit ${limit} offset ${offset}`)) };
  }

  // Driven by the FTS5 index, newest case first, in one statement that stops one row past the cap:
  // its length is the count, the page is a slice. The cases table is joined only for filters.
  const where = [sql`case_search match ${match}`, ...filters];
  if (excluded) where.push(sql`s.rowid ${excluded}`);
  const join = filters.length ? sql`join cases c on c.id = s.rowid` : sql``;
  const cap = offset + SEARCH_COUNT_CAP;
  const matched = ids(sql`select s.rowid as id from case_search s ${join} where ${sql.join(where, sql` and `)} order by s.rowid desc limit ${cap + 1}`);
  const page = limit > 0 ? matched.slice(offset, Math.min(offset + limit, cap)) : [];
  return { total: Math.min(matched.length, cap), totalAtLeast: matched.length > cap, rows: rowsByIds(ctx, page) };
}

/**
 * The list rows of these cases, in this order: names of the respondents and the first worker come
 * from correlated subqueries on indexed keys inside the same statement.
 */
function rowsByIds(ctx: ServiceContext, ids: number[]): CaseRow[] {
  if (!ids.length) return [];
  const rows = ctx.db.all<Omit<CaseRow, 'isCollective' | 'hasArbitration'> & { isCollective: number; hasArbitration: number }>(sql`
    select c.id, c.case_number as caseNumber, c.channel, c.stage, c.status, c.is_collective as isCollective,
      c.received_on as receivedOn, c.accepted_on as acceptedOn, p.name as projectName,
      (select group_concat(o.name, '、') from case_respondents r join organisations o on o.id = r.organisation_id
        where r.case_id = c.id) as respondentNames,
      (select w.name from workers w where w.case_id = c.id order by w.sort_order limit 1) as firstWorkerName,
      c.worker_count as workerCount, c.claimed_total_fen as claimedTotalFen, c.next_due_on as nextDueOn,
      c.has_arbitration as hasArbitration
    from json_each(${JSON.stringify(ids)}) j join cases c on c.id = j.value left join projects p on p.id = c.project_id
    order by j.key`);
  return rows.map((r) => ({ ...r, isCollective: !!r.isCollective, hasArbitration: !!r.hasArbitration, respondentNames: r.respondentNames ?? '' }));
}
