import { and, eq } from 'drizzle-orm';
import { AppFailure, type PresentationPayload, type PresentationState, type PresentationView } from '../../core/contract';
import { maskableFieldLabels, type MaskableField } from '../../core/masking';
import { workers } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { buildPayload } from './buildPayload';
import { appendRecordLine, chinaTime, RECORD_STEP_FOR_EXHIBITS, RECORD_STEP_OTHERWISE, requireHearing } from './recordLine';

export type ShowInput = { view: PresentationView; hearingId?: number | null };
export type UnmaskInput = { field: MaskableField; workerId?: number | null; seconds: number };

function caseOf(view: PresentationView): number | null {
  return view.kind === 'blank' ? null : view.caseId;
}

/**
 * The same thing shown, only moved over (another page of the list, the exhibit page zoomed or
 * scrolled): nothing new for the timeline or the hearing record.
 */
function sameShown(a: PresentationView, b: PresentationView): boolean {
  if (a.kind === 'workers' && b.kind === 'workers') return a.caseId === b.caseId;
  if (a.kind === 'exhibit' && b.kind === 'exhibit') return a.caseId === b.caseId && a.exhibitId === b.exhibitId && a.page === b.page;
  return false;
}

/** What a push shows, in the words of the timeline and the hearing record. */
function describe(payload: PresentationPayload): string {
  const view = payload.state.view;
  switch (view.kind) {
    case 'blank':
      return '黑屏（仅显示时钟）';
    case 'caseSummary':
      return '案件概况';
    case 'workers':
      return view.page && view.page > 1 ? `申请人名单第${view.page}页（已遮蔽个人信息）` : '申请人名单（已遮蔽个人信息）';
    case 'deadlines':
      return '办案期限';
    case 'exhibit':
      return `${payload.exhibit!.label} 第${view.page}页`;
  }
}

/**
 * The shared screen of one data folder: what it shows lives in memory (a restart starts blank),
 * numbered by `seq` so a window that missed an event can tell it is behind. Every push is checked,
 * built (masked) by the backend, written into the case timeline and, during a hearing, into the
 * record, and sent to every window as `presentation.changed`.
 */
export function createSharedScreen(ctx: ServiceContext) {
  let state: PresentationState = { view: { kind: 'blank' }, unmasked: null, hearingId: null, shownAt: ctx.now().toISOString(), seq: 0 };
  let unmaskTimer: ReturnType<typeof setTimeout> | null = null;

  const clearUnmaskTimer = () => {
    if (unmaskTimer) clearTimeout(unmaskTimer);
    unmaskTimer = null;
  };

  const publish = (payload: PresentationPayload) => ctx.emit({ type: 'presentation.changed', payload });

  function show(input: ShowInput): PresentationPayload {
    const at = ctx.now();
    const hearingId = input.hearingId ?? null;
    const hearing = hearingId === null ? null : requireHearing(ctx.db, hearingId, caseOf(input.view));
    // A blank screen is logged on the case that was on the screen (or the hearing's case).
    const logCaseId = caseOf(input.view) ?? hearing?.caseId ?? caseOf(state.view);
    // Turning the list's page or moving over the exhibit page is not a new showing: not logged.
    // Like every push it ends an unmask (the unmasked row may not even be on the new page).
    const moved = sameShown(state.view, input.view) && state.hearingId === hearingId;
    if (moved) {
      const next: PresentationState = { ...state, view: input.view, unmasked: null, seq: state.seq + 1 };
      const payload = buildPayload(ctx, next);
      state = next;
      clearUnmaskTimer();
      publish(payload);
      return payload;
    }
    // A new push always starts masked: an unmask belongs to the view it was given for.
    const next: PresentationState = { view: input.view, unmasked: null, hearingId, shownAt: at.toISOString(), seq: state.seq + 1 };
    const payload = ctx.db.transaction((tx) => {
      const built = buildPayload(ctx, next, tx);
      const what = describe(built);
      if (hearing) {
        const step = input.view.kind === 'exhibit' ? RECORD_STEP_FOR_EXHIBITS : RECORD_STEP_OTHERWISE;
        appendRecordLine(tx, hearing.id, step, `${chinaTime(at)} ${input.view.kind === 'blank' ? `共享屏幕${what}` : `展示${what}`}`, at);
      }
      // after the record line: the event takes the rows the push wrote
      if (logCaseId !== null) {
        appendEvent(tx, at, {
          caseId: logCaseId,
          action: 'presentation.show',
          summary: input.view.kind === 'blank' ? `共享屏幕：${what}` : `共享屏幕：展示${what}`,
          after: { view: input.view, hearingId },
        });
      }
      return built;
    });
    clearUnmaskTimer();
    state = next;
    publish(payload);
    if (logCaseId !== null) ctx.emit({ type: 'cases.changed', caseId: logCaseId });
    if (hearing) ctx.emit({ type: 'hearings.changed', hearingId: hearing.id, caseId: hearing.caseId });
    return payload;
  }

  function unmask(input: UnmaskInput): PresentationPayload {
    const view = state.view;
    if (view.kind !== 'workers' || (input.field !== 'idNumber' && input.field !== 'phone')) {
      throw new AppFailure('invalid_input', `共享屏幕当前没有显示${maskableFieldLabels[input.field]}：请先把申请人名单推送到屏幕`);
    }
    const workerId = input.workerId ?? null;
    let who = '全体申请人';
    if (workerId !== null) {
      const worker = ctx.db
        .select({ name: workers.name })
        .from(workers)
        .where(and(eq(workers.id, workerId), eq(workers.caseId, view.caseId)))
        .get();
      if (!worker) throw new AppFailure('invalid_input', '该申请人不在屏幕上展示的案件中');
      who = worker.name;
    }
    const at = ctx.now();
    const unmasked = { field: input.field, workerId, until: new Date(at.getTime() + input.seconds * 1000).toISOString() };
    const next: PresentationState = { ...state, unmasked, seq: state.seq + 1 };
    const payload = ctx.db.transaction((tx) => {
      appendEvent(tx, at, {
        caseId: view.caseId,
        action: 'presentation.unmask',
        summary: `共享屏幕：临时显示 ${who} 的${maskableFieldLabels[input.field]}（${input.seconds}秒）`,
        after: unmasked,
      });
      return buildPayload(ctx, next, tx);
    });
    clearUnmaskTimer();
    state = next;
    // Masked again when the time is up, even if nobody asks: the screen gets the masked payload.
    unmaskTimer = setTimeout(() => {
      unmaskTimer = null;
      if (state.unmasked !== unmasked) return;
      state = { ...state, unmasked: null, seq: state.seq + 1 };
      if (!ctx.db.$client.open) return;
      try {
        publish(current());
      } catch (error) {
        console.error('[sucai] presentation re-mask failed', error);
      }
    }, input.seconds * 1000);
    unmaskTimer.unref?.();
    publish(payload);
    ctx.emit({ type: 'cases.changed', caseId: view.caseId });
    return payload;
  }

  /** The payload rebuilt now (amounts change while the screen stays); a view whose case or exhibit is gone turns blank. */
  function current(): PresentationPayload {
    try {
      return buildPayload(ctx, state);
    } catch (error) {
      if (!(error instanceof AppFailure) || error.code === 'internal') throw error;
      clearUnmaskTimer();
      state = { view: { kind: 'blank' }, unmasked: null, hearingId: null, shownAt: ctx.now().toISOString(), seq: state.seq + 1 };
      return buildPayload(ctx, state);
    }
  }

  return { show, unmask, current, close: clearUnmaskTimer };
}
