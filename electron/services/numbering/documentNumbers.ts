// Numbers of the documents that carry their own 文号 besides the case number: 不予受理通知书 (a
// rejected application has no case number), 限期改正指令书 and 移送书 of the labour authority
// (GB/T 9704 发文字号). Each series has a pattern in settings like the case number's, and counts per
// year without gaps: a number is handed out once, inside an IMMEDIATE transaction (two processes
// never get the same one), and the same document keeps it in every later version.
import { and, eq, sql } from 'drizzle-orm';
import { formatCaseNumber } from '../../core/caseNumber';
import { commissions, documentNumbers, numberSequences } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';

export type NumberSeries = 'rejection' | 'correctionOrder' | 'policeTransfer';
export type NumberRequest = { series: NumberSeries; subject: string; year: number; label: string };

const patternOf = (db: Executor, series: NumberSeries): string => {
  const row = db
    .select({ rejection: commissions.rejectionNumberPattern, correctionOrder: commissions.correctionOrderNumberPattern, policeTransfer: commissions.policeTransferNumberPattern })
    .from(commissions)
    .limit(1)
    .get();
  if (!row) throw new Error('commission row missing');
  return row[series];
};

/** The number already given to a document of the case, or null. */
export function documentNumber(db: Executor, caseId: number, series: NumberSeries, subject: string): string | null {
  return (
    db
      .select({ number: documentNumbers.number })
      .from(documentNumbers)
      .where(and(eq(documentNumbers.caseId, caseId), eq(documentNumbers.series, series), eq(documentNumbers.subject, subject)))
      .get()?.number ?? null
  );
}

/**
 * Inside a write transaction: the document's number, handed out now if it has none yet. `event:
 * false` when the caller's own timeline event names the number.
 */
export function numberInTransaction(tx: Tx, ctx: ServiceContext, caseId: number, req: NumberRequest, opts: { event?: boolean } = {}): string {
  const existing = documentNumber(tx, caseId, req.series, req.subject);
  if (existing) return existing;
  const commissionId = tx.select({ id: commissions.id }).from(commissions).limit(1).get()!.id;
  const n = tx
    .insert(numberSequences)
    .values({ commissionId, series: req.series, year: req.year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [numberSequences.commissionId, numberSequences.series, numberSequences.year], set: { lastNumber: sql`${numberSequences.lastNumber} + 1` } })
    .returning({ n: numberSequences.lastNumber })
    .get().n;
  const number = formatCaseNumber(patternOf(tx, req.series), req.year, n);
  tx.insert(documentNumbers).values({ caseId, series: req.series, subject: req.subject, year: req.year, seq: n, number, assignedAt: ctx.now().toISOString() }).run();
  if (opts.event !== false) appendEvent(tx, ctx.now(), { caseId, action: 'documents.numbered', summary: `${req.label}编号：${number}`, after: { series: req.series, subject: req.subject, number } });
  return number;
}

/** Gives the document its number unless it has one (its own IMMEDIATE transaction); returns the number. */
export function assignDocumentNumber(ctx: ServiceContext, caseId: number, req: NumberRequest): string {
  return documentNumber(ctx.db, caseId, req.series, req.subject) ?? ctx.db.transaction((tx) => numberInTransaction(tx, ctx, caseId, req), { behavior: 'immediate' });
}
