// documents.generate / generateBatch / list: versions of generated documents (service: ./service.ts).
//
// Flow of one document: collect the data → SHA-256 of its canonical JSON → if the latest version of
// (kind, variant) was built from the same data, return it unchanged; else build, pack, write
// <dataDir>/documents/<caseId>/<kind>[-variant]-v<N>.docx (temp file, fsync, rename inside the
// transaction that inserts the row), one timeline event. Old versions stay on disk and in the table.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Packer } from 'docx';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { AppFailure, documentKinds, type DocumentAvailability, type DocumentKind, type DocumentView } from '../../core/contract';
import { documentLabels, type BuiltDocument, type DocumentRecipient } from '../../documents';
import { cases, documentServices, documents } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { refreshNextDue } from '../cases/caseClock';
import { documentBuilder, type ServiceDocumentBuilder } from './registry';
import { assignDocumentNumber } from '../numbering/documentNumbers';
import './builders';

type DocumentRow = typeof documents.$inferSelect;

export function documentsDir(dataDir: string, caseId: number): string {
  return path.join(dataDir, 'documents', String(caseId));
}

export function documentPath(dataDir: string, row: Pick<DocumentRow, 'caseId' | 'fileName'>): string {
  return path.join(documentsDir(dataDir, row.caseId), row.fileName);
}

/** JSON with sorted keys, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

const safeVariant = (variant: string) => variant.replace(/[^A-Za-z0-9._-]/g, '_');
const fileNameOf = (kind: DocumentKind, variant: string, version: number) => `${kind}${variant ? `-${safeVariant(variant)}` : ''}-v${version}.docx`;

function requireBuilder(kind: DocumentKind): ServiceDocumentBuilder<unknown> {
  const builder = documentBuilder(kind);
  if (!builder) throw new AppFailure('conflict', `${documentLabels[kind]}尚不能生成（该文书的生成功能尚未接入）`);
  return builder;
}

function requireCase(db: Executor, caseId: number) {
  const row = db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get();
  if (!row) throw new AppFailure('not_found', `案件不存在（编号${caseId}）`);
}

// ── views ────────────────────────────────────────────────────────────────────────────────────

export function toViews(db: Executor, rows: DocumentRow[]): DocumentView[] {
  if (!rows.length) return [];
  const services = db
    .select()
    .from(documentServices)
    .where(inArray(documentServices.documentId, rows.map((r) => r.id)))
    .orderBy(asc(documentServices.id))
    .all();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind as DocumentKind,
    variant: r.variant,
    version: r.version,
    title: r.title,
    fileName: r.fileName,
    size: r.size,
    sha256: r.sha256,
    generatedAt: r.generatedAt,
    services: services.filter((s) => s.documentId === r.id).map((s) => ({ id: s.id, recipient: s.recipient, party: s.partyKind && s.partyId ? { kind: s.partyKind, id: s.partyId } : null, method: s.method, servedOn: s.servedOn })),
  }));
}

export function requireDocument(db: Executor, id: number): DocumentRow {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw new AppFailure('not_found', `文书不存在（编号${id}）`);
  return row;
}

function latestVersion(db: Executor, caseId: number, kind: DocumentKind, variant: string): DocumentRow | undefined {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.kind, kind), eq(documents.variant, variant)))
    .orderBy(desc(documents.version))
    .limit(1)
    .get();
}

// ── list ─────────────────────────────────────────────────────────────────────────────────────

export function listDocuments(ctx: ServiceContext, caseId: number): { available: DocumentAvailability[]; documents: DocumentView[] } {
  const db = ctx.db;
  requireCase(db, caseId);
  const available = documentKinds.map((kind): DocumentAvailability => {
    const builder = documentBuilder(kind);
    if (!builder) return { kind, label: documentLabels[kind], ready: false, missing: ['该文书的生成功能尚未接入'], batch: false, warnings: [] };
    const missing = builder.missing(ctx, db, caseId);
    const warnings = missing.length ? [] : (builder.warnings?.(ctx, db, caseId) ?? []);
    return { kind, label: builder.label, ready: missing.length === 0, missing, batch: builder.batch, warnings };
  });
  const rows = db.select().from(documents).where(eq(documents.caseId, caseId)).orderBy(asc(documents.kind), asc(documents.variant), desc(documents.version)).all();
  return { available, documents: toViews(db, rows) };
}

// ── generate ─────────────────────────────────────────────────────────────────────────────────

/** A built file waiting for its row: the data hash, the packed bytes in a temp file. */
type Pending = { kind: DocumentKind; variant: string; title: string; dataHash: string; temp: string; sha256: string; size: number };
type Planned = { kind: DocumentKind; built: BuiltDocument; dataHash: string } | { kind: DocumentKind; existing: DocumentRow };

