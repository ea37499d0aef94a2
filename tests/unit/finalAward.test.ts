import { describe, expect, it } from 'vitest';
import { classifyItem, finalAwardThreshold, finalityReason, minimumWageOn, splitAward, thresholdOn, type ClassifiableItem } from '../../electron/core/finalAward';

// Every figure worked out by hand in fen (1 元 = 100 fen).
// 1,850元 = 185,000 fen → threshold 12 × 185,000 = 2,220,000 fen = 22,200元.
// 2,000元 = 200,000 fen → threshold 2,400,000 fen = 24,000元.
const WAGES = [
  { effectiveOn: '2024-03-01', monthlyFen: 185_000 },
  { effectiveOn: '2026-12-01', monthlyFen: 200_000 },
  { effectiveOn: '2021-07-01', monthlyFen: 161_000 }, // deliberately out of order
];

describe('minimumWageOn: the entry in force on the award date', () => {
  const cases: [string, string, number | null][] = [
    ['before any entry', '2021-06-30', null],
    ['on the first effective day', '2021-07-01', 161_000],
    ['between entries', '2023-12-31', 161_000],
    ['on the day of the switch', '2024-03-01', 185_000],
    ['the day before the next switch', '2026-11-30', 185_000],
    ['on the next switch', '2026-12-01', 200_000],
    ['long after the last entry', '2030-01-01', 200_000],
  ];
  it.each(cases)('%s (%s)', (_label, date, expected) => {
    expect(minimumWageOn(WAGES, date)?.monthlyFen ?? null).toBe(expected);
  });
  it('returns null for an empty list', () => {
    expect(minimumWageOn([], '2026-11-20')).toBeNull();
  });
});

describe('finalAwardThreshold / thresholdOn', () => {
  it('is 12 × the monthly wage', () => {
    expect(finalAwardThreshold(185_000)).toBe(2_220_000);
    expect(finalAwardThreshold(200_000)).toBe(2_400_000);
    expect(() => finalAwardThreshold(0)).toThrow(RangeError);
  });
  it('switches with the effective date', () => {
    expect(thresholdOn(WAGES, '2026-11-30')?.thresholdFen).toBe(2_220_000);
    expect(thresholdOn(WAGES, '2026-12-01')?.thresholdFen).toBe(2_400_000);
    expect(thresholdOn(WAGES, '2020-01-01')).toBeNull();
  });
});

describe('classifyItem: per worker, per item; the AWARDED amount decides (Rules Art 50 "单项裁决数额"; SPC 解释（一）第十九条)', () => {
  const T = 2_220_000; // 22,200元
  const cases: [string, ClassifiableItem, number, boolean][] = [
    ['wages awarded exactly 22,200.00元', { type: 'unpaidWages', claimedFen: 2_220_000, awardedFen: 2_220_000 }, T, true],
    ['wages awarded one fen over: 22,200.01元', { type: 'unpaidWages', claimedFen: 2_500_000, awardedFen: 2_220_001 }, T, false],
    // the case: claimed 26,300元, awarded 20,000元, threshold 22,200元 → final
    ['claimed 26,300元, awarded 20,000元', { type: 'unpaidWages', claimedFen: 2_630_000, awardedFen: 2_000_000 }, T, true],
    ['claimed 22,200.01元, awarded 22,200.00元', { type: 'unpaidWages', claimedFen: 2_220_001, awardedFen: 2_220_000 }, T, true],
    ['overtime within', { type: 'overtime', claimedFen: 120_000, awardedFen: 100_000 }, T, true],
    ['compensation dismissed', { type: 'compensation', claimedFen: 1_500_000, awardedFen: 0 }, T, true],
    ['damages awarded above', { type: 'damages', claimedFen: 3_000_000, awardedFen: 2_300_000 }, T, false],
    ['a dismissed item above the threshold is final (0 decided)', { type: 'unpaidWages', claimedFen: 2_500_000, awardedFen: 0 }, T, true],
    ['claimed 30,000元 awarded 10,000元', { type: 'unpaidWages', claimedFen: 3_000_000, awardedFen: 1_000_000 }, T, true],
    ['claimed 30,000元 awarded in full', { type: 'unpaidWages', claimedFen: 3_000_000, awardedFen: 3_000_000 }, T, false],
    ["'other' claims are outside Art 47(1)", { type: 'other', claimedFen: 10_000, awardedFen: 10_000 }, T, false],
    ['the higher threshold after the switch (24,000元)', { type: 'unpaidWages', claimedFen: 2_300_000, awardedFen: 2_300_000 }, 2_400_000, true],
    ['zero claim', { type: 'overtime', claimedFen: 0, awardedFen: 0 }, T, true],
  ];
  it.each(cases)('%s', (_label, item, threshold, expected) => {
    expect(classifyItem(item, threshold)).toBe(expected);
  });
  it('refuses a non-integer amount', () => {
    expect(() => classifyItem({ type: 'unpaidWages', claimedFen: 1250, awardedFen: 12.5 }, 2_220_000)).toThrow(RangeError);
  });
  it('the award date decides the threshold: 23,000元 awarded is non-final in November 2026 and final in December', () => {
    const item = { type: 'unpaidWages' as const, claimedFen: 2_300_000, awardedFen: 2_300_000 };
    expect(classifyItem(item, thresholdOn(WAGES, '2026-11-30')!.thresholdFen)).toBe(false);
    expect(classifyItem(item, thresholdOn(WAGES, '2026-12-01')!.thresholdFen)).toBe(true);
  });
  it('says why, in the editor\'s words', () => {
    expect(finalityReason({ type: 'unpaidWages', claimedFen: 2_630_000, awardedFen: 2_000_000 }, T)).toBe('裁决数额20,000.00元（请求26,300.00元）不超过22,200.00元，终局');
    expect(finalityReason({ type: 'unpaidWages', claimedFen: 2_630_000, awardedFen: 2_630_000 }, T)).toBe('裁决数额26,300.00元超过22,200.00元，非终局');
    expect(finalityReason({ type: 'unpaidWages', claimedFen: 2_630_000, awardedFen: 0 }, T)).toMatch(/驳回.*终局/);
    expect(finalityReason({ type: 'other', claimedFen: 100, awardedFen: 100 }, T)).toMatch(/非终局/);
  });
});

describe('splitAward', () => {
  it('keeps input order in each part; a case total above the threshold does not matter (per worker)', () => {
    // 30 workers × 10,000元 = 300,000元 in total, yet every item is final on its own.
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, type: 'unpaidWages' as const, claimedFen: 1_000_000, awardedFen: 1_000_000 }));
    const classified = items.map((it) => ({ ...it, isFinal: classifyItem(it, 2_220_000) }));
    const split = splitAward(classified);
    expect(split.final).toHaveLength(30);
    expect(split.nonFinal).toHaveLength(0);
  });
  it('splits a mixed award', () => {
    const split = splitAward([
      { id: 1, isFinal: true },
      { id: 2, isFinal: false },
      { id: 3, isFinal: true },
      { id: 4, isFinal: false },
    ]);
    expect(split.final.map((i) => i.id)).toEqual([1, 3]);
    expect(split.nonFinal.map((i) => i.id)).toEqual([2, 4]);
  });
  it('handles an empty list', () => {
    expect(splitAward([])).toEqual({ final: [], nonFinal: [] });
  });
});
