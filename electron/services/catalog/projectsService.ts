import { inArray, sql } from 'drizzle-orm';
import type { ProjectView } from '../../core/contract';
import { organisations, projectParties, projects } from '../../../db/schema';
import type { Db, Executor } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import { matchExpression } from '../search/searchText';

const LIMIT = 20;
type ProjectRow = { id: number; name: string; address: string | null; permitNumber: string | null };

/**
 * Projects whose name starts with the query (the name index, a range scan), then those whose name
 * holds it anywhere ("蓉江", "安置房"): found through the cases' full-text index (every project
 * comes in with a case, and its name is in that case's search row), kept when the name has it.
 */
export function searchProjects(db: Executor, query: string): ProjectView[] {
  const q = query.trim();
  const columns = { id: projects.id, name: projects.name, address: projects.address, permitNumber: projects.permitNumber };
  const rows: ProjectRow[] = db
    .select(columns)
    .from(projects)
    .where(q ? sql`${projects.name} >= ${q} and ${projects.name} < ${q + '\uffff'}` : undefined)
    .orderBy(sql`${projects.id} desc`)
    .limit(LIMIT)
    .all();
  const match = q ? matchExpression(q) : null;
  if (match && rows.length < LIMIT) {
    const seen = new Set(rows.map((r) => r.id));
    const inside = db.all<ProjectRow>(sql`
      select distinct p.id, p.name, p.address, p.permit_number as permitNumber
      from case_search s join cases c on c.id = s.rowid join projects p on p.id = c.project_id
      where case_search match ${match} and instr(p.name, ${q}) > 0
      order by p.id desc limit ${LIMIT * 2}`);
    for (const r of inside) if (!seen.has(r.id) && rows.length < LIMIT) rows.push(r);
  }
  return withParties(db, rows);
}

const partiesOf = prepared((db) =>
  db
    .select({ organisationId: projectParties.organisationId, name: organisations.name, role: projectParties.role, contractedById: projectParties.contractedById })
    .from(projectParties)
    .innerJoin(organisations, sql`${organisations.id} = ${projectParties.organisationId}`)
    .where(sql`${projectParties.projectId} = ${sql.placeholder('projectId')}`)
    .prepare(),
);

/** One project with its chain (the case page), through a prepared query. */
export function projectWithParties(db: Db, project: { id: number; name: string; address: string | null; permitNumber: string | null }): ProjectView {
  return { ...project, parties: partiesOf(db).all({ projectId: project.id }) };
}

export function withParties(
  db: Executor,
  rows: { id: number; name: string; address: string | null; permitNumber: string | null }[],
): ProjectView[] {
  if (!rows.length) return [];
  const parties = db
    .select({
      projectId: projectParties.projectId,
      organisationId: projectParties.organisationId,
      role: projectParties.role,
      contractedById: projectParties.contractedById,
      name: organisations.name,
    })
    .from(projectParties)
    .innerJoin(organisations, sql`${organisations.id} = ${projectParties.organisationId}`)
    .where(
      inArray(
        projectParties.projectId,
        rows.map((r) => r.id),
      ),
    )
    .all();
  return rows.map((r) => ({
    ...r,
    parties: parties
      .filter((p) => p.projectId === r.id)
      .map(({ organisationId, name, role, contractedById }) => ({ organisationId, name, role, contractedById })),
  }));
}
