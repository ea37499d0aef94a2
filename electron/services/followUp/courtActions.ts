/**
 * Suits against the award and applications to set a final award aside, recorded on the case
 * (they decide what may be enforced, core/enforcement):
 *  - Law Art 48: a worker may sue within 15 days against a final award (the employer may not sue);
 *  - Law Art 49: the employer may apply to the intermediate court within 30 days to set it aside;
 *  - Law Art 50: either party may sue within 15 days against a non-final award, which otherwise
 *    takes effect.
 */
import { eq } from 'drizzle-orm';
import { AppFailure, courtActionKindLabels, courtActionStatusLabels, type CourtActionView } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { awardItems, awards, caseRespondents, cases, courtActions, organisations, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { namesOf } from '../liability/liabilityService';
import { appendEvent } from '../timeline';

const PART = { final: '终局裁决', nonFinal: '非终局裁决' } as const;

type Row = typeof courtActions.$inferSelect;

function effectOf(r: Pick<Row, 'kind' | 'part' | 'status' | 'filedBy' | 'endedOn'>, whom: string): string {
  if (r.status === 'withdrawn') return `已撤诉：${PART[r.part]}自${r.endedOn ? formatChineseDate(r.endedOn) : '撤诉之日'}起对${whom}发生法律效力`;
  if (r.kind === 'setAside') {
    if (r.status === 'setAside') return '终局裁决已被人民法院裁定撤销，不能申请强制执行；当事人可以就该劳动争议事项向人民法院起诉';
    if (r.status === 'rejected') return '撤销申请已被驳回，终局裁决继续有效';
    return '撤销申请审理中：终局裁决仍可申请强制执行，人民法院可以裁定中止执行';
  }
  if (r.status === 'judged') return `人民法院已作出判决：${whom}的${PART[r.part]}事项按判决执行，不再依裁决申请执行`;
  return r.part === 'final'
    ? `${whom}的终局裁决事项不发生法律效力，不能依裁决申请强制执行（《劳动争议调解仲裁法》第四十八条）`
    : `${r.filedBy === 'respondent' ? '全部申请人' : whom}的非终局裁决事项不发生法律效力（《劳动争议调解仲裁法》第五十条）`;
}

export function listCourtActions(db: Executor, caseId: number): CourtActionView[] {
  const rows = db.select().from(courtActions).where(eq(courtActions.caseId, caseId)).orderBy(courtActions.filedOn, courtActions.id).all();
  if (!rows.length) return [];
  const names = new Map(db.select({ id: workers.id, name: workers.name }).from(workers).where(eq(workers.caseId, caseId)).all().map((w) => [w.id, w.name]));
  const respondents = new Map(
    db
      .select({ id: caseRespondents.id, name: organisations.name })
      .from(caseRespondents)
      .innerJoin(organisations, eq(organisations.id, caseRespondents.organisationId))
      .where(eq(caseRespondents.caseId, caseId))
      .all()
      .map((r) => [r.id, r.name]),
  );
  return rows.map((r) => {
    const workerIds = r.workerIds ? (JSON.parse(r.workerIds) as number[]) : null;
    const whom = workerIds ? `申请人${namesOf(workerIds.map((id) => names.get(id) ?? `（编号${id}）`))}` : '全部申请人';
    const partyText = r.filedBy === 'respondent' ? `被申请人${respondents.get(r.respondentId ?? -1) ?? ''}` : whom;
    return {
      id: r.id,
      caseId: r.caseId,
      kind: r.kind,
      filedBy: r.filedBy,
      respondentId: r.respondentId,
      workerIds,
      partyText,
      part: r.part,
      court: r.court,
      filedOn: r.filedOn,
      status: r.status,
      endedOn: r.endedOn,
      note: r.note,
      effect: effectOf(r, whom),
    };
  });
}

export type RecordInput = {
  caseId: number;
  kind: 'suit' | 'setAside';
  filedBy: 'applicant' | 'respondent';
  respondentId?: number | null;
  workerIds?: number[] | null;
  part: 'final' | 'nonFinal';
  court: string;
  filedOn: string;
  note?: string;
};

export function recordCourtAction(ctx: ServiceContext, input: RecordInput): CourtActionView[] {
  const today = todayInChina(ctx.now());
  ctx.db.transaction(
    (tx) => {
      const c = tx.select().from(cases).where(eq(cases.id, input.caseId)).get();
      if (!c) throw new AppFailure('not_found', `案件不存在（编号${input.caseId}）`);
      const award = tx.select().from(awards).where(eq(awards.caseId, c.id)).get();
      if (!award?.issuedAt || !award.decidedOn) throw new AppFailure('conflict', '本案尚未作出裁决，不能登记起诉或撤销申请');
      const items = tx.select({ isFinal: awardItems.isFinal, claimItemId: awardItems.claimItemId }).from(awardItems).where(eq(awardItems.caseId, c.id)).all();
      if (!items.some((i) => (input.part === 'final' ? i.isFinal : i.isFinal === false))) {
        throw new AppFailure('invalid_input', `本案裁决没有${PART[input.part]}事项，请改选${PART[input.part === 'final' ? 'nonFinal' : 'final']}`);
      }
      if (input.kind === 'setAside' && (input.filedBy !== 'respondent' || input.part !== 'final')) {
        throw new AppFailure('invalid_input', '只有用人单位可以申请撤销终局裁决（《劳动争议调解仲裁法》第四十九条）；对非终局裁决不服的，应当向人民法院起诉');
      }
      if (input.kind === 'suit' && input.part === 'final' && input.filedBy === 'respondent') {
        throw new AppFailure('invalid_input', '用人单位不能就终局裁决起诉，只能向中级人民法院申请撤销（《劳动争议调解仲裁法》第四十八条、第四十九条）');
      }
      if (input.filedOn < award.decidedOn) throw new AppFailure('invalid_input', `起诉（申请）日期不能早于裁决日期${formatChineseDate(award.decidedOn)}`);
      if (input.filedOn > today) throw new AppFailure('invalid_input', '起诉（申请）日期不能晚于今天');
      let respondentId: number | null = null;
      let workerIds: number[] | null = null;
      if (input.filedBy === 'respondent') {
        const r = input.respondentId ? tx.select().from(caseRespondents).where(eq(caseRespondents.id, input.respondentId)).get() : null;
        if (!r || r.caseId !== c.id) throw new AppFailure('invalid_input', '请选择提起诉讼或申请的被申请人');
        respondentId = r.id;
      } else if (input.workerIds) {
        const inCase = new Set(tx.select({ id: workers.id }).from(workers).where(eq(workers.caseId, c.id)).all().map((w) => w.id));
        const outside = input.workerIds.filter((id) => !inCase.has(id));
        if (outside.length) throw new AppFailure('invalid_input', `所选劳动者（编号${outside.join('、')}）不是本案申请人`);
        workerIds = [...new Set(input.workerIds)];
      }
      const inserted = tx
        .insert(courtActions)
        .values({
          caseId: c.id,
          kind: input.kind,
          filedBy: input.filedBy,
          respondentId,
          workerIds: workerIds ? JSON.stringify(workerIds) : null,
          part: input.part,
          court: input.court,
          filedOn: input.filedOn,
          note: input.note?.trim() || null,
          createdAt: ctx.now().toISOString(),
        })
        .returning({ id: courtActions.id })
        .get();
      const view = listCourtActions(tx, c.id).find((a) => a.id === inserted.id)!;
      appendEvent(tx, ctx.now(), {
        caseId: c.id,
        action: 'courtActions.recorded',
        summary: `登记${courtActionKindLabels[input.kind]}：${view.partyText}于${formatChineseDate(input.filedOn)}就${PART[input.part]}向${input.court}${input.kind === 'suit' ? '起诉' : '申请撤销'}——${view.effect}`,
        after: { id: inserted.id, ...input, respondentId, workerIds },
      });
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, c.id)).run();
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: input.caseId });
  return listCourtActions(ctx.db, input.caseId);
}

