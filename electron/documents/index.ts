// The document registry: kind → builder. Pure (no node:*, no db): the types are generic in the
// context and database handle, which the services layer fixes (electron/services/documents/registry.ts
// exports the typed `registerDocumentBuilder`). A builder is registered once, at module load, from
// any module that createServices imports (the notices register in services/documents/builders.ts;
// the award, mediation documents and hearing record register from their own service folders).

import type { Document } from 'docx';
import type { DocumentKind } from '../core/contract';

/** One file a builder produces. `variant` keys the version history (e.g. 'respondent-3', 'final'). */
export type BuiltDocument = { variant: string; title: string; document: Document };

/** Someone a document is addressed to, for batch generation and service receipts (送达回证). */
export type DocumentRecipient = {
  /** The variant that addresses the document to this recipient, e.g. 'applicants', 'worker-12', 'respondent-3'. */
  variant: string;
  /** As written on the 送达回证 "受送达人" line. */
  name: string;
  address: string | null;
  side: 'applicant' | 'respondent' | 'other';
};

export type DocumentBuilder<Data, Ctx, Db> = {
  /** Chinese name of the document, e.g. 受理通知书. */
  label: string;
  /** True when documents.generateBatch makes one per recipient (each with its 送达回证). */
  batch: boolean;
  /** What the case still lacks for this document (Chinese, one line each); [] when it can be made. */
  missing(ctx: Ctx, db: Db, caseId: number): string[];
  /** What to check before printing (the document can be made, but e.g. blanks are left), Chinese. */
  warnings?(ctx: Ctx, db: Db, caseId: number): string[];
  /** Who gets a copy (batch kinds); the first one is the default for documents.generate without variant. */
  recipients?(ctx: Ctx, db: Db, caseId: number): DocumentRecipient[];
  /**
   * Reads everything the document shows (plain JSON: its canonical hash decides whether a new version
   * is needed). `variant` is '' when the caller gave none. Throw AppFailure for an unknown variant.
   */
  collect(ctx: Ctx, db: Db, caseId: number, variant: string): Data;
  /** Data → one or more documents, each with its own variant (the award may split final / non-final). */
  build(data: Data): BuiltDocument[];
  /**
   * A document with its own 文号: which number it needs (series, subject within the case, year).
   * The engine hands the number out once, before collect, which then reads it.
   */
  number?(ctx: Ctx, db: Db, caseId: number, variant: string): { series: 'rejection' | 'correctionOrder' | 'policeTransfer'; subject: string; year: number; label: string } | null;
};

export { documentLabels } from '../core/contract';

type AnyBuilder = DocumentBuilder<any, any, any>;
const builders = new Map<DocumentKind, AnyBuilder>();

/** Registers (or replaces) the builder of a kind. */
export function registerBuilder<Data, Ctx, Db>(kind: DocumentKind, builder: DocumentBuilder<Data, Ctx, Db>): void {
  builders.set(kind, builder as AnyBuilder);
}

/** The builder of a kind, or undefined when no module registered one. */
export function getBuilder<Ctx, Db>(kind: DocumentKind): DocumentBuilder<unknown, Ctx, Db> | undefined {
  return builders.get(kind) as DocumentBuilder<unknown, Ctx, Db> | undefined;
}

/** Kinds with a registered builder. */
export function registeredKinds(): DocumentKind[] {
  return [...builders.keys()];
}
