// When the hearing actually opened and closed (the 庭审笔录 prints these, not the booked slot).
import { eq } from 'drizzle-orm';
import { AppFailure, type HearingDetail } from '../../core/contract';
import { hearings } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { getHearingDetail } from './hearingRecord';
import { nowInChina } from './hearingViews';
import { mutateHearing, requireHearing, touchCase } from './scheduling';

const hm = (t: string | null) => (t ? t.slice(11, 16) : '—');

export function setHearingTimes(ctx: ServiceContext, input: { id: number; openedAt: string | null; closedAt: string | null }): HearingDetail {
  return mutateHearing(ctx, (tx) => {
    const h = requireHearing(tx, input.id);
    if (h.status === 'cancelled') throw new AppFailure('conflict', '该次开庭已取消，不能登记开庭、闭庭时间');
    const now = nowInChina(ctx.now());
    for (const [what, t] of [['开庭时间', input.openedAt], ['闭庭时间', input.closedAt]] as const) {
      if (t && t > now) throw new AppFailure('invalid_input', `${what}不能晚于现在`);
      if (t && t.slice(0, 10) !== h.startsAt.slice(0, 10)) throw new AppFailure('invalid_input', `${what}应在开庭当日（${h.startsAt.slice(0, 10)}）`);
    }
    if (input.closedAt && !input.openedAt) throw new AppFailure('invalid_input', '请先登记开庭时间');
    if (input.openedAt && input.closedAt && input.closedAt <= input.openedAt) throw new AppFailure('invalid_input', '闭庭时间应晚于开庭时间');
    if (input.openedAt === h.openedAt && input.closedAt === h.closedAt) return { result: getHearingDetail(ctx, h.id, tx), hearingId: h.id, caseId: h.caseId };
    tx.update(hearings).set({ openedAt: input.openedAt, closedAt: input.closedAt }).where(eq(hearings.id, h.id)).run();
    touchCase(tx, ctx, h.caseId);
    appendEvent(tx, ctx.now(), {
      caseId: h.caseId,
      action: 'hearing.times',
      summary: `庭审时间：${h.startsAt.slice(0, 10)} ${hm(input.openedAt)}开庭${input.closedAt ? `，${hm(input.closedAt)}闭庭` : ''}`,
      before: { openedAt: h.openedAt, closedAt: h.closedAt },
      after: { openedAt: input.openedAt, closedAt: input.closedAt },
    });
    return { result: getHearingDetail(ctx, h.id, tx), hearingId: h.id, caseId: h.caseId };
  });
}
