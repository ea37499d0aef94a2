import type { z } from 'zod';

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

/** Which host serves a method: a method that takes a local path is desktop-only. */
export const hosts = ['web', 'electron'] as const;
export type Host = (typeof hosts)[number];

/**
 * Who may call a method: 'public' before signing in (login, first start), 'signedIn' for any
 * account (observers included), or the roles listed.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

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
};
export type Methods = Record<string, MethodSpec>;

/** The signed-in person a call acts for (the built-in 系统 account in automation). */
export type AccountRef = { id: number; name: string; roles: readonly Role[] };

/** Who is calling, through which host: the dispatcher decides on this and nothing else. */
export type Caller = {
  host: Host;
  account: AccountRef | null;
  /** Desktop: takes the paths if the user granted every one of them in this session (dialog or drop). */
  takeGrantedPaths?: (paths: string[]) => boolean;
};

/** Whether an account may call a method with this access. */
export function mayCall(access: Access, account: AccountRef | null): boolean {
  if (access === 'public') return true;
  if (!account) return false;
  if (access === 'signedIn') return true;
  return account.roles.some((role) => access.includes(role));
}
