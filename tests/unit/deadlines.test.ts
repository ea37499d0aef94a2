import { describe, it, expect } from 'vitest';
import { publicationDays } from '../../electron/core/clock/periods';
import { createCalendar } from '../../electron/core/clock/calendar';
import {
  computeDeadlines,
  nextDue,
  defaultClockRules,
  type CaseClockInput,
  type Deadline,
  type DeadlineKey,
} from '../../electron/core/clock/deadlines';

const cal = createCalendar();

function byKey(list: Deadline[]): Partial<Record<DeadlineKey, Deadline>> {
  return Object.fromEntries(list.map((d) => [d.key, d]));
}

/** [status, dueOn] per key, for compact table rows. */
function summary(list: Deadline[]): Record<string, [string, string | null]> {
  return Object.fromEntries(list.map((d) => [d.key, [d.status, d.dueOn]]));
}

// Case A: received Thu 2026-03-05, accepted Mon 3/9, served Thu 3/12.
//  acceptance: 3/5 + 5 working = 3/6 (1), skip 3/7–8, 3/9–3/12 (2–5) → 3/12.
//  serveCopy:  3/9 + 5 working = 3/10–3/13 (1–4), skip 3/14–15, 3/16 (5) → 3/16.
//  tribunalNotice: same count as serveCopy (Law Art 32, 5 days from acceptance) → 3/16; told on 3/13.
//  defence:    3/12 + 10 working = 3/13 (1), 3/16–3/20 (2–6), 3/23–3/26 (7–10) → 3/26.
//  award:      3/9 + 45 calendar = 22 days to 3/31, 23 more → Thu 4/23 (working day).
//  fastTrack:  3/9 + 30 calendar = Wed 4/8 (清明 is 4/4–4/6, not the last day).
const caseA: CaseClockInput = {
  receivedOn: '2026-03-05',
  acceptedOn: '2026-03-09',
  respondentServedOn: '2026-03-12',
  tribunalNotifiedOn: '2026-03-13',
  fastTrackTargetDays: 30,
};

describe('computeDeadlines — ordinary case through time', () => {
  it.each([
    {
      today: '2026-03-20',
      expected: {
        acceptanceDecision: ['done', '2026-03-12'],
        serveCopy: ['done', '2026-03-16'],
        tribunalNotice: ['done', '2026-03-16'],
        defence: ['open', '2026-03-26'],
        award: ['open', '2026-04-23'],
        fastTrack: ['open', '2026-04-08'],
      },
      next: '2026-03-26',
    },
    {
      // Day after the defence period: it is done (not overdue — it is the respondent's period).
      today: '2026-03-27',
      expected: {
        acceptanceDecision: ['done', '2026-03-12'],
        serveCopy: ['done', '2026-03-16'],
        tribunalNotice: ['done', '2026-03-16'],
        defence: ['done', '2026-03-26'],
        award: ['open', '2026-04-23'],
        fastTrack: ['open', '2026-04-08'],
      },
      next: '2026-04-08',
    },
    {
      // The last day itself is still open.
      today: '2026-04-23',
      expected: {
        acceptanceDecision: ['done', '2026-03-12'],
        serveCopy: ['done', '2026-03-16'],
        tribunalNotice: ['done', '2026-03-16'],
        defence: ['done', '2026-03-26'],
        award: ['open', '2026-04-23'],
        fastTrack: ['overdue', '2026-04-08'],
      },
      next: '2026-04-08',
    },
    {
      today: '2026-04-24',
      expected: {
        acceptanceDecision: ['done', '2026-03-12'],
        serveCopy: ['done', '2026-03-16'],
        tribunalNotice: ['done', '2026-03-16'],
        defence: ['done', '2026-03-26'],
        award: ['overdue', '2026-04-23'],
        fastTrack: ['overdue', '2026-04-08'],
      },
      next: '2026-04-08',
    },
  ])('today $today', ({ today, expected, next }) => {
    const list = computeDeadlines(caseA, today, cal);
    expect(summary(list)).toEqual(expected);
    expect(nextDue(list)).toBe(next);
  });

  it('closing the case ends the clocks', () => {
    const list = computeDeadlines({ ...caseA, closedOn: '2026-04-20' }, '2026-04-24', cal);
    expect(summary(list)).toEqual({
      acceptanceDecision: ['done', '2026-03-12'],
      serveCopy: ['done', '2026-03-16'],
      tribunalNotice: ['done', '2026-03-16'],
      defence: ['done', '2026-03-26'],
      award: ['done', '2026-04-23'],
      fastTrack: ['done', '2026-04-08'],
    });
    expect(nextDue(list)).toBeNull();
    // closed 4/20, 12 days after the 4/8 target
    expect(byKey(list).fastTrack?.explanation).toContain('超过期限12日');
    expect(byKey(list).award?.explanation).not.toContain('超过期限');
  });
});

