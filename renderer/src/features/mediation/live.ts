import type { MediationView, MediationWorkerRow } from '../../../../electron/core/contract';
import { workerSettlement, settlementTotals } from '../../../../electron/core/settlement';
import { parseAgreed } from './format';

/** A worker's figures with the agreed amounts being typed (valid drafts) taken into account. */
export function liveFigures(row: MediationWorkerRow, drafts: Record<number, string>) {
  // a withdrawn item counts in no figure
  const claims = row.claims.filter((c) => !c.withdrawal).map((c) => {
    const draft = drafts[c.claimItemId];
    if (draft === undefined) return { claimedFen: c.claimedFen, agreedFen: c.agreedFen };
    const parsed = parseAgreed(draft);
    return { claimedFen: c.claimedFen, agreedFen: parsed.ok ? parsed.fen : c.agreedFen };
  });
  return workerSettlement(claims, row.payments.map((p) => ({ amountFen: p.amountFen, instalmentId: p.instalmentId })));
}

/** Case totals, live while agreed amounts are being typed. */
export function liveTotals(view: MediationView, drafts: Record<number, string>) {
  return settlementTotals(view.rows.map((r) => liveFigures(r, drafts)));
}
