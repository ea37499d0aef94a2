/**
 * Each respondent's obligation in its own words, for the mediation agreement and the award
 * (electron/core/liability.ts). Pure: an assignment and the respondents in, sentences out.
 */
import type { ClaimType } from '../../core/domain';
import type { Assignment, Instrument, LiabilityKind } from '../../core/liability';
import { sumFen } from '../../core/money';
import { amountWithUpper } from '../layout';
import { workerNames, type DocRespondent, type DocWorker } from './caseData';
import { CLAIM_NOUN, CLAIM_TYPE_ORDER } from './withdrawnText';

export type DecidedLine = { claimItemId: number; workerId: number; amountFen: number };

/** Items sharing one assignment, in the order their first item appears. */
export type ObligationGroup<T extends DecidedLine> = { assignment: Assignment; items: T[] };

export function groupByAssignment<T extends DecidedLine>(items: T[], assignmentOf: (claimItemId: number) => Assignment, respondents: DocRespondent[]): ObligationGroup<T>[] {
  const groups = new Map<string, ObligationGroup<T>>();
  for (const item of items) {
    const a = assignmentOf(item.claimItemId);
    const key = respondents.map((r) => `${r.id}:${a[r.id] ?? 'none'}`).join('|');
    const g = groups.get(key) ?? { assignment: a, items: [] };
    g.items.push(item);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function principalOf(assignment: Assignment, respondents: DocRespondent[]): DocRespondent | null {
  return respondents.find((r) => assignment[r.id] === 'employer' || assignment[r.id] === 'contractingUnit') ?? null;
}

/** "被申请人江西启宏劳务有限公司" — with the basis when it pays as the contracting unit; "被申请人" when no one is the principal. */
export function payerWords(assignment: Assignment, respondents: DocRespondent[]): string {
  const principal = principalOf(assignment, respondents);
  if (!principal) return '被申请人';
  return assignment[principal.id] === 'contractingUnit'
    ? `被申请人${principal.name}（发包单位，依《保障农民工工资支付条例》第三十六条承担清偿责任）`
    : `被申请人${principal.name}`;
}

/**
 * What one group's payer pays (after "被申请人…于…"): the workers' totals per claim type and where
 * each worker's amount stands — "支付申请人甲等12人工资共计…（人民币…），各申请人应得金额见附表" —
 * when the workers are named in an annex (`annexName`), else each worker's own amounts:
 * "支付申请人甲工资…（人民币…）；支付申请人乙工资…". `workers` in document order; those without an
 * item in the group are left out.
 */
export function paymentWords(items: (DecidedLine & { type: ClaimType })[], workers: DocWorker[], annexName: string | null): string {
  const amounts = (list: typeof items, total: string) =>
    CLAIM_TYPE_ORDER.filter((t) => list.some((i) => i.type === t)).map((t) => `${CLAIM_NOUN[t]}${total}${amountWithUpper(sumFen(list.filter((i) => i.type === t).map((i) => i.amountFen)))}`);
  const paid = workers.filter((w) => items.some((i) => i.workerId === w.id));
  if (annexName) return `支付申请人${workerNames(paid)}${amounts(items, '共计').join('、')}，各申请人应得金额见${annexName}`;
  return `支付${paid.map((w) => `申请人${w.name}${amounts(items.filter((i) => i.workerId === w.id), '').join('、')}`).join('；支付')}`;
}

/** The other respondents' lines for one group: joint, pays first, advances, not bound (mediation). */
export function secondaryLines(assignment: Assignment, respondents: DocRespondent[], instrument: Instrument, ref: string): string[] {
  const principal = principalOf(assignment, respondents);
  const out: string[] = [];
  const of = (kind: LiabilityKind) => respondents.filter((r) => r !== principal && assignment[r.id] === kind);
  for (const r of of('joint')) {
    const basis = principal && assignment[principal.id] === 'contractingUnit' && r.kind === 'person' ? '（《中华人民共和国劳动合同法》第九十四条）' : '';
    out.push(`被申请人${r.name}对${ref}款项承担连带清偿责任${basis}；`);
  }
  for (const r of of('payFirst')) {
    out.push(`被申请人${r.name}对${ref}款项承担先行清偿责任，清偿后可以依法向${principal ? `被申请人${principal.name}` : '用人单位'}追偿（《保障农民工工资支付条例》第三十条）；`);
  }
  for (const r of of('advance')) out.push(`被申请人${r.name}以其未结清的工程款为限，对${ref}款项先行垫付（《保障农民工工资支付条例》第二十九条）；`);
  if (instrument === 'mediation') {
    const none = of('none');
    if (none.length) out.push(`被申请人${none.map((r) => r.name).join('、被申请人')}不承担${ref}款项的支付责任；`);
  }
  return out;
}

/** Respondents an award dismisses the claims against, per group: respondent id → the group indexes. */
export function dismissedRespondents(groups: { assignment: Assignment }[], respondents: DocRespondent[]): { respondent: DocRespondent; inAll: boolean; groups: number[] }[] {
  return respondents
    .map((r) => {
      const idx = groups.flatMap((g, i) => ((g.assignment[r.id] ?? 'none') === 'none' ? [i] : []));
      return { respondent: r, inAll: idx.length === groups.length, groups: idx };
    })
    .filter((d) => d.groups.length > 0);
}
