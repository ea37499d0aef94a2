import { useState, type FormEvent } from 'react';

/**
 * Runs a call busy, its Chinese error shown when refused (then `onRefused`, e.g. to clear a
 * password), the error cleared on the next try. `setError` for the owner's own messages (a failed
 * load) and for clearing when a dialog reopens.
 */
export function useBusyCall(onRefused?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await task();
    } catch (err) {
      setError((err as Error).message);
      onRefused?.();
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, run };
}

/** A form's or a dialog's submit of `send`: takes the form's submit event (its default prevented) or nothing (a button's click). */
export function useSubmit(send: () => Promise<void>, onRefused?: () => void) {
  const { run, ...state } = useBusyCall(onRefused);
  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    await run(send);
  };
  return { ...state, submit };
}
