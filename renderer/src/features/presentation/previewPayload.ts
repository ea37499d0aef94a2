import type { CaseDetail, ExhibitView, PresentationPayload, PresentationView } from '../../../../electron/core/contract';
import { maskIdNumber, maskPhone } from '../../../../electron/core/masking';
import { exhibitLabel } from '../evidence/format';
import { summaryLines } from '../../../../electron/core/presentationSummary';

export type Amounts = Map<number, { agreedFen: number; paidFen: number }>;


const titles = { caseSummary: '案件概况', workers: '申请人名单', deadlines: '办案期限' } as const;

/**
 * The operator's private preview of a push: the payload the screen would get, built from the
 * operator's own data with the same masking functions the backend uses. Nothing is sent anywhere.
 */
export function previewPayload(
  view: PresentationView,
  detail: CaseDetail,
  context: { amounts: Amounts; exhibits: ExhibitView[]; commissionName: string; now: Date },
): PresentationPayload {
  const state = { view, unmasked: null, hearingId: null, shownAt: context.now.toISOString(), seq: 0 };
  if (view.kind === 'blank') return { state, caseNumber: null, title: context.commissionName };
  const base = { state, caseNumber: detail.caseNumber ?? `收案登记第${detail.id}号` };
  switch (view.kind) {
    case 'caseSummary':
      return { ...base, title: titles.caseSummary, summary: { lines: summaryLines(detail) } };
    case 'deadlines':
      return { ...base, title: titles.deadlines, deadlines: [...detail.deadlines, ...(detail.inspection?.deadlines ?? [])] };
    case 'workers': {
      const rows = detail.workers.map((w, i) => ({
        seq: i + 1,
        name: w.name,
        idNumber: maskIdNumber(w.idNumber),
        phone: maskPhone(w.phone),
        claimedFen: w.claims.reduce((s, c) => s + c.amountFen, 0),
        agreedFen: context.amounts.get(w.id)?.agreedFen ?? 0,
        paidFen: context.amounts.get(w.id)?.paidFen ?? 0,
      }));
      const totals = rows.reduce(
        (t, r) => ({ claimedFen: t.claimedFen + r.claimedFen, agreedFen: t.agreedFen + r.agreedFen, paidFen: t.paidFen + r.paidFen }),
        { claimedFen: 0, agreedFen: 0, paidFen: 0 },
      );
      return { ...base, title: titles.workers, workers: { rows, totals } };
    }
    case 'exhibit': {
      const exhibit = context.exhibits.find((e) => e.id === view.exhibitId);
      if (!exhibit) return { ...base, title: '证据' };
      const label = exhibitLabel(exhibit.seq);
      return {
        ...base,
        title: `${label} ${exhibit.title}`,
        exhibit: { exhibitId: exhibit.id, label, title: exhibit.title, page: view.page, pageCount: exhibit.pageCount, mime: exhibit.mime },
      };
    }
  }
}
