import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { caseEvents, caseRespondents, cases, claimItems, missingMaterials, organisations, projectParties, projects, suspensions, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { withParties } from '../catalog/projectsService';
import { organisationColumns } from '../catalog/organisationsService';
import { caseDeadlines } from './caseClock';
import { readInspection } from '../inspection/inspectionView';
import { readTribunal } from '../hearings/tribunal';
import type { Deadline } from '../../core/clock/deadlines';
import { RECORD_SAVED_ACTION } from '../timeline';

function calendarNotice(ctx: ServiceContext, deadlines: Deadline[]): string | null {
  const years = [...new Set(deadlines.flatMap((d) => (d.dueOn ? [Number(d.dueOn.slice(0, 4))] : [])))].sort();
  const missing = years.filter((y) => !ctx.calendar.covers(y));
  if (!missing.length) return null;
  return `尚未载入${missing.join('、')}年国务院节假日安排：该年度的期限暂只按周末计算。请在数据目录的 holidays.json 中补录通知（格式见 resources/holidays/README.md），期限将自动重算。`;
}

/** The whole case file for the case page: a fixed number of queries whatever the worker count. */
export function getCase(ctx: ServiceContext, id: number, db: Executor = ctx.db): CaseDetail {
  const row = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${id}）`);

  const project = row.projectId
    ? withParties(
        db,
        db.select({ id: projects.id, name: projects.name, address: projects.address, permitNumber: projects.permitNumber })
          .from(projects)
          .where(eq(projects.id, row.projectId))
          .all(),
      )[0] ?? null
    : null;

  const respondents = db
    .select({
      ...organisationColumns,
      role: caseRespondents.role,
      contractedById: projectParties.contractedById,
    })
    .from(caseRespondents)
    .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
    .leftJoin(
      projectParties,
      sql`${projectParties.projectId} = ${row.projectId ?? -1} and ${projectParties.organisationId} = ${caseRespondents.organisationId} and ${projectParties.role} = ${caseRespondents.role}`,
    )
    .where(eq(caseRespondents.caseId, id))
    .orderBy(asc(caseRespondents.sortOrder))
    .all();

  const workerRows = db.select().from(workers).where(eq(workers.caseId, id)).orderBy(asc(workers.sortOrder)).all();
  const claims = db.select().from(claimItems).where(eq(claimItems.caseId, id)).orderBy(asc(claimItems.id)).all();
  const claimsByWorker = new Map<number, typeof claims>();
  for (const c of claims) claimsByWorker.set(c.workerId, [...(claimsByWorker.get(c.workerId) ?? []), c]);

  const events = db
    .select({ id: caseEvents.id, at: caseEvents.at, actor: caseEvents.actor, action: caseEvents.action, summary: caseEvents.summary })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, id), ne(caseEvents.action, RECORD_SAVED_ACTION)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .all();

  const deadlines = caseDeadlines(ctx, db, row);
  const inspection = readInspection(ctx, db, id);
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    channel: row.channel,
    stage: row.stage,
    status: row.status,
    isCollective: row.isCollective,
    receivedOn: row.receivedOn,
    acceptedOn: row.acceptedOn,
    projectName: project?.name ?? null,
    respondentNames: respondents.map((r) => r.name).join('、'),
    firstWorkerName: workerRows[0]?.name ?? null,
    workerCount: row.workerCount,
    claimedTotalFen: row.claimedTotalFen,
    nextDueOn: row.nextDueOn,
    hasArbitration: row.hasArbitration,
    procedure: row.procedure,
    cause: row.cause,
    acceptedWithGaps: row.acceptedWithGaps,
    materialsPromise: row.materialsPromise,
    materialsCompletedOn: row.materialsCompletedOn,
    rejectedOn: row.rejectedOn,
    rejectionReason: row.rejectionReason,
    respondentServedOn: row.respondentServedOn,
    awardExtensionDays: row.awardExtensionDays,
    closedOn: row.closedOn,
    closingMethod: row.closingMethod,
    closedOnTime: row.closedOnTime,
    closedWithinFastTrack: row.closedWithinFastTrack,
    daysToClose: row.daysToClose,
    extensionApprovedBy: row.extensionApprovedBy,
    extensionReason: row.extensionReason,
    suspensions: db
      .select({ id: suspensions.id, fromOn: suspensions.fromOn, toOn: suspensions.toOn, reason: suspensions.reason, approvedBy: suspensions.approvedBy })
      .from(suspensions)
      .where(eq(suspensions.caseId, id))
      .orderBy(asc(suspensions.fromOn))
      .all(),
    project,
    respondents,
    workers: workerRows.map(({ caseId: _caseId, sortOrder: _sortOrder, nameInitials: _initials, note: _note, ...w }) => ({
      ...w,
      claims: (claimsByWorker.get(w.id) ?? []).map((c) => ({ id: c.id, type: c.type, amountFen: c.amountFen, note: c.note })),
    })),
    missingMaterials: db
      .select({ id: missingMaterials.id, name: missingMaterials.name, completedOn: missingMaterials.completedOn })
      .from(missingMaterials)
      .where(eq(missingMaterials.caseId, id))
      .orderBy(asc(missingMaterials.id))
      .all(),
    deadlines,
    calendarNotice: calendarNotice(ctx, [...deadlines, ...(inspection?.deadlines ?? [])]),
    inspection,
    tribunal: readTribunal(db, id),
    events,
  };
}
