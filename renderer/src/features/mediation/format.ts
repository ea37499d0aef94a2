import { formatFen, parseYuanToFen } from '../../../../electron/core/money';
import type { PaymentMethod } from '../../../../electron/core/contract';

export const paymentMethodLabels: Record<PaymentMethod, string> = { bankTransfer: '本人银行卡转账', cash: '现金签收' };
export const paymentMethodOptions = (Object.keys(paymentMethodLabels) as PaymentMethod[]).map((value) => ({ value, label: paymentMethodLabels[value] }));

export const instalmentStatusLabels = { paid: '已付清', partlyPaid: '部分支付', due: '待履行', overdue: '已逾期' } as const;
export const instalmentStatusColors = { paid: 'green', partlyPaid: 'yellow', due: 'gray', overdue: 'red' } as const;

/** Fen as a yuan string an input can hold: 123456 → "1234.56" (no thousands separators). */
export function fenToInput(fen: number | null): string {
  return fen === null ? '' : formatFen(fen).replaceAll(',', '');
}

/** An agreed-amount cell: '' means "left to the hearing" (null). */
export function parseAgreed(text: string): { ok: true; fen: number | null } | { ok: false; message: string } {
  if (text.trim() === '') return { ok: true, fen: null };
  const parsed = parseYuanToFen(text);
  return parsed.ok ? { ok: true, fen: parsed.fen } : parsed;
}

/** Now in China as YYYY-MM-DDTHH:mm (what datetime-local inputs and the contract use). */
export function nowLocalMinute(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

/** An ISO instant shown as Beijing time HH:mm:ss. */
export function clockTime(iso: string): string {
  return new Date(iso).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

/** An ISO instant (or local minute) shown as Beijing date and time. */
export function dateTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(iso)) return iso.replace('T', ' ');
  return new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
