/** The respondents of a case as a contracting chain (core/liability), in their listed order: one query. */
import { sql } from 'drizzle-orm';
import type { ChainRespondent } from '../../core/liability';
import type { Executor } from '../../../db/open';

export function readChain(db: Executor, caseId: number): ChainRespondent[] {
  return db.all<ChainRespondent>(sql`
    select cr.id, o.name, o.kind, cr.role, cr.organisation_id as organisationId,
      (select pp.contracted_by_id from project_parties pp
        where pp.project_id = c.project_id and pp.organisation_id = cr.organisation_id and pp.role = cr.role) as contractedById
    from case_respondents cr
      join organisations o on o.id = cr.organisation_id
      join cases c on c.id = cr.case_id
    where cr.case_id = ${caseId}
    order by cr.sort_order, cr.id`);
}
