// Reading the case data the notices show. Everything returned is plain JSON (it is hashed).
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { partyRoleLabels } from '../../core/domain';
import type { DocumentRecipient } from '../../documents';
import type { CaseHeader, PartyData, WorkerRow } from '../../documents/notices/common';
import { applicantsName } from '../../documents/notices/common';
import type { HearingSitting } from '../../documents/notices/hearingNotice';
import { accounts, commissions, hearings, payments, rooms } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { getCase } from '../cases/getCase';

/** Evidence period (举证期限) written on the notices, in days from the day after receipt. */
export const EVIDENCE_PERIOD_DAYS = 10;
/** Up to this many workers, hearing notices go to every worker as well as to the representatives. */
export const PER_WORKER_NOTICE_LIMIT = 30;

export type CommissionInfo = {
  name: string;
  address: string | null;
  phone: string | null;
  fastTrackTargetDays: number;
  policeThresholdOneWorkerFen: number;
  policeThresholdTenWorkersFen: number;
  maskWorkerIds: boolean;
};

export function readCommission(db: Executor): CommissionInfo {
  const row = db.select().from(commissions).limit(1).get();
  if (!row) throw new AppFailure('internal', '尚未设置仲裁委员会信息');
  return {
    name: row.name,
    address: row.address,
    phone: row.phone,
    fastTrackTargetDays: row.fastTrackTargetDays,
    policeThresholdOneWorkerFen: row.policeThresholdOneWorkerFen,
    policeThresholdTenWorkersFen: row.policeThresholdTenWorkersFen,
    maskWorkerIds: row.maskWorkerIds,
  };
}

/** "赣州市劳动人事争议仲裁委员会" → "赣州市" (the place the commission serves), or ''. */
export function placeOf(commissionName: string): string {
  const prefix = commissionName.replace(/劳动人事争议仲裁委员会.*$/, '').trim();
  return /(?:市|州|盟|县|区|旗)$/.test(prefix) ? prefix : '';
}

/** The inspection organ: the 人力资源和社会保障局 of the commission's place. */
export function inspectionOrganOf(commissionName: string): string {
  const place = placeOf(commissionName);
  return place ? `${place}人力资源和社会保障局` : '劳动保障监察机构';
}

export type CaseFacts = {
  header: CaseHeader;
  detail: ReturnType<typeof getCase>;
  commission: CommissionInfo;
  /** Per worker id: money that reached the worker. */
  paidByWorker: Map<number, number>;
};

/** The case as the notices see it: commission, parties, workers with their claimed totals. */
export function readCase(ctx: ServiceContext, db: Executor, caseId: number): CaseFacts {
  const detail = getCase(ctx, caseId, db);
  const commission = readCommission(db);
  const respondents: PartyData[] = detail.respondents.map((r) => ({
    kind: r.kind,
    name: r.name,
    roleLabel: partyRoleLabels[r.role],
    creditCode: r.creditCode,
    idNumber: r.idNumber,
    legalRepresentative: r.legalRepresentative,
    address: r.address,
    phone: r.phone,
  }));
  const workers: WorkerRow[] = detail.workers.map((w, i) => ({
    seq: i + 1,
    name: w.name,
    idNumber: w.idNumber,
    claimedFen: w.claims.reduce((a, c) => a + c.amountFen, 0),
    owedFen: w.owedFen,
    isRepresentative: w.isRepresentative,
  }));
  const paid = db
    .select({ workerId: payments.workerId, total: sql<number>`sum(${payments.amountFen})` })
    .from(payments)
    .where(eq(payments.caseId, caseId))
    .groupBy(payments.workerId)
    .all();
  return {
    detail,
    commission,
    paidByWorker: new Map(paid.map((p) => [p.workerId, Number(p.total)])),
    header: {
      commissionName: commission.name,
      commissionAddress: commission.address,
      commissionPhone: commission.phone,
      caseNumber: detail.caseNumber,
      cause: detail.cause,
      receivedOn: detail.receivedOn,
      acceptedOn: detail.acceptedOn,
      procedure: detail.procedure,
      isCollective: detail.isCollective,
      projectName: detail.project?.name ?? null,
      workers,
      respondents,
      servedIds: commission.maskWorkerIds ? 'masked' : 'full',
    },
  };
}

// ── recipients ────────────────────────────────────────────────────────────────────────────────

