import { and, eq, inArray } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { claimTypeLabels, type Track } from '../../core/domain';
import { formatYuan, sumFen } from '../../core/money';
import { agreedProblem } from '../../core/settlement';
import { settlementItems } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { writeLiability } from '../liability/liabilityService';
import type { MediationState } from './mediationView';
import { assertNotEffective, mutateMediation } from './mutateMediation';
import type { MediationInput } from './types';

type ClaimInfo = MediationState['rows'][number]['claims'][number] & { workerId: number; workerName: string };
type AgreedChange = { claimItemId: number; agreedFen: number | null; payBy: string | null; method: 'bankTransfer' | 'cash' | null };

function claimIndex(state: MediationState): Map<number, ClaimInfo> {
  const index = new Map<number, ClaimInfo>();
  for (const row of state.rows) for (const c of row.claims) index.set(c.claimItemId, { ...c, workerId: row.workerId, workerName: row.name });
  return index;
}

/**
 * The track an agreement is reached in: that of the case's latest mediation session; with no
 * session yet, arbitration (or inspection while the case is only an inspection complaint).
 */
export function currentTrack(state: MediationState): Track {
  const latest = state.sessions.at(-1);
  if (latest) return latest.track;
  return state.case.hasArbitration ? 'arbitration' : 'inspection';
}

/** Writes the changes and refuses a worker whose agreed total would fall below what they were paid. */
function applyAgreed(ctx: ServiceContext, tx: Tx, state: MediationState, claims: Map<number, ClaimInfo>, changes: AgreedChange[], track: Track): void {
  const newAgreed = new Map<number, number | null>();
  for (const c of changes) newAgreed.set(c.claimItemId, c.agreedFen);
  for (const row of state.rows) {
    const agreed = sumFen(row.claims.map((c) => (newAgreed.has(c.claimItemId) ? newAgreed.get(c.claimItemId) : c.agreedFen) ?? 0));
    if (agreed < row.paidFen) {
      throw new AppFailure('conflict', `${row.name}已收到${formatYuan(row.paidFen)}，调解金额合计${formatYuan(agreed)}不能低于已付金额，请改为不少于${formatYuan(row.paidFen)}`);
    }
  }
  const updatedAt = ctx.now().toISOString();
  for (const c of changes) {
    const claim = claims.get(c.claimItemId)!;
    const values = { agreedFen: c.agreedFen, payBy: c.payBy, method: c.method, track, updatedAt };
    tx.insert(settlementItems)
      .values({ caseId: state.caseId, workerId: claim.workerId, claimItemId: c.claimItemId, ...values })
      .onConflictDoUpdate({ target: settlementItems.claimItemId, set: values })
      .run();
  }
}

function describe(changes: AgreedChange[], claims: Map<number, ClaimInfo>): string {
  const shown = changes.slice(0, 5).map((c) => {
    const claim = claims.get(c.claimItemId)!;
    const amount = c.agreedFen === null ? '不在本次调解（转入审理）' : formatYuan(c.agreedFen);
    return `${claim.workerName}「${claimTypeLabels[claim.type]}」${amount}`;
  });
  return shown.join('；') + (changes.length > 5 ? `等${changes.length}项` : '');
}

/** The settlement proposal, one claim item at a time (agreed null = left to the hearing). */
export function setAgreed(ctx: ServiceContext, input: MediationInput<'mediation.setAgreed'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    assertNotEffective(state, '修改调解金额');
    const claims = claimIndex(state);
    const seen = new Set<number>();
    const changes: AgreedChange[] = input.items.map((item, i) => {
      const claim = claims.get(item.claimItemId);
      if (!claim) throw new AppFailure('invalid_input', `第${i + 1}项：请求（编号${item.claimItemId}）不属于本案，请刷新后重试`);
      if (seen.has(item.claimItemId)) throw new AppFailure('invalid_input', `${claim.workerName}的「${claimTypeLabels[claim.type]}」重复出现，请只保留一项`);
      seen.add(item.claimItemId);
      if (claim.withdrawal) {
        throw new AppFailure('conflict', `${claim.workerName}的「${claimTypeLabels[claim.type]}」请求已于${formatChineseDate(claim.withdrawal.withdrawnOn)}撤回，不能再确定调解金额；如撤回有误，请先撤销撤回`);
      }
      const problem = agreedProblem(claim.workerName, claimTypeLabels[claim.type], claim.claimedFen, item.agreedFen);
      if (problem) throw new AppFailure('invalid_input', problem);
      const payBy = item.payBy === undefined ? claim.payBy : item.payBy;
      if (payBy && payBy < state.case.receivedOn) {
        throw new AppFailure('invalid_input', `${claim.workerName}的「${claimTypeLabels[claim.type]}」履行期限${formatChineseDate(payBy)}早于收案日期${formatChineseDate(state.case.receivedOn)}，请改正`);
      }
      return { claimItemId: item.claimItemId, agreedFen: item.agreedFen, payBy, method: item.method === undefined ? claim.method : item.method };
    });
    const track = currentTrack(state);
    applyAgreed(ctx, tx, state, claims, changes, track);
    const agreedSum = sumFen(changes.map((c) => c.agreedFen ?? 0));
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.agreed',
      summary: `${track === 'inspection' ? '监察调解' : ''}确定调解金额${changes.length}项，合计${formatYuan(agreedSum)}：${describe(changes, claims)}`,
      before: changes.map((c) => ({ claimItemId: c.claimItemId, agreedFen: claims.get(c.claimItemId)!.agreedFen })),
      after: { track, items: changes },
    });
  });
}

