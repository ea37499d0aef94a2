// What a court may be asked to enforce (申请强制执行), per worker, per respondent. Pure: the decided
// amounts, their terms, the service and court records and the payments in; the enforceable amounts
// and the reason for every amount left out.
//
// Rules:
//  - A mediation document binds once both sides signed for it (Law Art 42). What it settles is
//    enforceable once its own pay-by date has passed: the instalment dates (any instalment overdue
//    makes the worker's whole unpaid balance enforceable — the acceleration term the document
//    states), the agreed date, else "within five days of taking effect".
//  - The final part of an award takes effect on the day it is made (Law Art 47). A worker who sued
//    against it (Law Art 48) has no effective final part; a final award set aside by the
//    intermediate court (Law Art 49) binds nobody. A pending set-aside application does not stop
//    enforcement (the court decides whether to suspend it) — the application names it.
//  - The non-final part takes effect when 15 days after service have passed with no suit (Law Art
//    50): from the last service on a party (a publication counts from the day it is deemed served);
//    a respondent's suit stops it for everyone, a worker's suit for that worker; a suit withdrawn
//    lets it take effect from the withdrawal at the earliest.
//  - An award part is enforceable once the payment period it states (AWARD_PAYMENT_DAYS from taking
//    effect) has passed.
//  - Payments reach the worker's amounts in order: mediation, then the final part, then the
//    non-final part (item by item, in claim order).
//  - Each respondent is bound for the enforceable amount of every item its liability binds it to
//    (employer, contracting unit, pays first, advances, jointly liable); a respondent not bound is
//    never named.
import { addDays } from './dates';
import { BINDING_KINDS, type Assignment, type LiabilityKind } from './liability';

/** Days the award gives the respondent to pay after it takes effect ("于本裁决生效之日起十日内"). */
export const AWARD_PAYMENT_DAYS = 10;
/** "于本调解书生效之日起五日内" when the agreement names no date. */
export const MEDIATION_DEFAULT_PAY_DAYS = 5;
/** Law Art 50: a party may sue within 15 days of receiving a non-final award. */
export const NON_FINAL_CHALLENGE_DAYS = 15;

export type EnforcementPart = 'mediation' | 'final' | 'nonFinal';
export const enforcementPartLabels: Record<EnforcementPart, string> = { mediation: '调解书', final: '终局裁决', nonFinal: '非终局裁决' };

export type DecidedItem = {
  claimItemId: number;
  workerId: number;
  part: EnforcementPart;
  amountFen: number;
  /** Mediation: the agreed pay-by date of the item, if any. */
  payBy?: string | null;
  liability: Assignment;
};

export type CourtAction = {
  kind: 'suit' | 'setAside';
  filedBy: 'applicant' | 'respondent';
  part: 'final' | 'nonFinal';
  /** Workers who sued (applicant side); null = all of them. */
  workerIds: number[] | null;
  filedOn: string;
  status: 'pending' | 'withdrawn' | 'rejected' | 'setAside' | 'judged';
  endedOn: string | null;
};

export type EnforcementInput = {
  today: string;
  items: DecidedItem[];
  /** Both sides signed the mediation document on or before this date (null: not effective). */
  mediationEffectiveOn: string | null;
  /** Per worker: the mediation instalments (with what was paid against each). */
  instalments: { workerId: number; dueOn: string; amountFen: number; paidFen: number }[];
  /** The award date (null: no award issued). */
  awardDecidedOn: string | null;
  /** The last (deemed) service of the non-final award on a party, null while none is recorded. */
  nonFinalServedOn: string | null;
  courtActions: CourtAction[];
  /** Total paid per worker. */
  paidByWorker: Map<number, number>;
  /** The last day of an n-day period starting after `start` (the app's calendar: rest days shift it). */
  periodEnd: (start: string, days: number) => string;
};

