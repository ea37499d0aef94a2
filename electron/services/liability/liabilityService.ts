/**
 * Who pays, per claim item and respondent, for the mediation agreement and for the award
 * (electron/core/liability.ts). Stored rows are what the clerk chose; an item without rows takes
 * the chain's default. The mediation and award services call these inside their own transaction,
 * with the items their instrument decides.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AppFailure, type LiabilityView } from '../../core/contract';
import { claimTypeLabels, partyRoleLabels, type ClaimType } from '../../core/domain';
import {
  assignmentKey,
  assignmentProblems,
  defaultAssignment,
  kindsFor,
  liabilityKindLabels,
  type Assignment,
  type ChainRespondent,
  type Instrument,
  type LiabilityKind,
} from '../../core/liability';
import { formatYuan } from '../../core/money';
import { liabilities } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { readChain } from './chain';

/** An item the instrument decides: agreed (mediation) or awarded (award); amount null = not decided yet. */
export type ScopedItem = { claimItemId: number; workerId: number; workerName: string; type: ClaimType; amountFen: number | null };

export type Liabilities = {
  chain: ChainRespondent[];
  /** The assignment of each item in scope, and whether it is the default. */
  of: Map<number, { assignment: Assignment; isDefault: boolean }>;
};

export function readLiabilities(db: Executor, caseId: number, instrument: Instrument, items: { claimItemId: number }[]): Liabilities {
  const chain = readChain(db, caseId);
  const fallback = defaultAssignment(chain, instrument);
  const stored = new Map<number, Assignment>();
  for (const row of db
    .select({ claimItemId: liabilities.claimItemId, respondentId: liabilities.respondentId, kind: liabilities.kind })
    .from(liabilities)
    .where(and(eq(liabilities.caseId, caseId), eq(liabilities.instrument, instrument)))
    .all()) {
    const a = stored.get(row.claimItemId) ?? {};
    a[row.respondentId] = row.kind;
    stored.set(row.claimItemId, a);
  }
  const of = new Map<number, { assignment: Assignment; isDefault: boolean }>();
  for (const item of items) {
    const own = stored.get(item.claimItemId);
    // a respondent added after the choice was stored takes its default kind
    of.set(item.claimItemId, own ? { assignment: { ...fallback, ...own }, isDefault: false } : { assignment: fallback, isDefault: true });
  }
  return { chain, of };
}

/** "刘一民、陈二妹" / "刘一民等8人" */
export function namesOf(names: string[]): string {
  return names.length <= 3 ? names.join('、') : `${names[0]}等${names.length}人`;
}