/** 工资优先: the wage items of these workers (all when null) settle at the claimed amount; other items go on. */
export function settleWagesFirst(ctx: ServiceContext, input: MediationInput<'mediation.settleWagesFirst'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    assertNotEffective(state, '修改调解金额');
    if (input.payBy && input.payBy < state.case.receivedOn) throw new AppFailure('invalid_input', `履行期限不能早于收案日期${formatChineseDate(state.case.receivedOn)}`);
    const inCase = new Set(state.rows.map((r) => r.workerId));
    const unknown = (input.workerIds ?? []).filter((id) => !inCase.has(id));
    if (unknown.length) throw new AppFailure('invalid_input', `所选工人（编号${unknown.join('、')}）不属于本案，请刷新后重新选择`);
    const chosen = input.workerIds ? new Set(input.workerIds) : inCase;
    const claims = claimIndex(state);
    const changes: AgreedChange[] = [];
    for (const row of state.rows) {
      if (!chosen.has(row.workerId)) continue;
      for (const c of row.claims) {
        if (c.type !== 'unpaidWages' || c.withdrawal) continue;
        changes.push({ claimItemId: c.claimItemId, agreedFen: c.claimedFen, payBy: input.payBy === undefined ? c.payBy : input.payBy, method: c.method });
      }
    }
    if (!changes.length) throw new AppFailure('invalid_input', '所选工人没有「拖欠工资」请求，无法按工资优先调解');
    const track = currentTrack(state);
    applyAgreed(ctx, tx, state, claims, changes, track);
    const workers = new Set(changes.map((c) => claims.get(c.claimItemId)!.workerId)).size;
    const others = state.rows.filter((r) => chosen.has(r.workerId)).flatMap((r) => r.claims.filter((c) => c.type !== 'unpaidWages' && c.agreedFen === null && !c.withdrawal)).length;
    const payBy = input.payBy ? `，${formatChineseDate(input.payBy)}前履行` : '';
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.wagesFirst',
      summary: `工资优先：${workers}名工人的拖欠工资按请求金额调解，合计${formatYuan(sumFen(changes.map((c) => c.agreedFen ?? 0)))}${payBy}${others ? `；其余${others}项请求继续审理` : ''}`,
      before: changes.map((c) => ({ claimItemId: c.claimItemId, agreedFen: claims.get(c.claimItemId)!.agreedFen })),
      after: { track, workerIds: input.workerIds, items: changes },
    });
  });
}

/** 置换: the agreement reached in the inspection track becomes the arbitral agreement, as it stands. */
export function convertInspectionAgreement(ctx: ServiceContext, input: MediationInput<'mediation.convertInspectionAgreement'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    assertNotEffective(state, '置换调解协议');
    if (!state.case.hasArbitration) throw new AppFailure('conflict', '本案尚未登记仲裁申请，请先转为仲裁案件，再将监察调解协议置换为仲裁调解');
    const items = state.rows.flatMap((r) => r.claims.filter((c) => c.track === 'inspection' && c.agreedFen !== null).map((c) => ({ ...c, workerId: r.workerId })));
    if (!items.length) throw new AppFailure('conflict', '本案没有监察调解达成的协议，无需置换');
    const ids = items.map((c) => c.claimItemId);
    tx.update(settlementItems)
      .set({ track: 'arbitration', updatedAt: ctx.now().toISOString() })
      .where(and(eq(settlementItems.caseId, input.caseId), inArray(settlementItems.claimItemId, ids)))
      .run();
    const workers = new Set(items.map((c) => c.workerId)).size;
    appendEvent(tx, ctx.now(), {
      caseId: input.caseId,
      action: 'mediation.converted',
      summary: `监察调解协议置换为仲裁调解（未重新录入）：${workers}名工人${items.length}项，合计${formatYuan(sumFen(items.map((c) => c.agreedFen ?? 0)))}`,
      before: { track: 'inspection', claimItemIds: ids },
      after: { track: 'arbitration', claimItemIds: ids },
    });
  });
}

/** Who pays the agreed items (per respondent), or back to the chain's default. */
export function setMediationLiability(ctx: ServiceContext, input: MediationInput<'mediation.setLiability'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    assertNotEffective(state, '修改责任承担');
    writeLiability(ctx, tx, input, 'mediation', state.scope);
  });
}
