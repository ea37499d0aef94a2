import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, hosts, methodNames, roles, type MethodSpec } from '../../electron/core/contract';

/** Does an input schema name a local file path anywhere (a field called path or paths)? */
function namesLocalPath(schema: z.ZodType): boolean {
  const json = JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
  return /"paths?":/.test(json);
}

describe('the contract: every method declares who, what and where', () => {
  const specs = methodNames.map((name) => [name, contract[name] as MethodSpec] as const);

  it.each(specs)('%s has an access rule, a reads flag and known hosts', (_name, spec) => {
    expect(spec.access === 'public' || spec.access === 'session' || spec.access === 'signedIn' || (Array.isArray(spec.access) && spec.access.length > 0)).toBe(true);
    if (Array.isArray(spec.access)) for (const role of spec.access) expect(roles).toContain(role);
    expect(typeof spec.reads).toBe('boolean');
    for (const host of spec.hosts ?? []) expect(hosts).toContain(host);
  });

  it.each(specs)('%s: a method that takes a local path is desktop-only and names its paths', (_name, spec) => {
    if (!namesLocalPath(spec.input)) return;
    expect(spec.hosts).toEqual(['electron']);
    expect(typeof spec.localPaths).toBe('function');
  });

  it('no method that writes is open to observers', () => {
    const open = specs.filter(([, spec]) => !spec.reads && (spec.access === 'signedIn' || (Array.isArray(spec.access) && spec.access.includes('observer'))));
    expect(open.map(([name]) => name)).toEqual([]);
  });

  it('only the sign-in methods are served without an account, or to a locked session', () => {
    expect(specs.filter(([, spec]) => spec.access === 'public').map(([name]) => name)).toEqual(['auth.status', 'auth.setup', 'auth.login']);
    expect(specs.filter(([, spec]) => spec.access === 'session').map(([name]) => name)).toEqual(['auth.logout', 'auth.changePassword', 'auth.lock', 'auth.unlock']);
    expect(specs.filter(([, spec]) => spec.session).map(([name, spec]) => [name, spec.session])).toEqual([
      ['auth.setup', 'opens'],
      ['auth.login', 'opens'],
      ['auth.logout', 'closes'],
    ]);
  });

  it('the path-taking methods are exactly the two desktop imports and the two backup folders picked in the desktop dialog', () => {
    expect(specs.filter(([, spec]) => namesLocalPath(spec.input)).map(([name]) => name).sort()).toEqual([
      'backups.chooseFolder',
      'backups.restoreTo',
      'bundle.import',
      'evidence.addFromPaths',
    ]);
  });
});
