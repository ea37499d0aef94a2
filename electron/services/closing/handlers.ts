import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { buildChecklist } from './checklist';
import { closeCase, extendAward, resumeCase, suspendCase } from './closingService';
import { recordWithdrawalApplication } from './withdrawal';

/** 快结: the closing checklist, closing with the on-time record, suspension and extension. */
export function closingHandlers(ctx: ServiceContext): HandlersOf<'closing.'> {
  return {
    'closing.checklist': ({ caseId, method }) => buildChecklist(ctx, ctx.db, caseId, method),
    'closing.close': (input) => closeCase(ctx, input),
    'closing.suspend': (input) => suspendCase(ctx, input),
    'closing.resume': (input) => resumeCase(ctx, input),
    'closing.extend': (input) => extendAward(ctx, input),
    'closing.recordWithdrawalApplication': (input) => recordWithdrawalApplication(ctx, input),
  };
}
