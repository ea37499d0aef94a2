import { describe, it, expect } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { addWorkingDays, addCalendarDays } from '../../electron/core/clock/periods';

const cal = createCalendar();

describe('addWorkingDays (start day not counted; 调休 Saturdays/Sundays count)', () => {
  it.each([
    // Ordinary week: Thu 3/5 → Fri 3/6 (1), skip Sat–Sun 3/7–3/8, 3/9–3/12 (2–5).
    { start: '2026-03-05', n: 5, due: '2026-03-12', skipped: ['2026-03-07', '2026-03-08'] },
    // National Day 2026: 9/30 → skip 10/1–10/7 (国庆节), 10/8 Thu (1), 10/9 Fri (2),
    // 10/10 Sat make-up (3), skip Sun 10/11, 10/12 (4), 10/13 (5).
    {
      start: '2026-09-30',
      n: 5,
      due: '2026-10-13',
      skipped: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11'],
    },
    // Spring Festival 2024: Thu 2/8 → Fri 2/9 (1), skip 2/10–2/17, Sun 2/18 make-up (2),
    // 2/19 (3), 2/20 (4), 2/21 (5).
    {
      start: '2024-02-08',
      n: 5,
      due: '2024-02-21',
      skipped: ['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17'],
    },
    // Spring Festival 2025: Fri 1/24 → skip Sat 1/25, Sun 1/26 make-up (1), Mon 1/27 (2),
    // skip 1/28–2/4, 2/5 (3), 2/6 (4), 2/7 (5).
    {
      start: '2025-01-24',
      n: 5,
      due: '2025-02-07',
      skipped: ['2025-01-25', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
    },
    // Defence period over Labour Day 2025: Fri 4/25 → skip Sat 4/26, Sun 4/27 make-up (1),
    // 4/28–4/30 (2–4), skip 5/1–5/5, 5/6–5/9 (5–8), skip 5/10–5/11, 5/12 (9), 5/13 (10).
    {
      start: '2025-04-25',
      n: 10,
      due: '2025-05-13',
      skipped: ['2025-04-26', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-10', '2025-05-11'],
    },
    // Starting on a holiday: received on 10/3/2024 (国庆) → 10/8 (1), 10/9 (2), 10/10 (3),
    // 10/11 (4), Sat 10/12 make-up (5).
    {
      start: '2024-10-03',
      n: 5,
      due: '2024-10-12',
      skipped: ['2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
    },
    // n = 0: due on the start day.
    { start: '2026-03-07', n: 0, due: '2026-03-07', skipped: [] },
  ])('$start + $n working days = $due', ({ start, n, due, skipped }) => {
    const r = addWorkingDays(start, n, cal);
    expect(r.due).toBe(due);
    expect(r.skipped.map((s) => s.date)).toEqual(skipped);
  });

  it('gives a reason for each skipped day', () => {
    const r = addWorkingDays('2026-09-30', 5, cal);
    expect(r.skipped[0]).toEqual({ date: '2026-10-01', reason: '国庆节' });
    expect(r.skipped[7]).toEqual({ date: '2026-10-11', reason: '周末' });
  });

  it('an override changes the result (fictitious 2027 notice)', () => {
    // Thu 2026-12-31 + 5 working days. No 2027 data: Fri 1/1 (1), 1/4–1/7 (2–5) → 1/7.
    expect(addWorkingDays('2026-12-31', 5, cal).due).toBe('2027-01-07');
    // With 1/1 and Mon 1/4 off: 1/5–1/8 (1–4), skip 1/9–1/10, Mon 1/11 (5) → 1/11.
    const c1 = createCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '测试假日' },
    ]);
    const r1 = addWorkingDays('2026-12-31', 5, c1);
    expect(r1.due).toBe('2027-01-11');
    expect(r1.skipped).toContainEqual({ date: '2027-01-04', reason: '测试假日' });
    // …and with Sat 1/9 a make-up workday: 1/5–1/8 (1–4), 1/9 (5) → 1/9.
    const c2 = createCalendar([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-04', kind: 'holiday', name: '测试假日' },
      { date: '2027-01-09', kind: 'workday', name: '元旦' },
    ]);
    expect(addWorkingDays('2026-12-31', 5, c2).due).toBe('2027-01-09');
  });

  it('refuses negative or fractional counts', () => {
    expect(() => addWorkingDays('2026-03-05', -1, cal)).toThrow();
    expect(() => addWorkingDays('2026-03-05', 1.5, cal)).toThrow();
  });
});

describe('addCalendarDays (start day not counted; a rest last day moves to the next working day)', () => {
  it.each([
    // 3/2 + 45: 29 days to 3/31, 16 more → Thu 4/16, a working day.
    { start: '2026-03-02', n: 45, due: '2026-04-16', shiftedFrom: undefined, skipped: [] as string[] },
    // 8/19 + 45: 12 days to 8/31, 30 to 9/30, 3 more → Sat 10/3 (国庆节) → 10/3–10/7 skipped → Thu 10/8.
    {
      start: '2026-08-19',
      n: 45,
      due: '2026-10-08',
      shiftedFrom: '2026-10-03',
      skipped: ['2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
    },
    // 9/13/2025 + 15 = Sun 9/28, a make-up workday: no shift.
    { start: '2025-09-13', n: 15, due: '2025-09-28', shiftedFrom: undefined, skipped: [] },
    // 2/6/2026 + 15 = Sat 2/21 inside 春节 (2/15–2/23) → Tue 2/24.
    { start: '2026-02-06', n: 15, due: '2026-02-24', shiftedFrom: '2026-02-21', skipped: ['2026-02-21', '2026-02-22', '2026-02-23'] },
    // 3/6/2026 + 15 = Sat 3/21 → Mon 3/23.
    { start: '2026-03-06', n: 15, due: '2026-03-23', shiftedFrom: '2026-03-21', skipped: ['2026-03-21', '2026-03-22'] },
    // 4/2/2026 + 30 = Sat 5/2 inside 劳动节 (5/1–5/5) → Wed 5/6.
    { start: '2026-04-02', n: 30, due: '2026-05-06', shiftedFrom: '2026-05-02', skipped: ['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'] },
  ])('$start + $n days = $due', ({ start, n, due, shiftedFrom, skipped }) => {
    const r = addCalendarDays(start, n, cal);
    expect(r.due).toBe(due);
    expect(r.shiftedFrom).toBe(shiftedFrom);
    expect(r.skipped.map((s) => s.date)).toEqual(skipped);
  });

  it('names the rest days', () => {
    expect(addCalendarDays('2026-03-06', 15, cal).skipped).toEqual([
      { date: '2026-03-21', reason: '周末' },
      { date: '2026-03-22', reason: '周末' },
    ]);
  });
});
