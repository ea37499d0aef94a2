/**
 * The 证据目录 as a case document (the same builder the case bundle puts beside its files, without the
 * SHA-256 column: this copy goes to the parties), so the
 * clerk can generate, version and print it like any other document. Imported for its effect by
 * ./handlers.ts.
 */
import { buildEvidenceList, type EvidenceListData } from '../../documents/evidenceList';
import { todayInChina } from '../../core/dates';
import { sql } from 'drizzle-orm';
import { registerDocumentBuilder } from '../documents/registry';
import { collectManifest } from './collectManifest';
import { evidenceListData } from './exportBundle';

registerDocumentBuilder<EvidenceListData>('evidenceList', {
  label: '证据目录',
  batch: false,
  missing: (_ctx, db, caseId) => {
    const n = db.get<{ n: number }>(sql`select count(*) as n from exhibits where case_id = ${caseId}`)?.n ?? 0;
    return n ? [] : ['本案尚无证据'];
  },
  collect: (ctx, db, caseId) => evidenceListData(collectManifest(db, caseId, ctx.now()), todayInChina(ctx.now())),
  build: (data) => [{ variant: '', title: '证据目录', document: buildEvidenceList(data) }],
});
