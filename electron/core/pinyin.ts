import { pinyin } from 'pinyin-pro';

/** Pinyin initials of a Chinese name for search: 张三 → "zs", 单田芳 → "stf" (surname readings). */
export function nameInitials(name: string): string {
  const clean = name.replace(/\s+/g, '');
  if (!clean) return '';
  return pinyin(clean, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
