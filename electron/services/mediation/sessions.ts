import { and, desc, eq } from 'drizzle-orm';
import { AppFailure, type Attendee, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { trackLabels } from '../../core/domain';
import { caseRespondents, inspectionTracks, mediationSessions, organisations } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { mutateMediation } from './mutateMediation';
import { outcomeLabels, type MediationInput } from './types';


/** The respondents of the case by organisation id (attendees may be marked as one's people). */
function respondentNames(tx: Executor, caseId: number): Map<number, string> {
  return new Map(
    tx
      .select({ id: organisations.id, name: organisations.name })
      .from(caseRespondents)
      .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
      .where(eq(caseRespondents.caseId, caseId))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

/** Attendees as stored: role and name, and the respondent whose people they are (checked against the case). */
function cleanAttendees(attendees: Attendee[], respondents: Map<number, string>): Attendee[] {
  return attendees.map((a) => {
    if (a.respondentId == null) return { role: a.role, name: a.name };
    if (!respondents.has(a.respondentId)) throw new AppFailure('invalid_input', `到场人员${a.name}所属的单位（编号${a.respondentId}）不是本案被申请人`);
    return { role: a.role, name: a.name, respondentId: a.respondentId };
  });
}

function attendeeList(attendees: Attendee[], respondents: Map<number, string>): string {
  if (!attendees.length) return '未记录';
  return attendees
    .map((a) => {
      const of = a.respondentId != null ? (respondents.get(a.respondentId) ?? '') : '';
      if (of && a.role === '本人') return `${of}本人`;
      return `${of ? `${of}的` : ''}${a.role}${a.name}`;
    })
    .join('、');
}

/** Sessions are part of the file until the case is closed; after that they are the record. */
function assertOpen(state: { case: { status: string } }, what: string): void {
  if (state.case.status === 'closed') throw new AppFailure('conflict', `案件已结案，不能再${what}`);
}

/** A mediation session at the table (arbitration, or the inspection track's own mediation). */
export function addSession(ctx: ServiceContext, input: MediationInput<'mediation.addSession'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state, today) => {
    if (input.heldOn > today) throw new AppFailure('invalid_input', `调解日期${formatChineseDate(input.heldOn)}晚于今天，请填写实际调解的日期`);
    if (input.heldOn < state.case.receivedOn) throw new AppFailure('invalid_input', `调解日期不能早于收案日期${formatChineseDate(state.case.receivedOn)}`);
    if (input.track === 'inspection' && !tx.select({ id: inspectionTracks.caseId }).from(inspectionTracks).where(eq(inspectionTracks.caseId, input.caseId)).get()) {
      throw new AppFailure('conflict', '本案尚未开启监察程序，不能记录监察调解；请先开启监察程序，或改为仲裁调解');
    }
    if (input.track === 'arbitration' && !state.case.hasArbitration) {
      throw new AppFailure('conflict', '本案尚未登记仲裁申请，只能记录监察调解；请先转为仲裁案件');
    }
    assertOpen(state, '新增调解记录');
    const respondents = respondentNames(tx, input.caseId);
    const attendees = cleanAttendees(input.attendees, respondents);
    const inserted = tx
      .insert(mediationSessions)
      .values({ caseId: input.caseId, heldOn: input.heldOn, mediator: input.mediator, attendees: JSON.stringify(attendees), notes: input.notes, track: input.track, createdAt: ctx.now().toISOString() })
      .returning({ id: mediationSessions.id })
      .get();
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.sessionAdded',
      summary: `${trackLabels[input.track]}调解（${formatChineseDate(input.heldOn)}，调解员${input.mediator}）到场：${attendeeList(attendees, respondents)}`,
      after: { id: inserted.id, ...input, attendees },
    });
  });
}

/** Date, mediator, notes, attendees or the session's own outcome, edited after the fact — until the case is closed. */
export function updateSession(ctx: ServiceContext, input: MediationInput<'mediation.updateSession'>): MediationView {
  const session = ctx.db.select({ caseId: mediationSessions.caseId }).from(mediationSessions).where(eq(mediationSessions.id, input.id)).get();
  if (!session) throw new AppFailure('not_found', `调解记录不存在（编号${input.id}）`);
  return mutateMediation(ctx, session.caseId, (tx, state, today) => {
    assertOpen(state, '修改调解记录');
    const before = tx.select().from(mediationSessions).where(eq(mediationSessions.id, input.id)).get();
    if (!before) throw new AppFailure('not_found', `调解记录不存在（编号${input.id}）`);
    const respondents = respondentNames(tx, session.caseId);
    const set: Partial<typeof mediationSessions.$inferInsert> = {};
    const changed: string[] = [];
    if (input.heldOn !== undefined && input.heldOn !== before.heldOn) {
      if (input.heldOn > today) throw new AppFailure('invalid_input', `调解日期${formatChineseDate(input.heldOn)}晚于今天，请填写实际调解的日期`);
      if (input.heldOn < state.case.receivedOn) throw new AppFailure('invalid_input', `调解日期不能早于收案日期${formatChineseDate(state.case.receivedOn)}`);
      set.heldOn = input.heldOn;
      changed.push(`日期改为${formatChineseDate(input.heldOn)}`);
    }
    if (input.mediator !== undefined && input.mediator !== before.mediator) {
      set.mediator = input.mediator;
      changed.push(`调解员改为${input.mediator}`);
    }
    if (input.notes !== undefined && input.notes !== before.notes) {
      set.notes = input.notes;
      changed.push('调解笔记');
    }
    if (input.attendees !== undefined) {
      const attendees = cleanAttendees(input.attendees, respondents);
      set.attendees = JSON.stringify(attendees);
      if (set.attendees !== before.attendees) changed.push(`到场人员（${attendeeList(attendees, respondents)}）`);
      else delete set.attendees;
    }
    if (input.outcome !== undefined && input.outcome !== before.outcome) {
      set.outcome = input.outcome;
      changed.push(`结果改为「${outcomeLabels[input.outcome]}」`);
    }
    if (!changed.length) throw new AppFailure('invalid_input', '没有需要保存的修改');
    tx.update(mediationSessions).set(set).where(eq(mediationSessions.id, input.id)).run();
    appendEvent(tx, ctx.now(), {
      caseId: session.caseId,
      action: 'mediation.sessionUpdated',
      summary: `更新${formatChineseDate(before.heldOn)}的调解记录：${changed.join('；')}`,
      before: { heldOn: before.heldOn, mediator: before.mediator, notes: before.notes, attendees: before.attendees, outcome: before.outcome },
      after: input,
    });
  });
}

/** The case's outcome carries over to its latest session of the track (the one the result was reached in). */
export function sessionFollowsOutcome(tx: Executor, caseId: number, outcome: 'settled' | 'partlySettled' | 'failed'): void {
  const latest = tx
    .select({ id: mediationSessions.id })
    .from(mediationSessions)
    .where(and(eq(mediationSessions.caseId, caseId), eq(mediationSessions.track, 'arbitration')))
    .orderBy(desc(mediationSessions.heldOn), desc(mediationSessions.id))
    .limit(1)
    .get();
  if (latest) tx.update(mediationSessions).set({ outcome }).where(eq(mediationSessions.id, latest.id)).run();
}
