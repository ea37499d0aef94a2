import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { enforcementPackage, policePackage } from './packages';
import './registerDocuments';
import { listCourtActions, recordCourtAction, updateCourtAction } from './courtActions';
import { listWarnings, refreshWarnings, resolveWarning } from './warnings';

/** Follow-through after closing: warnings, the court enforcement package, the police transfer package. */
export function followUpHandlers(ctx: ServiceContext): HandlersOf<'warnings.' | 'followUp.' | 'courtActions.'> {
  return {
    'warnings.list': (input) => listWarnings(ctx, input),
    'warnings.refresh': () => refreshWarnings(ctx),
    'warnings.resolve': (input) => resolveWarning(ctx, input),
    'courtActions.list': ({ caseId }) => listCourtActions(ctx.db, caseId),
    'courtActions.record': (input) => recordCourtAction(ctx, input),
    'courtActions.update': (input) => updateCourtAction(ctx, input),
    'followUp.enforcementPackage': ({ caseId }) => enforcementPackage(ctx, caseId),
    'followUp.policePackage': ({ caseId }) => policePackage(ctx, caseId),
  };
}
