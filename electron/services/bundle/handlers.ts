import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { exportBundle } from './exportBundle';
import { importBundle } from './importBundle';
import './registerEvidenceList';

/** bundle.export / bundle.import: the case bundle exchanged between agencies and machines. */
export function bundleHandlers(ctx: ServiceContext): HandlersOf<'bundle.'> {
  return {
    'bundle.export': ({ caseId }) => exportBundle(ctx, caseId),
    'bundle.import': ({ path }) => importBundle(ctx, path),
  };
}
