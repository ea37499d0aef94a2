import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DocumentKind } from '../../core/contract';
import { documents } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { documentPath, generateDocument } from '../documents/generate';

/** A generated document on disk. */
export type DocFile = { title: string; fileName: string; path: string };

/** What the follow-up packages need from the documents service. */
type DocumentsPort = {
  /** Generates (a new version of, when the data changed) a document of `kind` for the case and returns its file(s). */
  generate(ctx: ServiceContext, caseId: number, kind: DocumentKind): Promise<DocFile[]>;
  /** The latest version of every variant of these kinds generated for the case. */
  latest(ctx: ServiceContext, caseId: number, kinds: readonly DocumentKind[]): DocFile[];
};

/** The documents service (electron/services/documents): versioned docx under <dataDir>/documents/<caseId>/. */
export const documentsService: DocumentsPort = {
  async generate(ctx, caseId, kind) {
    const views = await generateDocument(ctx, { caseId, kind });
    return views.map((v) => ({ title: v.title, fileName: v.fileName, path: documentPath(ctx.dataDir, { caseId, fileName: v.fileName }) }));
  },
  latest(ctx, caseId, kinds) {
    if (!kinds.length) return [];
    const rows = ctx.db
      .select({ kind: documents.kind, variant: documents.variant, title: documents.title, fileName: documents.fileName })
      .from(documents)
      .where(and(eq(documents.caseId, caseId), inArray(documents.kind, [...kinds])))
      .orderBy(documents.kind, documents.variant, desc(documents.version))
      .all();
    const seen = new Set<string>();
    const out: DocFile[] = [];
    for (const r of rows) {
      const key = `${r.kind}\u0000${r.variant}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ title: r.title, fileName: r.fileName, path: documentPath(ctx.dataDir, { caseId, fileName: r.fileName }) });
    }
    return out;
  },
};

let current: DocumentsPort = documentsService;