describe('computeDeadlines — before acceptance', () => {
  // Received Wed 2026-09-30 (see periods test): due Tue 10/13.
  const received: CaseClockInput = { receivedOn: '2026-09-30', fastTrackTargetDays: 30 };

  it.each([
    { today: '2026-10-09', status: 'open' },
    { today: '2026-10-13', status: 'open' },
    { today: '2026-10-14', status: 'overdue' },
  ])('acceptance decision on $today is $status', ({ today, status }) => {
    const list = computeDeadlines(received, today, cal);
    expect(summary(list)).toEqual({
      acceptanceDecision: [status, '2026-10-13'],
      serveCopy: ['waiting', null],
      tribunalNotice: ['waiting', null],
      defence: ['waiting', null],
      award: ['waiting', null],
      fastTrack: ['waiting', null],
    });
    expect(nextDue(list)).toBe('2026-10-13');
  });

  it('explains the count in Chinese', () => {
    const acc = byKey(computeDeadlines(received, '2026-10-09', cal)).acceptanceDecision as Deadline;
    expect(acc.label).toBe('受理决定');
    expect(acc.startOn).toBe('2026-09-30');
    expect(acc.explanation).toContain('依《劳动争议调解仲裁法》第二十九条、《办案规则》第三十条');
    expect(acc.explanation).toContain('自2026年9月30日收到申请之次日起算5个工作日');
    expect(acc.explanation).toContain('跳过国庆节10月1日至10月7日（7天）、周末10月11日');
    expect(acc.explanation).toContain('10月10日为调休上班日');
    expect(acc.explanation).toContain('届满日为2026年10月13日');
    expect(acc.skipped).toHaveLength(8);
    expect(acc.rule).toContain('第二十九条');
  });

  it('completed materials reset the received date (Rules Art 46)', () => {
    // Received Thu 3/5 with gaps, completed Tue 3/10 → 3/11, 3/12, 3/13 (1–3), skip 3/14–15,
    // 3/16 (4), 3/17 (5).
    const list = computeDeadlines({ receivedOn: '2026-03-05', materialsCompletedOn: '2026-03-10', fastTrackTargetDays: 30 }, '2026-03-12', cal);
    const acc = byKey(list).acceptanceDecision as Deadline;
    expect([acc.status, acc.startOn, acc.dueOn]).toEqual(['open', '2026-03-10', '2026-03-17']);
    expect(acc.explanation).toContain('收到补正材料');
  });
});

describe('computeDeadlines — 容缺受理 then 补正', () => {
  // Received and accepted Thu 3/5 with gaps; materials completed Fri 3/20.
  //  acceptance: not reset (completion came after the decision) → 3/5 + 5 working = 3/12, done.
  //  award restarts from 3/20: 11 days to 3/31, 30 to 4/30, 4 more → Mon 5/4 (劳动节 5/1–5/5)
  //  → skip 5/4, 5/5 → Wed 5/6.
  //  fastTrack from 3/20 + 30 = Sun 4/19 → Mon 4/20.
  const input: CaseClockInput = {
    receivedOn: '2026-03-05',
    acceptedOn: '2026-03-05',
    materialsCompletedOn: '2026-03-20',
    fastTrackTargetDays: 30,
  };
  it('restarts the award clock from completion', () => {
    const list = byKey(computeDeadlines(input, '2026-03-25', cal));
    expect([list.acceptanceDecision?.status, list.acceptanceDecision?.dueOn]).toEqual(['done', '2026-03-12']);
    expect([list.award?.startOn, list.award?.dueOn, list.award?.status]).toEqual(['2026-03-20', '2026-05-06', 'open']);
    expect(list.award?.skipped.map((s) => s.date)).toEqual(['2026-05-04', '2026-05-05']);
    expect(list.award?.explanation).toContain('第45日2026年5月4日为劳动节，顺延2日');
    expect([list.fastTrack?.startOn, list.fastTrack?.dueOn]).toEqual(['2026-03-20', '2026-04-20']);
    // serveCopy still runs from acceptance: 3/5 + 5 working = 3/12; not served by 3/25 → overdue.
    expect([list.serveCopy?.status, list.serveCopy?.dueOn]).toEqual(['overdue', '2026-03-12']);
  });
});

