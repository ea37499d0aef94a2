import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { BundleImportReport } from '../../core/contract';
import { formatYuan } from '../../core/money';
import { COLLECTIVE_MIN_WORKERS, caseStatusLabels, claimTypeLabels, stageLabels, type ClaimType } from '../../core/domain';
import {
  caseEvents,
  caseNumberSequences,
  caseRespondents,
  cases,
  claimItems,
  commissions,
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
import type { ServiceContext } from '../context';
import { refreshNextDue } from '../cases/caseClock';
import { indexCase } from '../search/indexCase';
import { COMMISSION_ID } from '../settings/settingsService';
import { appendEvent, appendImportedEvent, type ImportedEvent } from '../timeline';
import type { BundleManifest, ManifestExhibit, ManifestOrganisation, ManifestWorker } from './manifest';

type Added = BundleImportReport['added'];
type Source = { label: string; fileName: string; newFiles: number };

const none = (v: string | null | undefined) => v ?? '（无）';

function exhibitLabel(seq: number, title: string): string {
  return `第${seq}号证据《${title}》`;
}

/** Finds the local organisation for a manifest one: credit code, then ID number, then same kind and name without codes. */
function findOrganisation(db: Executor, o: ManifestOrganisation): number | undefined {
  if (o.creditCode) return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.creditCode, o.creditCode)).get()?.id;
  if (o.idNumber) return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.idNumber, o.idNumber)).get()?.id;
  return db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.kind, o.kind), eq(organisations.name, o.name), isNull(organisations.creditCode), isNull(organisations.idNumber)))
    .get()?.id;
}

function insertWorker(db: Executor, caseId: number, w: ManifestWorker, sortOrder: number): number {
  return db
    .insert(workers)
    .values({ ...w, caseId, sortOrder })
    .returning({ id: workers.id })
    .get().id;
}

function insertExhibit(db: Executor, caseId: number, e: ManifestExhibit, seq: number): number {
  return db
    .insert(exhibits)
    .values({
      uid: e.uid,
      caseId,
      fileSha256: e.sha256,
      seq,
      title: e.title,
      fileName: e.fileName,
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
    })
    .returning({ id: exhibits.id })
    .get().id;
}

function insertStep(db: Executor, caseId: number, s: NonNullable<BundleManifest['inspection']>['steps'][number], exhibitIds: Map<string, number>) {
  db.insert(inspectionSteps)
    .values({ caseId, kind: s.kind, date: s.date, title: s.title, payBy: s.payBy, note: s.note, exhibitId: s.exhibitUid ? exhibitIds.get(s.exhibitUid) ?? null : null })
    .run();
}

const eventKey = (e: { at: string; action: string; summary: string }) => `${e.at}\u0000${e.action}\u0000${e.summary}`;

/** A bundle event as this folder's chain records it: its content and the hash it had at the exporting agency. */
const importedEvent = (caseId: number, e: BundleManifest['events'][number]): ImportedEvent => ({
  caseId,
  at: e.at,
  actor: e.actor,
  action: e.action,
  summary: e.summary,
  before: e.before,
  after: e.after,
  sourceHash: e.hash ?? null,
});

/** Exhibit uids are unique across the installation: one used by another case is reported, not imported. */
function exhibitUidElsewhere(db: Executor, uid: string, caseId: number | null): boolean {
  const row = db.select({ caseId: exhibits.caseId }).from(exhibits).where(eq(exhibits.uid, uid)).get();
  return !!row && row.caseId !== caseId;
}

/** Recomputes the case's derived totals after workers or claim items were added. */
function refreshTotals(db: Executor, caseId: number): void {
  const count = db.get<{ n: number }>(sql`select count(*) as n from workers where case_id = ${caseId}`)?.n ?? 0;
  const total = db.get<{ s: number | null }>(sql`select sum(amount_fen) as s from claim_items where case_id = ${caseId}`)?.s ?? 0;
  db.update(cases).set({ workerCount: count, claimedTotalFen: total, isCollective: count >= COLLECTIVE_MIN_WORKERS }).where(eq(cases.id, caseId)).run();
}

