import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import {
  findConflicts,
  formatSlot,
  overlaps,
  procedureOf,
  slotProblem,
  tribunalProblem,
  type BookedHearing,
  type PlannedHearing,
} from '../../electron/core/hearing/schedule';
import { hearingWarnings } from '../../electron/core/hearing/warnings';

const at = (hm: string, day = '2026-11-30') => `${day}T${hm}`;
const slot = (a: string, b: string) => ({ startsAt: at(a), endsAt: at(b) });

describe('overlaps: half-open intervals [start, end)', () => {
  it.each([
    { a: slot('09:00', '10:30'), b: slot('10:30', '12:00'), expected: false, why: 'touching: one ends as the next starts' },
    { a: slot('10:30', '12:00'), b: slot('09:00', '10:30'), expected: false, why: 'touching, other order' },
    { a: slot('09:00', '10:30'), b: slot('10:29', '11:00'), expected: true, why: 'one minute of overlap' },
    { a: slot('09:00', '12:00'), b: slot('10:00', '11:00'), expected: true, why: 'contained' },
    { a: slot('10:00', '11:00'), b: slot('09:00', '12:00'), expected: true, why: 'containing' },
    { a: slot('09:00', '10:00'), b: slot('09:00', '10:00'), expected: true, why: 'identical' },
    { a: slot('08:00', '09:00'), b: slot('14:00', '15:00'), expected: false, why: 'apart' },
    { a: slot('09:00', '10:00'), b: { startsAt: at('09:00', '2026-12-01'), endsAt: at('10:00', '2026-12-01') }, expected: false, why: 'another day' },
  ])('$why → $expected', ({ a, b, expected }) => {
    expect(overlaps(a, b)).toBe(expected);
  });
});

describe('slotProblem: same day, end after start, within 08:00–20:00', () => {
  it.each([
    { s: slot('09:00', '10:30'), problem: null },
    { s: slot('08:00', '20:00'), problem: null },
    { s: slot('07:30', '09:00'), problem: /08:00至20:00/ },
    { s: slot('19:00', '20:30'), problem: /08:00至20:00/ },
    { s: slot('10:00', '10:00'), problem: /晚于开始时间/ },
    { s: slot('11:00', '10:00'), problem: /晚于开始时间/ },
    { s: { startsAt: at('19:00'), endsAt: at('09:00', '2026-12-01') }, problem: /同一天/ },
    { s: slot('25:00', '26:00'), problem: /无效/ },
  ])('$s.startsAt–$s.endsAt', ({ s, problem }) => {
    const p = slotProblem(s);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
  it('formats a slot for messages', () => {
    expect(formatSlot(slot('09:00', '10:30'))).toBe('11月30日 09:00–10:30');
  });
});

describe('tribunalProblem', () => {
  it.each([
    { t: { procedure: 'simplified' as const, presidingId: 1, wingIds: [] }, problem: null },
    { t: { procedure: 'simplified' as const, presidingId: 1, wingIds: [2] }, problem: /独任/ },
    // a collective dispute (12 workers): never a sole arbitrator, three with a presiding one (Law Art 31; 组织规则 Art 13)
    { t: { procedure: 'simplified' as const, presidingId: 1, wingIds: [], collectiveWorkers: 12 }, problem: /集体劳动人事争议（12名劳动者有共同请求）.*三名仲裁员/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [2], collectiveWorkers: 12 }, problem: /三名仲裁员/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [2, 3], collectiveWorkers: 12 }, problem: null },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [2, 2], collectiveWorkers: 12 }, problem: /不同的人/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [2, 3] }, problem: null },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [2] }, problem: /三名仲裁员/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [] }, problem: /三名仲裁员/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [1, 3] }, problem: /不同的人/ },
    { t: { procedure: 'ordinary' as const, presidingId: 1, wingIds: [3, 3] }, problem: /不同的人/ },
  ])('$t.procedure $t.presidingId+$t.wingIds', ({ t, problem }) => {
    const p = tribunalProblem(t);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
  it('infers the procedure from the wings', () => {
    expect(procedureOf([])).toBe('simplified');
    expect(procedureOf([4, 5])).toBe('ordinary');
  });
});

