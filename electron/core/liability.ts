// Who pays: the liability of each respondent for an agreed (调解) or awarded (裁决) item. Pure: the
// chain of respondents in, a liability per respondent out; the services store what the clerk
// changes, the documents phrase it, enforcement binds exactly the respondents it names.
//
// Kinds (sources checked unless marked [memory]):
//  - employer        用人单位: pays as the employer of the workers.
//  - contractingUnit 发包单位承担清偿责任: the unit that gave the work to an individual (包工头/班组长)
//                    or to a unit without lawful qualification pays — 《保障农民工工资支付条例》第三十六条
//                    ("建设单位或者施工总承包单位将建设工程发包或者分包给个人或者不具备合法经营资格的单位，
//                    导致拖欠农民工工资的，由建设单位或者施工总承包单位清偿"). Re-checked 2026-12-05: the
//                    owner's half is quoted as "第三十六条 建设单位将建设工程发包或者分包给个人或者不具备合法经营
//                    资格的单位，导致拖欠农民工工资的，由建设单位清偿" at https://jrcq.cn/Release/txtlist_i3596v.html
//                    and http://www.nanninghotline.com/nnsh/loushi/79371.html, the contractor's half as
//                    "第三十六条 施工总承包单位将建设工程分包给个人或者不具备合法经营资格的单位，导致拖欠农民工工资
//                    的，由施工总承包单位清偿" at https://www.youxiua.com/show-97-238612-1.html (local
//                    governments' commentaries, not the State Council's gazette). The individual contractor
//                    is jointly liable with it, 《劳动合同法》第九十四条 ("发包的组织与个人承包经营者承担连带
//                    赔偿责任").
//  - payFirst        先行清偿: the general contractor pays first what a subcontractor owes and recovers
//                    it later — 条例第三十条 ("分包单位拖欠农民工工资的，由施工总承包单位先行清偿，再依法
//                    进行追偿"). Re-checked 2026-12-05 against the article's text as given at
//                    http://trklw.com/Fourcharacteridiom/b9zg32u5d7.html ("分包單位拖欠農民工工資的，由施工
//                    總承包單位先行清償，再依法進行追償。工程建設項目轉包，拖欠農民工工資的，由施工總承包單位
//                    先行清償，再依法進行追償"; a secondary page, not the gazette). Offered in a mediation
//                    agreement only: it is an administrative duty of the contractor, which the contractor
//                    may accept in a settlement; an award orders the employer (or the contracting unit)
//                    and those jointly liable.
//  - advance         建设单位垫付: the owner advances the wages up to the project funds it has not paid —
//                    条例第二十九条 [memory, unverified: the article number and the wording "以未结清的工程款为
//                    限先行垫付" were searched for again on 2026-12-05 (stored public pages and docs) and not
//                    found in any copy of the 条例: the pages found carry Arts 23–27, 30, 36, 37, 63 but not
//                    29. The same wording is confirmed only for the older rules it descends from —
//                    《建设领域农民工工资支付管理暂行办法》第十条 ("…先行支付的工资金额以所欠工程款为限") and a
//                    local 办法 ("先行垫付的工资数额以未结清的工程款为限", http://www.fymate.net/html/text/lar/173146/17314612_2.html).
//                    Check the gazette text before relying on the article number.] Mediation agreement only.
//  - joint           连带清偿责任: jointly and severally liable for the principal's obligation.
//  - none            not bound: in an award "驳回申请人对被申请人…的仲裁请求"; in a mediation agreement
//                    "被申请人…不承担上述款项的支付责任".
// Every item with money to pay has exactly one principal (employer or contractingUnit); the others
// are bound for the same amount in their own way, or not at all.
import type { PartyRole } from './domain';

export const liabilityKinds = ['employer', 'contractingUnit', 'payFirst', 'advance', 'joint', 'none'] as const;
export type LiabilityKind = (typeof liabilityKinds)[number];
export const instruments = ['mediation', 'award'] as const;
export type Instrument = (typeof instruments)[number];

export const PRINCIPAL_KINDS: readonly LiabilityKind[] = ['employer', 'contractingUnit'];
/** Kinds that make a respondent pay (enforcement binds these). */
export const BINDING_KINDS: readonly LiabilityKind[] = ['employer', 'contractingUnit', 'payFirst', 'advance', 'joint'];

export const liabilityKindLabels: Record<Instrument, Record<LiabilityKind, string>> = {
  mediation: {
    employer: '用人单位支付',
    contractingUnit: '发包单位清偿（条例第三十六条）',
    payFirst: '总包先行清偿（条例第三十条）',
    advance: '建设单位垫付（条例第二十九条）',
    joint: '连带清偿',
    none: '不承担',
  },
  award: {
    employer: '用人单位支付',
    contractingUnit: '发包单位清偿（条例第三十六条）',
    payFirst: '总包先行清偿',
    advance: '建设单位垫付',
    joint: '连带清偿',
    none: '驳回对其请求',
  },
};

/** What each instrument may say about a respondent. */
export function kindsFor(instrument: Instrument): readonly LiabilityKind[] {
  return instrument === 'mediation' ? liabilityKinds : ['employer', 'contractingUnit', 'joint', 'none'];
}

export type ChainRespondent = {
  /** case_respondents.id */
  id: number;
  name: string;
  kind: 'company' | 'person';
  role: PartyRole;
  organisationId: number;
  /** The organisation that gave this one its work (the project chain), when recorded. */
  contractedById: number | null;
};

