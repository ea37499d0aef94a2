import { asc, eq, inArray } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import {
  caseEvents,
  caseRespondents,
  cases,
  claimItems,
  commissions,
  evidenceFiles,
  exhibits,
  inspectionSteps,
  inspectionTracks,
  missingMaterials,
  organisations,
  projectParties,
  projects,
  workers,
} from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { currentCaller } from '../caller';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type BundleManifest } from './manifest';

/** Reads everything the bundle carries about one case into the manifest shape (no local row ids). */
export function collectManifest(db: Executor, caseId: number, exportedAt: Date): BundleManifest {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  if (!row.uid) throw new AppFailure('conflict', '该案件缺少跨机器标识（uid），无法导出案卷包');
  const commission = db.select({ name: commissions.name }).from(commissions).limit(1).get();

  const respondentRows = db.select().from(caseRespondents).where(eq(caseRespondents.caseId, caseId)).orderBy(asc(caseRespondents.sortOrder)).all();
  const chainRows = row.projectId ? db.select().from(projectParties).where(eq(projectParties.projectId, row.projectId)).orderBy(asc(projectParties.id)).all() : [];
  const orgIds = [
    ...new Set([
      ...respondentRows.map((r) => r.organisationId),
      ...chainRows.flatMap((p) => (p.contractedById ? [p.organisationId, p.contractedById] : [p.organisationId])),
    ]),
  ];
  const orgRows = orgIds.length ? db.select().from(organisations).where(inArray(organisations.id, orgIds)).orderBy(asc(organisations.id)).all() : [];
  const keyOf = new Map(orgRows.map((o, i) => [o.id, `o${i + 1}`]));
  const orgKey = (id: number) => keyOf.get(id) as string;

  const project = row.projectId ? db.select().from(projects).where(eq(projects.id, row.projectId)).get() : undefined;
  const workerRows = db.select().from(workers).where(eq(workers.caseId, caseId)).orderBy(asc(workers.sortOrder), asc(workers.id)).all();
  const idNumberOf = new Map(workerRows.map((w) => [w.id, w.idNumber]));
  const claimRows = db.select().from(claimItems).where(eq(claimItems.caseId, caseId)).orderBy(asc(claimItems.id)).all();
  const exhibitRows = db
    .select({ exhibit: exhibits, file: evidenceFiles })
    .from(exhibits)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, exhibits.fileSha256))
    .where(eq(exhibits.caseId, caseId))
    .orderBy(asc(exhibits.seq), asc(exhibits.id))
    .all();
  const exhibitUidOf = new Map(exhibitRows.map((e) => [e.exhibit.id, e.exhibit.uid]));
  const track = db.select().from(inspectionTracks).where(eq(inspectionTracks.caseId, caseId)).get();
  const steps = track ? db.select().from(inspectionSteps).where(eq(inspectionSteps.caseId, caseId)).orderBy(asc(inspectionSteps.date), asc(inspectionSteps.id)).all() : [];

  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: exportedAt.toISOString(),
    exportedBy: { commission: commission?.name ?? '', operator: currentCaller()?.account?.name ?? '' },
    case: {
      uid: row.uid,
      caseNumber: row.caseNumber,
      caseYear: row.caseYear,
      caseSeq: row.caseSeq,
      channel: row.channel,
      stage: row.stage,
      status: row.status,
      procedure: row.procedure,
      isCollective: row.isCollective,
      cause: row.cause,
      hasArbitration: row.hasArbitration,
      receivedOn: row.receivedOn,
      acceptedOn: row.acceptedOn,
      acceptedWithGaps: row.acceptedWithGaps,
      materialsPromise: row.materialsPromise,
      materialsCompletedOn: row.materialsCompletedOn,
      rejectedOn: row.rejectedOn,
      rejectionReason: row.rejectionReason,
      respondentServedOn: row.respondentServedOn,
      awardExtensionDays: row.awardExtensionDays,
      closedOn: row.closedOn,
      workerCount: row.workerCount,
      claimedTotalFen: row.claimedTotalFen,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    },
    organisations: orgRows.map((o) => ({
      key: orgKey(o.id),
      kind: o.kind,
      name: o.name,
      creditCode: o.creditCode,
      idNumber: o.idNumber,
      legalRepresentative: o.legalRepresentative,
      address: o.address,
      phone: o.phone,
    })),
    project: project
      ? {
          name: project.name,
          address: project.address,
          permitNumber: project.permitNumber,
          contractPriceFen: project.contractPriceFen,
          chain: chainRows.map((p) => ({
            organisationKey: orgKey(p.organisationId),
            role: p.role,
            contractedByKey: p.contractedById ? orgKey(p.contractedById) : null,
          })),
        }
      : null,
    respondents: respondentRows.map((r) => ({ organisationKey: orgKey(r.organisationId), role: r.role, sortOrder: r.sortOrder })),
    workers: workerRows.map(({ id: _id, caseId: _caseId, ...w }) => w),
    claimItems: claimRows.map((c) => ({ workerIdNumber: idNumberOf.get(c.workerId) as string, type: c.type, amountFen: c.amountFen, note: c.note })),
    missingMaterials: db
      .select({ name: missingMaterials.name, completedOn: missingMaterials.completedOn })
      .from(missingMaterials)
      .where(eq(missingMaterials.caseId, caseId))
      .orderBy(asc(missingMaterials.id))
      .all(),
    inspection: track
      ? {
          complaintNumber: track.complaintNumber,
          complaintReceivedOn: track.complaintReceivedOn,
          filedOn: track.filedOn,
          inspectors: track.inspectors,
          investigationExtended: track.investigationExtended,
          closedOn: track.closedOn,
          steps: steps.map((s) => ({
            kind: s.kind,
            date: s.date,
            title: s.title,
            payBy: s.payBy,
            note: s.note,
            exhibitUid: s.exhibitId ? exhibitUidOf.get(s.exhibitId) ?? null : null,
          })),
        }
      : null,
    exhibits: exhibitRows.map(({ exhibit: e, file: f }) => ({
      uid: e.uid,
      seq: e.seq,
      title: e.title,
      fileName: e.fileName,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      extension: f.extension,
      pageCount: f.pageCount,
      submittedBy: e.submittedBy,
      collectedBy: e.collectedBy,
      receivedOn: e.receivedOn,
      purposeOfProof: e.purposeOfProof,
      originalSeen: e.originalSeen,
      track: e.track,
      recognisedBy: e.recognisedBy,
      recognisedAt: e.recognisedAt,
      crossExaminedOn: e.crossExaminedOn,
      createdAt: e.createdAt,
    })),
    // In chain order, each with its hash and what the hash covers, so the receiver can verify them.
    events: db
      .select({
        at: caseEvents.at,
        actor: caseEvents.actor,
        action: caseEvents.action,
        summary: caseEvents.summary,
        before: caseEvents.before,
        after: caseEvents.after,
        seq: caseEvents.seq,
        prevHash: caseEvents.prevHash,
        casePrevHash: caseEvents.casePrevHash,
        actorId: caseEvents.actorId,
        rowsDigest: caseEvents.rowsDigest,
        sourceHash: caseEvents.sourceHash,
        hash: caseEvents.hash,
      })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, caseId))
      .orderBy(asc(caseEvents.seq))
      .all()
      .map(({ seq, prevHash, hash, ...e }) => ({ ...e, seq: seq ?? undefined, prevHash: prevHash ?? undefined, hash: hash ?? undefined })),
  };
}