export function updateCourtAction(ctx: ServiceContext, input: { id: number; status: Row['status']; endedOn?: string | null; note?: string }): CourtActionView[] {
  const today = todayInChina(ctx.now());
  const caseId = ctx.db.transaction(
    (tx) => {
      const r = tx.select().from(courtActions).where(eq(courtActions.id, input.id)).get();
      if (!r) throw new AppFailure('not_found', `诉讼记录不存在（编号${input.id}）`);
      const allowed = r.kind === 'setAside' ? ['pending', 'rejected', 'setAside'] : ['pending', 'withdrawn', 'judged'];
      if (!allowed.includes(input.status)) {
        throw new AppFailure('invalid_input', `${courtActionKindLabels[r.kind]}的状态只能是${allowed.map((s) => courtActionStatusLabels[s as Row['status']]).join('、')}`);
      }
      const endedOn = input.status === 'pending' ? null : (input.endedOn ?? null);
      if (input.status !== 'pending' && !endedOn) throw new AppFailure('invalid_input', `请填写${courtActionStatusLabels[input.status]}的日期`);
      if (endedOn && (endedOn < r.filedOn || endedOn > today)) throw new AppFailure('invalid_input', `日期应在${formatChineseDate(r.filedOn)}至今天之间`);
      if (r.status === input.status && r.endedOn === endedOn && (input.note === undefined || input.note === (r.note ?? ''))) throw new AppFailure('invalid_input', '没有需要保存的修改');
      tx.update(courtActions).set({ status: input.status, endedOn, ...(input.note !== undefined ? { note: input.note.trim() || null } : {}) }).where(eq(courtActions.id, r.id)).run();
      const view = listCourtActions(tx, r.caseId).find((a) => a.id === r.id)!;
      appendEvent(tx, ctx.now(), {
        caseId: r.caseId,
        action: 'courtActions.updated',
        summary: `${view.partyText}${courtActionKindLabels[r.kind]}（${input.status === 'pending' ? '' : formatChineseDate(endedOn!)}）：${courtActionStatusLabels[input.status]}——${view.effect}`,
        before: { status: r.status, endedOn: r.endedOn },
        after: { status: input.status, endedOn },
      });
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, r.caseId)).run();
      return r.caseId;
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return listCourtActions(ctx.db, caseId);
}
