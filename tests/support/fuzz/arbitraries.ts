/**
 * fast-check arbitraries from a contract input schema: `plausible` values shaped like real input
 * (so calls get past validation into the services, with real ids from the seeded folder), and
 * `mutation`s that break one field — wrong type, missing, huge or control-character text,
 * impossible date, out-of-range number or index, an id that does not exist.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { bounds, defOf, getAt, leaves, peel, setAt, type Leaf } from './schemaWalk';
import { makeId } from '../services';

/** Ids that exist in the seeded folder are small; 999999999 never exists. */
export const MISSING_ID = 999_999_999;

const validIds = [makeId('360702', '1985-04-12', 21), makeId('360702', '1990-09-30', 42), '36070219850412002X'];
const stringPalette = [
  '2026-11-16', '2026-11-19', '2026-11-20', '2026-11-20T09:30', '2026-11-23T14:00', '张三丰', '赣州市章贡区', '追索劳动报酬',
  '拖欠工资', '1000', '1,234.50', '3.2万', '90071992547409.91', '0', '13800138000', '91350100M000100Y43', ...validIds,
  '赣市劳人仲案字〔{year}〕第{n}号', 'opening', 'investigation', 'AAAA', '工资表.xlsx', '',
];
const numberPalette = [0, 1, 2, 3, 4, 5, 7, 10, 15, 30, 100, 50_000, 860_000, 1_000_000];

function fitting<T>(schema: z.ZodType, values: readonly T[]): T[] {
  return values.filter((v) => schema.safeParse(v).success);
}

/** Values shaped like what the renderer sends. */
export function plausible(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const { core, optional, nullable } = peel(schema);
  let arb = plainArb(core, depth);
  if (nullable) arb = fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (optional) arb = fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(undefined) });
  return arb;
}

function plainArb(schema: z.ZodType, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, plausible(v, depth + 1)])));
    }
    case 'array': {
      const { min = 0, max = 4 } = bounds(schema);
      return fc.array(plausible(def.element as z.ZodType, depth + 1), { minLength: Math.min(min, 4), maxLength: Math.max(Math.min(min, 4), Math.min(max, depth > 1 ? 2 : 4)) });
    }
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'boolean':
      return fc.boolean();
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((o) => plausible(o, depth + 1)));
    case 'number': {
      const fit = fitting(schema, numberPalette);
      return fit.length ? fc.constantFrom(...fit) : fc.integer({ min: 1, max: 10 });
    }
    case 'string': {
      const fit = fitting(schema, stringPalette);
      const { max = 40 } = bounds(schema);
      // random text where the schema takes it, else a palette value (never an endless filter)
      const random = fc.string({ unit: 'grapheme', maxLength: Math.min(max, 30) }).map((s) => (schema.safeParse(s).success || !fit.length ? s : fit[s.length % fit.length]));
      return fit.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fit) }, { weight: 1, arbitrary: random }) : random;
    }
    default:
      return fc.constant(undefined);
  }
}

export type MutationKind = 'missing' | 'wrongType' | 'hugeText' | 'controlChars' | 'impossibleDate' | 'outOfRange' | 'missingId';
export type Mutation = { kind: MutationKind; path: (string | number)[]; value?: unknown };

const CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u0085'];
const IMPOSSIBLE_DATES = ['2026-02-30', '2026-13-45', '0000-00-00', '9999-12-31', '1900-01-01', '2026-02-30T25:61', '20261116', '2026-11-16T09:30:00Z'];

/** The mutations that make sense for one field. */
function mutationsFor(leaf: Leaf): fc.Arbitrary<Mutation>[] {
  const { core, optional } = peel(leaf.schema);
  const def = defOf(core);
  const at = (kind: MutationKind, values: unknown[]) => fc.constantFrom(...values).map((value) => ({ kind, path: leaf.path, value }));
  const list: fc.Arbitrary<Mutation>[] = [];
  if (!optional && typeof leaf.path[leaf.path.length - 1] === 'string') list.push(fc.constant({ kind: 'missing' as const, path: leaf.path }));
  const wrong: Record<string, unknown[]> = {
    string: [12345, true, { text: '张三' }, ['张三']],
    number: ['12', '一', true, { n: 1 }, [1]],
    boolean: ['true', 1, 'yes'],
    enum: [42, 'no-such-choice', '', { kind: 'x' }],
    literal: [42, 'no-such-choice'],
    array: ['1,2,3', { 0: 1 }, 7],
    object: ['对象', 7, [1, 2]],
    union: ['对象', 7, { kind: 'no-such-kind' }],
  };
  if (wrong[def.type]) list.push(at('wrongType', wrong[def.type]));
  if (def.type === 'string') {
    const { max = 1000 } = bounds(core);
    // one character over the limit, in one-, three- and four-byte characters; within the web host's body limit
    const over = [['x', 1], ['字', 3], ['𠀀', 4]].filter(([, bytes]) => (max + 1) * Number(bytes) < 8_000_000).map(([c]) => String(c).repeat(max + 1));
    if (over.length) list.push(at('hugeText', over));
    list.push(fc.constantFrom(...CONTROL).map((c) => ({ kind: 'controlChars' as const, path: leaf.path, value: `张${c}三` })));
    if (core.safeParse('2026-11-16').success || core.safeParse('2026-11-16T09:30').success) list.push(at('impossibleDate', IMPOSSIBLE_DATES));
  }
  if (def.type === 'number') {
    const { min, max } = bounds(core);
    list.push(at('outOfRange', [-1, 1.5, 2 ** 53, 1e300, ...(max !== undefined ? [max + 1] : []), ...(min !== undefined ? [min - 1] : [])]));
    if (/(^id$|Id$|Ids$|^ids$)/.test(leaf.key)) list.push(at('missingId', [MISSING_ID]));
    if (/Index(es)?$/.test(leaf.key)) list.push(at('outOfRange', [50, 99_999, 100_001]));
  }
  return list;
}

/** One broken field of a plausible input. */
export function mutated(schema: z.ZodType): fc.Arbitrary<{ input: unknown; mutation: Mutation }> | null {
  const options = leaves(schema).flatMap(mutationsFor);
  if (options.length === 0) return null;
  return fc.tuple(plausible(schema), fc.oneof(...options)).map(([base, mutation]) => {
    const input = mutation.kind === 'missing' ? setAt(base, mutation.path, undefined, true) : setAt(base, mutation.path, mutation.value);
    return { input, mutation };
  });
}

/** Anything at all as the whole input: numbers, strings, arrays, deep objects. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, [], '', 0, 'x'.repeat(100_000), { constructor: { prototype: { admin: true } } }));

export { getAt };
