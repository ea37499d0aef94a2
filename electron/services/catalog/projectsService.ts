import { inArray, sql } from 'drizzle-orm';
import type { ProjectView } from '../../core/contract';
import { organisations, projectParties, projects } from '../../../db/schema';
import type { Db, Executor } from '../../../db/open';
import { prepared } from '../../../db/prepared';

/** Projects whose name starts with the query, through the name index (a range scan, not LIKE). */
export function searchProjects(db: Executor, query: string): ProjectView[] {
  const q = query.trim();
  const rows = db
    .select({ id: projects.id, name: projects.name, address: projects.address, permitNumber: projects.permitNumber })
    .from(projects)
    .where(q ? sql`${projects.name} >= ${q} and ${projects.name} < ${q + '\uffff'}` : undefined)
    .orderBy(sql`${projects.id} desc`)
    .limit(20)
    .all();
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