/** The applicant side: the representatives for a collective case (or one worker), else each worker. */
export function applicantRecipients(facts: CaseFacts, perWorker: 'never' | 'always' | 'collectiveUpToLimit'): DocumentRecipient[] {
  const { detail } = facts;
  const reps = detail.workers.filter((w) => w.isRepresentative).map((w) => w.name);
  const all: DocumentRecipient = {
    variant: 'applicants',
    name: `${applicantsName(detail.workers)}${reps.length ? `（代表人：${reps.join('、')}）` : ''}`,
    address: null,
    side: 'applicant',
  };
  const each = detail.workers.map((w): DocumentRecipient => ({ variant: `worker-${w.id}`, name: w.name, address: null, side: 'applicant' }));
  if (detail.workers.length <= 1) return [all];
  if (!detail.isCollective) return perWorker === 'never' ? [all] : each;
  if (perWorker === 'always' || (perWorker === 'collectiveUpToLimit' && detail.workers.length <= PER_WORKER_NOTICE_LIMIT)) return [all, ...each];
  return [all];
}

/** Every valid applicant-side addressee: the applicants together, and each worker. */
export function allApplicantRecipients(facts: CaseFacts): DocumentRecipient[] {
  const [all, ...rest] = applicantRecipients(facts, 'always');
  if (!all) return [];
  return all.variant === 'applicants' ? [all, ...rest] : [applicantRecipients(facts, 'never')[0] as DocumentRecipient, all, ...rest];
}

export function respondentRecipients(facts: CaseFacts): DocumentRecipient[] {
  return facts.detail.respondents.map((r) => ({ variant: `respondent-${r.id}`, name: r.name, address: r.address, side: 'respondent' }));
}

/** Resolves a variant against a recipient list ('' → the first); unknown variants are refused. */
export function pickRecipient(list: DocumentRecipient[], variant: string, what: string): DocumentRecipient {
  if (!list.length) throw new AppFailure('conflict', `${what}没有受送达人`);
  if (!variant) return list[0] as DocumentRecipient;
  const found = list.find((r) => r.variant === variant);
  if (found) return found;
  // a worker of a collective case is a valid addressee even when the batch goes to the representatives
  throw new AppFailure('invalid_input', `${what}没有这个受送达人：${variant}`);
}

export function respondentByVariant(facts: CaseFacts, variant: string): PartyData {
  const list = facts.detail.respondents;
  const index = variant ? list.findIndex((r) => `respondent-${r.id}` === variant) : 0;
  const p = facts.header.respondents[index];
  if (index < 0 || !p) throw new AppFailure('invalid_input', `没有这个被申请人：${variant}`);
  return p;
}

// ── hearings and staff ───────────────────────────────────────────────────────────────────────

export type HearingFacts = HearingSitting & {
  createdOn: string;
  status: 'scheduled' | 'held' | 'cancelled';
};

/** The case's hearings, latest first, cancelled ones left out. */
export function readHearings(db: Executor, caseId: number): HearingFacts[] {
  const rows = db
    .select({ h: hearings, roomName: rooms.name, roomLocation: rooms.location })
    .from(hearings)
    .innerJoin(rooms, eq(rooms.id, hearings.roomId))
    .where(and(eq(hearings.caseId, caseId), ne(hearings.status, 'cancelled')))
    .orderBy(desc(hearings.startsAt), desc(hearings.id))
    .all();
  const ids = new Set<number>();
  for (const r of rows) {
    ids.add(r.h.presidingId);
    ids.add(r.h.clerkId);
    for (const w of JSON.parse(r.h.wingIds) as number[]) ids.add(w);
  }
  const names = new Map(
    ids.size ? db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, [...ids])).all().map((s) => [s.id, s.name]) : [],
  );
  const name = (id: number) => names.get(id) ?? `人员${id}`;
  return rows.map(({ h, roomName, roomLocation }) => ({
    startsAt: h.startsAt,
    endsAt: h.endsAt,
    roomName,
    roomLocation,
    procedure: h.procedure,
    presiding: name(h.presidingId),
    wings: (JSON.parse(h.wingIds) as number[]).map(name),
    clerk: name(h.clerkId),
    createdOn: todayInChina(new Date(h.createdAt)),
    status: h.status,
  }));
}

/** The next scheduled hearing (the earliest still scheduled), or null. */
export function nextHearing(db: Executor, caseId: number): HearingFacts | null {
  const scheduled = readHearings(db, caseId).filter((h) => h.status === 'scheduled');
  return scheduled.at(-1) ?? null;
}

/** The hearing a 开庭通知书 is about: the next scheduled one, else the latest held (a notice reissued after the hearing). */
export function noticeHearing(db: Executor, caseId: number): HearingFacts | null {
  return nextHearing(db, caseId) ?? readHearings(db, caseId).find((h) => h.status === 'held') ?? null;
}

