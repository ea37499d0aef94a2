import { z } from 'zod';
import type { PartyRole } from '../domain';
import { liabilityKinds, type Instrument, type LiabilityKind } from '../liability';
import { id } from './fields';

/** Items that share one liability assignment (e.g. the wages of 8 workers), with what it says. */
export type LiabilityGroupView = {
  key: string;
  assignment: { respondentId: number; kind: LiabilityKind }[];
  /** True when nothing was chosen: the default from the contracting chain applies. */
  isDefault: boolean;
  claimItemIds: number[];
  workerIds: number[];
  /** "刘一民等8人的拖欠工资" */
  label: string;
  amountFen: number;
  /** Why the assignment cannot stand (the document refuses to print until fixed). */
  problems: string[];
};
export type LiabilityView = {
  instrument: Instrument;
  respondents: { id: number; name: string; role: PartyRole; kind: 'company' | 'person' }[];
  /** The kinds this instrument may state. */
  kinds: LiabilityKind[];
  /** The chain's default, shown next to a changed group. */
  defaultAssignment: { respondentId: number; kind: LiabilityKind }[];
  groups: LiabilityGroupView[];
};

/** Input of mediation.setLiability / award.setLiability: one assignment for the items given, or null to go back to the default. */
export const liabilityInput = z
  .object({
    caseId: id,
    claimItemIds: z.array(id).min(1, '请选择要设置责任的请求事项').max(5000, '一次最多设置5000项'),
    assignment: z
      .array(z.object({ respondentId: id, kind: z.enum(liabilityKinds, { message: '责任类型无效' }) }).strict())
      .min(1, '请为每个被申请人选择责任')
      .max(30)
      .nullable(),
  })
  .strict();
