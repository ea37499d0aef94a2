import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { addCalendarDays } from '../../electron/core/clock/periods';
import { computeEnforcement, type CourtAction, type DecidedItem, type EnforcementInput } from '../../electron/core/enforcement';

const cal = createCalendar();
const periodEnd = (start: string, days: number) => addCalendarDays(start, days, cal).due;

// Respondents: 1 建设单位 (O), 2 施工总承包 (G), 3 劳务分包 (L, the employer).
// The mediation agreement: L pays, G pays first (条例第三十条), O not bound. The award: L pays only.
const M = { 1: 'none', 2: 'payFirst', 3: 'employer' } as const;
const A = { 1: 'none', 2: 'none', 3: 'employer' } as const;

// Worked by hand (2026-12-01 is a Tuesday):
//  w1 mediation 10,000, two instalments of 5,000 (12/10 paid, 1/10/2027 unpaid).
//  w2 mediation 8,000, to be paid by 12/15, nothing paid.
//  w3 mediation 6,000, no date: "生效之日起五日内" → 12/1 + 5 = Sun 12/6 → Mon 12/7; 1,000 paid.
//  w4 final award 3,000 (overtime): effective 12/1 (Law Art 47), pay within 10 days → Fri 12/11.
//  w5 non-final award 30,000: served Wed 12/2, 15 days → Thu 12/17, effective Fri 12/18, pay by Mon 12/28.
//  w6 final award 2,000, but the worker sued (Law Art 48).
const items: DecidedItem[] = [
  { claimItemId: 11, workerId: 1, part: 'mediation', amountFen: 1_000_000, liability: M },
  { claimItemId: 21, workerId: 2, part: 'mediation', amountFen: 800_000, payBy: '2026-12-15', liability: M },
  { claimItemId: 31, workerId: 3, part: 'mediation', amountFen: 600_000, liability: M },
  { claimItemId: 41, workerId: 4, part: 'final', amountFen: 300_000, liability: A },
  { claimItemId: 51, workerId: 5, part: 'nonFinal', amountFen: 3_000_000, liability: A },
  { claimItemId: 61, workerId: 6, part: 'final', amountFen: 200_000, liability: A },
];
const workerSuit: CourtAction = { kind: 'suit', filedBy: 'applicant', part: 'final', workerIds: [6], filedOn: '2026-12-08', status: 'pending', endedOn: null };

function run(today: string, over: Partial<EnforcementInput> = {}) {
  return computeEnforcement({
    today,
    items,
    mediationEffectiveOn: '2026-12-01',
    instalments: [
      { workerId: 1, dueOn: '2026-12-10', amountFen: 500_000, paidFen: 500_000 },
      { workerId: 1, dueOn: '2027-01-10', amountFen: 500_000, paidFen: 0 },
    ],
    awardDecidedOn: '2026-12-01',
    nonFinalServedOn: '2026-12-02',
    courtActions: [workerSuit],
    paidByWorker: new Map([
      [1, 500_000],
      [3, 100_000],
    ]),
    periodEnd,
    ...over,
  });
}
const enforceable = (r: ReturnType<typeof run>) => Object.fromEntries(r.items.map((i) => [i.claimItemId, i.enforceableFen]));
const reason = (r: ReturnType<typeof run>, id: number) => r.items.find((i) => i.claimItemId === id)?.reason;