function importEvent(ctx: ServiceContext, db: Executor, caseId: number, m: BundleManifest, source: Source, added: Added, differences: string[]) {
  const from = [m.exportedBy.commission || '未署名的机构', `${m.exportedAt.slice(0, 10)}导出`].join('，');
  const parts = [`证据${added.exhibits}项`, `文件${added.files}个`, `申请人${added.workers}人`, `时间线记录${added.events}条`];
  appendEvent(db, ctx.now(), {
    caseId,
    action: 'bundle.imported',
    summary: `导入案卷包（来自${from}）：${source.fileName}；新增${parts.join('、')}${differences.length ? `；与本机不同${differences.length}处` : ''}`,
    after: { added, differences },
  });
}

/** A case this machine has not seen: created with all its rows. Runs inside the import transaction. */
export function createFromBundle(ctx: ServiceContext, db: Executor, m: BundleManifest, source: Source): Omit<BundleImportReport, 'eventCheck'> {
  const now = ctx.now().toISOString();
  const differences: string[] = [];
  const orgIds = new Map<string, number>();
  for (const o of m.organisations) {
    const found = findOrganisation(db, o);
    if (found) {
      const local = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, found)).get();
      if (local && local.name !== o.name) differences.push(`单位名称不同：本机为${local.name}，案卷包为${o.name}（按证件号码视为同一单位）`);
      orgIds.set(o.key, found);
      continue;
    }
    const { key: _key, ...values } = o;
    orgIds.set(o.key, db.insert(organisations).values({ ...values, createdAt: now }).returning({ id: organisations.id }).get().id);
  }

  let projectId: number | null = null;
  if (m.project) {
    const p = m.project;
    projectId =
      db.select({ id: projects.id }).from(projects).where(eq(projects.name, p.name)).get()?.id ??
      db
        .insert(projects)
        .values({ name: p.name, address: p.address, permitNumber: p.permitNumber, contractPriceFen: p.contractPriceFen, createdAt: now })
        .returning({ id: projects.id })
        .get().id;
    for (const link of p.chain) {
      db.insert(projectParties)
        .values({
          projectId,
          organisationId: orgIds.get(link.organisationKey) as number,
          role: link.role,
          contractedById: link.contractedByKey ? orgIds.get(link.contractedByKey) ?? null : null,
        })
        .onConflictDoUpdate({
          target: [projectParties.projectId, projectParties.organisationId, projectParties.role],
          set: { contractedById: sql`coalesce(${projectParties.contractedById}, excluded.contracted_by_id)` },
        })
        .run();
    }
  }

  const c = m.case;
  let numbering = { caseNumber: c.caseNumber, caseYear: c.caseYear, caseSeq: c.caseSeq };
  if (c.caseNumber && db.select({ id: cases.id }).from(cases).where(eq(cases.caseNumber, c.caseNumber)).get()) {
    differences.push(`案号${c.caseNumber}在本机已由另一案件使用：导入的案件暂不写入案号，请核对`);
    numbering = { caseNumber: null, caseYear: null, caseSeq: null };
  }
  const caseId = db
    .insert(cases)
    .values({
      ...c,
      ...numbering,
      commissionId: COMMISSION_ID,
      projectId,
      nextDueOn: null,
    })
    .returning({ id: cases.id })
    .get().id;

  // A number handed out by this same commission on another machine is never handed out again here.
  const localCommission = db.select({ name: commissions.name }).from(commissions).where(eq(commissions.id, COMMISSION_ID)).get();
  if (numbering.caseYear && numbering.caseSeq && localCommission?.name === m.exportedBy.commission) {
    db.insert(caseNumberSequences)
      .values({ commissionId: COMMISSION_ID, year: numbering.caseYear, lastNumber: numbering.caseSeq })
      .onConflictDoUpdate({
        target: [caseNumberSequences.commissionId, caseNumberSequences.year],
        set: { lastNumber: sql`max(${caseNumberSequences.lastNumber}, excluded.last_number)` },
      })
      .run();
  }

  for (const r of m.respondents) {
    db.insert(caseRespondents).values({ caseId, organisationId: orgIds.get(r.organisationKey) as number, role: r.role, sortOrder: r.sortOrder }).run();
  }
  const workerIds = new Map<string, number>();
  for (const w of m.workers) workerIds.set(w.idNumber, insertWorker(db, caseId, w, w.sortOrder));
  for (const ci of m.claimItems) {
    db.insert(claimItems).values({ caseId, workerId: workerIds.get(ci.workerIdNumber) as number, type: ci.type, amountFen: ci.amountFen, note: ci.note }).run();
  }
  for (const mm of m.missingMaterials) db.insert(missingMaterials).values({ caseId, name: mm.name, completedOn: mm.completedOn }).run();

  const exhibitIds = new Map<string, number>();
  for (const e of m.exhibits) {
    if (exhibitUidElsewhere(db, e.uid, null)) {
      differences.push(`${exhibitLabel(e.seq, e.title)}在本机已属于另一案件，未导入`);
      continue;
    }
    exhibitIds.set(e.uid, insertExhibit(db, caseId, e, e.seq));
  }
  if (m.inspection) {
    const { steps, ...track } = m.inspection;
    db.insert(inspectionTracks).values({ caseId, ...track }).run();
    for (const s of steps) insertStep(db, caseId, s, exhibitIds);
  }
  for (const ev of m.events) appendImportedEvent(db, importedEvent(caseId, ev));

  const added: Added = { exhibits: exhibitIds.size, files: source.newFiles, events: m.events.length, workers: m.workers.length };
  refreshNextDue(ctx, db, caseId);
  indexCase(db, caseId);
  importEvent(ctx, db, caseId, m, source, added, differences);
  return { caseId, caseNumber: numbering.caseNumber, createdCase: true, added, differences };
}

