import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { generateBatch, generateDocument, listDocuments } from './generate';
import { recordServices, serviceRecipients } from './service';
import { exportDocumentPdf } from './pdf';

/** documents.*: generated documents with versions, batch per party with 送达回证, PDF export, service. */
export function documentHandlers(ctx: ServiceContext): HandlersOf<'documents.'> {
  return {
    'documents.list': ({ caseId }) => listDocuments(ctx, caseId),
    'documents.generate': (input) => generateDocument(ctx, input),
    'documents.generateBatch': (input) => generateBatch(ctx, input),
    'documents.exportPdf': ({ documentId }) => exportDocumentPdf(ctx, documentId),
    'documents.serviceRecipients': ({ documentId }) => serviceRecipients(ctx, documentId),
    'documents.recordService': ({ documentId, ...entry }) => recordServices(ctx, { documentId, entries: [entry] }),
    'documents.recordServices': (input) => recordServices(ctx, input),
  };
}
