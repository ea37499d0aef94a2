import { useState } from 'react';
import { useSubmit } from '../../ui/useSubmit';

/**
 * The state of a password form (sign-in, unlock): the password, the Chinese error of a refused
 * attempt, busy while it is checked. A refused password is cleared for the next try; on success it
 * is cleared when `clearOnSuccess` (a form that stays mounted, like the lock screen).
 */
export function usePasswordSubmit(send: (password: string) => Promise<void>, options: { clearOnSuccess: boolean }) {
  const [password, setPassword] = useState('');
  const { error, busy, submit } = useSubmit(
    async () => {
      await send(password);
      if (options.clearOnSuccess) setPassword('');
    },
    () => setPassword(''),
  );
  return { password, setPassword, error, busy, submit };
}
