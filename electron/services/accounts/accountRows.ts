import { sql } from 'drizzle-orm';
import { roles, type AccountRef, type AccountView, type Role, type SignedInAccount } from '../../core/contract';
import { accounts } from '../../../db/schema';
import type { Executor } from '../../../db/open';

export type AccountRow = typeof accounts.$inferSelect;

/** The roles column (a JSON array), keeping only known roles in the contract's order. */
export function parseRoles(json: string): Role[] {
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return [];
  }
  return Array.isArray(list) ? roles.filter((role) => list.includes(role)) : [];
}

export function serialiseRoles(list: readonly Role[]): string {
  return JSON.stringify(roles.filter((role) => list.includes(role)));
}

/** Sign-in names compare without surrounding spaces and without ASCII case (张三 = 张三, Zhang = zhang). */
export function normaliseUsername(username: string): string {
  return username.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function toAccountRef(row: AccountRow): AccountRef {
  return { id: row.id, name: row.name, roles: parseRoles(row.roles), mustChangePassword: row.mustChangePassword };
}

export function toSignedIn(row: AccountRow): SignedInAccount {
  return { id: row.id, name: row.name, username: row.username, roles: parseRoles(row.roles), mustChangePassword: row.mustChangePassword, builtIn: false };
}

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roles: parseRoles(row.roles),
    active: row.active,
    hasPassword: row.passwordHash !== null,
    mustChangePassword: row.mustChangePassword,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
  };
}

/** Active accounts holding a role (e.g. the administrators). */
export function countActiveWithRole(db: Executor, role: Role, exceptId?: number): number {
  return (
    db.get<{ n: number }>(
      sql`select count(*) as n from ${accounts} where active = 1 and exists (select 1 from json_each(roles) where value = ${role}) and id != ${exceptId ?? 0}`,
    )?.n ?? 0
  );
}
