import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/open';
import { deferToBatchEnd } from '../batch';
import { searchBody } from './searchText';

/** Rewrites the search row of one case from its stored data; in a batch, once at its end. */
export function indexCase(db: Executor, caseId: number): void {
  if (!deferToBatchEnd('search', caseId, (batchDb) => writeSearchRow(batchDb, caseId))) writeSearchRow(db, caseId);
}

/** The search row of one case from its stored data (one statement per table). */
function writeSearchRow(db: Executor, caseId: number): void {
  const head = db.get<{ caseNumber: string | null; projectName: string | null }>(sql`
    select c.case_number as caseNumber, p.name as projectName
    from cases c left join projects p on p.id = c.project_id where c.id = ${caseId}`);
  const parties = db.all<{ name: string; creditCode: string | null; idNumber: string | null }>(sql`
    select o.name, o.credit_code as creditCode, o.id_number as idNumber
    from case_respondents r join organisations o on o.id = r.organisation_id where r.case_id = ${caseId}`);
  const people = db.all<{ name: string; nameInitials: string; idNumber: string; phone: string | null }>(sql`
    select name, name_initials as nameInitials, id_number as idNumber, phone from workers where case_id = ${caseId}`);
  const caseNumberParts = head?.caseNumber ? [head.caseNumber, head.caseNumber.replace(/\D+/g, ' ')] : [];
  const body = searchBody([
    ...caseNumberParts,
    head?.projectName,
    ...parties.flatMap((p) => [p.name, p.creditCode, p.idNumber]),
    ...people.flatMap((w) => [w.name, w.nameInitials, w.idNumber, w.phone]),
  ]);
  db.run(sql`delete from case_search where rowid = ${caseId}`);
  db.run(sql`insert into case_search (rowid, body) values (${caseId}, ${body})`);
}

/** Indexes cases that have no search row yet (after a migration from an older data folder). */
export function indexMissingCases(db: Executor): number {
  const missing = db.all<{ id: number }>(sql`select id from cases where id not in (select rowid from case_search)`);
  for (const row of missing) indexCase(db, row.id);
  return missing.length;
}
