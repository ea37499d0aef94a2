/**
 * 质证: each party's view of an exhibit's authenticity, legality and relevance, and the tribunal's
 * finding. One row per (exhibit, hearing, party), replaced when the view changes. The tribunal's
 * finding marks the exhibit cross-examined (exhibits.crossExaminedOn, shown on the evidence list);
 * during a hearing the exhibit's line in the record's investigation step is written or replaced.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { AppFailure, type CrossExaminationView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { crossExaminationLine, crossExaminationPrefix, type PartyView } from '../../core/hearing/crossExaminationLine';
import { crossExaminations, exhibits, hearings } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { exhibitLabel } from '../evidence/exhibits';
import { appendEvent } from '../timeline';
import { putRecordLine } from './recordLines';
import { requireCaseRow, touchCase } from './scheduling';

type Opinion = 'accepted' | 'disputed' | 'noView';
export type CrossExaminationInput = {
  exhibitId: number;
  hearingId?: number | null;
  party: 'applicant' | 'respondent' | 'tribunal';
  authenticity: Opinion | null;
  legality: Opinion | null;
  relevance: Opinion | null;
  opinion: string;
};

export function selectCrossExaminations(db: Executor, where: SQL): CrossExaminationView[] {
  return db.all<CrossExaminationView>(sql`
    select x.id, x.exhibit_id as exhibitId, x.hearing_id as hearingId, x.party, x.authenticity, x.legality, x.relevance,
      x.opinion, x.recorded_at as recordedAt
    from cross_examinations x join exhibits e on e.id = x.exhibit_id
    where ${where}
    order by e.seq, e.id, x.hearing_id, case x.party when 'applicant' then 0 when 'respondent' then 1 else 2 end`);
}

export function crossExaminationsForCase(ctx: ServiceContext, caseId: number): CrossExaminationView[] {
  requireCaseRow(ctx.db, caseId);
  return selectCrossExaminations(ctx.db, sql`e.case_id = ${caseId}`);
}

export function saveCrossExamination(ctx: ServiceContext, input: CrossExaminationInput): CrossExaminationView[] {
  if (!input.authenticity && !input.legality && !input.relevance && !input.opinion.trim()) {
    throw new AppFailure('invalid_input', '请至少填写一项质证意见（真实性、合法性、关联性或具体意见）');
  }
  const hearingId = input.hearingId ?? null;
  const done = ctx.db.transaction(
    (tx) => {
      const exhibit = tx.select().from(exhibits).where(eq(exhibits.id, input.exhibitId)).get();
      if (!exhibit) throw new AppFailure('not_found', `证据不存在（编号${input.exhibitId}）`);
      const hearing = hearingId ? tx.select().from(hearings).where(eq(hearings.id, hearingId)).get() : null;
      if (hearingId && !hearing) throw new AppFailure('not_found', `开庭安排不存在（编号${hearingId}）`);
      if (hearing && hearing.caseId !== exhibit.caseId) throw new AppFailure('invalid_input', '该证据不属于这次开庭审理的案件');
      if (hearing?.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消，不能记录质证意见');

      const at = ctx.now().toISOString();
      const values = {
        authenticity: input.authenticity,
        legality: input.legality,
        relevance: input.relevance,
        opinion: input.opinion.trim(),
        recordedAt: at,
      };
      // (exhibit, hearing, party) is unique, but SQLite treats NULL hearings as distinct: find it by hand.
      const existing = tx
        .select({ id: crossExaminations.id })
        .from(crossExaminations)
        .where(
          and(
            eq(crossExaminations.exhibitId, exhibit.id),
            eq(crossExaminations.party, input.party),
            hearingId ? eq(crossExaminations.hearingId, hearingId) : isNull(crossExaminations.hearingId),
          ),
        )
        .get();
      if (existing) tx.update(crossExaminations).set(values).where(eq(crossExaminations.id, existing.id)).run();
      else tx.insert(crossExaminations).values({ exhibitId: exhibit.id, hearingId, party: input.party, ...values }).run();

      if (input.party === 'tribunal') {
        const on = hearing ? hearing.startsAt.slice(0, 10) : todayInChina(ctx.now());
        tx.update(exhibits).set({ crossExaminedOn: on }).where(eq(exhibits.id, exhibit.id)).run();
      }

      const views: PartyView[] = tx
        .select()
        .from(crossExaminations)
        .where(and(eq(crossExaminations.exhibitId, exhibit.id), hearingId ? eq(crossExaminations.hearingId, hearingId) : isNull(crossExaminations.hearingId)))
        .all();
      const label = exhibitLabel(exhibit.seq);
      const line = crossExaminationLine(label, exhibit.title, views);
      if (hearing) putRecordLine(tx, hearing.id, 'investigation', crossExaminationPrefix(label, exhibit.title), line, at);
      touchCase(tx, ctx, exhibit.caseId);
      const mine = crossExaminationLine(label, exhibit.title, views.filter((v) => v.party === input.party));
      appendEvent(tx, ctx.now(), {
        caseId: exhibit.caseId,
        action: 'crossExamination.saved',
        summary: `质证：${mine}`,
        after: { exhibitId: exhibit.id, hearingId, party: input.party, authenticity: input.authenticity, legality: input.legality, relevance: input.relevance },
      });
      return { caseId: exhibit.caseId, views: selectCrossExaminations(tx, sql`e.case_id = ${exhibit.caseId}`) };
    },
    { behavior: 'immediate' },
  );
  if (hearingId) ctx.emit({ type: 'hearings.changed', hearingId, caseId: done.caseId });
  ctx.emit({ type: 'cases.changed', caseId: done.caseId });
  return done.views;
}
