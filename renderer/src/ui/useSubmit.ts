import { useState, type FormEvent } from 'react';

/**
 * A form's submit: busy while `send` runs, its Chinese error shown when refused (then `onRefused`,
 * e.g. to clear a password), the error cleared on the next try.
 */
export function useSubmit(send: () => Promise<void>, onRefused?: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (err) {
      setError((err as Error).message);
      onRefused?.();
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
