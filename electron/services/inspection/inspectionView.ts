import { asc, eq, sql } from 'drizzle-orm';
import type { InspectionView } from '../../core/contract';
import { computeInspectionDeadlines } from '../../core/clock/inspectionDeadlines';
import { todayInChina } from '../../core/dates';
import { inspectionSteps, inspectionTracks } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import { prepared } from '../../../db/prepared';
import type { ServiceContext } from '../context';

const trackOf = prepared((db) => db.select().from(inspectionTracks).where(eq(inspectionTracks.caseId, sql.placeholder('caseId'))).prepare());

/** The inspection track of a case with its steps and its own deadlines, or null if it has none. */
export function readInspection(ctx: ServiceContext, db: Executor, caseId: number): InspectionView | null {
  const track = trackOf(ctx.db).get({ caseId });
  if (!track) return null;
  const steps = db
    .select({
      id: inspectionSteps.id,
      kind: inspectionSteps.kind,
      date: inspectionSteps.date,
      title: inspectionSteps.title,
      payBy: inspectionSteps.payBy,
      note: inspectionSteps.note,
      exhibitId: inspectionSteps.exhibitId,
    })
    .from(inspectionSteps)
    .where(eq(inspectionSteps.caseId, caseId))
    .orderBy(asc(inspectionSteps.date), asc(inspectionSteps.id))
    .all();
  const deadlines = computeInspectionDeadlines(
    {
      complaintReceivedOn: track.complaintReceivedOn,
      filedOn: track.filedOn,
      investigationExtended: track.investigationExtended,
      closedOn: track.closedOn,
      correctionOrders: steps.filter((s) => s.kind === 'correctionOrder').map((s) => ({ title: s.title, date: s.date, payBy: s.payBy })),
    },
    todayInChina(ctx.now()),
    ctx.calendar,
  );
  const { caseId: _, ...fields } = track;
  return { ...fields, steps, deadlines };
}
