import type { HandlersOf } from '../createServices';
import type { ServiceContext } from '../context';
import { addReference, listExhibits, recogniseExhibit, removeExhibit, reorderExhibits, updateExhibit } from './exhibits';
import { addFromPaths, cancelImport } from './imports';
import { previewExhibit } from './preview';
import { verifyStart, verifyStatus } from './verify';

/** The evidence.* contract methods (leftovers of interrupted imports are swept when the data folder opens). */
export function evidenceHandlers(ctx: ServiceContext): HandlersOf<'evidence.'> {
  return {
    'evidence.list': ({ caseId }) => listExhibits(ctx, caseId),
    'evidence.addFromPaths': (input) => addFromPaths(ctx, input),
    'evidence.addReference': (input) => addReference(ctx, input),
    'evidence.update': (input) => updateExhibit(ctx, input),
    'evidence.reorder': (input) => reorderExhibits(ctx, input),
    'evidence.remove': (input) => removeExhibit(ctx, input),
    'evidence.recognise': (input) => recogniseExhibit(ctx, input),
    'evidence.cancelImport': ({ importId }) => cancelImport(ctx, importId),
    'evidence.preview': ({ id }) => previewExhibit(ctx, id),
    'evidence.verifyStart': () => verifyStart(ctx),
    'evidence.verifyStatus': () => verifyStatus(ctx),
  };
}
