import type { PresentationPayload } from '../../../../electron/core/contract';
import { maskIdNumber, maskPhone } from '../../../../electron/core/masking';

/** True while the operator's unmask is running at `now`. */
export function unmaskActive(payload: PresentationPayload, now: Date): boolean {
  const u = payload.state.unmasked;
  return Boolean(u && Date.parse(u.until) > now.getTime());
}

/**
 * Belt and braces on the screen side: the backend already masked everything, and masks again
 * when an unmask runs out; should that message be late, the screen re-masks by itself at `until`.
 * Masking an already masked value leaves it as it is.
 */
export function screenSafe(payload: PresentationPayload, now: Date): PresentationPayload {
  if (!payload.workers) return payload;
  const active = unmaskActive(payload, now) ? payload.state.unmasked!.field : null;
  return {
    ...payload,
    workers: {
      ...payload.workers,
      rows: payload.workers.rows.map((r) => ({
        ...r,
        idNumber: active === 'idNumber' ? r.idNumber : maskIdNumber(r.idNumber),
        phone: active === 'phone' ? r.phone : maskPhone(r.phone),
      })),
    },
  };
}

/** A value the backend sent in full (the unmasked one): it has no mask characters. */
export function isRevealed(value: string): boolean {
  return value !== '' && !value.includes('*');
}
