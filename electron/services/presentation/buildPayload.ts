import { eq, sql } from 'drizzle-orm';
import { AppFailure, type CaseDetail, type PresentationPayload, type PresentationState, type PresentationView } from '../../core/contract';
import { summaryLines } from '../../core/presentationSummary';
import { screenValue } from '../../core/masking';
import { exhibits, payments, settlementItems } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { getCase } from '../cases/getCase';
import { exhibitLabel, selectExhibitViews } from '../evidence/exhibits';
import { readSettings } from '../settings/settingsService';

export const viewTitles: Record<PresentationView['kind'], string> = {
  blank: '',
  caseSummary: '案件概况',
  workers: '申请人名单',
  exhibit: '证据',
  deadlines: '办案期限',
};

type ExhibitFacts = { id: number; caseId: number; seq: number; title: string; pageCount: number | null; mime: string };

/** The exhibit of an exhibit view, checked: it exists, belongs to the case, and has that page. */
export function requireExhibit(db: Executor, caseId: number, exhibitId: number, page: number): ExhibitFacts {
  const exhibit = selectExhibitViews(db, eq(exhibits.id, exhibitId))[0];
  if (!exhibit) throw new AppFailure('not_found', `证据不存在（编号${exhibitId}）`);
  if (exhibit.caseId !== caseId) throw new AppFailure('invalid_input', `${exhibitLabel(exhibit.seq)}不属于本案，不能在本案中展示`);
  const pages = exhibit.pageCount ?? 1;
  if (page > pages) throw new AppFailure('invalid_input', `${exhibitLabel(exhibit.seq)}只有${pages}页，没有第${page}页`);
  return exhibit;
}

/** Agreed (settlement_items) and paid (payments) per worker of a case: one grouped query each. */
function amountsByWorker(db: Executor, caseId: number): { agreed: Map<number, number>; paid: Map<number, number> } {
  const agreed = db
    .select({ workerId: settlementItems.workerId, fen: sql<number>`coalesce(sum(${settlementItems.agreedFen}), 0)`.mapWith(Number) })
    .from(settlementItems)
    .where(eq(settlementItems.caseId, caseId))
    .groupBy(settlementItems.workerId)
    .all();
  const paid = db
    .select({ workerId: payments.workerId, fen: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number) })
    .from(payments)
    .where(eq(payments.caseId, caseId))
    .groupBy(payments.workerId)
    .all();
  return { agreed: new Map(agreed.map((r) => [r.workerId, r.fen])), paid: new Map(paid.map((r) => [r.workerId, r.fen])) };
}


/**
 * What the shared screen draws for a state, built fresh from the database (amounts paid a moment
 * ago show at once). Every ID number and phone is masked here, in the backend, unless the state
 * carries an unmask for exactly that field and worker that has not yet run out at `now`.
 */
export function buildPayload(ctx: ServiceContext, state: PresentationState, db: Executor = ctx.db): PresentationPayload {
  const now = ctx.now();
  const view = state.view;
  if (view.kind === 'blank') {
    return { state, caseNumber: null, title: readSettings(ctx.db).commissionName };
  }
  const detail = getCase(ctx, view.caseId, db);
  const base = { state, caseNumber: detail.caseNumber ?? `收案登记第${detail.id}号` };
  switch (view.kind) {
    case 'caseSummary':
      return { ...base, title: viewTitles.caseSummary, summary: { lines: summaryLines(detail) } };
    case 'deadlines':
      return { ...base, title: viewTitles.deadlines, deadlines: [...detail.deadlines, ...(detail.inspection?.deadlines ?? [])] };
    case 'workers': {
      const { agreed, paid } = amountsByWorker(db, detail.id);
      const rows = detail.workers.map((w, i) => ({
        seq: i + 1,
        name: w.name,
        idNumber: screenValue('idNumber', w.idNumber, w.id, state.unmasked, now),
        phone: screenValue('phone', w.phone, w.id, state.unmasked, now),
        claimedFen: w.claims.reduce((sum, c) => sum + c.amountFen, 0),
        agreedFen: agreed.get(w.id) ?? 0,
        paidFen: paid.get(w.id) ?? 0,
      }));
      const totals = rows.reduce(
        (t, r) => ({ claimedFen: t.claimedFen + r.claimedFen, agreedFen: t.agreedFen + r.agreedFen, paidFen: t.paidFen + r.paidFen }),
        { claimedFen: 0, agreedFen: 0, paidFen: 0 },
      );
      return { ...base, title: viewTitles.workers, workers: { rows, totals } };
    }
    case 'exhibit': {
      const exhibit = requireExhibit(db, detail.id, view.exhibitId, view.page);
      const label = exhibitLabel(exhibit.seq);
      return {
        ...base,
        title: `${label} ${exhibit.title}`,
        exhibit: { exhibitId: exhibit.id, label, title: exhibit.title, page: view.page, pageCount: exhibit.pageCount, mime: exhibit.mime },
      };
    }
  }
}
