// 送达 of a generated document: who it must reach (by party, never by spelling), the recipients the
// service dialog offers prefilled, and the service records — several recipients in one step, each
// with its own method and date. Serving the 应诉通知书 on a respondent is the service of the
// application copy too: its defence period starts from that date.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { AppFailure, documentKinds, documentServiceNeed, serviceMethodLabels, type DocumentKind, type DocumentView, type PartyRef, type ServiceMethod, type ServiceRecipient } from '../../core/contract';
import { partyRoleLabels } from '../../core/domain';
import { awardItems, caseRespondents, cases, claimItems, documentServices, documents, organisations, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { refreshNextDue } from '../cases/caseClock';
import { storeRespondentServices } from '../cases/respondentService';
import { requireDocument, toViews } from './generate';

/** Documents that go to a party and so need a service record (送达回证) before the file is closed. */
export const servedKinds: ReadonlySet<DocumentKind> = new Set(documentKinds.filter((k) => documentServiceNeed[k] === 'parties'));

export type CaseParties = {
  isCollective: boolean;
  respondents: { id: number; name: string; role: string; address: string | null }[];
  /** With the parts of an issued award that decide on the worker's claims (a split award is two 裁决书). */
  workers: { id: number; name: string; isRepresentative: boolean; awardParts: { final: boolean; nonFinal: boolean } }[];
};

export function readCaseParties(db: Executor, caseId: number): CaseParties {
  const row = db.select({ isCollective: cases.isCollective }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  const respondents = db
    .select({ id: organisations.id, name: organisations.name, role: caseRespondents.role, address: organisations.address })
    .from(caseRespondents)
    .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
    .where(eq(caseRespondents.caseId, caseId))
    .orderBy(asc(caseRespondents.sortOrder))
    .all()
    .map((r) => ({ ...r, role: partyRoleLabels[r.role] }));
  const parts = new Map(
    db
      .select({ workerId: claimItems.workerId, finals: sql<number>`sum(${awardItems.isFinal} = 1)`, nonFinals: sql<number>`sum(${awardItems.isFinal} = 0)` })
      .from(awardItems)
      .innerJoin(claimItems, eq(claimItems.id, awardItems.claimItemId))
      .where(eq(awardItems.caseId, caseId))
      .groupBy(claimItems.workerId)
      .all()
      .map((p) => [p.workerId, { final: p.finals > 0, nonFinal: p.nonFinals > 0 }]),
  );
  const list = db
    .select({ id: workers.id, name: workers.name, isRepresentative: workers.isRepresentative })
    .from(workers)
    .where(eq(workers.caseId, caseId))
    .orderBy(asc(workers.sortOrder))
    .all()
    .map((w) => ({ ...w, awardParts: parts.get(w.id) ?? { final: false, nonFinal: false } }));
  return { isCollective: row.isCollective, respondents, workers: list };
}

const key = (p: PartyRef) => `${p.kind}-${p.id}`;

/**
 * The applicant side of a document for everyone: the elected representatives of a collective case
 * (they act for every worker), else each worker — for one part of a split award (variant 'final' /
 * 'nonFinal'), only the workers that part decides on.
 */
function applicantSide(parties: CaseParties, awardPart?: 'final' | 'nonFinal'): PartyRef[] {
  const reps = parties.workers.filter((w) => w.isRepresentative);
  const list = parties.isCollective && reps.length ? reps : awardPart ? parties.workers.filter((w) => w.awardParts[awardPart]) : parties.workers;
  return list.map((w) => ({ kind: 'worker', id: w.id }));
}

/**
 * The parties a document must reach, from its kind and variant: a copy addressed to one party
 * ('respondent-3', 'worker-12') goes to that party; 'applicants' to the applicant side; a document
 * for everyone (award, mediation document…) to the applicant side and every respondent — one 裁决书 of
 * a split award to the workers whose claims it decides and every respondent. Documents
 * that are not served on the parties (internal forms, letters to other authorities) reach no one.
 */
export function addresseesOf(parties: CaseParties, kind: DocumentKind, variant: string): PartyRef[] {
  if (!servedKinds.has(kind)) return [];
  const m = /^(respondent|worker)-(\d+)$/.exec(variant);
  if (m) return [{ kind: m[1] === 'respondent' ? 'respondent' : 'worker', id: Number(m[2]) }];
  if (variant === 'applicants') return applicantSide(parties);
  const awardPart = kind === 'award' && (variant === 'final' || variant === 'nonFinal') ? variant : undefined;
  return [...applicantSide(parties, awardPart), ...parties.respondents.map((r): PartyRef => ({ kind: 'respondent', id: r.id }))];
}

/** Name of a party as written on a service record. */
export function partyName(parties: CaseParties, p: PartyRef): string | null {
  return (p.kind === 'worker' ? parties.workers.find((w) => w.id === p.id)?.name : parties.respondents.find((r) => r.id === p.id)?.name) ?? null;
}

/** The addressees of a document not yet served (a service with a date), by name. */
export function unservedAddressees(parties: CaseParties, kind: DocumentKind, variant: string, served: (PartyRef | null)[]): string[] {
  const done = new Set(served.flatMap((p) => (p ? [key(p)] : [])));
  return addresseesOf(parties, kind, variant)
    .filter((p) => !done.has(key(p)))
    .map((p) => partyName(parties, p) ?? key(p));
}

type ServiceRow = typeof documentServices.$inferSelect;
export const partyOf = (s: Pick<ServiceRow, 'partyKind' | 'partyId'>): PartyRef | null => (s.partyKind && s.partyId ? { kind: s.partyKind, id: s.partyId } : null);

/** documents.serviceRecipients: every party of the case, the document's addressees first and ticked. */
export function serviceRecipients(ctx: ServiceContext, documentId: number): ServiceRecipient[] {
  const doc = requireDocument(ctx.db, documentId);
  const parties = readCaseParties(ctx.db, doc.caseId);
  const addressees = new Set(addresseesOf(parties, doc.kind as DocumentKind, doc.variant).map(key));
  const recorded = new Map<string, { method: ServiceMethod; servedOn: string | null }>();
  for (const s of ctx.db.select().from(documentServices).where(eq(documentServices.documentId, doc.id)).orderBy(asc(documentServices.id)).all()) {
    const p = partyOf(s);
    if (p) recorded.set(key(p), { method: s.method, servedOn: s.servedOn });
  }
  const reps = parties.workers.filter((w) => w.isRepresentative).length;
  const all: ServiceRecipient[] = [
    ...parties.workers.map((w): ServiceRecipient => ({ party: { kind: 'worker', id: w.id }, name: w.name, role: w.isRepresentative && reps ? '代表人' : '申请人', address: null, addressee: false, served: null })),
    ...parties.respondents.map((r): ServiceRecipient => ({ party: { kind: 'respondent', id: r.id }, name: r.name, role: `被申请人（${r.role}）`, address: r.address, addressee: false, served: null })),
  ].map((r) => ({ ...r, addressee: addressees.has(key(r.party)), served: recorded.get(key(r.party)) ?? null }));
  // addressees first (in the case's order), then the others
  return [...all.filter((r) => r.addressee), ...all.filter((r) => !r.addressee)];
}

export type ServiceEntry = { party: PartyRef | null; recipient: string; method: ServiceMethod; servedOn: string | null; note?: string };

/**
 * The one party of the case whose full name is exactly the recipient written without a party (typed
 * under 其他受送达人, or through documents.recordService): the service is on that party. None when no
 * party or several (two workers of the same name) bear it; a shortened name is not a party.
 */
function partyNamed(parties: CaseParties, recipient: string): PartyRef | null {
  const name = recipient.trim();
  const found: PartyRef[] = [
    ...parties.workers.filter((w) => w.name === name).map((w): PartyRef => ({ kind: 'worker', id: w.id })),
    ...parties.respondents.filter((r) => r.name === name).map((r): PartyRef => ({ kind: 'respondent', id: r.id })),
  ];
  return found.length === 1 ? found[0]! : null;
}

/**
 * documents.recordServices: one record per recipient in one transaction and one timeline event. A
 * party reference must name a party of the document's case. Serving the 应诉通知书 on a respondent
 * also records the service of the application copy (if none was recorded), so its defence period runs.
 */
export function recordServices(ctx: ServiceContext, input: { documentId: number; entries: ServiceEntry[] }): DocumentView {
  const doc = requireDocument(ctx.db, input.documentId);
  const parties = readCaseParties(ctx.db, doc.caseId);
  const entries = input.entries.map((e) => (e.party ? e : { ...e, party: partyNamed(parties, e.recipient) }));
  const row = ctx.db.select({ status: cases.status, receivedOn: cases.receivedOn }).from(cases).where(eq(cases.id, doc.caseId)).get();
  const today = todayInChina(ctx.now());
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.party) {
      const name = partyName(parties, e.party);
      if (!name) throw new AppFailure('invalid_input', `「${e.recipient}」不是本案当事人（${e.party.kind === 'worker' ? '劳动者' : '被申请人'}编号${e.party.id}）`);
      if (seen.has(key(e.party))) throw new AppFailure('invalid_input', `受送达人「${name}」重复`);
      seen.add(key(e.party));
    }
    if (e.servedOn && row && e.servedOn < row.receivedOn) throw new AppFailure('invalid_input', `「${e.recipient}」的送达日期早于收案日期${formatChineseDate(row.receivedOn)}`);
    if (e.servedOn && e.servedOn > today) throw new AppFailure('invalid_input', `「${e.recipient}」的送达日期不能晚于今天`);
  }
  ctx.db.transaction(
    (tx) => {
      for (const e of entries) {
        tx.insert(documentServices)
          .values({ documentId: doc.id, caseId: doc.caseId, recipient: e.recipient, partyKind: e.party?.kind ?? null, partyId: e.party?.id ?? null, method: e.method, servedOn: e.servedOn, note: e.note ?? null })
          .run();
      }
      if (doc.kind === 'responseNotice' && row?.status === 'accepted') {
        const copies = entries.flatMap((e) => (e.party?.kind === 'respondent' && e.servedOn ? [{ organisationId: e.party.id, servedOn: e.servedOn, method: e.method }] : []));
        if (copies.length) {
          storeRespondentServices(tx, ctx, doc.caseId, copies, { keepExisting: true });
        }
      }
      // the defence period runs from the respondents' service; a served 组庭通知书 closes its
      // deadline; a publication (公告送达) moves the award period
      refreshNextDue(ctx, tx, doc.caseId);
      // the event comes last: it takes every row this service wrote into the audit chain
      const lines = entries.map((e) => `${e.recipient}${e.servedOn ? formatChineseDate(e.servedOn) : ''}${serviceMethodLabels[e.method]}${e.servedOn ? '' : '（未签收）'}`);
      appendEvent(tx, ctx.now(), {
        caseId: doc.caseId,
        action: 'documents.recordService',
        summary: `${doc.title}（第${doc.version}版）送达：${lines.join('、')}`,
        after: entries.map((e) => ({ documentId: doc.id, recipient: e.recipient, party: e.party, method: e.method, servedOn: e.servedOn })),
      });
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: doc.caseId });
  return toViews(ctx.db, [requireDocument(ctx.db, doc.id)])[0] as DocumentView;
}

/** Service records of the given documents, by document id. */
export function servicesByDocument(db: Executor, documentIds: number[]): Map<number, ServiceRow[]> {
  const out = new Map<number, ServiceRow[]>();
  if (!documentIds.length) return out;
  const rows = db.select().from(documentServices).where(inArray(documentServices.documentId, documentIds)).orderBy(asc(documentServices.id)).all();
  for (const r of rows) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
  return out;
}
