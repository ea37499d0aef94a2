import { formatFen, parseYuanToFen } from '../../../../electron/core/money';

/** Fen as a yuan string an input can hold: 123456 → "1234.56" (no thousands separators). */
export function fenToInput(fen: number | null): string {
  return fen === null ? '' : formatFen(fen).replaceAll(',', '');
}

/** An awarded-amount cell: '' means "not decided yet" (null); otherwise yuan, checked like every amount. */
export function parseAwarded(text: string, claimedFen: number): { ok: true; fen: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, fen: null };
  const parsed = parseYuanToFen(text);
  if (!parsed.ok) return parsed;
  if (parsed.fen > claimedFen) return { ok: false, message: `裁决金额不能超过请求金额${formatFen(claimedFen)}元` };
  return { ok: true, fen: parsed.fen };
}
