import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { computeDeadlines, nextDue, type CaseClockInput, type Deadline, type DeadlineKey } from '../../electron/core/clock/deadlines';

const cal = createCalendar();

function byKey(list: Deadline[]): Partial<Record<DeadlineKey, Deadline>> {
  return Object.fromEntries(list.map((d) => [d.key, d]));
}

// Suspension (中止) periods are excluded from the award period (Rules Art 46(6)): the period is
// 45 + extension + suspended calendar days from the day after acceptance, and only its final last
// day is moved off a rest day. The fast-track target moves by the same number of days.
//
// Case A: accepted Mon 2026-03-09. 3/10…3/31 is 22 days.
//   award    0 days: 45 → 23 into April → Thu 4/23.
//            7 days: 52 → 30 into April → Thu 4/30 (a working day; 劳动节 starts 5/1).
//           10 days: 55 → 5/3 (劳动节 5/1–5/5) → skip 5/3, 5/4, 5/5 → Wed 5/6.
//           20 days: 65 → 5/13 (Wed).
//   fastTrack 30 → Wed 4/8; +7 = 37 → Wed 4/15; +10 = 40 → Sat 4/18 → Mon 4/20;
//            +20 = 50 → 22 (March) + 28 → Tue 4/28.
// Case B: accepted Wed 2026-08-19. 45 → Sat 10/3 (国庆 10/1–10/8 shift) → Thu 10/8.
//            3 days: 48 → Tue 10/6, still 国庆 → Thu 10/8 (the holiday already covered it).
//            5 days + 10 extension: 60 → Sun 10/18 → Mon 10/19.
//           15 days + 15 extension: 75 → 12 (Aug) + 30 (Sep) + 31 (Oct) = 73, + 2 → Mon 11/2.
//   fastTrack 30 → Fri 9/18; +3 = 33 → Mon 9/21; +5 = 35 → Wed 9/23; +15 = 45 → Sat 10/3 (国庆) → Thu 10/8.
const caseA: CaseClockInput = { receivedOn: '2026-03-05', acceptedOn: '2026-03-09', respondentServedOn: '2026-03-12', tribunalNotifiedOn: '2026-03-12', fastTrackTargetDays: 30 };
const caseB: CaseClockInput = { receivedOn: '2026-08-17', acceptedOn: '2026-08-19', fastTrackTargetDays: 30 };

