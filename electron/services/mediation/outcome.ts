import { eq } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { stageLabels } from '../../core/domain';
import { formatYuan } from '../../core/money';
import { cases } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { assertNotEffective, mutateMediation } from './mutateMediation';
import { outcomeLabels, type MediationInput } from './types';
import { sessionFollowsOutcome } from './sessions';
import { activeClaims } from './mediationView';

function names(list: { name: string }[]): string {
  return list.slice(0, 5).map((w) => w.name).join('、') + (list.length > 5 ? `等${list.length}人` : '');
}

/**
 * 调解成功 needs every claim item of every worker agreed, and stays in 快调 until the mediation
 * document is signed for by both sides. 部分调解 (some items agreed, e.g. wages first) and 调解不成
 * send the case to 快审 for what is left. Changing the outcome voids signatures already recorded
 * (the document is issued again).
 */
export function setOutcome(ctx: ServiceContext, input: MediationInput<'mediation.setOutcome'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    assertNotEffective(state, '改变调解结果');
    const row = state.case;
    if (row.mediationOutcome === input.outcome) throw new AppFailure('conflict', `调解结果已记录为「${outcomeLabels[input.outcome]}」`);
    // a worker whose every claim was withdrawn is no longer part of the agreement
    const workers = state.rows.filter((r) => activeClaims(r.claims).length > 0).map((r) => state.figures.get(r.workerId)!);
    if (input.outcome === 'settled') {
      if (!workers.length) throw new AppFailure('conflict', '本案没有尚未撤回的仲裁请求，无法记录调解成功');
      const open = workers.filter((w) => !w.settled);
      if (open.length) {
        throw new AppFailure('conflict', `尚有${open.length}名工人的请求未全部确定调解金额（${names(open)}），请先确定调解金额，或选择「部分调解」`);
      }
    }
    if (input.outcome === 'partlySettled') {
      if (!workers.some((w) => w.anyAgreed)) throw new AppFailure('conflict', '尚未确定任何调解金额，请先确定调解金额（如工资优先），或选择「调解不成」');
      if (workers.every((w) => w.settled)) throw new AppFailure('conflict', '全部请求均已确定调解金额，请选择「调解成功」');
    }
    const toHearing = input.outcome !== 'settled' && row.hasArbitration && row.stage !== 'closing';
    const stage = toHearing ? 'hearing' : row.stage;
    tx.update(cases)
      .set({ mediationOutcome: input.outcome, stage, mediationSignedByWorkersOn: null, mediationSignedByRespondentOn: null })
      .where(eq(cases.id, row.id))
      .run();
    sessionFollowsOutcome(tx, row.id, input.outcome);
    const settledCount = workers.filter((w) => w.settled).length;
    const detail =
      input.outcome === 'settled'
        ? `${workers.length}名工人，调解金额合计${formatYuan(state.totals.agreedFen)}；调解书经双方签收后生效`
        : input.outcome === 'partlySettled'
          ? `已调解${formatYuan(state.totals.agreedFen)}（${settledCount}名工人全部请求达成），其余请求${toHearing ? '转入快审' : '继续处理'}`
          : toHearing
            ? '转入快审'
            : '';
    const voided = row.mediationSignedByWorkersOn || row.mediationSignedByRespondentOn ? '；原调解书签收记录作废' : '';
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'mediation.outcome',
      summary: `调解结果：${outcomeLabels[input.outcome]}${detail ? `，${detail}` : ''}${voided}`,
      before: { outcome: row.mediationOutcome, stage: row.stage },
      after: { outcome: input.outcome, stage },
    });
  });
}

const partyLabels = { workers: '申请人（劳动者）', respondent: '被申请人' } as const;

/**
 * Signed receipt of the mediation document by one side. When both sides have signed it takes
 * effect; a fully settled case then moves to 快结 (a partial document leaves the rest in 快审).
 */
export function recordSignature(ctx: ServiceContext, input: MediationInput<'mediation.recordSignature'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state, today) => {
    const row = state.case;
    if (row.mediationOutcome !== 'settled' && row.mediationOutcome !== 'partlySettled') {
      throw new AppFailure('conflict', '请先记录调解结果（调解成功或部分调解），再登记调解书签收');
    }
    if (input.signedOn > today) throw new AppFailure('invalid_input', '签收日期不能晚于今天');
    if (input.signedOn < row.receivedOn) throw new AppFailure('invalid_input', `签收日期不能早于收案日期${formatChineseDate(row.receivedOn)}`);
    const workersOn = input.party === 'workers' ? input.signedOn : row.mediationSignedByWorkersOn;
    const respondentOn = input.party === 'respondent' ? input.signedOn : row.mediationSignedByRespondentOn;
    const previous = input.party === 'workers' ? row.mediationSignedByWorkersOn : row.mediationSignedByRespondentOn;
    const effective = !!(workersOn && respondentOn);
    const stage = effective && row.mediationOutcome === 'settled' ? 'closing' : row.stage;
    tx.update(cases).set({ mediationSignedByWorkersOn: workersOn, mediationSignedByRespondentOn: respondentOn, stage }).where(eq(cases.id, row.id)).run();
    const signed = `${partyLabels[input.party]}于${formatChineseDate(input.signedOn)}签收${previous ? `（更正，原记录${formatChineseDate(previous)}）` : ''}`;
    const summary =
      effective && !state.effective
        ? `${row.mediationOutcome === 'partlySettled' ? '部分' : ''}调解书经双方签收，发生法律效力（${signed}）${stage !== row.stage ? `，案件进入${stageLabels[stage]}` : ''}`
        : `调解书签收：${signed}${effective ? '' : '，待另一方签收后生效'}`;
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'mediation.signature',
      summary,
      before: { party: input.party, signedOn: previous, stage: row.stage },
      after: { party: input.party, signedOn: input.signedOn, effective, stage },
    });
  });
}
