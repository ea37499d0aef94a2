/**
 * The evidence list of a case (证据目录): exhibits numbered 证据一、证据二… by `seq`, each pointing at
 * a stored file. Every mutation is one IMMEDIATE transaction with one timeline event, then a
 * `cases.changed` event.
 *
 * Removal policy: removing an exhibit renumbers the rest; when no exhibit (in any case) uses the
 * file any more, the file and its `evidence_files` row are deleted too — a mistaken 1 GiB video
 * must not stay on disk forever. The timeline keeps the title and SHA-256 of what was removed.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import nzh from 'nzh/cn';
import { AppFailure, type ExhibitView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { submitterLabels, trackLabels, type Submitter, type Track } from '../../core/domain';
import { cases, evidenceFiles, exhibits, inspectionSteps } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { isPinned } from './registry';
import { evidencePath, insertFileRow, type StoredFile } from './store';

/** 1 → "证据一", 12 → "证据十二". */
export function exhibitLabel(seq: number): string {
  return `证据${nzh.encodeS(seq)}`;
}

/** How a case is named in messages: its 案号, or its intake number before acceptance. */
export function caseLabel(caseNumber: string | null, caseId: number): string {
  return caseNumber ?? `收案登记第${caseId}号`;
}

/** The title an exhibit gets by default: the file name without folders and extension. */
export function defaultTitle(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').trim();
  const stem = base.replace(/\.[^.]{1,10}$/, '').trim();
  return (stem || base || '未命名证据').slice(0, 120);
}

const references = sql<number>`(select count(*) from ${exhibits} as e2 where e2.file_sha256 = ${exhibits.fileSha256})`.mapWith(Number);

/** Exhibits with their file facts and reference counts, in one query. */
export function selectExhibitViews(db: Executor, where: SQL | undefined): ExhibitView[] {
  return db
    .select({
      id: exhibits.id,
      uid: exhibits.uid,
      caseId: exhibits.caseId,
      seq: exhibits.seq,
      title: exhibits.title,
      fileName: exhibits.fileName,
      sha256: exhibits.fileSha256,
      size: evidenceFiles.size,
      mime: evidenceFiles.mime,
      pageCount: evidenceFiles.pageCount,
      submittedBy: exhibits.submittedBy,
      collectedBy: exhibits.collectedBy,
      receivedOn: exhibits.receivedOn,
      purposeOfProof: exhibits.purposeOfProof,
      originalSeen: exhibits.originalSeen,
      track: exhibits.track,
      recognisedBy: exhibits.recognisedBy,
      recognisedAt: exhibits.recognisedAt,
      crossExaminedOn: exhibits.crossExaminedOn,
      references,
    })
    .from(exhibits)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, exhibits.fileSha256))
    .where(where)
    .orderBy(asc(exhibits.caseId), asc(exhibits.seq), asc(exhibits.id))
    .all();
}

export function listExhibits(ctx: ServiceContext, caseId: number, db: Executor = ctx.db): ExhibitView[] {
  requireCase(db, caseId);
  return selectExhibitViews(db, eq(exhibits.caseId, caseId));
}

function getExhibitView(db: Executor, id: number): ExhibitView {
  const view = selectExhibitViews(db, eq(exhibits.id, id))[0];
  if (!view) throw new AppFailure('not_found', `证据不存在（编号${id}）`);
  return view;
}