/**
 * A case this machine already has (same uid): adds what is new — exhibits by uid, events by
 * (at, action, summary), workers by ID number, claim items by type, missing materials by name,
 * inspection steps — and reports what differs without overwriting local data.
 */
export function mergeIntoCase(ctx: ServiceContext, db: Executor, local: typeof cases.$inferSelect, m: BundleManifest, source: Source): Omit<BundleImportReport, 'eventCheck'> {
  const caseId = local.id;
  const differences: string[] = [];
  const c = m.case;

  if (local.caseNumber !== c.caseNumber) differences.push(`案号不同：本机为${none(local.caseNumber)}，案卷包为${none(c.caseNumber)}`);
  if (local.status !== c.status) differences.push(`案件状态不同：本机为${caseStatusLabels[local.status]}，案卷包为${caseStatusLabels[c.status]}`);
  if (local.stage !== c.stage) differences.push(`办案阶段不同：本机为${stageLabels[local.stage]}，案卷包为${stageLabels[c.stage]}`);
  const dateFields = [
    ['receivedOn', '收案日期'],
    ['acceptedOn', '受理日期'],
    ['materialsCompletedOn', '补正日期'],
    ['rejectedOn', '不予受理日期'],
    ['respondentServedOn', '送达被申请人日期'],
    ['closedOn', '结案日期'],
  ] as const;
  for (const [field, label] of dateFields) {
    if (local[field] !== c[field]) differences.push(`${label}不同：本机为${none(local[field])}，案卷包为${none(c[field])}`);
  }

  // Workers by ID number, claim items by type.
  const localWorkers = db.select().from(workers).where(eq(workers.caseId, caseId)).orderBy(asc(workers.sortOrder)).all();
  const byId = new Map(localWorkers.map((w) => [w.idNumber, w]));
  const localClaims = db.select().from(claimItems).where(eq(claimItems.caseId, caseId)).all();
  let nextOrder = Math.max(-1, ...localWorkers.map((w) => w.sortOrder)) + 1;
  let addedWorkers = 0;
  let addedClaims = 0;
  for (const w of m.workers) {
    const mine = byId.get(w.idNumber);
    const theirClaims = m.claimItems.filter((ci) => ci.workerIdNumber === w.idNumber);
    if (!mine) {
      const workerId = insertWorker(db, caseId, w, nextOrder++);
      for (const ci of theirClaims) db.insert(claimItems).values({ caseId, workerId, type: ci.type, amountFen: ci.amountFen, note: ci.note }).run();
      addedWorkers++;
      continue;
    }
    if (mine.name !== w.name) differences.push(`申请人姓名不同：本机为${mine.name}，案卷包为${w.name}（身份证号码相同）`);
    const owedDiffers = mine.owedFen !== w.owedFen;
    if (owedDiffers) differences.push(`申请人${mine.name}的欠发金额不同：本机为${formatYuan(mine.owedFen)}，案卷包为${formatYuan(w.owedFen)}`);
    const mineByType = new Map<ClaimType, number>();
    for (const ci of localClaims.filter((x) => x.workerId === mine.id)) mineByType.set(ci.type, (mineByType.get(ci.type) ?? 0) + ci.amountFen);
    const theirsByType = new Map<ClaimType, number>();
    for (const ci of theirClaims) theirsByType.set(ci.type, (theirsByType.get(ci.type) ?? 0) + ci.amountFen);
    for (const [type, amount] of theirsByType) {
      const localAmount = mineByType.get(type);
      if (localAmount === undefined) {
        for (const ci of theirClaims.filter((x) => x.type === type)) {
          db.insert(claimItems).values({ caseId, workerId: mine.id, type, amountFen: ci.amountFen, note: ci.note }).run();
          addedClaims++;
        }
      } else if (localAmount !== amount && !(type === 'unpaidWages' && owedDiffers)) {
        differences.push(`申请人${mine.name}的${claimTypeLabels[type]}请求金额不同：本机为${formatYuan(localAmount)}，案卷包为${formatYuan(amount)}`);
      }
    }
  }
  const theirIds = new Set(m.workers.map((w) => w.idNumber));
  const onlyMine = localWorkers.filter((w) => !theirIds.has(w.idNumber)).map((w) => w.name);
  if (onlyMine.length) differences.push(`本机有而案卷包中没有的申请人：${onlyMine.join('、')}`);
  if (addedWorkers || addedClaims) refreshTotals(db, caseId);

  // Exhibits by uid.
  const localExhibits = db.select().from(exhibits).where(eq(exhibits.caseId, caseId)).orderBy(asc(exhibits.seq)).all();
  const exhibitIds = new Map(localExhibits.map((e) => [e.uid, e.id]));
  const localByUid = new Map(localExhibits.map((e) => [e.uid, e]));
  let nextSeq = Math.max(0, ...localExhibits.map((e) => e.seq)) + 1;
  let addedExhibits = 0;
  for (const e of m.exhibits) {
    const mine = localByUid.get(e.uid);
    if (!mine) {
      if (exhibitUidElsewhere(db, e.uid, caseId)) {
        differences.push(`${exhibitLabel(e.seq, e.title)}在本机已属于另一案件，未导入`);
        continue;
      }
      exhibitIds.set(e.uid, insertExhibit(db, caseId, e, nextSeq++));
      addedExhibits++;
      continue;
    }
    if (mine.fileSha256 !== e.sha256) {
      differences.push(`${exhibitLabel(mine.seq, mine.title)}的文件不同：本机校验值为${mine.fileSha256.slice(0, 16)}…，案卷包为${e.sha256.slice(0, 16)}…`);
    }
    if (mine.title !== e.title) differences.push(`${exhibitLabel(mine.seq, mine.title)}的名称不同：案卷包为《${e.title}》`);
    if (mine.purposeOfProof !== e.purposeOfProof) differences.push(`${exhibitLabel(mine.seq, mine.title)}的证明目的不同`);
    if (mine.recognisedBy !== e.recognisedBy) differences.push(`${exhibitLabel(mine.seq, mine.title)}的共享互认不同：本机为${none(mine.recognisedBy)}，案卷包为${none(e.recognisedBy)}`);
    if (mine.crossExaminedOn !== e.crossExaminedOn) differences.push(`${exhibitLabel(mine.seq, mine.title)}的质证日期不同：本机为${none(mine.crossExaminedOn)}，案卷包为${none(e.crossExaminedOn)}`);
  }
  const theirUids = new Set(m.exhibits.map((e) => e.uid));
  const exhibitsOnlyMine = localExhibits.filter((e) => !theirUids.has(e.uid));
  if (exhibitsOnlyMine.length) differences.push(`本机有而案卷包中没有的证据：${exhibitsOnlyMine.map((e) => exhibitLabel(e.seq, e.title)).join('、')}`);

  // Missing materials by name; the inspection track and its steps.
  const localMaterials = new Set(db.select({ name: missingMaterials.name }).from(missingMaterials).where(eq(missingMaterials.caseId, caseId)).all().map((x) => x.name));
  let addedOther = 0;
  for (const mm of m.missingMaterials) {
    if (localMaterials.has(mm.name)) continue;
    db.insert(missingMaterials).values({ caseId, name: mm.name, completedOn: mm.completedOn }).run();
    addedOther++;
  }
  if (m.inspection) {
    const { steps, ...track } = m.inspection;
    const mine = db.select().from(inspectionTracks).where(eq(inspectionTracks.caseId, caseId)).get();
    if (!mine) {
      db.insert(inspectionTracks).values({ caseId, ...track }).run();
      addedOther++;
    } else {
      if (mine.complaintNumber !== track.complaintNumber) differences.push(`投诉编号不同：本机为${none(mine.complaintNumber)}，案卷包为${none(track.complaintNumber)}`);
      if (mine.filedOn !== track.filedOn) differences.push(`监察立案日期不同：本机为${none(mine.filedOn)}，案卷包为${none(track.filedOn)}`);
      if (mine.closedOn !== track.closedOn) differences.push(`监察结案日期不同：本机为${none(mine.closedOn)}，案卷包为${none(track.closedOn)}`);
    }
    const stepKey = (s: { kind: string; date: string; title: string }) => `${s.kind}\u0000${s.date}\u0000${s.title}`;
    const localSteps = new Set(db.select().from(inspectionSteps).where(eq(inspectionSteps.caseId, caseId)).all().map(stepKey));
    for (const s of steps) {
      if (localSteps.has(stepKey(s))) continue;
      insertStep(db, caseId, s, exhibitIds);
      addedOther++;
    }
  }

  // Respondents are reported, never re-linked automatically.
  const localOrgIds = new Set(db.select({ id: caseRespondents.organisationId }).from(caseRespondents).where(eq(caseRespondents.caseId, caseId)).all().map((r) => r.id));
  const orgByKey = new Map(m.organisations.map((o) => [o.key, o]));
  const extraRespondents = m.respondents
    .map((r) => orgByKey.get(r.organisationKey) as ManifestOrganisation)
    .filter((o) => {
      const found = findOrganisation(db, o);
      return !found || !localOrgIds.has(found);
    })
    .map((o) => o.name);
  if (extraRespondents.length) differences.push(`案卷包中有而本机没有的被申请人：${extraRespondents.join('、')}`);

  // Timeline events by (at, action, summary).
  const localEvents = new Set(
    db.select({ at: caseEvents.at, action: caseEvents.action, summary: caseEvents.summary }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).all().map(eventKey),
  );
  let addedEvents = 0;
  for (const ev of m.events) {
    if (localEvents.has(eventKey(ev))) continue;
    appendImportedEvent(db, importedEvent(caseId, ev));
    localEvents.add(eventKey(ev));
    addedEvents++;
  }

  const added: Added = { exhibits: addedExhibits, files: source.newFiles, events: addedEvents, workers: addedWorkers };
  const changed = addedExhibits + addedEvents + addedWorkers + addedClaims + addedOther + source.newFiles > 0;
  if (changed) {
    db.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, caseId)).run();
    refreshNextDue(ctx, db, caseId);
    indexCase(db, caseId);
    importEvent(ctx, db, caseId, m, source, added, differences);
  }
  return { caseId, caseNumber: local.caseNumber, createdCase: false, added, differences };
}
