/**
 * Signing in and out, first start, the idle lock and changing one's own password. Sign-in and
 * unlock share the growing delay of core/loginDelay: an attempt is counted as failed before the
 * password is checked (and the count reset when it was right), so parallel guesses cannot slip
 * past the delay while scrypt runs.
 */
import { eq } from 'drizzle-orm';
import { AppFailure, type AuthStatus, type SignedIn, type SignedInAccount } from '../../core/contract';
import { secondsToWait, waitMessage } from '../../core/loginDelay';
import { accounts } from '../../../db/schema';
import { currentCaller } from '../caller';
import type { ServiceContext } from '../context';
import { readSettings } from '../settings/settingsService';
import { countActiveWithRole, normaliseUsername, serialiseRoles, toSignedIn, type AccountRow } from './accountRows';
import { hashPassword, verifyPassword } from './passwords';
import { endSession, openSession, setLocked } from './sessions';
import { appendEvent } from '../timeline';

const WRONG = '登录名或密码错误';

export function authService(ctx: ServiceContext) {
  const { db } = ctx;
  /** Unknown sign-in names get the same delay, kept in memory (nothing to store them against). */
  const unknownNames = new Map<string, { failures: number; lastFailedAt: string }>();

  const byId = (id: number) => db.select().from(accounts).where(eq(accounts.id, id)).get();
  const byUsername = (username: string) => db.select().from(accounts).where(eq(accounts.username, normaliseUsername(username))).get();
  const needsSetup = () => countActiveWithRole(db, 'admin') === 0;

  function signedInAccount(): SignedInAccount | null {
    const account = currentCaller()?.account;
    if (!account) return null;
    if (account.id <= 0) return { id: account.id, name: account.name, username: 'system', roles: [...account.roles], mustChangePassword: false, builtIn: true };
    const row = byId(account.id);
    return row ? toSignedIn(row) : null;
  }

  /** Counts the attempt as failed up front; refuses while the delay runs. */
  function reserveAttempt(row: AccountRow): void {
    const now = ctx.now();
    db.transaction(
      (tx) => {
        const fresh = tx.select().from(accounts).where(eq(accounts.id, row.id)).get()!;
        const wait = secondsToWait(fresh.failedLogins, fresh.lastFailedAt, now);
        if (wait > 0) throw new AppFailure('forbidden', waitMessage(wait));
        tx.update(accounts).set({ failedLogins: fresh.failedLogins + 1, lastFailedAt: now.toISOString() }).where(eq(accounts.id, row.id)).run();
      },
      { behavior: 'immediate' },
    );
  }

  function reserveUnknown(username: string): void {
    const now = ctx.now();
    const entry = unknownNames.get(username) ?? { failures: 0, lastFailedAt: now.toISOString() };
    const wait = secondsToWait(entry.failures, entry.lastFailedAt, now);
    if (wait > 0) throw new AppFailure('forbidden', waitMessage(wait));
    if (unknownNames.size > 1000) unknownNames.clear();
    unknownNames.set(username, { failures: entry.failures + 1, lastFailedAt: now.toISOString() });
  }

  function succeeded(accountId: number, extra: Partial<AccountRow> = {}): void {
    db.update(accounts).set({ failedLogins: 0, lastFailedAt: null, ...extra }).where(eq(accounts.id, accountId)).run();
  }

  /** Checks the password of an account, with the growing delay; throws the Chinese message when wrong. */
  async function checkPassword(row: AccountRow, password: string, wrong: string): Promise<void> {
    reserveAttempt(row);
    if (!(await verifyPassword(password, row.passwordHash))) throw new AppFailure('invalid_input', wrong);
    succeeded(row.id);
  }

  return {
    status(): AuthStatus {
      const caller = currentCaller();
      const account = signedInAccount();
      const settings = readSettings(db);
      return {
        needsSetup: needsSetup(),
        account,
        locked: Boolean(caller?.session?.locked),
        idleLockMinutes: account && !account.builtIn ? settings.idleLockMinutes : 0,
        commissionName: settings.commissionName,
      };
    },

    async setup(input: { name: string; username: string; password: string }): Promise<SignedIn> {
      if (!needsSetup()) throw new AppFailure('conflict', '管理员账号已经建立，请登录');
      const passwordHash = await hashPassword(input.password);
      const now = ctx.now().toISOString();
      const host = currentCaller()?.host ?? ctx.host;
      return db.transaction(
        (tx) => {
          // checked again inside the write lock: two first starts at once create one administrator
          if (countActiveWithRole(tx, 'admin') > 0) throw new AppFailure('conflict', '管理员账号已经建立，请登录');
          const username = normaliseUsername(input.username);
          if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get()) {
            throw new AppFailure('conflict', `登录名“${username}”已被使用，请换一个`);
          }
          const row = tx
            .insert(accounts)
            .values({ username, name: input.name, roles: serialiseRoles(['admin']), passwordHash, mustChangePassword: false, active: true, lastLoginAt: now, createdAt: now, updatedAt: now })
            .returning()
            .get();
          appendEvent(tx, ctx.now(), { caseId: null, action: 'account.created', summary: `首次使用：建立管理员账号 ${input.name}（登录名 ${username}）`, after: { id: row.id, username, name: input.name, roles: ['admin'] } });
          return { account: toSignedIn(row), grant: openSession(tx, row.id, host, ctx.now()) };
        },
        { behavior: 'immediate' },
      );
    },

    async login(input: { username: string; password: string }): Promise<SignedIn> {
      const username = normaliseUsername(input.username);
      const row = byUsername(username);
      if (!row) {
        reserveUnknown(username);
        await verifyPassword(input.password, null); // same cost as a real check
        throw new AppFailure('invalid_input', WRONG);
      }
      await checkPassword(row, input.password, WRONG);
      if (!row.active) throw new AppFailure('forbidden', '该账号已停用，请联系管理员');
      const now = ctx.now();
      const host = currentCaller()?.host ?? ctx.host;
      return db.transaction(
        (tx) => {
          tx.update(accounts).set({ lastLoginAt: now.toISOString() }).where(eq(accounts.id, row.id)).run();
          return { account: toSignedIn({ ...row, lastLoginAt: now.toISOString() }), grant: openSession(tx, row.id, host, now) };
        },
        { behavior: 'immediate' },
      );
    },

    logout(): null {
      const session = currentCaller()?.session;
      if (session) endSession(db, session.id);
      return null;
    },

    async changePassword(input: { currentPassword: string; newPassword: string }): Promise<SignedInAccount> {
      const account = currentCaller()?.account;
      const row = account && account.id > 0 ? byId(account.id) : undefined;
      if (!row) throw new AppFailure('forbidden', '内置账号没有密码');
      // After a reset the person has just signed in with the temporary password: not asked again.
      if (!row.mustChangePassword) await checkPassword(row, input.currentPassword, '当前密码不正确');
      if (await verifyPassword(input.newPassword, row.passwordHash)) throw new AppFailure('invalid_input', '新密码不能与原密码相同');
      const passwordHash = await hashPassword(input.newPassword);
      const updatedAt = ctx.now().toISOString();
      db.transaction(
        (tx) => {
          tx.update(accounts).set({ passwordHash, mustChangePassword: false, updatedAt }).where(eq(accounts.id, row.id)).run();
          appendEvent(tx, ctx.now(), { caseId: null, action: 'account.passwordChanged', summary: `${row.name} 修改了自己的密码`, after: { id: row.id } });
        },
        { behavior: 'immediate' },
      );
      return toSignedIn({ ...row, passwordHash, mustChangePassword: false, updatedAt });
    },

    lock(): null {
      const session = currentCaller()?.session;
      if (session) setLocked(db, session.id, ctx.now().toISOString());
      return null;
    },

    async unlock(input: { password: string }): Promise<null> {
      const caller = currentCaller();
      if (!caller?.session) return null;
      const row = caller.account ? byId(caller.account.id) : undefined;
      if (!row) throw new AppFailure('unauthorized', '请先登录');
      await checkPassword(row, input.password, '密码不正确');
      setLocked(db, caller.session.id, null);
      return null;
    },
  };
}
