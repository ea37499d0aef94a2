/**
 * Reads a zod 4 schema as data, for the fuzz suite: what kind each node is, and where the fields
 * are. Walks every contract method's input, so a method added later is fuzzed without a line here.
 */
import type { z } from 'zod';

export type Def = Record<string, unknown> & { type: string };
export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips optional / nullable / default wrappers; tells whether the field may be left out or null. */
export function peel(schema: z.ZodType): { core: z.ZodType; optional: boolean; nullable: boolean } {
  let core = schema;
  let optional = false;
  let nullable = false;
  for (let i = 0; i < 20; i++) {
    const def = defOf(core);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'pipe') {
      core = def.in as z.ZodType;
      continue;
    } else if (def.type !== 'readonly') break;
    core = def.innerType as z.ZodType;
  }
  return { core, optional, nullable };
}

/** Bounds declared with .min/.max/.length on a string, number or array. */
export function bounds(schema: z.ZodType): { min?: number; max?: number; int: boolean } {
  const def = defOf(schema);
  const checks = ((def.checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
  let min: number | undefined;
  let max: number | undefined;
  let int = false;
  for (const c of checks) {
    if (c.check === 'min_length' || c.check === 'greater_than') min = Number(c.minimum ?? c.value);
    if (c.check === 'max_length' || c.check === 'less_than') max = Number(c.maximum ?? c.value);
    if (c.check === 'number_format') int = true;
  }
  return { min, max, int };
}

export type Leaf = { path: (string | number)[]; key: string; schema: z.ZodType; optional: boolean };

/** Every field of an input (object keys, array items as index 0), not descending into unions. */
export function leaves(schema: z.ZodType, path: (string | number)[] = [], key = ''): Leaf[] {
  const { core, optional } = peel(schema);
  const def = defOf(core);
  const here: Leaf[] = path.length ? [{ path, key, schema, optional }] : [];
  if (def.type === 'object') {
    return [...here, ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([k, child]) => leaves(child, [...path, k], k))];
  }
  if (def.type === 'array') return [...here, ...leaves(def.element as z.ZodType, [...path, 0], key)];
  return here;
}

export function getAt(value: unknown, path: (string | number)[]): unknown {
  let current = value as Record<string | number, unknown> | undefined;
  for (const segment of path) current = current?.[segment] as Record<string | number, unknown> | undefined;
  return current;
}

/** A copy of `value` with `path` set (parents created), or deleted when `remove`. */
export function setAt(value: unknown, path: (string | number)[], next: unknown, remove = false): unknown {
  const root = structuredClone(value ?? {}) as Record<string | number, unknown>;
  let current = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    const child = current[segment];
    if (child === null || typeof child !== 'object') current[segment] = typeof path[i + 1] === 'number' ? [] : {};
    current = current[segment] as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete current[last];
  else current[last] = next;
  return root;
}
