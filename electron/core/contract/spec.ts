import type { z } from 'zod';
import type { ApiError } from './errors';

/** The roles of a 速裁庭's staff; one person may hold several. */
export const roles = ['admin', 'arbitrator', 'clerk', 'inspector', 'mediator', 'observer'] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  arbitrator: '仲裁员',
  clerk: '书记员',
  inspector: '监察员',
  mediator: '调解员',
  observer: '观察员',
};
/** What each role is for, as the accounts screen explains it. */
export const roleDuties: Record<Role, string> = {
  admin: '账号、设置、备份',
  arbitrator: '开庭、裁决、签发',
  clerk: '收案受理、排期、笔录、送达、文书',
  inspector: '监察程序、限期改正、移送公安',
  mediator: '调解记录与调解协议',
  observer: '只读查看，个人信息遮蔽（如联席会议上的住建部门同志）',
};
/** At least this many characters; no other composition rule (length is what resists guessing). */
export const MIN_PASSWORD_LENGTH = 8;

/** Every role that works on cases with personal data in full: all but the observer. */
export const staffRoles = roles.filter((role) => role !== 'observer');

/** Which host serves a method: a method that takes a local path is desktop-only. */
export const hosts = ['web', 'electron'] as const;
export type Host = (typeof hosts)[number];

/**
 * Who may call a method: 'public' before signing in (status, first start, sign-in); 'session' for
 * any signed-in session, even one that is locked or must change its password first (sign out,
 * unlock, change password); 'signedIn' for any account (observers included); or the roles listed.
 */
export type Access = 'public' | 'session' | 'signedIn' | readonly Role[];

/** Everything about one contract method, in its one entry; the dispatcher enforces it. */
export type MethodSpec = {
  input: z.ZodType;
  output: z.ZodType;
  access: Access;
  /** True when the method only reads (observers may call only these). */
  reads: boolean;
  /** Hosts that offer the method; both when absent. */
  hosts?: readonly Host[];
  /** The local paths an input names: each must have been granted by the user in this session (desktop). */
  localPaths?: (input: never) => string[];
  /**
   * Sign-in methods: 'opens' returns a SessionGrant (the host keeps the token — cookie or window —
   * and removes it from what the renderer gets); 'closes' ends the caller's session.
   */
  session?: 'opens' | 'closes';
};
export type Methods = Record<string, MethodSpec>;

/** The signed-in person a call acts for (the built-in 系统 account, id 0, in automation). */
export type AccountRef = { id: number; name: string; roles: readonly Role[]; mustChangePassword?: boolean };

/** The session a call comes through (absent for automation and tests). */
export type SessionRef = { id: number; locked: boolean };

/** Who is calling, through which host: the dispatcher decides on this and nothing else. */
export type Caller = {
  host: Host;
  account: AccountRef | null;
  session?: SessionRef | null;
  /** Desktop: takes the paths if the user granted every one of them in this session (dialog or drop). */
  takeGrantedPaths?: (paths: string[]) => boolean;
};

/** What a sign-in method hands the host (never the renderer). */
export type SessionGrant = { token: string; expiresAt: string };

/** Whether an account's roles reach a method with this access (the renderer hides what this refuses). */
export function mayCall(access: Access, account: AccountRef | null): boolean {
  if (access === 'public') return true;
  if (!account) return false;
  if (access === 'session' || access === 'signedIn') return true;
  return account.roles.some((role) => access.includes(role));
}

/**
 * The one permission check (dispatcher and the web host's file routes): signed in, password
 * changed when the administrator reset it, screen not locked, and a role that reaches the method.
 * Null when the call may go ahead.
 */
export function accessProblem(access: Access, caller: Caller): ApiError | null {
  if (access === 'public') return null;
  const account = caller.account;
  if (!account) return { code: 'unauthorized', message: '请先登录' };
  if (access === 'session') return null;
  if (account.mustChangePassword) return { code: 'forbidden', message: '管理员重置了您的密码，请先设置新密码' };
  if (caller.session?.locked) return { code: 'locked', message: '屏幕已锁定，请输入密码解锁' };
  if (mayCall(access, account)) return null;
  const held = account.roles.map((role) => roleLabels[role]).join('、') || '无角色';
  return { code: 'forbidden', message: `您的角色（${held}）无权执行此操作` };
}

/** Whether this account sees personal data in full (observers only see it masked). */
export function seesPersonalData(account: AccountRef | null): boolean {
  return Boolean(account?.roles.some((role) => role !== 'observer'));
}
