import type { DocumentKind } from '../../core/contract';
import { getBuilder, registerBuilder, type DocumentBuilder } from '../../documents';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';

/** A builder as the services run it: collect(ctx, db, caseId, variant) reads with this db handle. */
export type ServiceDocumentBuilder<Data> = DocumentBuilder<Data, ServiceContext, Executor>;

/**
 * Registers the builder of a document kind. Call at module load from a module createServices
 * imports (e.g. your feature's handlers.ts), e.g.
 *
 *   registerDocumentBuilder<AwardData>('award', {
 *     label: '裁决书', batch: false,
 *     missing: (ctx, db, caseId) => [...],
 *     collect: (ctx, db, caseId, variant) => readAwardData(ctx, db, caseId),
 *     build: (data) => [{ variant: 'final', title: '裁决书（终局）', document: buildAward(data, 'final') }, …],
 *   });
 */
export function registerDocumentBuilder<Data>(kind: DocumentKind, builder: ServiceDocumentBuilder<Data>): void {
  registerBuilder(kind, builder);
}

export function documentBuilder(kind: DocumentKind): ServiceDocumentBuilder<unknown> | undefined {
  return getBuilder<ServiceContext, Executor>(kind);
}
