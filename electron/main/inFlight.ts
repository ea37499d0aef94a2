import type { Handlers } from '../services/createServices';

/**
 * Service calls still running (an evidence import, a LibreOffice export…). Quitting waits for them
 * to settle before the database is closed.
 */
const pending = new Set<Promise<unknown>>();

/** Wraps every handler so the promises it returns are tracked; synchronous handlers are done when they return. */
export function trackHandlers(handlers: Handlers): void {
  const table = handlers as unknown as Record<string, (input: unknown) => unknown>;
  for (const [name, handler] of Object.entries(table)) {
    table[name] = (input) => {
      const result = handler(input);
      if (result instanceof Promise) {
        pending.add(result);
        const done = () => void pending.delete(result);
        result.then(done, done);
      }
      return result;
    };
  }
}

/** Resolves true once every tracked call has settled, or false after `timeoutMs`. */
export async function settled(timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  try {
    return await Promise.race([Promise.allSettled([...pending]).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
