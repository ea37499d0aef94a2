/**
 * award.save: the draft, saved a field at a time by the editor's autosave. A save that changes
 * nothing writes nothing; a save that changes something writes one timeline event summarising it.
 * An issued award is no longer a draft and is refused.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AppFailure, type AwardView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { claimTypeLabels } from '../../core/domain';
import { formatYuan } from '../../core/money';
import { awardItems, awards, cases } from '../../../db/schema';
import type { Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { readAward, readAwardState, type AwardState } from './awardView';
import { writeLiability } from '../liability/liabilityService';

export type AwardSaveInput = {
  caseId: number;
  decidedOn?: string | null;
  defence?: string;
  factsFound?: string;
  evidenceRelied?: string;
  reasoning?: string;
  items?: { claimItemId: number; awardedFen: number | null }[];
};

const TEXT_FIELDS = [
  ['defence', '答辩意见'],
  ['factsFound', '查明事实'],
  ['evidenceRelied', '认定证据'],
  ['reasoning', '本委认为'],
] as const;

/** Refuses a draft that can no longer be edited, with what to do instead. */
export function assertDraftable(state: AwardState): void {
  if (state.issuedAt) throw new AppFailure('conflict', `裁决书已于${formatChineseDate(state.decidedOn ?? state.issuedAt.slice(0, 10))}作出，不能再修改`);
  if (!state.case.hasArbitration) throw new AppFailure('conflict', '本案尚未提出仲裁申请，不能起草裁决书');
  if (state.case.status === 'received') throw new AppFailure('conflict', '案件尚未受理，不能起草裁决书');
  if (state.case.status === 'rejected') throw new AppFailure('conflict', '案件已不予受理，不能起草裁决书');
  if (state.case.status === 'closed') throw new AppFailure('conflict', '案件已结案，不能起草裁决书');
}

export function ensureAwardRow(tx: Tx, caseId: number, at: string): void {
  tx.insert(awards).values({ caseId, updatedAt: at }).onConflictDoNothing().run();
}

export function saveAward(ctx: ServiceContext, input: AwardSaveInput): AwardView {
  const at = ctx.now().toISOString();
  const changed = ctx.db.transaction(
    (tx) => {
      const state = readAwardState(tx, input.caseId);
      assertDraftable(state);
      const parts: string[] = [];
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const set: Partial<typeof awards.$inferInsert> = {};

      if (input.decidedOn !== undefined && input.decidedOn !== state.decidedOn) {
        if (input.decidedOn && state.case.acceptedOn && input.decidedOn < state.case.acceptedOn) {
          throw new AppFailure('invalid_input', `裁决日期${formatChineseDate(input.decidedOn)}早于受理日期${formatChineseDate(state.case.acceptedOn)}`);
        }
        set.decidedOn = input.decidedOn;
        before.decidedOn = state.decidedOn;
        after.decidedOn = input.decidedOn;
        parts.push(input.decidedOn ? `裁决日期${formatChineseDate(input.decidedOn)}` : '清除裁决日期');
      }
      const edited: string[] = [];
      for (const [key, label] of TEXT_FIELDS) {
        const value = input[key];
        if (value === undefined || value === state[key]) continue;
        set[key] = value;
        before[key] = state[key].length;
        after[key] = value.length;
        edited.push(label);
      }
      if (edited.length) parts.push(`修改${edited.join('、')}`);

      const itemChanges: { claimItemId: number; awardedFen: number | null }[] = [];
      if (input.items?.length) {
        const byId = new Map(state.rows.map((r) => [r.claimItemId, r]));
        const seen = new Set<number>();
        for (const change of input.items) {
          const item = byId.get(change.claimItemId);
          if (!item) throw new AppFailure('not_found', `仲裁请求（编号${change.claimItemId}）不在本次裁决范围内：不属于本案、已由生效的调解书处理，或已撤回（调解书已处理和已撤回的请求不再裁决）`);
          if (seen.has(change.claimItemId)) throw new AppFailure('invalid_input', `${item.workerName}「${claimTypeLabels[item.type]}」重复填写`);
          seen.add(change.claimItemId);
          if (change.awardedFen !== null && change.awardedFen > item.claimedFen) {
            throw new AppFailure(
              'invalid_input',
              `${item.workerName}「${claimTypeLabels[item.type]}」裁决金额${formatYuan(change.awardedFen)}超过请求金额${formatYuan(item.claimedFen)}，仲裁裁决不能超出仲裁请求`,
            );
          }
          if (change.awardedFen !== item.awardedFen) itemChanges.push(change);
        }
        if (itemChanges.length) {
          const shown = itemChanges.slice(0, 5).map((c) => {
            const item = byId.get(c.claimItemId)!;
            const amount = c.awardedFen === null ? '待定' : c.awardedFen === 0 ? '驳回' : formatYuan(c.awardedFen);
            return `${item.workerName}「${claimTypeLabels[item.type]}」${amount}`;
          });
          parts.push(`裁决金额${itemChanges.length}项（${shown.join('；')}${itemChanges.length > 5 ? '等' : ''}）`);
          before.items = itemChanges.map((c) => ({ claimItemId: c.claimItemId, awardedFen: byId.get(c.claimItemId)!.awardedFen }));
          after.items = itemChanges;
        }
      }
      if (!parts.length) return false;

      ensureAwardRow(tx, input.caseId, at);
      tx.update(awards).set({ ...set, updatedAt: at }).where(eq(awards.caseId, input.caseId)).run();
      const cleared = itemChanges.filter((c) => c.awardedFen === null).map((c) => c.claimItemId);
      if (cleared.length) tx.delete(awardItems).where(and(eq(awardItems.caseId, input.caseId), inArray(awardItems.claimItemId, cleared))).run();
      for (const c of itemChanges) {
        if (c.awardedFen === null) continue;
        tx.insert(awardItems)
          .values({ claimItemId: c.claimItemId, caseId: input.caseId, awardedFen: c.awardedFen, isFinal: null })
          .onConflictDoUpdate({ target: awardItems.claimItemId, set: { awardedFen: c.awardedFen } })
          .run();
      }
      tx.update(cases).set({ updatedAt: at }).where(eq(cases.id, input.caseId)).run();
      appendEvent(tx, ctx.now(), { caseId: input.caseId, action: 'award.save', summary: `裁决书草稿：${parts.join('；')}`, before, after });
      return true;
    },
    { behavior: 'immediate' },
  );
  if (changed) ctx.emit({ type: 'cases.changed', caseId: input.caseId });
  return readAward(ctx.db, input.caseId);
}

/** Who pays the awarded items (per respondent), or back to the chain's default. */
export function setAwardLiability(
  ctx: ServiceContext,
  input: { caseId: number; claimItemIds: number[]; assignment: { respondentId: number; kind: import('../../core/liability').LiabilityKind }[] | null },
): AwardView {
  ctx.db.transaction(
    (tx) => {
      const state = readAwardState(tx, input.caseId);
      assertDraftable(state);
      const scope = state.rows.map((r) => ({ claimItemId: r.claimItemId, workerId: r.workerId, workerName: r.workerName, type: r.type, amountFen: r.awardedFen }));
      writeLiability(ctx, tx, input, 'award', scope);
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, input.caseId)).run();
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: input.caseId });
  return readAward(ctx.db, input.caseId);
}