export type Assignment = Record<number, LiabilityKind>;

/** How far down the chain a role sits: the workers are hired at the bottom. */
const DEPTH: Record<PartyRole, number> = { owner: 0, generalContractor: 1, subcontractor: 2, labourSubcontractor: 3, teamLeader: 4 };

/** The respondent that gave `r` its work: the recorded link, else the nearest shallower role listed. */
export function contractorOf(r: ChainRespondent, all: readonly ChainRespondent[]): ChainRespondent | null {
  if (r.contractedById !== null) {
    const linked = all.find((x) => x.organisationId === r.contractedById && x.id !== r.id);
    if (linked) return linked;
  }
  let best: ChainRespondent | null = null;
  for (const x of all) {
    if (x.id === r.id || DEPTH[x.role] >= DEPTH[r.role]) continue;
    if (!best || DEPTH[x.role] > DEPTH[best.role]) best = x;
  }
  return best;
}

/**
 * The party that hired the workers: among the respondents that gave no work to another respondent
 * of the case, the deepest in the chain (first listed on a tie).
 */
export function hirerOf(all: readonly ChainRespondent[]): ChainRespondent | null {
  const givers = new Set<number>();
  for (const r of all) {
    const up = contractorOf(r, all);
    if (up) givers.add(up.id);
  }
  const leaves = all.filter((r) => !givers.has(r.id));
  let best: ChainRespondent | null = null;
  for (const r of leaves.length ? leaves : all) if (!best || DEPTH[r.role] > DEPTH[best.role]) best = r;
  return best;
}

/**
 * The default liability of every respondent, from the contracting chain:
 *  - the hirer is the employer — unless it is an individual (班组长/包工头) who was given the work by
 *    another respondent: that respondent is the contracting unit that pays (条例第三十六条) and the
 *    individual is jointly liable (劳动合同法第九十四条);
 *  - in a mediation agreement, the general contractor pays first what a subcontractor owes (条例
 *    第三十条, also along multi-tier chains);
 *  - everyone else is not bound (dismissed in an award). The owner's advance (第二十九条) depends on
 *    unpaid project funds, a fact the clerk knows and the chain does not: never a default.
 */
export function defaultAssignment(all: readonly ChainRespondent[], instrument: Instrument): Assignment {
  const out: Assignment = {};
  for (const r of all) out[r.id] = 'none';
  const hirer = hirerOf(all);
  if (!hirer) return out;
  let principal = hirer;
  const giver = hirer.kind === 'person' ? contractorOf(hirer, all) : null;
  if (giver) {
    out[giver.id] = 'contractingUnit';
    out[hirer.id] = 'joint';
    principal = giver;
  } else out[hirer.id] = 'employer';
  if (instrument === 'mediation' && DEPTH[principal.role] > DEPTH.generalContractor) {
    const gc = all.find((r) => r.role === 'generalContractor' && r.id !== principal.id && out[r.id] === 'none');
    if (gc) out[gc.id] = 'payFirst';
  }
  return out;
}

/** Why an assignment cannot stand (Chinese, one line each); [] when it can. */
export function assignmentProblems(assignment: Assignment, all: readonly ChainRespondent[], instrument: Instrument, paysMoney = true): string[] {
  const problems: string[] = [];
  const allowed = kindsFor(instrument);
  for (const r of all) {
    const kind = assignment[r.id];
    if (!kind) problems.push(`请选择被申请人${r.name}的责任`);
    else if (!allowed.includes(kind)) problems.push(`${instrument === 'award' ? '裁决' : '调解'}中被申请人${r.name}不能为「${liabilityKindLabels[instrument][kind]}」`);
  }
  for (const key of Object.keys(assignment)) {
    if (!all.some((r) => r.id === Number(key))) problems.push(`被申请人（编号${key}）不属于本案`);
  }
  if (problems.length || !paysMoney) return problems;
  const principals = all.filter((r) => PRINCIPAL_KINDS.includes(assignment[r.id]!));
  if (principals.length === 0) {
    const dependent = all.filter((r) => assignment[r.id] !== 'none');
    problems.push(
      dependent.length
        ? `须有一名被申请人作为用人单位或发包单位承担支付责任（${dependent.map((r) => r.name).join('、')}的${dependent.map((r) => liabilityKindLabels[instrument][assignment[r.id]!]).join('、')}以此为前提）`
        : '须有一名被申请人承担支付责任（全部驳回的，请把裁决金额填为0）',
    );
  } else if (principals.length > 1) {
    problems.push(`只能有一名被申请人作为用人单位或发包单位支付（现为${principals.map((r) => r.name).join('、')}），其他被申请人可选择连带清偿`);
  }
  return problems;
}

/** The same assignment written as a stable key (groups of items that share it). */
export function assignmentKey(assignment: Assignment, all: readonly ChainRespondent[]): string {
  return all.map((r) => `${r.id}:${assignment[r.id] ?? 'none'}`).join('|');
}

/** Respondents an assignment binds to pay (every kind but none). */
export function boundRespondents(assignment: Assignment, all: readonly ChainRespondent[]): ChainRespondent[] {
  return all.filter((r) => BINDING_KINDS.includes(assignment[r.id] ?? 'none'));
}
