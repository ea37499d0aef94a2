import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/services/createServices';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';
import type { Caller, MethodInput, MethodName, MethodOutput, Role, SignedIn } from '../../electron/core/contract';
import { appPaths, caseInput, makeId, tempDataDir, workerDraft } from '../support/services';

/**
 * Accounts, sign-in and roles through the real dispatcher on a real SQLite file: first start,
 * password storage, the growing delay, reset → change at next sign-in, disable (never delete),
 * the idle lock, sessions that survive a restart, per-role refusals that change nothing, what an
 * observer sees, and who each event names.
 */
let clock = new Date('2026-11-20T02:00:00Z');
const tick = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
const dataDir = tempDataDir('sucai-accounts-');
const open = () => createServices({ ...appPaths, dataDir, host: 'web', version: 'test', now: () => clock });
let s: Services;
const nobody: Caller = { host: 'web', account: null };

async function call<M extends MethodName>(caller: Caller | (() => Caller), name: M, input: MethodInput<M>) {
  return dispatch(s.handlers, name, input, typeof caller === 'function' ? caller() : caller) as Promise<
    { ok: true; value: MethodOutput<M> } | { ok: false; error: { code: string; message: string } }
  >;
}
async function ok<M extends MethodName>(caller: Caller | (() => Caller), name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await call(caller, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
/** Signs in through auth.login and returns the caller of that session, looked up afresh at each call (as a host does). */
async function signIn(username: string, password: string): Promise<{ token: string; as: () => Caller }> {
  const { grant } = (await ok(nobody, 'auth.login', { username, password })) as SignedIn;
  const token = grant!.token;
  return { token, as: () => ({ host: 'web', ...(s.resolveSession(token) ?? { account: null }) }) };
}

let admin: () => Caller;
const ids: Record<string, number> = {};
const PASSWORD = '初始密码-2026';

beforeAll(async () => {
  s = open();
});
afterAll(() => s.close());

describe('first start', () => {
  it('asks for the administrator while there is none, creates one, then never again', async () => {
    expect(await ok(nobody, 'auth.status', {})).toMatchObject({ needsSetup: true, account: null, locked: false });
    const refused = await call(nobody, 'cases.search', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized', message: '请先登录' } });
    const short = await call(nobody, 'auth.setup', { name: '管理员', username: 'admin', password: '1234567' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '密码至少 8 位' } });

    const created = (await ok(nobody, 'auth.setup', { name: '林海', username: 'LinHai', password: 'guanliyuan-2026' })) as SignedIn;
    expect(created.account).toMatchObject({ name: '林海', username: 'linhai', roles: ['admin'], mustChangePassword: false, builtIn: false });
    expect(created.grant!.token).toMatch(/^[\w-]{40,}$/);
    admin = () => ({ host: 'web', ...s.resolveSession(created.grant!.token)! });
    expect(await ok(admin, 'auth.status', {})).toMatchObject({ needsSetup: false, account: { name: '林海' }, idleLockMinutes: 15 });
    expect(await call(nobody, 'auth.setup', { name: '别人', username: 'other', password: 'other-password' })).toMatchObject({ ok: false, error: { code: 'conflict', message: '管理员账号已经建立，请登录' } });
  });

  it('stores only a salted scrypt hash, different for the same password', async () => {
    for (const [key, name, roles] of [
      ['clerk', '周婷', ['clerk']],
      ['arbitrator', '王建国', ['arbitrator']],
      ['inspector', '赵监察', ['inspector']],
      ['mediator', '孙调解', ['mediator']],
      ['observer', '住建局刘科长', ['observer']],
    ] as [string, string, Role[]][]) {
      const list = await ok(admin, 'accounts.create', { username: key, name, roles, password: PASSWORD });
      ids[key] = list.find((a) => a.username === key)!.id;
    }
    const rows = s.ctx.db.$client.prepare(`select username, password_hash as hash from accounts where username in ('clerk', 'arbitrator')`).all() as { username: string; hash: string }[];
    for (const row of rows) expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(rows[0].hash.split('$')[4]).not.toBe(rows[1].hash.split('$')[4]);
    const dump = fs.readFileSync(`${dataDir}/sucai.db`).toString('latin1') + fs.readFileSync(`${dataDir}/sucai.db-wal`).toString('latin1');
    expect(dump).not.toContain('guanliyuan-2026');
  });
});

describe('signing in', () => {
  it('refuses a wrong password and an unknown name with the same message', async () => {
    expect(await call(nobody, 'auth.login', { username: 'clerk', password: 'wrong-password' })).toMatchObject({ ok: false, error: { message: '登录名或密码错误' } });
    expect(await call(nobody, 'auth.login', { username: 'nobody-here', password: 'wrong-password' })).toMatchObject({ ok: false, error: { message: '登录名或密码错误' } });
  });

  it('waits longer after each further failure, and a right password resets the count', async () => {
    // clerk has failed once above; two more are free, then 5 s, 10 s, 20 s …
    for (let i = 0; i < 2; i++) expect((await call(nobody, 'auth.login', { username: 'clerk', password: 'wrong' })).ok).toBe(false);
    const waiting = await call(nobody, 'auth.login', { username: 'clerk', password: PASSWORD });
    expect(waiting).toMatchObject({ ok: false, error: { code: 'forbidden', message: '密码连续输错次数过多，请 5 秒后再试' } });
    tick(5);
    expect(await call(nobody, 'auth.login', { username: 'clerk', password: 'wrong' })).toMatchObject({ ok: false, error: { message: '登录名或密码错误' } });
    expect(await call(nobody, 'auth.login', { username: 'clerk', password: PASSWORD })).toMatchObject({ ok: false, error: { message: '密码连续输错次数过多，请 10 秒后再试' } });
    tick(10);
    const signed = await call(nobody, 'auth.login', { username: 'clerk', password: PASSWORD });
    expect(signed.ok).toBe(true);
    expect(s.ctx.db.$client.prepare(`select failed_logins as n from accounts where username = 'clerk'`).get()).toEqual({ n: 0 });
    // unknown names are delayed the same way
    for (let i = 0; i < 3; i++) await call(nobody, 'auth.login', { username: 'ghost', password: 'x' });
    expect(await call(nobody, 'auth.login', { username: 'ghost', password: 'x' })).toMatchObject({ ok: false, error: { message: '密码连续输错次数过多，请 5 秒后再试' } });
  });

  it('a new account must change its initial password before anything else', async () => {
    const clerk = await signIn('clerk', PASSWORD);
    expect(await ok(clerk.as, 'auth.status', {})).toMatchObject({ account: { name: '周婷', mustChangePassword: true } });
    expect(await call(clerk.as, 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'forbidden', message: '管理员重置了您的密码，请先设置新密码' } });
    expect(await call(clerk.as, 'auth.changePassword', { newPassword: PASSWORD })).toMatchObject({ ok: false, error: { message: '新密码不能与原密码相同' } });
    expect(await call(clerk.as, 'auth.changePassword', { newPassword: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await ok(clerk.as, 'auth.changePassword', { newPassword: 'zhouting-2026' });
    expect((await ok(clerk.as, 'cases.search', {})).total).toBe(0);
    // from now on the current password is asked for
    expect(await call(clerk.as, 'auth.changePassword', { currentPassword: 'wrong', newPassword: 'another-2026' })).toMatchObject({ ok: false, error: { message: '当前密码不正确' } });
    for (const key of ['arbitrator', 'inspector', 'mediator', 'observer']) {
      const person = await signIn(key, PASSWORD);
      await ok(person.as, 'auth.changePassword', { newPassword: `${key}-2026-new` });
    }
  });

  it('the administrator resets a password: the person is signed out everywhere and must change it', async () => {
    const before = await signIn('clerk', 'zhouting-2026');
    await ok(admin, 'accounts.resetPassword', { id: ids.clerk, password: 'linshi-mima-1' });
    expect(before.as().account).toBeNull();
    expect(await call(nobody, 'auth.login', { username: 'clerk', password: 'zhouting-2026' })).toMatchObject({ ok: false });
    const after = await signIn('clerk', 'linshi-mima-1');
    expect(after.as().account).toMatchObject({ mustChangePassword: true });
    await ok(after.as, 'auth.changePassword', { newPassword: 'zhouting-2026' });
    expect(after.as().account).toMatchObject({ mustChangePassword: false });
  });

  it('a disabled account is signed out and cannot sign in, but stays (with its history)', async () => {
    const med = await signIn('mediator', 'mediator-2026-new');
    const list = await ok(admin, 'accounts.update', { id: ids.mediator, name: '孙调解', roles: ['mediator'], active: false });
    expect(list.find((a) => a.id === ids.mediator)).toMatchObject({ active: false, name: '孙调解' });
    expect(med.as().account).toBeNull();
    expect(await call(nobody, 'auth.login', { username: 'mediator', password: 'mediator-2026-new' })).toMatchObject({ ok: false, error: { message: '该账号已停用，请联系管理员' } });
    await ok(admin, 'accounts.update', { id: ids.mediator, name: '孙调解', roles: ['mediator'], active: true });
    expect((await signIn('mediator', 'mediator-2026-new')).as().account).toMatchObject({ name: '孙调解' });
  });

  it('the installation never loses its last administrator, and an administrator cannot disable themselves', async () => {
    const adminId = admin().account!.id;
    expect(await call(admin, 'accounts.update', { id: adminId, name: '林海', roles: ['admin'], active: false })).toMatchObject({ ok: false, error: { message: '不能停用自己的账号' } });
    expect(await call(admin, 'accounts.update', { id: adminId, name: '林海', roles: ['arbitrator'], active: true })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // a second administrator may take the role away; the last one may not lose it
    await ok(admin, 'accounts.update', { id: ids.inspector, name: '赵监察', roles: ['inspector', 'admin'], active: true });
    const second = await signIn('inspector', 'inspector-2026-new');
    await ok(second.as, 'accounts.update', { id: adminId, name: '林海', roles: ['admin', 'arbitrator'], active: true });
    expect(await call(admin, 'accounts.update', { id: ids.inspector, name: '赵监察', roles: ['inspector'], active: true })).toMatchObject({ ok: true });
    expect(await call(second.as, 'accounts.create', { username: 'x1', name: '某人', roles: ['clerk'], password: 'password-1' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: '您的角色（监察员）无权执行此操作' } });
  });
});

describe('idle lock', () => {
  it('a locked session is served nothing but unlock, status and sign-out; the password unlocks it', async () => {
    const clerk = await signIn('clerk', 'zhouting-2026');
    await ok(clerk.as, 'auth.lock', {});
    expect(await ok(clerk.as, 'auth.status', {})).toMatchObject({ locked: true, account: { name: '周婷' } });
    expect(await call(clerk.as, 'cases.search', {})).toMatchObject({ ok: false, error: { code: 'locked', message: '屏幕已锁定，请输入密码解锁' } });
    expect(await call(clerk.as, 'auth.unlock', { password: 'wrong' })).toMatchObject({ ok: false, error: { message: '密码不正确' } });
    await ok(clerk.as, 'auth.unlock', { password: 'zhouting-2026' });
    expect((await call(clerk.as, 'cases.search', {})).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('keep only the hash of the token, expire, end on sign-out, and survive a restart of the host', async () => {
    const clerk = await signIn('clerk', 'zhouting-2026');
    const stored = s.ctx.db.$client.prepare('select token_hash as h from sessions').pluck().all() as string[];
    expect(stored).not.toContain(clerk.token);
    expect(stored.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    s.close();
    s = open(); // a restarted host
    expect(clerk.as().account).toMatchObject({ name: '周婷' });
    await ok(clerk.as, 'auth.logout', {});
    expect(clerk.as().account).toBeNull();
    const later = await signIn('clerk', 'zhouting-2026');
    tick(12 * 3600 + 1);
    expect(later.as().account).toBeNull();
    admin = (await signIn('linhai', 'guanliyuan-2026')).as;
  });
});

describe('permissions at the dispatcher, per role', () => {
  // The same division of work as tests/unit/permissions.test.ts, called for real: an allowed call
  // passes the gate (its empty input is then refused as invalid); a forbidden one is refused
  // with a Chinese message before anything is read or written.
  const rows: [string, MethodName[], MethodName[]][] = [
    ['clerk', ['cases.accept', 'hearings.schedule', 'documents.recordService'], ['award.issue', 'inspection.open', 'accounts.create', 'mediation.setAgreed']],
    ['arbitrator', ['award.issue', 'award.save', 'hearings.attendance'], ['cases.accept', 'hearings.schedule', 'settings.update', 'followUp.policePackage']],
    ['inspector', ['inspection.addStep', 'followUp.policePackage', 'cases.create'], ['cases.accept', 'award.save', 'closing.close']],
    ['mediator', ['mediation.setAgreed', 'mediation.recordSignature'], ['award.issue', 'cases.create', 'presentation.unmask']],
    ['observer', ['cases.get', 'mediation.get'], ['cases.create', 'evidence.preview', 'dashboard.export', 'bundle.export', 'warnings.refresh']],
  ];
  const passwords: Record<string, string> = { clerk: 'zhouting-2026', arbitrator: 'arbitrator-2026-new', inspector: 'inspector-2026-new', mediator: 'mediator-2026-new', observer: 'observer-2026-new' };

  it.each(rows)('%s', async (key, allowed, forbidden) => {
    const person = await signIn(key, passwords[key]);
    for (const name of allowed) {
      const result = await call(person.as, name, {} as never);
      expect([name, result.ok ? 'ok' : result.error.code]).not.toEqual([name, 'forbidden']);
    }
    for (const name of forbidden) {
      const changes = s.ctx.db.$client.prepare('select total_changes() as n').get();
      const result = await call(person.as, name, { caseId: 1, id: 1 } as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(!result.ok && result.error.message).toMatch(/^您的角色（.+）无权执行此操作$/);
      expect(s.ctx.db.$client.prepare('select total_changes() as n').get()).toEqual(changes);
    }
  });
});

describe('what an observer sees, and who each event names', () => {
  const id = makeId('360702', '1984-04-04', 12);
  let caseId: number;

  it('records the signed-in person on every event, and 系统 for automation', async () => {
    const clerk = await signIn('clerk', 'zhouting-2026');
    caseId = (await ok(clerk.as, 'cases.create', caseInput([workerDraft('钟海涛', id, '4200', { phone: '13912345678', bankCard: '6222021234567891234', note: `身份证 ${id}` } as never)]))).id;
    await ok(clerk.as, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
    await ok(systemCaller('web'), 'cases.recordService', { id: caseId, servedOn: '2026-11-19' });
    const rows = s.ctx.db.$client.prepare('select actor, actor_id as actorId, action from case_events where case_id = ? order by id').all(caseId);
    expect(rows).toEqual([
      { actor: '周婷', actorId: ids.clerk, action: 'case.received' },
      { actor: '周婷', actorId: ids.clerk, action: 'case.accepted' },
      { actor: '系统', actorId: null, action: 'case.served' },
    ]);
  });

  it('an observer gets the case with ID, phone and bank card masked and no birth date; staff get them in full', async () => {
    const observer = await signIn('observer', 'observer-2026-new');
    const seen = await ok(observer.as, 'cases.get', { id: caseId });
    const w = seen.workers[0];
    expect(w.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(w.phone).toBe('139****5678');
    expect(w.bankCard).toBe('尾号1234');
    expect(w.birthDate).toBe('');
    expect(JSON.stringify(seen)).not.toContain(id);
    const mediation = await ok(observer.as, 'mediation.get', { caseId });
    expect(JSON.stringify(mediation)).not.toContain(id);
    const full = await ok(admin, 'cases.get', { id: caseId });
    expect(full.workers[0].idNumber).toBe(id);
  });

  it('records sensitive reads: the dashboard case-list export names each case and the person', async () => {
    const clerk = await signIn('clerk', 'zhouting-2026');
    const exported = await ok(clerk.as, 'dashboard.export', { from: '2026-11-01', to: '2026-11-30' });
    const events = s.ctx.db.$client.prepare(`select actor, summary from case_events where action = 'dashboard.exported'`).all();
    expect(events).toEqual([{ actor: '周婷', summary: `统计导出的案件清单中包含本案：${exported.fileName}` }]);
  });
});
