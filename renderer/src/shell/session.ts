import { createContext, useContext } from 'react';
import access from 'virtual:contract-access';
import type { AuthStatus, MethodName, SignedInAccount } from '../../../electron/core/contract';
import { mayCall } from '../../../electron/core/contract/spec';

/**
 * The signed-in person, for every screen: who it is and what they may do. `can(method)` reads
 * the contract's access table — the one the dispatcher enforces, read from the contract when the
 * renderer is built (virtual:contract-access) — so the renderer hides exactly what the server
 * would refuse (the server stays the authority).
 */
export type Session = {
  account: SignedInAccount;
  status: AuthStatus;
  can: (method: MethodName) => boolean;
  /** Reloads the sign-in status (after a password change, a lock, a sign-out). */
  refresh: () => Promise<void>;
  lock: () => void;
  signOut: () => Promise<void>;
};

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in app');
  return session;
}

/** Shorthand: may the signed-in person call this method? */
export function useCan(): (method: MethodName) => boolean {
  return useSession().can;
}

export function canCall(account: SignedInAccount | null, method: MethodName): boolean {
  return mayCall(access[method], account);
}