describe('computeEnforcement: only effective, overdue amounts', () => {
  it('on 2026-12-20', () => {
    const r = run('2026-12-20');
    expect(enforceable(r)).toEqual({ 11: 0, 21: 800_000, 31: 500_000, 41: 300_000, 51: 0, 61: 0 });
    expect(reason(r, 11)).toBe('分期履行期限尚未届满');
    expect(reason(r, 51)).toBe('裁决履行期限至2026-12-28，尚未届满');
    expect(reason(r, 61)).toBe('劳动者已就终局裁决向人民法院起诉');
    expect(r.totalFen).toBe(1_600_000);
    // L (3) is bound for everything enforceable; G (2) pays first only what the mediation settled; O (1) is never named
    // bound and unpaid under an effective instrument, due or not: G 5,000 (w1) + 8,000 + 5,000 = 18,000;
    // L the same 18,000 + w4's 3,000 + w5's 30,000 (the non-final part took effect on 12/18) = 51,000; w6 sued (not effective)
    expect(r.respondents).toEqual([
      { respondentId: 2, kinds: ['payFirst'], enforceableFen: 1_300_000, enforceableByKind: { payFirst: 1_300_000 }, boundUnpaidFen: 1_800_000 },
      { respondentId: 3, kinds: ['employer'], enforceableFen: 1_600_000, enforceableByKind: { employer: 1_600_000 }, boundUnpaidFen: 5_100_000 },
    ]);
    expect(r.byWorker.get(3)).toEqual({ dueFen: 600_000, paidFen: 100_000, unpaidFen: 500_000, enforceableFen: 500_000 });
  });

  it('on 2027-01-11 an overdue instalment makes the whole unpaid balance enforceable; the non-final part is due', () => {
    const r = run('2027-01-11');
    expect(enforceable(r)).toEqual({ 11: 500_000, 21: 800_000, 31: 500_000, 41: 300_000, 51: 3_000_000, 61: 0 });
  });

  it('before the pay-by dates nothing is enforceable', () => {
    // 12/7: w3's default date is today (not passed); w2 by 12/15; w4 by 12/11; non-final served 12/2 not yet effective
    const r = run('2026-12-07');
    expect(r.totalFen).toBe(0);
    expect(reason(r, 31)).toBe('履行期限至2026-12-07，尚未届满');
    expect(reason(r, 51)).toBe('起诉期至2026-12-17届满，届满前尚未生效');
  });

  it('an unsigned mediation document and an unserved non-final award are not effective', () => {
    const r = run('2027-01-11', { mediationEffectiveOn: null, nonFinalServedOn: null });
    expect(enforceable(r)).toEqual({ 11: 0, 21: 0, 31: 0, 41: 300_000, 51: 0, 61: 0 });
    expect(reason(r, 21)).toBe('调解书尚未经双方签收，未发生法律效力');
    expect(reason(r, 51)).toBe('非终局裁决尚未登记送达，起诉期未起算');
  });

  it("a respondent's suit stops the non-final part for every worker", () => {
    const suit: CourtAction = { kind: 'suit', filedBy: 'respondent', part: 'nonFinal', workerIds: null, filedOn: '2026-12-10', status: 'pending', endedOn: null };
    const r = run('2027-01-11', { courtActions: [workerSuit, suit] });
    expect(enforceable(r)[51]).toBe(0);
    expect(r.parts.find((p) => p.part === 'nonFinal')?.effectiveOn).toBeNull();
  });

  it('a final award set aside binds nobody; a pending application does not stop enforcement', () => {
    const setAside = (status: CourtAction['status']): CourtAction => ({ kind: 'setAside', filedBy: 'respondent', part: 'final', workerIds: null, filedOn: '2026-12-09', status, endedOn: null });
    expect(enforceable(run('2026-12-20', { courtActions: [setAside('setAside')] }))[41]).toBe(0);
    const pending = run('2026-12-20', { courtActions: [setAside('pending')] });
    expect(enforceable(pending)[41]).toBe(300_000);
    expect(pending.setAsidePending).toBe(true);
  });

  it('a suit withdrawn lets the final part take effect from the withdrawal (12/15 + 10 → Fri 12/25)', () => {
    const withdrawn = { ...workerSuit, status: 'withdrawn' as const, endedOn: '2026-12-15' };
    expect(enforceable(run('2026-12-25', { courtActions: [withdrawn] }))[61]).toBe(0);
    expect(enforceable(run('2026-12-28', { courtActions: [withdrawn] }))[61]).toBe(200_000);
  });

  it('a respondent bound in two ways is enforced only in the way that is due', () => {
    // G pays first 1,000 under the 调解书 by 2027-01-30 (not due on 12/20) and is jointly liable for a
    // final award of 3,000 (effective 12/1, paid by Fri 12/11: due). Enforced against G: 3,000 jointly, nothing as payer-first.
    const J = { 1: 'none', 2: 'joint', 3: 'employer' } as const;
    const r = computeEnforcement({
      today: '2026-12-20',
      items: [
        { claimItemId: 7, workerId: 7, part: 'mediation', amountFen: 100_000, payBy: '2027-01-30', liability: M },
        { claimItemId: 8, workerId: 8, part: 'final', amountFen: 300_000, liability: J },
      ],
      mediationEffectiveOn: '2026-12-01',
      instalments: [],
      awardDecidedOn: '2026-12-01',
      nonFinalServedOn: null,
      courtActions: [],
      paidByWorker: new Map(),
      periodEnd,
    });
    expect(r.respondents).toEqual([
      { respondentId: 2, kinds: ['payFirst', 'joint'], enforceableFen: 300_000, enforceableByKind: { joint: 300_000 }, boundUnpaidFen: 400_000 },
      { respondentId: 3, kinds: ['employer'], enforceableFen: 300_000, enforceableByKind: { employer: 300_000 }, boundUnpaidFen: 400_000 },
    ]);
  });

  it('payments reach mediation amounts before award amounts', () => {
    // one worker with a mediated 1,000 and a final award of 2,000, 1,500 paid: mediation paid off, 1,500 left on the award
    const r = computeEnforcement({
      today: '2026-12-20',
      items: [
        { claimItemId: 2, workerId: 9, part: 'final', amountFen: 200_000, liability: A },
        { claimItemId: 1, workerId: 9, part: 'mediation', amountFen: 100_000, payBy: '2026-12-05', liability: M },
      ],
      mediationEffectiveOn: '2026-12-01',
      instalments: [],
      awardDecidedOn: '2026-12-01',
      nonFinalServedOn: null,
      courtActions: [],
      paidByWorker: new Map([[9, 150_000]]),
      periodEnd,
    });
    expect(r.items.map((i) => [i.claimItemId, i.paidFen, i.enforceableFen])).toEqual([
      [1, 100_000, 0],
      [2, 50_000, 150_000],
    ]);
  });
});