describe('findConflicts', () => {
  const names = new Map([
    [1, '王建国'],
    [2, '李秀英'],
    [3, '陈志强'],
    [10, '周婷'],
    [11, '吴敏'],
  ]);
  const booked: BookedHearing = {
    id: 7,
    ...slot('09:00', '10:30'),
    roomId: 2,
    roomName: '第二仲裁庭',
    presidingId: 1,
    wingIds: [2, 3],
    clerkId: 10,
    caseNumber: '赣市劳人仲案字〔2026〕第12号',
    caseLabel: '赣市劳人仲案字〔2026〕第12号',
  };
  const plan = (over: Partial<PlannedHearing>): PlannedHearing => ({ id: null, ...slot('10:00', '11:00'), roomId: 1, presidingId: 4, wingIds: [], clerkId: 11, ...over });
  const find = (p: PlannedHearing) => findConflicts(p, [booked], { staff: (id) => names.get(id) ?? `#${id}` });

  it('the same room at an overlapping time, with the other case and time in the message', () => {
    const c = find(plan({ roomId: 2 }));
    expect(c).toEqual([
      { kind: 'room', hearingId: 7, caseNumber: '赣市劳人仲案字〔2026〕第12号', message: '第二仲裁庭 11月30日 09:00–10:30 已安排 赣市劳人仲案字〔2026〕第12号' },
    ]);
  });
  it('an arbitrator in any seat of the other tribunal, in another room', () => {
    expect(find(plan({ presidingId: 3 })).map((c) => [c.kind, c.message])).toEqual([
      ['arbitrator', '仲裁员陈志强 11月30日 09:00–10:30 已在第二仲裁庭审理 赣市劳人仲案字〔2026〕第12号'],
    ]);
    expect(find(plan({ presidingId: 5, wingIds: [1, 6] }))[0].kind).toBe('arbitrator');
  });
  it('the same clerk', () => {
    expect(find(plan({ clerkId: 10 })).map((c) => c.kind)).toEqual(['clerk']);
  });
  it('everything at once is reported once per clash', () => {
    expect(find(plan({ roomId: 2, presidingId: 1, wingIds: [2, 3], clerkId: 10 })).map((c) => c.kind)).toEqual(['room', 'arbitrator', 'arbitrator', 'arbitrator', 'clerk']);
  });
  it('back-to-back is allowed; the hearing itself (when moved) is ignored', () => {
    expect(find(plan({ ...slot('10:30', '12:00'), roomId: 2, presidingId: 1, clerkId: 10 }))).toEqual([]);
    expect(find(plan({ ...slot('08:00', '09:00'), roomId: 2, presidingId: 1, clerkId: 10 }))).toEqual([]);
    expect(find(plan({ id: 7, roomId: 2, presidingId: 1, clerkId: 10 }))).toEqual([]);
  });
  it('different room, people and clerk at the same time is fine', () => {
    expect(find(plan({ ...slot('09:00', '10:30') }))).toEqual([]);
  });
});

describe('hearingWarnings', () => {
  const cal = createCalendar();
  const base = {
    startsAt: '2026-11-30T09:00',
    procedure: 'simplified' as const,
    noticeServedOn: '2026-11-20',
    noticeWaived: false,
    awardDueOn: '2027-01-04',
    fastTrackDueOn: '2026-12-18',
    now: '2026-11-20T10:00',
    scheduled: true,
  };
  it('none when the notice is in time and the date is before the targets', () => {
    expect(hearingWarnings(base, cal)).toEqual([]);
  });
  it('short notice, unserved notice, waived', () => {
    expect(hearingWarnings({ ...base, startsAt: '2026-11-26T09:00' }, cal).map((w) => w.kind)).toEqual(['noticePeriod']);
    expect(hearingWarnings({ ...base, noticeServedOn: null }, cal)[0].message).toContain('最迟应于2026年11月23日（星期一）送达');
    expect(hearingWarnings({ ...base, startsAt: '2026-11-26T09:00', noticeWaived: true }, cal)).toEqual([]);
  });
  it('after the fast-track target, after the award deadline (both dates named)', () => {
    const ft = hearingWarnings({ ...base, startsAt: '2026-12-21T09:00' }, cal);
    expect(ft.map((w) => w.kind)).toEqual(['awardDeadline']);
    expect(ft[0].message).toContain('速裁结案目标日2026年12月18日');
    expect(ft[0].message).toContain('2027年1月4日');
    const award = hearingWarnings({ ...base, startsAt: '2027-01-05T09:00' }, cal);
    expect(award[0].message).toMatch(/2027年1月5日.*晚于裁决期限届满日2027年1月4日/);
  });
  it('a past time, only while still scheduled', () => {
    const past = { ...base, startsAt: '2026-11-19T09:00', noticeServedOn: null, noticeWaived: true };
    expect(hearingWarnings(past, cal).map((w) => w.kind)).toEqual(['pastDate']);
    expect(hearingWarnings({ ...past, scheduled: false }, cal)).toEqual([]);
    expect(hearingWarnings({ ...past, startsAt: '2026-11-20T09:59' }, cal).map((w) => w.kind)).toEqual(['pastDate']);
  });
});