describe('computeDeadlines — award extension', () => {
  // Accepted Wed 2026-08-19: 45 days → Sat 10/3 (国庆) → 10/8.
  // With a 15-day extension the whole period is 60 days: 8/19 + 60 = Sun 10/18 → Mon 10/19.
  // (The extension runs on from the 45th day itself, not from the holiday-shifted 10/8.)
  const base: CaseClockInput = { receivedOn: '2026-08-17', acceptedOn: '2026-08-19', fastTrackTargetDays: 30 };
  it.each([
    { ext: 0, due: '2026-10-08' },
    { ext: 10, due: '2026-10-13' }, // 8/19 + 55 = Tue 10/13
    { ext: 15, due: '2026-10-19' },
    { ext: 20, due: '2026-10-19' }, // capped at 15
  ])('extension $ext → $due', ({ ext, due }) => {
    const award = byKey(computeDeadlines({ ...base, awardExtensionDays: ext }, '2026-09-01', cal)).award as Deadline;
    expect(award.dueOn).toBe(due);
  });
  it('explains a capped extension', () => {
    const award = byKey(computeDeadlines({ ...base, awardExtensionDays: 20 }, '2026-09-01', cal)).award as Deadline;
    expect(award.explanation).toContain('经批准延长15日');
    expect(award.explanation).toContain('超过最长15日');
    expect(award.explanation).toContain('合计60日');
  });
});

describe('computeDeadlines — other shapes', () => {
  it('a rejected case has only the acceptance decision', () => {
    const list = computeDeadlines({ receivedOn: '2026-03-05', rejectedOn: '2026-03-10', fastTrackTargetDays: 30 }, '2026-04-01', cal);
    expect(summary(list)).toEqual({ acceptanceDecision: ['done', '2026-03-12'] });
    expect(list[0]?.explanation).toContain('不予受理');
    expect(nextDue(list)).toBeNull();
  });

  it('accepted but not served: serve copy runs, defence waits', () => {
    // Accepted Mon 3/9 → serve by 3/16; today 3/17 → overdue.
    const list = computeDeadlines({ receivedOn: '2026-03-05', acceptedOn: '2026-03-09', fastTrackTargetDays: 30 }, '2026-03-17', cal);
    expect(summary(list)).toMatchObject({ serveCopy: ['overdue', '2026-03-16'], defence: ['waiting', null] });
    expect(nextDue(list)).toBe('2026-03-16');
  });

  it('late acceptance is recorded in the explanation', () => {
    // received 9/30/2026, due 10/13, accepted 10/15 → 2 days late
    const list = computeDeadlines({ receivedOn: '2026-09-30', acceptedOn: '2026-10-15', fastTrackTargetDays: 30 }, '2026-10-16', cal);
    expect(list[0]?.explanation).toContain('超过期限2日');
  });

  it('no fast-track target → no fast-track deadline', () => {
    const list = computeDeadlines({ ...caseA, fastTrackTargetDays: 0 }, '2026-03-20', cal);
    expect(list.map((d) => d.key)).toEqual(['acceptanceDecision', 'serveCopy', 'tribunalNotice', 'defence', 'award']);
  });

  it('rules are configurable (acceptance as 5 calendar days)', () => {
    // 9/30 + 5 calendar = Mon 10/5 (国庆) → skip 10/5–10/7 → Thu 10/8.
    const rules = { ...defaultClockRules, acceptanceDecision: { days: 5, unit: 'calendar' as const } };
    const acc = computeDeadlines({ receivedOn: '2026-09-30', fastTrackTargetDays: 30 }, '2026-10-01', cal, rules)[0];
    expect(acc?.dueOn).toBe('2026-10-08');
  });

  it('an override changes a deadline (fictitious 2027 holiday)', () => {
    // Received Thu 2026-12-31. No 2027 data: 1/1 (1), 1/4–1/7 (2–5) → 1/7.
    // With 1/1 元旦 and 1/4 off: 1/5–1/8 (1–4), skip weekend, Mon 1/11 (5).
    const input: CaseClockInput = { receivedOn: '2026-12-31', fastTrackTargetDays: 30 };
    expect(computeDeadlines(input, '2027-01-02', cal)[0]?.dueOn).toBe('2027-01-07');
    const c = createCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '测试假日' },
    ]);
    const acc = computeDeadlines(input, '2027-01-02', c)[0];
    expect(acc?.dueOn).toBe('2027-01-11');
    expect(acc?.explanation).toContain('测试假日1月4日');
  });

  it('nextDue ignores waiting and done deadlines', () => {
    expect(nextDue([])).toBeNull();
  });
});