export type ItemEnforcement = DecidedItem & {
  paidFen: number;
  unpaidFen: number;
  enforceableFen: number;
  /** The instrument (part) binds for this item: signed mediation document, or an award part in effect. */
  effective: boolean;
  reason: string | null;
};
export type PartStatus = { part: EnforcementPart; effectiveOn: string | null; payBy: string | null; note: string };
export type RespondentDue = {
  respondentId: number;
  kinds: LiabilityKind[];
  /** Past its pay-by date: what the court may be asked to enforce against it. */
  enforceableFen: number;
  /**
   * The enforceable amount by the way it binds: a general contractor that pays first under the 调解书
   * (instalments not yet due) and is jointly liable under the award (overdue) is enforced jointly only.
   */
  enforceableByKind: Partial<Record<LiabilityKind, number>>;
  /** Unpaid under an effective instrument, due or not (what it is bound to pay and has not). */
  boundUnpaidFen: number;
};
export type EnforcementResult = {
  items: ItemEnforcement[];
  parts: PartStatus[];
  byWorker: Map<number, { dueFen: number; paidFen: number; unpaidFen: number; enforceableFen: number }>;
  respondents: RespondentDue[];
  totalFen: number;
  /** A set-aside application is pending against the final part (named in the application). */
  setAsidePending: boolean;
};

const later = (a: string | null, b: string | null): string | null => (!a ? b : !b ? a : a > b ? a : b);
const activeSuit = (a: CourtAction) => a.kind === 'suit' && a.status !== 'withdrawn';
const coversWorker = (a: CourtAction, workerId: number) => a.filedBy === 'respondent' || a.workerIds === null || a.workerIds.includes(workerId);

/** When a part of the award takes effect for one worker, or why it has not. */
function awardPartFor(input: EnforcementInput, part: 'final' | 'nonFinal', workerId: number): { effectiveOn: string | null; why: string | null } {
  const actions = input.courtActions.filter((a) => a.part === part);
  if (!input.awardDecidedOn) return { effectiveOn: null, why: '尚未作出裁决' };
  if (part === 'final') {
    if (actions.some((a) => a.kind === 'setAside' && a.status === 'setAside')) return { effectiveOn: null, why: '终局裁决已被人民法院裁定撤销' };
    if (actions.some((a) => activeSuit(a) && a.filedBy === 'applicant' && coversWorker(a, workerId))) return { effectiveOn: null, why: '劳动者已就终局裁决向人民法院起诉' };
    let effectiveOn: string | null = input.awardDecidedOn;
    for (const a of actions) if (a.kind === 'suit' && a.status === 'withdrawn' && coversWorker(a, workerId)) effectiveOn = later(effectiveOn, a.endedOn);
    return { effectiveOn, why: null };
  }
  if (!input.nonFinalServedOn) return { effectiveOn: null, why: '非终局裁决尚未登记送达，起诉期未起算' };
  const periodEnds = input.periodEnd(input.nonFinalServedOn, NON_FINAL_CHALLENGE_DAYS);
  if (actions.some((a) => activeSuit(a) && coversWorker(a, workerId))) return { effectiveOn: null, why: '当事人已在法定期间内向人民法院起诉，非终局裁决不发生法律效力' };
  if (input.today <= periodEnds) return { effectiveOn: null, why: `起诉期至${periodEnds}届满，届满前尚未生效` };
  let effectiveOn: string | null = addDays(periodEnds, 1);
  for (const a of actions) if (a.kind === 'suit' && a.status === 'withdrawn' && coversWorker(a, workerId)) effectiveOn = later(effectiveOn, a.endedOn);
  return { effectiveOn, why: null };
}

