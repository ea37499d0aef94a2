import crypto from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { AccountRef, Host, SessionGrant, SessionRef } from '../../core/contract';
import { accounts, sessions } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { toAccountRef } from './accountRows';

/** A session lasts a working day; the idle lock guards the screen in between. */
export const SESSION_HOURS = 12;

/** Only the SHA-256 of a token is stored: a copy of the database does not sign anyone in. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function openSession(tx: Executor, accountId: number, host: Host, now: Date): SessionGrant {
  tx.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  tx.insert(sessions).values({ tokenHash: hashToken(token), accountId, host, createdAt: now.toISOString(), expiresAt }).run();
  return { token, expiresAt };
}

export type ResolvedSession = { account: AccountRef; session: SessionRef };

/** The account behind a token: null when unknown, expired or the account is disabled. One indexed read. */
export function resolveSession(db: Executor, token: string, now: Date): ResolvedSession | null {
  if (!token || token.length > 200) return null;
  const row = db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .get();
  if (!row || row.session.expiresAt <= now.toISOString() || !row.account.active) return null;
  return { account: toAccountRef(row.account), session: { id: row.session.id, locked: row.session.lockedAt !== null } };
}

export function endSession(db: Executor, sessionId: number): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Signs the account out everywhere (disabled, or its password was reset). */
export function endSessionsOf(db: Executor, accountId: number): void {
  db.delete(sessions).where(eq(sessions.accountId, accountId)).run();
}

export function setLocked(db: Executor, sessionId: number, lockedAt: string | null): void {
  db.update(sessions).set({ lockedAt }).where(eq(sessions.id, sessionId)).run();
}

/** Signs out the session behind a token (a desktop window closed). */
export function endSessionByToken(db: Executor, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
}