describe('组庭通知 (Law Art 32): 5 working days from acceptance', () => {
  // accepted Mon 3/9 → 3/10–3/13 (1–4), skip 3/14–15, Mon 3/16 (5).
  it.each([
    { label: 'not yet told, on the last day', told: null, today: '2026-03-16', expected: ['open', '2026-03-16'] },
    { label: 'not yet told, a day late', told: null, today: '2026-03-17', expected: ['overdue', '2026-03-16'] },
    { label: 'told in time', told: '2026-03-11', today: '2026-03-17', expected: ['done', '2026-03-16'] },
    { label: 'told late', told: '2026-03-18', today: '2026-03-20', expected: ['done', '2026-03-16'] },
  ])('$label', ({ told, today, expected }) => {
    const list = computeDeadlines({ ...caseA, tribunalNotifiedOn: told }, today, cal);
    expect(summary(list).tribunalNotice).toEqual(expected);
    if (told === '2026-03-18') expect(byKey(list).tribunalNotice?.explanation).toContain('超过期限2日');
  });
  it('counts as a deadline of the tribunal (nextDue)', () => {
    expect(nextDue(computeDeadlines({ ...caseA, tribunalNotifiedOn: null }, '2026-03-13', cal))).toBe('2026-03-16');
  });
});

describe('公告送达 periods are excluded from the award period (Rules Art 46(6))', () => {
  // publicationDays counts the days after each publication day, overlaps once, only after the clock's start.
  it.each([
    // 30 days after 3/20: 3/21–4/19
    ['one publication', ['2026-03-20'], 30, '2026-03-09', null, 30],
    // 3/21–4/19 ∪ 3/26–4/24 = 3/21–4/24: 11 (March) + 24 = 35
    ['two overlapping publications', ['2026-03-20', '2026-03-25'], 30, '2026-03-09', null, 35],
    // 3/2–3/31, only days after 3/9 count: 3/10–3/31 = 22
    ['published before acceptance', ['2026-03-01'], 30, '2026-03-09', null, 22],
    // closed 3/25: 3/21–3/25 = 5
    ['case closed during publication', ['2026-03-20'], 30, '2026-03-09', '2026-03-25', 5],
    // the commission's setting: 60 days (pre-2022 civil procedure) → 3/21–5/19 = 11 + 30 + 19
    ['a 60-day setting', ['2026-03-20'], 60, '2026-03-09', null, 60],
    ['no publication', [], 30, '2026-03-09', null, 0],
  ] as const)('%s', (_label, published, period, from, until, expected) => {
    expect(publicationDays([...published], period, from, until)).toBe(expected);
  });

  it('moves the award and fast-track dates and says why', () => {
    // award: 3/9 + 45 + 30 = 3/9 + 75: 22 (Mar) + 30 (Apr) + 23 → Sat 5/23 → Mon 5/25.
    // fast track: 3/9 + 30 + 30 = 60: 22 + 30 + 8 → Fri 5/8 (a working day).
    const list = byKey(computeDeadlines({ ...caseA, publicationDays: 30 }, '2026-03-20', cal));
    expect(list.award?.dueOn).toBe('2026-05-25');
    expect(list.fastTrack?.dueOn).toBe('2026-05-08');
    expect(list.award?.explanation).toContain('公告送达期间30日不计入（《办案规则》第四十六条第六项）');
    // suspension and publication together: 7 + 30 = 37 excluded → 3/9 + 82: 22 + 30 + 30 → Sat 5/30 → Mon 6/1
    const both = byKey(computeDeadlines({ ...caseA, publicationDays: 30, suspendedDays: 7 }, '2026-03-20', cal));
    expect(both.award?.dueOn).toBe('2026-06-01');
    expect(both.award?.explanation).toContain('中止审理期间7日、公告送达期间30日不计入');
  });
});
