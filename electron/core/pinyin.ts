import { pinyin } from 'pinyin-pro';

const known = new Map<string, string>();

/**
 * Pinyin initials of a Chinese name for search: 张三 → "zs", 单田芳 → "stf" (surname readings).
 * Names repeat (a roster of thousands has a few hundred distinct ones): answers are remembered.
 */
export function nameInitials(name: string): string {
  const hit = known.get(name);
  if (hit !== undefined) return hit;
  const clean = name.replace(/\s+/g, '');
  const initials = clean
    ? pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '')
    : '';
  if (known.size >= 200_000) known.clear();
  known.set(name, initials);
  return initials;
}
