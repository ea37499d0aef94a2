/**
 * Registers the builders of the award (裁决书), the mediation documents (调解书 and the wages-first
 * partial one) and the hearing record (庭审笔录) with the documents registry. Imported for its effect
 * by ./handlers.ts, which createServices imports.
 */
import { buildAwardDocuments, type AwardDocData } from '../../documents/award/awardDocument';
import { awardProblems, loadAwardDocData } from './awardDocData';
import { buildHearingRecord, recordBlanks, type HearingRecordDocData } from '../../documents/hearingRecord/hearingRecordDocument';
import { hearingRecordProblems, loadHearingRecordData } from './hearingRecordDocData';
import { buildMediationDocument, type MediationDocData } from '../../documents/mediation/mediationDocument';
import { loadMediationDocData, mediationProblems } from './mediationDocData';
import { registerDocumentBuilder } from '../documents/registry';
import { readAwardState } from './awardView';

registerDocumentBuilder<AwardDocData>('award', {
  label: '裁决书',
  batch: false,
  missing: (_ctx, db, caseId) => awardProblems(readAwardState(db, caseId)),
  collect: (ctx, db, caseId, variant) => loadAwardDocData(ctx, db, caseId, variant),
  build: buildAwardDocuments,
});

registerDocumentBuilder<MediationDocData>('mediationDocument', {
  label: '调解书',
  batch: false,
  missing: (ctx, db, caseId) => mediationProblems(ctx, db, caseId, false),
  collect: (ctx, db, caseId) => loadMediationDocData(ctx, db, caseId, false),
  build: buildMediationDocument,
});

registerDocumentBuilder<MediationDocData>('partialMediationDocument', {
  label: '调解书（工资部分）',
  batch: false,
  missing: (ctx, db, caseId) => mediationProblems(ctx, db, caseId, true),
  collect: (ctx, db, caseId) => loadMediationDocData(ctx, db, caseId, true),
  build: buildMediationDocument,
});

registerDocumentBuilder<HearingRecordDocData>('hearingRecord', {
  label: '庭审笔录',
  batch: false,
  missing: (_ctx, db, caseId) => hearingRecordProblems(db, caseId),
  warnings: (ctx, db, caseId) => recordBlanks(loadHearingRecordData(ctx, db, caseId, '')),
  collect: (ctx, db, caseId, variant) => loadHearingRecordData(ctx, db, caseId, variant),
  build: buildHearingRecord,
});
