import type { HandlersOf } from '../createServices';
import type { ServiceContext } from '../context';
import { createSharedScreen } from './sharedScreen';

/** The presentation.* contract methods: one shared screen per opened data folder. */
export function presentationHandlers(ctx: ServiceContext): HandlersOf<'presentation.'> {
  const screen = createSharedScreen(ctx);
  ctx.onClose(screen.close);
  return {
    'presentation.show': (input) => screen.show(input),
    'presentation.unmask': (input) => screen.unmask(input),
    'presentation.current': () => screen.current(),
  };
}
