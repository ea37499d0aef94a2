import { eq } from 'drizzle-orm';
import { AppFailure, type CaseDetail, type MethodInput } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { inspectionStepLabels } from '../../core/domain';
import { exhibits, inspectionSteps, inspectionTracks } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { mutateCase } from '../cases/mutateCase';
import { appendEvent } from '../timeline';

function trackOf(tx: Tx, caseId: number) {
  const track = tx.select().from(inspectionTracks).where(eq(inspectionTracks.caseId, caseId)).get();
  if (!track) throw new AppFailure('conflict', '该案件尚未开启监察程序');
  return track;
}

function notFuture(date: string, today: string, what: string) {
  if (date > today) throw new AppFailure('invalid_input', `${what}不能晚于今天`);
}

/** Adds the inspection track to a case (a complaint about the same arrears). */
export function openInspection(ctx: ServiceContext, input: MethodInput<'inspection.open'>): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    if (tx.select().from(inspectionTracks).where(eq(inspectionTracks.caseId, row.id)).get()) {
      throw new AppFailure('conflict', '该案件已有监察程序');
    }
    notFuture(input.complaintReceivedOn, today, '投诉日期');
    tx.insert(inspectionTracks)
      .values({ caseId: row.id, complaintNumber: input.complaintNumber || null, complaintReceivedOn: input.complaintReceivedOn, inspectors: input.inspectors })
      .run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'inspection.opened',
      summary: `开启监察程序${input.complaintNumber ? `，投诉编号${input.complaintNumber}` : ''}（${formatChineseDate(input.complaintReceivedOn)}接到投诉）`,
      after: input,
    });
  });
}

/** 立案: the 60-working-day investigation starts. */
export function fileInspection(ctx: ServiceContext, input: MethodInput<'inspection.file'>): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    const track = trackOf(tx, row.id);
    if (track.filedOn) throw new AppFailure('conflict', `已于${formatChineseDate(track.filedOn)}立案`);
    notFuture(input.filedOn, today, '立案日期');
    if (input.filedOn < track.complaintReceivedOn) throw new AppFailure('invalid_input', '立案日期不能早于投诉日期');
    tx.update(inspectionTracks).set({ filedOn: input.filedOn }).where(eq(inspectionTracks.caseId, row.id)).run();
    appendEvent(tx, ctx.now(), { caseId: row.id, action: 'inspection.filed', summary: `监察立案（${formatChineseDate(input.filedOn)}），调查期限起算`, after: input });
  });
}

/** 询问笔录 / 限期改正指令书 / 行政处理决定书 … */
export function addInspectionStep(ctx: ServiceContext, input: MethodInput<'inspection.addStep'>): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    trackOf(tx, row.id);
    notFuture(input.date, today, '日期');
    if (input.kind === 'correctionOrder' && !input.payBy) throw new AppFailure('invalid_input', '限期改正指令书须写明改正期限');
    if (input.payBy && input.payBy < input.date) throw new AppFailure('invalid_input', '改正期限不能早于下达日期');
    if (input.exhibitId) {
      const exhibit = tx.select({ caseId: exhibits.caseId }).from(exhibits).where(eq(exhibits.id, input.exhibitId)).get();
      if (!exhibit || exhibit.caseId !== row.id) throw new AppFailure('invalid_input', '关联的证据不属于本案');
    }
    tx.insert(inspectionSteps)
      .values({ caseId: row.id, kind: input.kind, date: input.date, title: input.title, payBy: input.payBy ?? null, note: input.note ?? null, exhibitId: input.exhibitId ?? null })
      .run();
    const payBy = input.payBy ? `，限${formatChineseDate(input.payBy)}前改正` : '';
    appendEvent(tx, ctx.now(), { caseId: row.id, action: 'inspection.step', summary: `监察：${inspectionStepLabels[input.kind]}「${input.title}」${payBy}`, after: input });
  });
}

/** Approved extension of the investigation by 30 working days (条例第十七条). */
export function extendInspection(ctx: ServiceContext, input: MethodInput<'inspection.extend'>): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row) => {
    const track = trackOf(tx, row.id);
    if (!track.filedOn) throw new AppFailure('conflict', '立案后才能延长调查期限');
    if (track.investigationExtended) throw new AppFailure('conflict', '调查期限已延长过一次');
    tx.update(inspectionTracks).set({ investigationExtended: true }).where(eq(inspectionTracks.caseId, row.id)).run();
    appendEvent(tx, ctx.now(), { caseId: row.id, action: 'inspection.extended', summary: '经批准，监察调查期限延长30个工作日' });
  });
}

export function closeInspection(ctx: ServiceContext, input: MethodInput<'inspection.close'>): CaseDetail {
  return mutateCase(ctx, input.caseId, (tx, row, today) => {
    const track = trackOf(tx, row.id);
    if (track.closedOn) throw new AppFailure('conflict', '监察程序已结案');
    notFuture(input.closedOn, today, '结案日期');
    if (input.closedOn < track.complaintReceivedOn) throw new AppFailure('invalid_input', '结案日期不能早于投诉日期');
    tx.update(inspectionTracks).set({ closedOn: input.closedOn }).where(eq(inspectionTracks.caseId, row.id)).run();
    appendEvent(tx, ctx.now(), { caseId: row.id, action: 'inspection.closed', summary: `监察程序结案（${formatChineseDate(input.closedOn)}）` });
  });
}
