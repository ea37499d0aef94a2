import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail } from '../../core/contract';
import { caseEvents, caseRespondents, claimItems, missingMaterials, organisations, projectParties, projects, respondentServices, suspensions, claimWithdrawals, withdrawalApplications, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import type { ServiceContext } from '../context';
import { projectWithParties } from '../catalog/projectsService';
import { organisationColumns } from '../catalog/organisationsService';
import { caseDeadlines } from './caseClock';
import { documentNumber } from '../numbering/documentNumbers';
import { readCaseRow } from './caseRow';
import { readInspection } from '../inspection/inspectionView';
import { readTribunal } from '../hearings/tribunal';
import type { Deadline } from '../../core/clock/deadlines';
import { RECORD_SAVED_ACTION } from '../timeline';

function calendarNotice(ctx: ServiceContext, deadlines: Deadline[]): string | null {
  const years = [...new Set(deadlines.flatMap((d) => (d.dueOn ? [Number(d.dueOn.slice(0, 4))] : [])))].sort();
  const missing = years.filter((y) => !ctx.calendar.covers(y));
  if (!missing.length) return null;
  return `尚未载入${missing.join('、')}年国务院节假日安排：该年度的期限暂只按周末计算。请在“设置 → 节假日安排”中录入该年度的国务院通知（放假日期与调休上班日），期限将自动重算。`;
}

const queries = prepared((db) => {
  const id = sql.placeholder('id');
  return {
    project: db
      .select({ id: projects.id, name: projects.name, address: projects.address, permitNumber: projects.permitNumber })
      .from(projects)
      .where(eq(projects.id, id))
      .prepare(),
    respondents: db
      .select({
        ...organisationColumns,
        role: caseRespondents.role,
        contractedById: projectParties.contractedById,
        servedOn: respondentServices.servedOn,
        serviceMethod: respondentServices.method,
        defenceWaiver: respondentServices.defenceWaiver,
      })
      .from(caseRespondents)
      .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
      .leftJoin(respondentServices, and(eq(respondentServices.caseId, caseRespondents.caseId), eq(respondentServices.organisationId, caseRespondents.organisationId)))
      .leftJoin(
        projectParties,
        sql`${projectParties.projectId} = ${sql.placeholder('projectId')} and ${projectParties.organisationId} = ${caseRespondents.organisationId} and ${projectParties.role} = ${caseRespondents.role}`,
      )
      .where(eq(caseRespondents.caseId, id))
      .orderBy(asc(caseRespondents.sortOrder))
      .prepare(),
    workers: db.select().from(workers).where(eq(workers.caseId, id)).orderBy(asc(workers.sortOrder)).prepare(),
    claims: db.select().from(claimItems).where(eq(claimItems.caseId, id)).orderBy(asc(claimItems.id)).prepare(),
    withdrawn: db
      .select({ fen: sql<number>`coalesce(sum(${claimItems.amountFen}), 0)` })
      .from(claimWithdrawals)
      .innerJoin(claimItems, eq(claimItems.id, claimWithdrawals.claimItemId))
      .where(eq(claimWithdrawals.caseId, id))
      .prepare(),
    events: db
      .select({ id: caseEvents.id, at: caseEvents.at, actor: caseEvents.actor, action: caseEvents.action, summary: caseEvents.summary })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), ne(caseEvents.action, RECORD_SAVED_ACTION)))
      .orderBy(desc(caseEvents.at), desc(caseEvents.id))
      .prepare(),
    suspensions: db
      .select({ id: suspensions.id, fromOn: suspensions.fromOn, toOn: suspensions.toOn, reason: suspensions.reason, approvedBy: suspensions.approvedBy })
      .from(suspensions)
      .where(eq(suspensions.caseId, id))
      .orderBy(asc(suspensions.fromOn))
      .prepare(),
    missingMaterials: db
      .select({ id: missingMaterials.id, name: missingMaterials.name, completedOn: missingMaterials.completedOn })
      .from(missingMaterials)
      .where(eq(missingMaterials.caseId, id))
      .orderBy(asc(missingMaterials.id))
      .prepare(),
  };
});

/**
 * The whole case file for the case page: a fixed number of prepared queries whatever the worker
 * count. They run on ctx.db's connection, so inside an open transaction they see its writes.
 */
export function getCase(ctx: ServiceContext, id: number, _db?: Executor): CaseDetail {
  const q = queries(ctx.db);
  const db = ctx.db;
  const row = readCaseRow(ctx, id);
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${id}）`);

  const projectRow = row.projectId ? q.project.get({ id: row.projectId }) : undefined;
  const project = projectRow ? projectWithParties(db, projectRow) : null;
  const respondents = q.respondents.all({ id, projectId: row.projectId ?? -1 });
  const workerRows = q.workers.all({ id });
  const claims = q.claims.all({ id });
  const claimsByWorker = new Map<number, typeof claims>();
  for (const c of claims) {
    const list = claimsByWorker.get(c.workerId);
    if (list) list.push(c);
    else claimsByWorker.set(c.workerId, [c]);
  }
  const events = q.events.all({ id });

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
    withdrawnFen: q.withdrawn.get({ id })?.fen ?? 0,
    nextDueOn: row.nextDueOn,
    hasArbitration: row.hasArbitration,
    procedure: row.procedure,
    cause: row.cause,
    acceptedWithGaps: row.acceptedWithGaps,
    materialsPromise: row.materialsPromise,
    materialsCompletedOn: row.materialsCompletedOn,
    rejectedOn: row.rejectedOn,
    rejectionReason: row.rejectionReason,
    rejectionNumber: row.rejectedOn ? documentNumber(db, id, 'rejection', '') : null,
    respondentServedOn: row.respondentServedOn,
    awardExtensionDays: row.awardExtensionDays,
    closedOn: row.closedOn,
    closingMethod: row.closingMethod,
    awardFinality: row.awardFinality,
    closedOnTime: row.closedOnTime,
    closedWithinFastTrack: row.closedWithinFastTrack,
    daysToClose: row.daysToClose,
    extensionApprovedBy: row.extensionApprovedBy,
    extensionReason: row.extensionReason,
    suspensions: q.suspensions.all({ id }),
    withdrawalApplication:
      db
        .select({ appliedOn: withdrawalApplications.appliedOn, appliedBy: withdrawalApplications.appliedBy, reason: withdrawalApplications.reason, consentOn: withdrawalApplications.consentOn, consentNote: withdrawalApplications.consentNote })
        .from(withdrawalApplications)
        .where(eq(withdrawalApplications.caseId, id))
        .get() ?? null,
    project,
    respondents,
    workers: workerRows.map(({ caseId: _caseId, sortOrder: _sortOrder, nameInitials: _initials, note: _note, ...w }) => ({
      ...w,
      claims: (claimsByWorker.get(w.id) ?? []).map((c) => ({ id: c.id, type: c.type, amountFen: c.amountFen, note: c.note })),
    })),
    missingMaterials: q.missingMaterials.all({ id }),
    deadlines,
    calendarNotice: calendarNotice(ctx, [...deadlines, ...(inspection?.deadlines ?? [])]),
    inspection,
    tribunal: readTribunal(db, id),
    events,
  };
}
