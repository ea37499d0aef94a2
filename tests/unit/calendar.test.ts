import { describe, it, expect, afterEach } from 'vitest';
import { createCalendar, holidayDataCovers, type HolidayOverride } from '../../electron/core/clock/calendar';
import { holidayOverridesFileSchema, flattenHolidayOverrides } from '../../electron/core/clock/overridesSchema';
import { addDays } from '../../electron/core/dates';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const overridesFile: unknown = JSON.parse(
  readFileSync(resolve(__dirname, '../../resources/holidays/overrides.json'), 'utf8'),
);

const cal = createCalendar();

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

// The State Council notices (国务院办公厅关于20XX年部分节假日安排的通知), cross-checked against
// chinese-days' data:
//  2024 春节 2/10–2/17 off (8 days), work Sun 2/4 and Sun 2/18; 除夕 2/9 (Fri) is a normal workday.
//  2024 劳动节 5/1–5/5 off, work Sun 4/28 and Sat 5/11.
//  2024 国庆节 10/1–10/7 off, work Sun 9/29 and Sat 10/12.
//  2025 春节 1/28–2/4 off (8 days), work Sun 1/26 and Sat 2/8.
//  2025 劳动节 5/1–5/5 off, work Sun 4/27.
//  2025 国庆节+中秋 10/1–10/8 off (8 days; 10/6 is 中秋), work Sun 9/28 and Sat 10/11.
//  2026 春节 2/15–2/23 off (9 days), work Sat 2/14 and Sat 2/28.
//  2026 劳动节 5/1–5/5 off, work Sat 5/9.
//  2026 国庆节 10/1–10/7 off (中秋 is separate: 9/25–9/27), work Sun 9/20 and Sat 10/10.
const HOLIDAYS: { year: number; name: string; off: [string, string]; makeup: string[]; before: string; after: string }[] = [
  { year: 2024, name: '春节', off: ['2024-02-10', '2024-02-17'], makeup: ['2024-02-04', '2024-02-18'], before: '2024-02-09', after: '2024-02-19' },
  { year: 2024, name: '劳动节', off: ['2024-05-01', '2024-05-05'], makeup: ['2024-04-28', '2024-05-11'], before: '2024-04-30', after: '2024-05-06' },
  { year: 2024, name: '国庆节', off: ['2024-10-01', '2024-10-07'], makeup: ['2024-09-29', '2024-10-12'], before: '2024-09-30', after: '2024-10-08' },
  { year: 2025, name: '春节', off: ['2025-01-28', '2025-02-04'], makeup: ['2025-01-26', '2025-02-08'], before: '2025-01-27', after: '2025-02-05' },
  { year: 2025, name: '劳动节', off: ['2025-05-01', '2025-05-05'], makeup: ['2025-04-27'], before: '2025-04-30', after: '2025-05-06' },
  { year: 2025, name: '国庆节', off: ['2025-10-01', '2025-10-08'], makeup: ['2025-09-28', '2025-10-11'], before: '2025-09-30', after: '2025-10-09' },
  { year: 2026, name: '春节', off: ['2026-02-15', '2026-02-23'], makeup: ['2026-02-14', '2026-02-28'], before: '2026-02-13', after: '2026-02-24' },
  { year: 2026, name: '劳动节', off: ['2026-05-01', '2026-05-05'], makeup: ['2026-05-09'], before: '2026-04-30', after: '2026-05-06' },
  { year: 2026, name: '国庆节', off: ['2026-10-01', '2026-10-07'], makeup: ['2026-09-20', '2026-10-10'], before: '2026-09-30', after: '2026-10-08' },
];

describe('State Council holidays 2024–2026', () => {
  describe.each(HOLIDAYS)('$year $name', ({ name, off, makeup, before, after }) => {
    it(`${off[0]}…${off[1]} are days off`, () => {
      for (const d of range(off[0], off[1])) {
        expect(cal.isWorkday(d), d).toBe(false);
        const desc = cal.describe(d);
        expect(desc.kind, d).toBe('holiday');
        // 2025-10-06 is 中秋 inside the National Day break
        expect(desc.name, d).toBe(d === '2025-10-06' ? '中秋' : name);
      }
    });
    it(`make-up workdays ${makeup.join(', ')}`, () => {
      for (const d of makeup) {
        expect(cal.isWorkday(d), d).toBe(true);
        expect(cal.describe(d)).toMatchObject({ workday: true, name: '调休上班', kind: 'makeupWorkday', festival: name });
      }
    });
    it(`the days around (${before}, ${after}) are ordinary workdays`, () => {
      expect(cal.describe(before)).toEqual({ workday: true, kind: 'workday' });
      expect(cal.describe(after)).toEqual({ workday: true, kind: 'workday' });
    });
  });

  it.each([
    ['2026-03-07', false, '周末'], // Saturday
    ['2026-03-08', false, '周末'], // Sunday
    ['2026-03-09', true, undefined], // Monday
    ['2026-09-25', false, '中秋'], // 2026 中秋 9/25–9/27
    ['2026-01-04', true, '调休上班'], // 2026 元旦 make-up (Sunday)
  ])('%s workday=%s name=%s', (d, workday, name) => {
    expect(cal.isWorkday(d)).toBe(workday);
    expect(cal.describe(d).name).toBe(name);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkday('2026-2-30')).toThrow();
  });
});

