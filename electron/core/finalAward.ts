// 终局裁决 (final award), 《劳动争议调解仲裁法》第四十七条第（一）项: an award on a claim for
// 劳动报酬、工伤医疗费、经济补偿或者赔偿金 not exceeding 12 months of the local monthly minimum wage
// is final, and takes effect on the day it is made. Pure: amounts in fen, dates as YYYY-MM-DD.
//
// Readings adopted (project decisions, domain §1.3 and Open question 3):
//  - PER ITEM, PER WORKER. Each claim item (one worker's one request: wages, overtime, compensation…)
//    is tested on its own. A collective case is never summed: 30 workers each claiming 8,000元 make
//    30 final items, not one 240,000元 non-final claim. (The national text does not settle the
//    multi-worker question; per worker per item is the likely reading and the Beijing practice.)
//  - The AMOUNT DECIDED is tested, not the amount claimed: 《劳动人事争议仲裁办案规则》第五十条
//    ("仲裁裁决涉及数项，对单项裁决数额不超过当地月最低工资标准十二个月金额的事项，应当适用终局裁决")
//    and the SPC's 劳动争议解释（一）(法释〔2020〕26号) 第十九条 (formerly 解释（三）第十三条: "每项
//    确定的数额均不超过…的，应当按照终局裁决处理"). A worker who claimed 26,300元 and was awarded
//    20,000元 under a 22,200元 threshold has a final item; a dismissed item (awarded 0) is final.
//  - The minimum wage is the one IN FORCE ON THE AWARD DATE: the latest entry whose effectiveOn is on
//    or before that date. threshold = 12 × monthly minimum wage; claimed ≤ threshold is final
//    (1,850元 → 22,200元: 22,200.00 is final, 22,200.01 is not).
//  - Types: 拖欠工资 and 加班费 are 劳动报酬; 经济补偿 and 赔偿金 are named in the article. 'other'
//    claims are not covered by Art 47(1) and are non-final. (Art 47(2) disputes over working time,
//    rest and leave, or social insurance are not claim types of this app.)
import type { ClaimType } from './domain';
import { formatYuan } from './money';

export const FINAL_AWARD_MONTHS = 12;
export const FINAL_AWARD_BASIS = '《中华人民共和国劳动争议调解仲裁法》第四十七条';

/** Claim types that Art 47(1) covers. */
export const FINAL_AWARD_TYPES: readonly ClaimType[] = ['unpaidWages', 'overtime', 'compensation', 'damages'];

export type MinimumWage = { effectiveOn: string; monthlyFen: number };

/** The minimum wage in force on `date` (latest effectiveOn ≤ date), or null when none was in force yet. */
export function minimumWageOn(wages: readonly MinimumWage[], date: string): MinimumWage | null {
  let best: MinimumWage | null = null;
  for (const w of wages) {
    if (w.effectiveOn <= date && (best === null || w.effectiveOn > best.effectiveOn)) best = w;
  }
  return best;
}

/** 12 × the monthly minimum wage, in fen. */
export function finalAwardThreshold(monthlyFen: number): number {
  if (!Number.isSafeInteger(monthlyFen) || monthlyFen <= 0) throw new RangeError(`最低工资标准应为正整数分：${monthlyFen}`);
  return FINAL_AWARD_MONTHS * monthlyFen;
}

/** The threshold on a date, or null when no minimum wage was in force then. */
export function thresholdOn(wages: readonly MinimumWage[], date: string): { minimumWage: MinimumWage; thresholdFen: number } | null {
  const minimumWage = minimumWageOn(wages, date);
  return minimumWage ? { minimumWage, thresholdFen: finalAwardThreshold(minimumWage.monthlyFen) } : null;
}

export type ClassifiableItem = {
  type: ClaimType;
  /** What was claimed: shown in the reason, never the test. */
  claimedFen: number;
  /** What the award decides for the item (0 = dismissed). */
  awardedFen: number;
};

/** True when the item is final: a covered type whose AWARDED amount ≤ threshold (dismissed items included). */
export function classifyItem(item: ClassifiableItem, thresholdFen: number): boolean {
  if (!Number.isSafeInteger(item.awardedFen) || item.awardedFen < 0) throw new RangeError(`裁决金额应为非负整数分：${item.awardedFen}`);
  return FINAL_AWARD_TYPES.includes(item.type) && item.awardedFen <= thresholdFen;
}

/** Why an item is (non-)final, in the words the award editor shows next to it. */
export function finalityReason(item: ClassifiableItem, thresholdFen: number): string {
  const limit = formatYuan(thresholdFen);
  if (!FINAL_AWARD_TYPES.includes(item.type)) return '该类请求不属于《调解仲裁法》第四十七条第（一）项，非终局';
  if (item.awardedFen === 0) return '驳回的事项按终局处理（裁决数额0元）';
  const reduced = item.awardedFen < item.claimedFen ? `（请求${formatYuan(item.claimedFen)}）` : '';
  return item.awardedFen <= thresholdFen
    ? `裁决数额${formatYuan(item.awardedFen)}${reduced}不超过${limit}，终局`
    : `裁决数额${formatYuan(item.awardedFen)}${reduced}超过${limit}，非终局`;
}

/** Splits classified items; the order of each part is the input order. */
export function splitAward<T extends { isFinal: boolean }>(items: readonly T[]): { final: T[]; nonFinal: T[] } {
  const final: T[] = [];
  const nonFinal: T[] = [];
  for (const item of items) (item.isFinal ? final : nonFinal).push(item);
  return { final, nonFinal };
}
