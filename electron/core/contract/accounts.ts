import { z } from 'zod';
import { id, out, text } from './fields';
import { MIN_PASSWORD_LENGTH, roles, type Methods, type Role, type SessionGrant } from './spec';

export const passwordSchema = z
  .string({ error: '请输入密码' })
  .min(MIN_PASSWORD_LENGTH, `密码至少 ${MIN_PASSWORD_LENGTH} 位`)
  .max(128, '密码不能超过 128 位');
export const usernameSchema = text(32)
  .min(2, '登录名至少 2 个字符')
  .regex(/^[\p{L}\p{N}._-]+$/u, '登录名只能包含汉字、字母、数字和 . _ -，不能有空格');
const personName = text(20).min(1, '请填写姓名');
const roleList = z.array(z.enum(roles, { error: '未知的角色' })).min(1, '请至少选择一个角色').max(roles.length);

/** The person signed in, as the renderer sees it. `builtIn` is the 系统 account of automation. */
export type SignedInAccount = { id: number; name: string; username: string; roles: Role[]; mustChangePassword: boolean; builtIn: boolean };
export type AuthStatus = {
  /** No administrator yet: the first start asks for one. */
  needsSetup: boolean;
  account: SignedInAccount | null;
  locked: boolean;
  /** Minutes without input before the screen locks (0: never, e.g. automation). */
  idleLockMinutes: number;
  commissionName: string;
};
/** What a sign-in method returns to the host; the host keeps `grant` and passes on the rest. */
export type SignedIn = { account: SignedInAccount; grant?: SessionGrant };

export type AccountView = {
  id: number;
  username: string;
  name: string;
  roles: Role[];
  active: boolean;
  /** False for a former staff entry until the administrator sets a first password. */
  hasPassword: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export const accountsContract = {
  'auth.status': { input: z.object({}).default({}), output: out<AuthStatus>(), access: 'public', reads: true },
  /** First start only: creates the administrator and signs in. Refused once an administrator exists. */
  'auth.setup': {
    access: 'public', reads: false, session: 'opens',
    input: z.object({ name: personName, username: usernameSchema, password: passwordSchema }),
    output: out<SignedIn>(),
  },
  'auth.login': {
    access: 'public', reads: false, session: 'opens',
    input: z.object({ username: text(32).min(1, '请输入登录名'), password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码不能超过 128 位') }),
    output: out<SignedIn>(),
  },
  'auth.logout': { input: z.object({}).default({}), output: out<null>(), access: 'session', reads: false, session: 'closes' },
  'auth.changePassword': {
    access: 'session', reads: false,
    input: z.object({ currentPassword: z.string().max(128).default(''), newPassword: passwordSchema }),
    output: out<SignedInAccount>(),
  },
  /** Idle lock: the screen asks for the password again; until then only unlock, sign-out and status are served. */
  'auth.lock': { input: z.object({}).default({}), output: out<null>(), access: 'session', reads: false },
  'auth.unlock': { input: z.object({ password: z.string().min(1, '请输入密码').max(128, '密码不能超过 128 位') }), output: out<null>(), access: 'session', reads: false },

  'accounts.list': { input: z.object({}).default({}), output: out<AccountView[]>(), access: ['admin'], reads: true },
  /** The person changes the initial password at first sign-in. */
  'accounts.create': {
    access: ['admin'], reads: false,
    input: z.object({ username: usernameSchema, name: personName, roles: roleList, password: passwordSchema }),
    output: out<AccountView[]>(),
  },
  /** Name, roles, enabled. Accounts are never deleted: a person who leaves is disabled and keeps their history. */
  'accounts.update': {
    access: ['admin'], reads: false,
    input: z.object({ id, name: personName, roles: roleList, active: z.boolean({ error: '请选择启用或停用' }) }),
    output: out<AccountView[]>(),
  },
  /** Sets a temporary password; the person must change it at next sign-in; their sessions end. */
  'accounts.resetPassword': { input: z.object({ id, password: passwordSchema }), output: out<AccountView[]>(), access: ['admin'], reads: false },
} as const satisfies Methods;
