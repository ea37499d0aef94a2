import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { generateDocument } from '../documents/generate';
import { readAward } from './awardView';
import { issueAward } from './issueAward';
import { saveAward, setAwardLiability } from './saveAward';
import './registerDocuments';

export function awardHandlers(ctx: ServiceContext): HandlersOf<'award.'> {
  return {
    'award.get': ({ caseId }) => readAward(ctx.db, caseId),
    'award.save': (input) => saveAward(ctx, input),
    'award.setLiability': (input) => setAwardLiability(ctx, input),
    'award.issue': (input) => issueAward(ctx, input, (c, caseId) => generateDocument(c, { caseId, kind: 'award' })),
  };
}
