import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { convertInspectionAgreement, setAgreed, setMediationLiability, settleWagesFirst } from './agreement';
import { readMediation } from './mediationView';
import { recordSignature, setOutcome } from './outcome';
import { recordPayment, setInstalments } from './payments';
import { addSession, updateSession } from './sessions';
import { undoWithdrawal, withdrawClaims } from './withdrawals';

export function mediationHandlers(ctx: ServiceContext): HandlersOf<'mediation.'> {
  return {
    'mediation.get': ({ caseId }) => readMediation(ctx, ctx.db, caseId),
    'mediation.addSession': (input) => addSession(ctx, input),
    'mediation.updateSession': (input) => updateSession(ctx, input),
    'mediation.setAgreed': (input) => setAgreed(ctx, input),
    'mediation.settleWagesFirst': (input) => settleWagesFirst(ctx, input),
    'mediation.recordPayment': (input) => recordPayment(ctx, input),
    'mediation.setInstalments': (input) => setInstalments(ctx, input),
    'mediation.setOutcome': (input) => setOutcome(ctx, input),
    'mediation.recordSignature': (input) => recordSignature(ctx, input),
    'mediation.setLiability': (input) => setMediationLiability(ctx, input),
    'mediation.withdrawClaims': (input) => withdrawClaims(ctx, input),
    'mediation.undoWithdrawal': (input) => undoWithdrawal(ctx, input),
    'mediation.convertInspectionAgreement': (input) => convertInspectionAgreement(ctx, input),
  };
}
