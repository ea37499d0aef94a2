import { describe, it, expect } from 'vitest';
import {
  addDays,
  diffDays,
  isValidDate,
  todayInChina,
  formatChineseDate,
  formatChinaDateTime,
  formatChineseNumeralDate,
  formatWeekday,
  weekday,
  maxDate,
} from '../../electron/core/dates';
import { toHalfWidth, normalizeSpaces } from '../../electron/core/text';

describe('isValidDate', () => {
  it.each([
    ['2024-02-29', true], // 2024 leap
    ['2025-02-29', false],
    ['2000-02-29', true], // divisible by 400
    ['1900-02-29', false], // divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-5', false], // must be zero-padded
    ['2026-03-05T00:00', false],
    ['', false],
  ])('%s → %s', (d, ok) => {
    expect(isValidDate(d)).toBe(ok);
  });
});

describe('addDays / diffDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-29', 1, '2026-03-30'], // EU DST change day: no effect in UTC
    ['2026-08-19', 45, '2026-10-03'], // 12 days to 8/31, 30 to 9/30, 3 more
    ['2026-03-09', 45, '2026-04-23'],
  ])('%s + %d = %s', (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
    expect(diffDays(d, out)).toBe(n);
  });
  it('throws on an invalid date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow();
  });
});

describe('todayInChina', () => {
  it.each([
    ['2026-03-04T15:59:59Z', '2026-03-04'], // 23:59:59 in Beijing
    ['2026-03-04T16:00:00Z', '2026-03-05'], // midnight in Beijing
    ['2026-12-31T16:30:00Z', '2027-01-01'],
  ])('%s → %s', (iso, day) => {
    expect(todayInChina(new Date(iso))).toBe(day);
  });
});

describe('formatting', () => {
  it.each([
    ['2026-03-05', '2026年3月5日', '二〇二六年三月五日'],
    ['2020-10-10', '2020年10月10日', '二〇二〇年十月十日'],
    ['2026-11-20', '2026年11月20日', '二〇二六年十一月二十日'],
    ['2026-12-31', '2026年12月31日', '二〇二六年十二月三十一日'],
    ['2009-01-15', '2009年1月15日', '二〇〇九年一月十五日'],
  ])('%s → %s / %s', (d, arabic, numeral) => {
    expect(formatChineseDate(d)).toBe(arabic);
    expect(formatChineseNumeralDate(d)).toBe(numeral);
  });
  it.each([
    ['1970-01-01', 4, '星期四'],
    ['2026-03-05', 4, '星期四'], // 2026-01-01 Thu; Feb 1 and Mar 1 are Sundays
    ['2026-10-01', 4, '星期四'],
    ['2026-10-10', 6, '星期六'],
    ['2026-10-11', 0, '星期日'],
    ['1949-10-01', 6, '星期六'],
  ])('%s is weekday %d (%s)', (d, n, name) => {
    expect(weekday(d)).toBe(n);
    expect(formatWeekday(d)).toBe(name);
  });
  it('maxDate ignores empty values', () => {
    expect(maxDate('2026-03-05', null, '2026-03-20', undefined)).toBe('2026-03-20');
    expect(maxDate(null)).toBeNull();
  });
});

describe('formatChinaDateTime', () => {
  // worked out by hand: China is UTC+8 all year; the date turns at 16:00 UTC
  it.each([
    ['2026-12-04T06:05:00Z', '2026年12月4日 14:05'],
    ['2026-01-09T16:00:00Z', '2026年1月10日 00:00'],
    ['2026-12-31T15:59:59.999Z', '2026年12月31日 23:59'],
    ['2026-12-31T16:00:00Z', '2027年1月1日 00:00'],
    ['2024-02-28T17:30:00Z', '2024年2月29日 01:30'],
  ])('%s → %s, as Intl zh-CN (medium date, short time) writes it', (iso, out) => {
    expect(formatChinaDateTime(new Date(iso))).toBe(out);
    const intl = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
    expect(intl.format(new Date(iso))).toBe(out);
  });
});

describe('text', () => {
  it.each([
    ['１２３ＡＢＣａｂｃ', '123ABCabc'],
    ['＋８６\u3000１３８', '+86 138'],
    ['张三（工人），１号', '张三（工人），1号'], // Chinese punctuation kept
  ])('toHalfWidth(%s) → %s', (s, out) => {
    expect(toHalfWidth(s)).toBe(out);
  });
  it('converts punctuation on request', () => {
    expect(toHalfWidth('１，２３４．５', { punctuation: true })).toBe('1,234.5');
  });
  it('normalizeSpaces', () => {
    expect(normalizeSpaces('  张\u3000\u3000三 \t李\u00a0四\u200b ')).toBe('张 三 李 四');
  });
});