describe('time-zone independence', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  // chinese-days reads its UTC-parsed dates with local getters; west of UTC that shifts every
  // answer by a day. Our wrapper must give the same answers in any time zone.
  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'UTC'])('%s', (tz) => {
    process.env.TZ = tz;
    const c = createCalendar();
    expect(c.isWorkday('2026-10-01')).toBe(false);
    expect(c.isWorkday('2026-09-30')).toBe(true);
    expect(c.isWorkday('2026-10-10')).toBe(true); // make-up Saturday
    expect(c.isWorkday('2026-10-11')).toBe(false);
    expect(c.isWorkday('2027-01-04')).toBe(true); // a Monday (no 2027 data)
    expect(c.describe('2026-10-08')).toEqual({ workday: true, kind: 'workday' });
  });
});

describe('overrides', () => {
  // 2027 has no bundled data yet: 2027-01-01 (Friday) looks like a working day.
  // A fictitious 2027 notice: 1/1 元旦 off, 1/4 (Mon) off as a test holiday, 1/9 (Sat) worked.
  const notice: HolidayOverride[] = [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-01-04', kind: 'holiday', name: '测试假日' },
    { date: '2027-01-09', kind: 'workday', name: '元旦' },
  ];
  const withNotice = createCalendar(notice);

  it.each([
    ['2027-01-01', true, false],
    ['2027-01-04', true, false],
    ['2027-01-09', false, true],
    ['2027-01-05', true, true],
  ])('%s: library %s → override %s', (d, before, after) => {
    expect(cal.isWorkday(d)).toBe(before);
    expect(withNotice.isWorkday(d)).toBe(after);
  });

  it('describes overridden days', () => {
    expect(withNotice.describe('2027-01-04')).toEqual({ workday: false, name: '测试假日', kind: 'holiday' });
    expect(withNotice.describe('2027-01-09')).toEqual({ workday: true, name: '调休上班', kind: 'makeupWorkday', festival: '元旦' });
  });

  it('wins over the bundled data (correcting a bundled day)', () => {
    const c = createCalendar([
      { date: '2026-10-07', kind: 'workday' },
      { date: '2026-10-08', kind: 'holiday' },
    ]);
    expect(c.isWorkday('2026-10-07')).toBe(true);
    expect(c.describe('2026-10-08')).toEqual({ workday: false, name: '节假日', kind: 'holiday' });
  });

  it('knows which years have data', () => {
    expect(holidayDataCovers(2026)).toBe(true);
    expect(holidayDataCovers(2027)).toBe(false);
    expect(holidayDataCovers(2027, notice)).toBe(true);
  });

  it('rejects an invalid override date', () => {
    expect(() => createCalendar([{ date: '2027-02-30', kind: 'holiday' }])).toThrow();
  });
});

describe('overrides file schema', () => {
  it('accepts the shipped (empty) file', () => {
    expect(holidayOverridesFileSchema.parse(overridesFile)).toEqual({ notices: [] });
  });
  it('parses and flattens a notice', () => {
    const file = holidayOverridesFileSchema.parse({
      notices: [
        {
          year: 2027,
          source: '国务院办公厅关于2027年部分节假日安排的通知',
          days: [
            { date: '2027-01-01', kind: 'holiday', name: '元旦' },
            { date: '2027-01-09', kind: 'workday' },
          ],
        },
      ],
    });
    const overrides = flattenHolidayOverrides(file);
    expect(overrides).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-09', kind: 'workday' },
    ]);
    expect(createCalendar(overrides).isWorkday('2027-01-01')).toBe(false);
  });
  it.each([
    [{ notices: [{ year: 2027, source: 'x', days: [{ date: '2027-13-01', kind: 'holiday' }] }] }],
    [{ notices: [{ year: 2027, source: 'x', days: [{ date: '2027-01-01', kind: 'rest' }] }] }],
    [{ notices: [{ year: 2027, days: [] }] }],
    [{}],
  ])('rejects %j', (bad) => {
    expect(holidayOverridesFileSchema.safeParse(bad).success).toBe(false);
  });
});
