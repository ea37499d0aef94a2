/**
 * The administrator's accounts screen: create, rename, change roles, disable / enable, reset a
 * password. Nobody is deleted. An administrator cannot disable themselves or leave the
 * installation without an active administrator; a person with hearings still to come keeps the
 * role they sit in (as the staff settings did before accounts).
 */
import { asc, desc, eq, sql } from 'drizzle-orm';
import { AppFailure, roleLabels, type AccountView, type Role, type StaffView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { accounts } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import { currentCaller } from '../caller';
import type { ServiceContext } from '../context';
import { countActiveWithRole, normaliseUsername, parseRoles, serialiseRoles, toAccountView } from './accountRows';
import { hashPassword } from './passwords';
import { endSessionsOf } from './sessions';
import { appendEvent } from '../timeline';

const rolesText = (roles: Role[]) => roles.map((r) => roleLabels[r]).join('、') || '无角色';

export function listAccounts(db: Executor): AccountView[] {
  return db.select().from(accounts).orderBy(desc(accounts.active), asc(accounts.id)).all().map(toAccountView);
}

/** Accounts that can sit on a hearing (arbitrators and clerks), for scheduling and the calendar. */
export function listHearingStaff(db: Executor): StaffView[] {
  return db
    .select()
    .from(accounts)
    .where(sql`exists (select 1 from json_each(${accounts.roles}) where value in ('arbitrator', 'clerk'))`)
    .orderBy(desc(accounts.active), asc(accounts.id))
    .all()
    .map((row) => ({ id: row.id, name: row.name, roles: parseRoles(row.roles), active: row.active }));
}

/** Scheduled hearings from today on in which the account sits as arbitrator or as clerk. */
function upcomingHearings(tx: Tx, today: string, accountId: number, role: 'arbitrator' | 'clerk'): number {
  const seat =
    role === 'clerk'
      ? sql`clerk_id = ${accountId}`
      : sql`(presiding_id = ${accountId} or exists (select 1 from json_each(wing_ids) where value = ${accountId}))`;
  return tx.get<{ n: number }>(sql`select count(*) as n from hearings where status = 'scheduled' and starts_at >= ${today} and ${seat}`)?.n ?? 0;
}

function requireNameFree(tx: Tx, name: string, exceptId: number | null): void {
  const clash = tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(sql`${accounts.name} = ${name} and ${accounts.active} = 1 and ${accounts.id} != ${exceptId ?? 0}`)
    .get();
  if (clash) throw new AppFailure('conflict', `已有名为“${name}”的账号，同名人员请加以区分（如“${name}（二）”），以免排期和文书中混淆`);
}

export async function createAccount(ctx: ServiceContext, input: { username: string; name: string; roles: Role[]; password: string }): Promise<AccountView[]> {
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now().toISOString();
  return ctx.db.transaction(
    (tx) => {
      const username = normaliseUsername(input.username);
      if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get()) {
        throw new AppFailure('conflict', `登录名“${username}”已被使用，请换一个`);
      }
      requireNameFree(tx, input.name, null);
      const row = tx
        .insert(accounts)
        .values({ username, name: input.name, roles: serialiseRoles(input.roles), passwordHash, mustChangePassword: true, active: true, createdAt: now, updatedAt: now })
        .returning({ id: accounts.id })
        .get();
      appendEvent(tx, ctx.now(), {
        caseId: null,
        action: 'account.created',
        summary: `开设账号：${input.name}（登录名 ${username}，${rolesText(input.roles)}）`,
        after: { id: row.id, username, name: input.name, roles: input.roles },
      });
      return listAccounts(tx);
    },
    { behavior: 'immediate' },
  );
}

export function updateAccount(ctx: ServiceContext, input: { id: number; name: string; roles: Role[]; active: boolean }): AccountView[] {
  const today = todayInChina(ctx.now());
  const me = currentCaller()?.account?.id;
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select().from(accounts).where(eq(accounts.id, input.id)).get();
      if (!row) throw new AppFailure('not_found', `账号不存在（编号${input.id}）`);
      const before = parseRoles(row.roles);
      const after = input.active ? input.roles : before;
      if (input.id === me && !input.active) throw new AppFailure('conflict', '不能停用自己的账号');
      if (input.id === me && before.includes('admin') && !input.roles.includes('admin')) throw new AppFailure('conflict', '不能取消自己的管理员角色，请由另一位管理员操作');
      if (before.includes('admin') && (!input.active || !input.roles.includes('admin')) && countActiveWithRole(tx, 'admin', row.id) === 0) {
        throw new AppFailure('conflict', '这是唯一的管理员：请先为另一位人员开通管理员角色');
      }
      for (const seat of ['arbitrator', 'clerk'] as const) {
        const leaves = before.includes(seat) && (!input.active || !after.includes(seat));
        const n = leaves && row.active ? upcomingHearings(tx, today, row.id, seat) : 0;
        if (n > 0) throw new AppFailure('conflict', `${row.name}还有${n}场待开庭担任${roleLabels[seat]}，请先调整这些开庭后再${input.active ? `取消${roleLabels[seat]}角色` : '停用'}`);
      }
      if (input.name !== row.name) requireNameFree(tx, input.name, row.id);
      tx.update(accounts)
        .set({ name: input.name, roles: serialiseRoles(input.roles), active: input.active, updatedAt: ctx.now().toISOString() })
        .where(eq(accounts.id, row.id))
        .run();
      if (!input.active) endSessionsOf(tx, row.id);
      const changes = [
        input.name !== row.name ? `姓名 ${row.name} → ${input.name}` : '',
        serialiseRoles(input.roles) !== row.roles ? `角色 ${rolesText(before)} → ${rolesText(input.roles)}` : '',
        input.active !== row.active ? (input.active ? '重新启用' : '停用') : '',
      ].filter(Boolean);
      appendEvent(tx, ctx.now(), {
        caseId: null,
        action: 'account.updated',
        summary: `修改账号 ${row.name}：${changes.join('；') || '未改动'}`,
        before: { id: row.id, name: row.name, roles: before, active: row.active },
        after: { id: row.id, name: input.name, roles: input.roles, active: input.active },
      });
      return listAccounts(tx);
    },
    { behavior: 'immediate' },
  );
}

export async function resetPassword(ctx: ServiceContext, input: { id: number; password: string }): Promise<AccountView[]> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(
    (tx) => {
      const row = tx.select({ id: accounts.id, name: accounts.name }).from(accounts).where(eq(accounts.id, input.id)).get();
      if (!row) throw new AppFailure('not_found', `账号不存在（编号${input.id}）`);
      tx.update(accounts)
        .set({ passwordHash, mustChangePassword: true, failedLogins: 0, lastFailedAt: null, updatedAt: ctx.now().toISOString() })
        .where(eq(accounts.id, row.id))
        .run();
      endSessionsOf(tx, row.id);
      appendEvent(tx, ctx.now(), { caseId: null, action: 'account.passwordReset', summary: `重置 ${row.name} 的密码（下次登录须修改）`, after: { id: row.id } });
      return listAccounts(tx);
    },
    { behavior: 'immediate' },
  );
}
