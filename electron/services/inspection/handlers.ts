import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { addInspectionStep, closeInspection, extendInspection, fileInspection, openInspection } from './inspectionService';

export function inspectionHandlers(ctx: ServiceContext): HandlersOf<'inspection.'> {
  return {
    'inspection.open': (input) => openInspection(ctx, input),
    'inspection.file': (input) => fileInspection(ctx, input),
    'inspection.addStep': (input) => addInspectionStep(ctx, input),
    'inspection.extend': (input) => extendInspection(ctx, input),
    'inspection.close': (input) => closeInspection(ctx, input),
  };
}