describe('computeDeadlines — suspended days push the award and fast-track dates', () => {
  it.each([
    { name: 'A, none', input: caseA, suspended: 0, ext: 0, award: '2026-04-23', fastTrack: '2026-04-08' },
    { name: 'A, 7 days', input: caseA, suspended: 7, ext: 0, award: '2026-04-30', fastTrack: '2026-04-15' },
    { name: 'A, 10 days into 劳动节', input: caseA, suspended: 10, ext: 0, award: '2026-05-06', fastTrack: '2026-04-20' },
    { name: 'A, 20 days', input: caseA, suspended: 20, ext: 0, award: '2026-05-13', fastTrack: '2026-04-28' },
    { name: 'B, 3 days inside the 国庆 shift', input: caseB, suspended: 3, ext: 0, award: '2026-10-08', fastTrack: '2026-09-21' },
    { name: 'B, 5 days + 10 extension', input: caseB, suspended: 5, ext: 10, award: '2026-10-19', fastTrack: '2026-09-23' },
    { name: 'B, 15 days + 15 extension', input: caseB, suspended: 15, ext: 15, award: '2026-11-02', fastTrack: '2026-10-08' },
  ])('$name → award $award, fast track $fastTrack', ({ input, suspended, ext, award, fastTrack }) => {
    const list = byKey(computeDeadlines({ ...input, suspendedDays: suspended, awardExtensionDays: ext }, '2026-03-20', cal));
    expect(list.award?.dueOn).toBe(award);
    expect(list.fastTrack?.dueOn).toBe(fastTrack);
    expect(list.award?.startOn).toBe(input.acceptedOn);
  });

  it('fast track B with 15 days: 8/19 + 45 = Sat 10/3 (国庆) → Thu 10/8', () => {
    // (the row above: the fast-track target of 30 + 15 suspended lands on the same holiday as the award's 45)
    const list = byKey(computeDeadlines({ ...caseB, suspendedDays: 15 }, '2026-09-01', cal));
    expect(list.fastTrack?.dueOn).toBe('2026-10-08');
    expect(list.fastTrack?.explanation).toContain('第45日2026年10月3日为国庆节');
  });

  it('explains the excluded days, with the rule', () => {
    const list = byKey(computeDeadlines({ ...caseA, suspendedDays: 10 }, '2026-03-20', cal));
    const text = list.award?.explanation ?? '';
    expect(text).toContain('自2026年3月9日受理之次日起算45日，届满日为2026年4月23日（星期四）');
    expect(text).toContain('中止审理期间10日不计入（《办案规则》第四十六条第六项）');
    expect(text).toContain('合计55日，第55日2026年5月3日为劳动节，顺延3日至其后第一个工作日，届满日为2026年5月6日（星期三）');
    expect(list.fastTrack?.explanation).toContain('中止审理期间10日不计入');
    expect(list.fastTrack?.explanation).toContain('合计40日');
  });

  it('explains extension and suspension together', () => {
    const text = byKey(computeDeadlines({ ...caseB, suspendedDays: 5, awardExtensionDays: 10 }, '2026-09-01', cal)).award?.explanation ?? '';
    expect(text).toContain('经批准延长10日；中止审理期间5日不计入');
    expect(text).toContain('合计60日');
  });

  it('without suspended days the explanation does not mention suspension', () => {
    const list = computeDeadlines({ ...caseA, suspendedDays: 0 }, '2026-03-20', cal);
    expect(list.map((d) => d.explanation).join('')).not.toContain('中止');
  });

  it('does not move the other deadlines', () => {
    const plain = byKey(computeDeadlines(caseA, '2026-03-20', cal));
    const suspended = byKey(computeDeadlines({ ...caseA, suspendedDays: 10 }, '2026-03-20', cal));
    for (const key of ['acceptanceDecision', 'serveCopy', 'defence'] as const) expect(suspended[key]?.dueOn).toBe(plain[key]?.dueOn);
  });

  it('the on-time verdict follows the pushed date', () => {
    // Closed Mon 5/4: late against 4/23 (11 days) without suspension; on time with 10 suspended days (due 5/6).
    const late = byKey(computeDeadlines({ ...caseA, closedOn: '2026-05-04' }, '2026-05-04', cal)).award as Deadline;
    expect(late.explanation).toContain('超过期限11日');
    const onTime = byKey(computeDeadlines({ ...caseA, closedOn: '2026-05-04', suspendedDays: 10 }, '2026-05-04', cal)).award as Deadline;
    expect([onTime.status, onTime.dueOn]).toEqual(['done', '2026-05-06']);
    expect(onTime.explanation).not.toContain('超过期限');
  });

  it('an overdue case is open again once the suspended days are counted', () => {
    // Today 4/27: overdue by 4 days against 4/23; with 7 suspended days it is due 4/30, 3 days left.
    expect(byKey(computeDeadlines(caseA, '2026-04-27', cal)).award?.status).toBe('overdue');
    const award = byKey(computeDeadlines({ ...caseA, suspendedDays: 7 }, '2026-04-27', cal)).award as Deadline;
    expect([award.status, award.dueOn]).toEqual(['open', '2026-04-30']);
    expect(award.explanation).toContain('还剩3日');
  });

  it('ignores negative and fractional input', () => {
    expect(byKey(computeDeadlines({ ...caseA, suspendedDays: -5 }, '2026-03-20', cal)).award?.dueOn).toBe('2026-04-23');
    expect(byKey(computeDeadlines({ ...caseA, suspendedDays: 7.9 }, '2026-03-20', cal)).award?.dueOn).toBe('2026-04-30');
    expect(nextDue(computeDeadlines({ ...caseA, suspendedDays: 7 }, '2026-03-27', cal))).toBe('2026-04-15');
  });
});