export function computeEnforcement(input: EnforcementInput): EnforcementResult {
  const { today, periodEnd } = input;
  const order: Record<EnforcementPart, number> = { mediation: 0, final: 1, nonFinal: 2 };
  const items = [...input.items].sort((a, b) => a.workerId - b.workerId || order[a.part] - order[b.part] || a.claimItemId - b.claimItemId);

  // payments reach the items in order
  const left = new Map(input.paidByWorker);
  const out: ItemEnforcement[] = [];
  const overdueInstalment = new Set(input.instalments.filter((i) => i.dueOn < today && i.paidFen < i.amountFen).map((i) => i.workerId));
  const hasInstalments = new Set(input.instalments.map((i) => i.workerId));
  const mediationDefault = input.mediationEffectiveOn ? periodEnd(input.mediationEffectiveOn, MEDIATION_DEFAULT_PAY_DAYS) : null;

  for (const item of items) {
    const available = left.get(item.workerId) ?? 0;
    const paidFen = Math.min(available, item.amountFen);
    left.set(item.workerId, available - paidFen);
    const unpaidFen = item.amountFen - paidFen;
    let reason: string | null = null;
    let effective: boolean;
    if (item.part === 'mediation') effective = !!input.mediationEffectiveOn;
    else effective = !!awardPartFor(input, item.part, item.workerId).effectiveOn;
    if (unpaidFen === 0) reason = item.amountFen === 0 ? '裁决驳回，无应付款项' : '已付清';
    else if (item.part === 'mediation') {
      if (!input.mediationEffectiveOn) reason = '调解书尚未经双方签收，未发生法律效力';
      else if (hasInstalments.has(item.workerId)) {
        if (!overdueInstalment.has(item.workerId)) reason = '分期履行期限尚未届满';
      } else {
        const due = item.payBy ?? mediationDefault!;
        if (today <= due) reason = `履行期限至${due}，尚未届满`;
      }
    } else {
      const part = awardPartFor(input, item.part, item.workerId);
      if (!part.effectiveOn) reason = part.why;
      else {
        const payBy = periodEnd(part.effectiveOn, AWARD_PAYMENT_DAYS);
        if (today <= payBy) reason = `裁决履行期限至${payBy}，尚未届满`;
      }
    }
    out.push({ ...item, paidFen, unpaidFen, enforceableFen: reason ? 0 : unpaidFen, effective, reason });
  }

  const byWorker = new Map<number, { dueFen: number; paidFen: number; unpaidFen: number; enforceableFen: number }>();
  for (const i of out) {
    const w = byWorker.get(i.workerId) ?? { dueFen: 0, paidFen: 0, unpaidFen: 0, enforceableFen: 0 };
    w.dueFen += i.amountFen;
    w.paidFen += i.paidFen;
    w.unpaidFen += i.unpaidFen;
    w.enforceableFen += i.enforceableFen;
    byWorker.set(i.workerId, w);
  }

  const respondents = new Map<number, RespondentDue>();
  for (const i of out) {
    if (!i.effective || !i.unpaidFen) continue;
    for (const [key, kind] of Object.entries(i.liability)) {
      if (!BINDING_KINDS.includes(kind)) continue;
      const id = Number(key);
      const r = respondents.get(id) ?? { respondentId: id, kinds: [], enforceableFen: 0, enforceableByKind: {}, boundUnpaidFen: 0 };
      if (!r.kinds.includes(kind)) r.kinds.push(kind);
      r.enforceableFen += i.enforceableFen;
      if (i.enforceableFen > 0) r.enforceableByKind[kind] = (r.enforceableByKind[kind] ?? 0) + i.enforceableFen;
      r.boundUnpaidFen += i.unpaidFen;
      respondents.set(id, r);
    }
  }

  const parts: PartStatus[] = [];
  if (input.items.some((i) => i.part === 'mediation')) {
    parts.push({
      part: 'mediation',
      effectiveOn: input.mediationEffectiveOn,
      payBy: mediationDefault,
      note: input.mediationEffectiveOn ? `调解书于${input.mediationEffectiveOn}经双方签收发生法律效力` : '调解书尚未经双方签收',
    });
  }
  for (const part of ['final', 'nonFinal'] as const) {
    if (!input.items.some((i) => i.part === part)) continue;
    // the part as it stands for the applicants as a whole (a worker's own suit is per worker)
    const status = awardPartFor({ ...input, courtActions: input.courtActions.filter((a) => a.filedBy === 'respondent' || a.workerIds === null) }, part, -1);
    parts.push({
      part,
      effectiveOn: status.effectiveOn,
      payBy: status.effectiveOn ? periodEnd(status.effectiveOn, AWARD_PAYMENT_DAYS) : null,
      note: status.effectiveOn ? `${enforcementPartLabels[part]}于${status.effectiveOn}发生法律效力` : (status.why ?? ''),
    });
  }

  return {
    items: out,
    parts,
    byWorker,
    respondents: [...respondents.values()].sort((a, b) => a.respondentId - b.respondentId),
    totalFen: out.reduce((s, i) => s + i.enforceableFen, 0),
    setAsidePending: input.courtActions.some((a) => a.kind === 'setAside' && a.status === 'pending'),
  };
}