/**
 * Collects and builds; documents whose data did not change come back as `existing`. `withDocument`:
 * a 送达回证 planned together with the document it serves (in the same batch), so it does not need
 * that document to be saved already.
 */
function plan(ctx: ServiceContext, caseId: number, kind: DocumentKind, variant: string, opts: { withDocument?: boolean } = {}): Planned[] {
  const builder = requireBuilder(kind);
  const missing = opts.withDocument ? [] : builder.missing(ctx, ctx.db, caseId);
  if (missing.length) throw new AppFailure('conflict', `不能生成${builder.label}：${missing.join('；')}`);
  const number = builder.number?.(ctx, ctx.db, caseId, variant);
  if (number) assignDocumentNumber(ctx, caseId, number);
  const data = builder.collect(ctx, ctx.db, caseId, variant);
  const dataHash = sha256(`${kind}\n${canonicalJson(data)}`);
  return builder.build(data).map((built): Planned => {
    const latest = latestVersion(ctx.db, caseId, kind, built.variant);
    if (latest && latest.dataHash === dataHash && fs.existsSync(documentPath(ctx.dataDir, latest))) return { kind, existing: latest };
    return { kind, built, dataHash };
  });
}

async function pack(ctx: ServiceContext, caseId: number, p: Extract<Planned, { built: BuiltDocument }>): Promise<Pending> {
  const buffer = await Packer.toBuffer(p.built.document);
  const dir = documentsDir(ctx.dataDir, caseId);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.tmp-${crypto.randomBytes(8).toString('hex')}.docx`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, buffer);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { kind: p.kind, variant: p.built.variant, title: p.built.title, dataHash: p.dataHash, temp, sha256: sha256(buffer), size: buffer.length };
}

function syncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // directories cannot be opened for sync on Windows; each file was synced before its rename
  }
}

/** Inside the transaction: next version number, rename into place, insert the row. */
function commitOne(tx: Tx, ctx: ServiceContext, caseId: number, p: Pending, at: string, renamed: string[]): DocumentRow {
  const latest = latestVersion(tx, caseId, p.kind, p.variant);
  const version = (latest?.version ?? 0) + 1;
  const fileName = fileNameOf(p.kind, p.variant, version);
  const target = path.join(documentsDir(ctx.dataDir, caseId), fileName);
  if (fs.existsSync(target)) throw new AppFailure('conflict', `文书文件已存在：${fileName}`);
  fs.renameSync(p.temp, target);
  renamed.push(target);
  return tx
    .insert(documents)
    .values({ caseId, kind: p.kind, variant: p.variant, version, title: p.title, fileName, sha256: p.sha256, size: p.size, generatedAt: at, dataHash: p.dataHash })
    .returning()
    .get();
}

/**
 * Packs every planned document, then in ONE transaction renames the files into place, inserts the rows
 * and appends one event. On failure no row stays and the new files are removed.
 */
async function persist(ctx: ServiceContext, caseId: number, planned: Planned[], summary: (rows: DocumentRow[]) => string, action: string): Promise<DocumentRow[]> {
  const fresh = planned.filter((p): p is Extract<Planned, { built: BuiltDocument }> => 'built' in p);
  const pending: Pending[] = [];
  try {
    for (const p of fresh) pending.push(await pack(ctx, caseId, p));
  } catch (error) {
    for (const p of pending) fs.rmSync(p.temp, { force: true });
    throw error;
  }
  const renamed: string[] = [];
  const at = ctx.now().toISOString();
  let inserted: DocumentRow[] = [];
  try {
    inserted = ctx.db.transaction((tx) => {
      const rows = pending.map((p) => commitOne(tx, ctx, caseId, p, at, renamed));
      if (rows.length) {
        tx.update(cases).set({ updatedAt: at }).where(eq(cases.id, caseId)).run();
        appendEvent(tx, ctx.now(), { caseId, action, summary: summary(rows), after: rows.map((r) => ({ kind: r.kind, variant: r.variant, version: r.version, fileName: r.fileName })) });
      }
      return rows;
    });
  } catch (error) {
    for (const file of renamed) fs.rmSync(file, { force: true });
    for (const p of pending) fs.rmSync(p.temp, { force: true });
    throw error;
  }
  if (inserted.length) {
    syncDir(documentsDir(ctx.dataDir, caseId));
    ctx.emit({ type: 'cases.changed', caseId });
  }
  // in the planned order: existing rows where nothing changed, new rows otherwise
  let next = 0;
  return planned.map((p) => ('existing' in p ? p.existing : (inserted[next++] as DocumentRow)));
}

const versionText = (r: DocumentRow) => `${r.title.replace(/（.*）$/, '')}（第${r.version}版）`;

export async function generateDocument(ctx: ServiceContext, input: { caseId: number; kind: DocumentKind; variant?: string }): Promise<DocumentView[]> {
  requireCase(ctx.db, input.caseId);
  const planned = plan(ctx, input.caseId, input.kind, input.variant ?? '');
  const rows = await persist(
    ctx,
    input.caseId,
    planned,
    (fresh) => `生成${fresh.map((r) => (fresh.length > 1 || r.variant ? `${r.title}（第${r.version}版）` : versionText(r))).join('、')}`,
    'documents.generate',
  );
  return toViews(ctx.db, rows);
}

/**
 * One document per recipient of the kind, each followed by its 送达回证, in one transaction with one
 * timeline event. Documents whose data did not change are returned as they are.
 */
export async function generateBatch(ctx: ServiceContext, input: { caseId: number; kind: DocumentKind }): Promise<DocumentView[]> {
  requireCase(ctx.db, input.caseId);
  const builder = requireBuilder(input.kind);
  if (!builder.batch || !builder.recipients) throw new AppFailure('invalid_input', `${builder.label}不按当事人批量生成，请单独生成`);
  const missing = builder.missing(ctx, ctx.db, input.caseId);
  if (missing.length) throw new AppFailure('conflict', `不能生成${builder.label}：${missing.join('；')}`);
  const recipients: DocumentRecipient[] = builder.recipients(ctx, ctx.db, input.caseId);
  const planned: Planned[] = [];
  for (const r of recipients) {
    planned.push(...plan(ctx, input.caseId, input.kind, r.variant));
    planned.push(...plan(ctx, input.caseId, 'serviceReceipt', `${input.kind}.${r.variant}`, { withDocument: true }));
  }
  const rows = await persist(
    ctx,
    input.caseId,
    planned,
    (fresh) => {
      const notices = fresh.filter((r) => r.kind === input.kind).length;
      const receipts = fresh.length - notices;
      return `批量生成${builder.label}${notices}份${receipts ? `、送达回证${receipts}份` : ''}（共${recipients.length}个受送达人）`;
    },
    'documents.generateBatch',
  );
  return toViews(ctx.db, rows);
}
