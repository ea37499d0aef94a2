/**
 * Reading sensitive data is itself recorded on the case timeline, with the account that read it
 * (the dispatcher's or the file route's caller): downloading an evidence file, exporting the
 * dashboard's case list. (Unmasking on the shared screen and exporting a case bundle record their
 * events in their own services.)
 */
import { eq } from 'drizzle-orm';
import { exhibits } from '../../db/schema';
import type { ServiceContext } from './context';
import { exhibitLabel } from './evidence/exhibits';
import { appendEvent } from './timeline';

export function recordEvidenceDownload(ctx: ServiceContext, exhibitId: number): void {
  const row = ctx.db.select({ caseId: exhibits.caseId, seq: exhibits.seq, title: exhibits.title, fileName: exhibits.fileName }).from(exhibits).where(eq(exhibits.id, exhibitId)).get();
  if (!row) return;
  ctx.db.transaction(
    (tx) =>
      appendEvent(tx, ctx.now(), {
        caseId: row.caseId,
        action: 'evidence.downloaded',
        summary: `下载证据：${exhibitLabel(row.seq)}“${row.title}”（${row.fileName}）`,
        after: { exhibitId },
      }),
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: row.caseId });
}

/** One event on each case in the exported list, in one transaction. */
export function recordCaseListExport(ctx: ServiceContext, caseIds: readonly number[], fileName: string): void {
  const at = ctx.now();
  ctx.db.transaction(
    (tx) => {
      for (const caseId of caseIds) {
        appendEvent(tx, at, { caseId, action: 'dashboard.exported', summary: `统计导出的案件清单中包含本案：${fileName}`, after: { fileName, cases: caseIds.length } });
      }
    },
    { behavior: 'immediate' },
  );
}
