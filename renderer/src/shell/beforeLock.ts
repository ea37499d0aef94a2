/**
 * Editors that save to the backend register here; before the screen locks (and the session stops
 * serving calls) the shell asks each to save what is typed. Nothing is unmounted by a lock, so
 * what is still unsaved stays on screen and is saved after unlocking.
 */
const flushers = new Set<() => Promise<void>>();

export function onBeforeLock(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Saves what can be saved, giving up after a few seconds (the lock must not wait for ever). */
export async function flushBeforeLock(): Promise<void> {
  const all = Promise.allSettled([...flushers].map((flush) => flush()));
  await Promise.race([all, new Promise((resolve) => setTimeout(resolve, 3000))]);
}
