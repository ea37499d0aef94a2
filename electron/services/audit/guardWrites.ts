import type { MethodName } from '../../core/contract';
import type { Db } from '../../../db/open';
import type { Handlers } from '../createServices';
import { recordUnattributedWrites } from './unattributed';

/** After each method (sync or async) has finished, gives rows no event took to an event of their own. */
export function guardWrites(handlers: Handlers, db: Db, now: () => Date): void {
  for (const name of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[name] as (input: unknown) => unknown;
    const check = () => recordUnattributedWrites(db.$client, name, now());
    (handlers as Record<string, (input: unknown) => unknown>)[name] = (input) => {
      const result = handler(input);
      if (result instanceof Promise) return result.finally(check);
      check();
      return result;
    };
  }
}