/** The groups of items sharing one assignment, in the order their first item appears. */
export function liabilityView(instrument: Instrument, items: ScopedItem[], l: Liabilities): LiabilityView {
  const groups = new Map<string, { assignment: Assignment; isDefault: boolean; items: ScopedItem[] }>();
  for (const item of items) {
    if (item.amountFen === 0) continue; // a dismissed item binds nobody
    const a = l.of.get(item.claimItemId)!;
    const key = `${assignmentKey(a.assignment, l.chain)}#${a.isDefault ? 'd' : 's'}`;
    const g = groups.get(key) ?? { assignment: a.assignment, isDefault: a.isDefault, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return {
    instrument,
    respondents: l.chain.map((r) => ({ id: r.id, name: r.name, role: r.role, kind: r.kind })),
    kinds: [...kindsFor(instrument)],
    defaultAssignment: l.chain.map((r) => ({ respondentId: r.id, kind: defaultAssignment(l.chain, instrument)[r.id]! })),
    groups: [...groups.entries()].map(([key, g]) => {
      const workerIds = [...new Set(g.items.map((i) => i.workerId))];
      const names = workerIds.map((id) => g.items.find((i) => i.workerId === id)!.workerName);
      const types = [...new Set(g.items.map((i) => claimTypeLabels[i.type]))];
      const amountFen = g.items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
      return {
        key,
        assignment: l.chain.map((r) => ({ respondentId: r.id, kind: g.assignment[r.id] ?? 'none' })),
        isDefault: g.isDefault,
        claimItemIds: g.items.map((i) => i.claimItemId),
        workerIds,
        label: `${namesOf(names)}的${types.join('、')}`,
        amountFen,
        problems: assignmentProblems(g.assignment, l.chain, instrument, g.items.some((i) => i.amountFen !== 0)),
      };
    }),
  };
}

/** Every problem of the instrument's liabilities, for the document's "missing" list. */
export function liabilityProblems(view: LiabilityView): string[] {
  return view.groups.flatMap((g) => g.problems.map((p) => `${g.label}：${p}`));
}

/** "江西启宏劳务：用人单位支付；江西赣建：总包先行清偿；蓉江城投：不承担" */
export function describeAssignment(assignment: Assignment, chain: ChainRespondent[], instrument: Instrument): string {
  return chain.map((r) => `${r.name}：${liabilityKindLabels[instrument][assignment[r.id] ?? 'none']}`).join('；');
}

/**
 * Stores one assignment for the items given (null: back to the chain's default) and writes its
 * timeline event. Runs in the caller's transaction; `scope` is what the instrument decides.
 */
export function writeLiability(
  ctx: ServiceContext,
  tx: Tx,
  input: { caseId: number; claimItemIds: number[]; assignment: { respondentId: number; kind: LiabilityKind }[] | null },
  instrument: Instrument,
  scope: ScopedItem[],
): void {
  const inScope = new Map(scope.map((i) => [i.claimItemId, i]));
  const what = instrument === 'mediation' ? '调解协议' : '裁决';
  const unique = [...new Set(input.claimItemIds)];
  const outside = unique.filter((id) => !inScope.has(id));
  if (outside.length) {
    throw new AppFailure(
      'invalid_input',
      instrument === 'mediation'
        ? `所选请求（编号${outside.slice(0, 5).join('、')}）尚未确定调解金额，请先填写调解金额再设置责任承担`
        : `所选请求（编号${outside.slice(0, 5).join('、')}）不在本次裁决范围内（已由生效调解书处理，或不属于本案）`,
    );
  }
  const chain = readChain(tx, input.caseId);
  const items = unique.map((id) => inScope.get(id)!);
  let assignment: Assignment | null = null;
  if (input.assignment) {
    assignment = {};
    for (const a of input.assignment) {
      if (assignment[a.respondentId]) throw new AppFailure('invalid_input', '同一被申请人只能选择一种责任');
      assignment[a.respondentId] = a.kind;
    }
    const problems = assignmentProblems(assignment, chain, instrument, items.some((i) => i.amountFen !== 0));
    if (problems.length) throw new AppFailure('invalid_input', `${namesOf([...new Set(items.map((i) => i.workerName))])}的责任承担：${problems.join('；')}`);
  }
  tx.delete(liabilities)
    .where(and(eq(liabilities.caseId, input.caseId), eq(liabilities.instrument, instrument), inArray(liabilities.claimItemId, unique)))
    .run();
  const at = ctx.now().toISOString();
  if (assignment) {
    for (const item of items) {
      for (const r of chain) {
        tx.insert(liabilities).values({ caseId: input.caseId, claimItemId: item.claimItemId, respondentId: r.id, instrument, kind: assignment[r.id]!, updatedAt: at }).run();
      }
    }
  }
  const names = namesOf([...new Set(items.map((i) => i.workerName))]);
  const types = [...new Set(items.map((i) => claimTypeLabels[i.type]))].join('、');
  const amount = items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
  const shown = assignment ? describeAssignment(assignment, chain, instrument) : `恢复按承包关系的默认（${describeAssignment(defaultAssignment(chain, instrument), chain, instrument)}）`;
  appendEvent(tx, ctx.now(), {
    caseId: input.caseId,
    action: `${instrument}.liability`,
    summary: `${what}责任承担：${names}的${types}（${items.length}项${amount ? `，${formatYuan(amount)}` : ''}）——${shown}`,
    after: { instrument, claimItemIds: unique, assignment: input.assignment, roles: chain.map((r) => `${r.name}（${partyRoleLabels[r.role]}）`) },
  });
}
