import type { ServiceContext } from '../context';
import type { HandlersOf } from '../createServices';
import { createAccount, listAccounts, resetPassword, updateAccount } from './accountsService';
import { authService } from './authService';

/** Sign-in, first start, idle lock (auth.*) and the administrator's accounts screen (accounts.*). */
export function accountHandlers(ctx: ServiceContext): HandlersOf<'auth.' | 'accounts.'> {
  const auth = authService(ctx);
  return {
    'auth.status': () => auth.status(),
    'auth.setup': (input) => auth.setup(input),
    'auth.login': (input) => auth.login(input),
    'auth.logout': () => auth.logout(),
    'auth.changePassword': (input) => auth.changePassword(input),
    'auth.lock': () => auth.lock(),
    'auth.unlock': (input) => auth.unlock(input),
    'accounts.list': () => listAccounts(ctx.db),
    'accounts.create': (input) => createAccount(ctx, input),
    'accounts.update': (input) => updateAccount(ctx, input),
    'accounts.resetPassword': (input) => resetPassword(ctx, input),
  };
}
