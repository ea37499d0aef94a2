import { eq } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { trackLabels } from '../../core/domain';
import { inspectionTracks, mediationSessions } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { mutateMediation } from './mutateMediation';
import { outcomeLabels, type MediationInput } from './types';


function attendeeList(attendees: { role: string; name: string }[]): string {
  return attendees.length ? attendees.map((a) => (a.role ? `${a.role}${a.name}` : a.name)).join('、') : '未记录';
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
    const attendees = input.attendees.map((a) => ({ role: a.role, name: a.name }));
    const inserted = tx
      .insert(mediationSessions)
      .values({ caseId: input.caseId, heldOn: input.heldOn, mediator: input.mediator, attendees: JSON.stringify(attendees), notes: input.notes, track: input.track, createdAt: ctx.now().toISOString() })
      .returning({ id: mediationSessions.id })
      .get();
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.sessionAdded',
      summary: `${trackLabels[input.track]}调解（${formatChineseDate(input.heldOn)}，调解员${input.mediator}）到场：${attendeeList(attendees)}`,
      after: { id: inserted.id, ...input, attendees },
    });
  });
}

/** Notes, attendees or the session's own outcome, edited after the fact. */
export function updateSession(ctx: ServiceContext, input: MediationInput<'mediation.updateSession'>): MediationView {
  const session = ctx.db.select({ caseId: mediationSessions.caseId }).from(mediationSessions).where(eq(mediationSessions.id, input.id)).get();
  if (!session) throw new AppFailure('not_found', `调解记录不存在（编号${input.id}）`);
  return mutateMediation(ctx, session.caseId, (tx) => {
    const before = tx.select().from(mediationSessions).where(eq(mediationSessions.id, input.id)).get();
    if (!before) throw new AppFailure('not_found', `调解记录不存在（编号${input.id}）`);
    const set: Partial<typeof mediationSessions.$inferInsert> = {};
    const changed: string[] = [];
    if (input.notes !== undefined && input.notes !== before.notes) {
      set.notes = input.notes;
      changed.push('调解笔记');
    }
    if (input.attendees !== undefined) {
      set.attendees = JSON.stringify(input.attendees.map((a) => ({ role: a.role, name: a.name })));
      if (set.attendees !== before.attendees) changed.push(`到场人员（${attendeeList(input.attendees)}）`);
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
      before: { notes: before.notes, attendees: before.attendees, outcome: before.outcome },
      after: input,
    });
  });
}