export function requireCase(db: Executor, caseId: number): { id: number; caseNumber: string | null } {
  const row = db.select({ id: cases.id, caseNumber: cases.caseNumber }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
  return row;
}

function requireExhibit(db: Executor, id: number): typeof exhibits.$inferSelect {
  const row = db.select().from(exhibits).where(eq(exhibits.id, id)).get();
  if (!row) throw new AppFailure('not_found', `证据不存在（编号${id}）`);
  return row;
}

function nextSeq(tx: Tx, caseId: number): number {
  const row = tx.select({ max: sql<number | null>`max(${exhibits.seq})` }).from(exhibits).where(eq(exhibits.caseId, caseId)).get();
  return (row?.max ?? 0) + 1;
}

/** Runs one change in an IMMEDIATE transaction and announces the case change afterwards. */
function mutate<T>(ctx: ServiceContext, caseIds: () => number[], change: (tx: Tx) => T): T {
  const result = ctx.db.transaction((tx) => change(tx), { behavior: 'immediate' });
  for (const caseId of new Set(caseIds())) ctx.emit({ type: 'cases.changed', caseId });
  return result;
}

export type NewExhibitFile = { stored: StoredFile; fileName: string };

/** Adds stored files at the end of the case's list: their file rows and exhibits in one transaction, one timeline event. */
export function createExhibits(
  ctx: ServiceContext,
  input: { caseId: number; files: NewExhibitFile[]; track: Track; submittedBy: Submitter },
): ExhibitView[] {
  if (input.files.length === 0) throw new AppFailure('invalid_input', '请选择要添加的证据文件');
  const ids: number[] = [];
  mutate(
    ctx,
    () => [input.caseId],
    (tx) => {
      requireCase(tx, input.caseId);
      let seq = nextSeq(tx, input.caseId);
      const now = ctx.now().toISOString();
      const labels: string[] = [];
      for (const { stored, fileName } of input.files) {
        if (!fs.existsSync(evidencePath(ctx.dataDir, stored.sha256))) throw new AppFailure('conflict', `文件“${fileName}”已被移出证据库，请重新添加`);
        insertFileRow(tx, stored, ctx.now());
        const base = fileName.replace(/^.*[\\/]/, '').slice(0, 255) || '未命名文件';
        const title = defaultTitle(base);
        const row = tx
          .insert(exhibits)
          .values({
            uid: randomUUID(),
            caseId: input.caseId,
            fileSha256: stored.sha256,
            seq,
            title,
            fileName: base,
            submittedBy: input.submittedBy,
            receivedOn: todayInChina(ctx.now()),
            track: input.track,
            createdAt: now,
          })
          .returning({ id: exhibits.id })
          .get();
        ids.push(row.id);
        labels.push(`${exhibitLabel(seq)}“${title}”`);
        seq++;
      }
      appendEvent(tx, ctx.now(), {
        caseId: input.caseId,
        action: 'evidence.added',
        summary: `添加证据（${trackLabels[input.track]}，${submitterLabels[input.submittedBy]}提交）：${labels.join('、')}`,
        after: input.files.map((f) => ({ fileName: f.fileName, sha256: f.stored.sha256, size: f.stored.size, mime: f.stored.mime })),
      });
    },
  );
  return selectExhibitViews(ctx.db, inArray(exhibits.id, ids));
}

/** A second exhibit pointing at the same stored file (same or another case). */
export function addReference(ctx: ServiceContext, input: { caseId: number; exhibitId: number }): ExhibitView {
  const id = mutate(
    ctx,
    () => [input.caseId],
    (tx) => {
      const target = requireCase(tx, input.caseId);
      const source = requireExhibit(tx, input.exhibitId);
      const sourceCase = requireCase(tx, source.caseId);
      const seq = nextSeq(tx, input.caseId);
      const row = tx
        .insert(exhibits)
        .values({
          uid: randomUUID(),
          caseId: input.caseId,
          fileSha256: source.fileSha256,
          seq,
          title: source.title,
          fileName: source.fileName,
          submittedBy: source.submittedBy,
          collectedBy: source.collectedBy,
          receivedOn: todayInChina(ctx.now()),
          purposeOfProof: source.purposeOfProof,
          originalSeen: source.originalSeen,
          track: source.track,
          createdAt: ctx.now().toISOString(),
        })
        .returning({ id: exhibits.id })
        .get();
      const from = source.caseId === input.caseId ? exhibitLabel(source.seq) : `${caseLabel(sourceCase.caseNumber, sourceCase.id)}${exhibitLabel(source.seq)}`;
      appendEvent(tx, ctx.now(), {
        caseId: target.id,
        action: 'evidence.referenced',
        summary: `引用${from}“${source.title}”作为${exhibitLabel(seq)}（同一文件，不复制）`,
        after: { sourceExhibitUid: source.uid, sha256: source.fileSha256 },
      });
      return row.id;
    },
  );
  return getExhibitView(ctx.db, id);
}

type ExhibitPatch = Partial<{
  title: string;
  submittedBy: Submitter;
  collectedBy: string | null;
  receivedOn: string;
  purposeOfProof: string;
  originalSeen: boolean;
}>;

const fieldLabels: Record<keyof ExhibitPatch, string> = {
  title: '名称',
  submittedBy: '提交方',
  collectedBy: '调取部门',
  receivedOn: '收到日期',
  purposeOfProof: '证明目的',
  originalSeen: '原件核对',
};

export function updateExhibit(ctx: ServiceContext, input: { id: number } & ExhibitPatch): ExhibitView {
  const { id, ...patch } = input;
  let caseId = 0;
  mutate(
    ctx,
    () => [caseId],
    (tx) => {
      const row = requireExhibit(tx, id);
      caseId = row.caseId;
      if (patch.receivedOn !== undefined && patch.receivedOn > todayInChina(ctx.now())) {
        throw new AppFailure('invalid_input', '收到日期不能晚于今天');
      }
      const changed = (Object.keys(patch) as (keyof ExhibitPatch)[]).filter((k) => patch[k] !== undefined && patch[k] !== row[k]);
      if (changed.length === 0) return;
      const set = Object.fromEntries(changed.map((k) => [k, patch[k]]));
      tx.update(exhibits).set(set).where(eq(exhibits.id, id)).run();
      appendEvent(tx, ctx.now(), {
        caseId: row.caseId,
        action: 'evidence.updated',
        summary: `修改${exhibitLabel(row.seq)}“${patch.title ?? row.title}”：${changed.map((k) => fieldLabels[k]).join('、')}`,
        before: Object.fromEntries(changed.map((k) => [k, row[k]])),
        after: set,
      });
    },
  );
  return getExhibitView(ctx.db, id);
}

/** New order of the whole list: `ids` must be exactly the case's exhibits. */
export function reorderExhibits(ctx: ServiceContext, input: { caseId: number; ids: number[] }): ExhibitView[] {
  mutate(
    ctx,
    () => [input.caseId],
    (tx) => {
      requireCase(tx, input.caseId);
      const rows = tx.select({ id: exhibits.id, seq: exhibits.seq }).from(exhibits).where(eq(exhibits.caseId, input.caseId)).orderBy(asc(exhibits.seq)).all();
      const current = new Set(rows.map((r) => r.id));
      const given = new Set(input.ids);
      if (given.size !== input.ids.length || given.size !== current.size || input.ids.some((i) => !current.has(i))) {
        throw new AppFailure('conflict', '证据目录已变化，请刷新后重新排序');
      }
      const before = rows.map((r) => r.id);
      input.ids.forEach((exhibitId, i) => tx.update(exhibits).set({ seq: i + 1 }).where(eq(exhibits.id, exhibitId)).run());
      appendEvent(tx, ctx.now(), {
        caseId: input.caseId,
        action: 'evidence.reordered',
        summary: `调整证据目录顺序（共${rows.length}份）`,
        before,
        after: input.ids,
      });
    },
  );
  return listExhibits(ctx, input.caseId);
}

export function removeExhibit(ctx: ServiceContext, input: { id: number }): ExhibitView[] {
  let caseId = 0;
  let orphan: string | null = null;
  mutate(
    ctx,
    () => [caseId],
    (tx) => {
      const row = requireExhibit(tx, input.id);
      caseId = row.caseId;
      const step = tx.select({ title: inspectionSteps.title }).from(inspectionSteps).where(eq(inspectionSteps.exhibitId, row.id)).get();
      if (step) throw new AppFailure('conflict', `${exhibitLabel(row.seq)}已被监察步骤“${step.title}”引用，不能删除`);
      tx.delete(exhibits).where(eq(exhibits.id, row.id)).run();
      const rest = tx.select({ id: exhibits.id }).from(exhibits).where(eq(exhibits.caseId, row.caseId)).orderBy(asc(exhibits.seq), asc(exhibits.id)).all();
      rest.forEach((r, i) => tx.update(exhibits).set({ seq: i + 1 }).where(eq(exhibits.id, r.id)).run());
      const stillUsed = tx.select({ id: exhibits.id }).from(exhibits).where(eq(exhibits.fileSha256, row.fileSha256)).limit(1).get();
      if (!stillUsed && !isPinned(ctx, row.fileSha256)) {
        tx.delete(evidenceFiles).where(eq(evidenceFiles.sha256, row.fileSha256)).run();
        orphan = row.fileSha256;
      }
      appendEvent(tx, ctx.now(), {
        caseId: row.caseId,
        action: 'evidence.removed',
        summary: `删除${exhibitLabel(row.seq)}“${row.title}”${stillUsed ? '（文件仍被其他证据引用，保留）' : ''}，其后证据依次前移`,
        before: { uid: row.uid, title: row.title, fileName: row.fileName, sha256: row.fileSha256, seq: row.seq },
      });
    },
  );
  if (orphan) fs.rmSync(evidencePath(ctx.dataDir, orphan), { force: true });
  return listExhibits(ctx, caseId);
}

/** 共享互认: the other track recognises the exhibit; recorded once, with who and when. */
export function recogniseExhibit(ctx: ServiceContext, input: { id: number; by: string }): ExhibitView {
  let caseId = 0;
  mutate(
    ctx,
    () => [caseId],
    (tx) => {
      const row = requireExhibit(tx, input.id);
      caseId = row.caseId;
      if (row.recognisedBy) {
        throw new AppFailure('conflict', `${exhibitLabel(row.seq)}已于${row.recognisedAt?.slice(0, 10) ?? ''}由${row.recognisedBy}共享互认，不能重复认可`);
      }
      const at = ctx.now().toISOString();
      tx.update(exhibits).set({ recognisedBy: input.by, recognisedAt: at }).where(eq(exhibits.id, row.id)).run();
      appendEvent(tx, ctx.now(), {
        caseId: row.caseId,
        action: 'evidence.recognised',
        summary: `共享互认：${trackLabels[row.track]}${exhibitLabel(row.seq)}“${row.title}”由${input.by}认可`,
        after: { recognisedBy: input.by, recognisedAt: at },
      });
    },
  );
  return getExhibitView(ctx.db, input.id);
}

/**
 * Deletes a stored file nobody uses (no exhibit, not pinned by an import in flight): for imports
 * that stored files and were then cancelled or failed.
 */
export function discardIfUnused(ctx: ServiceContext, sha256: string): boolean {
  if (isPinned(ctx, sha256)) return false;
  const removed = ctx.db.transaction(
    (tx) => {
      const used = tx.select({ id: exhibits.id }).from(exhibits).where(eq(exhibits.fileSha256, sha256)).limit(1).get();
      if (used) return false;
      tx.delete(evidenceFiles).where(eq(evidenceFiles.sha256, sha256)).run();
      return true;
    },
    { behavior: 'immediate' },
  );
  if (removed) fs.rmSync(evidencePath(ctx.dataDir, sha256), { force: true });
  return removed;
}

/** After a failed import: removes the files it newly stored that nobody uses; a disk that refuses even that leaves them to the start-up sweep. */
export function discardNewFiles(ctx: ServiceContext, files: StoredFile[]): void {
  for (const file of files) {
    if (file.deduplicated) continue;
    try {
      discardIfUnused(ctx, file.sha256);
    } catch {
      // full or read-only disk: swept at the next start
    }
  }
}
