/**
 * Reads the case facts every decision document prints (electron/documents/award/caseData.ts) in a
 * fixed number of queries whatever the worker count. Plain JSON out (it is hashed for versioning).
 */
import { asc, eq } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import type { CaseDocData } from '../../documents/award/caseData';
import { caseRespondents, cases, commissions, exhibits, organisations, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { hearingsForCase } from '../hearings/hearingViews';
import { readAttendance, toPartyAttendance } from '../hearings/attendance';
import { readTribunal } from '../hearings/tribunal';

export function loadCaseDocData(ctx: ServiceContext, db: Executor, caseId: number): CaseDocData {
  const row = db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  const commission = db.select().from(commissions).where(eq(commissions.id, row.commissionId)).get();
  const workerRows = db
    .select({ id: workers.id, name: workers.name, sex: workers.sex, birthDate: workers.birthDate, idNumber: workers.idNumber, bankCard: workers.bankCard, isRepresentative: workers.isRepresentative })
    .from(workers)
    .where(eq(workers.caseId, caseId))
    .orderBy(asc(workers.sortOrder), asc(workers.id))
    .all();
  const respondentRows = db
    .select({
      id: caseRespondents.id,
      name: organisations.name,
      kind: organisations.kind,
      role: caseRespondents.role,
      creditCode: organisations.creditCode,
      idNumber: organisations.idNumber,
      legalRepresentative: organisations.legalRepresentative,
      address: organisations.address,
    })
    .from(caseRespondents)
    .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
    .where(eq(caseRespondents.caseId, caseId))
    .orderBy(asc(caseRespondents.sortOrder), asc(caseRespondents.id))
    .all();
  const exhibitRows = db.select({ seq: exhibits.seq, title: exhibits.title }).from(exhibits).where(eq(exhibits.caseId, caseId)).orderBy(asc(exhibits.seq)).all();
  const composed = readTribunal(db, caseId);
  const views = hearingsForCase(ctx, caseId).filter((h) => h.status !== 'cancelled');
  const attendance = readAttendance(db, caseId, views.map((h) => h.id));
  const hearings = views.map(({ id, startsAt, endsAt, roomName, procedure, arbitratorNames, clerkName, status, applicantPresent, respondentPresent, outcome }) => {
    const a = attendance.get(id)!;
    return {
      startsAt,
      endsAt,
      roomName,
      procedure,
      arbitratorNames,
      clerkName,
      status,
      applicantPresent,
      respondentPresent,
      outcome,
      attendance: { applicantLabel: a.applicantLabel, applicants: toPartyAttendance(a.applicants), respondents: toPartyAttendance(a.respondents) },
    };
  });
  return {
    caseId,
    commissionName: commission?.name ?? '劳动人事争议仲裁委员会',
    commissionAddress: commission?.address ?? null,
    caseNumber: row.caseNumber,
    caseLabel: row.caseNumber ?? `${formatChineseDate(row.receivedOn)}收案（登记第${caseId}号）`,
    cause: row.cause,
    receivedOn: row.receivedOn,
    acceptedOn: row.acceptedOn,
    procedure: row.procedure,
    isCollective: row.isCollective,
    workers: workerRows.map((w, i) => ({ ...w, seq: i + 1 })),
    respondents: respondentRows,
    hearings,
    tribunal: composed ? { procedure: composed.procedure, arbitrators: composed.arbitratorNames, clerk: composed.clerkName } : null,
    exhibits: exhibitRows,
  };
}
