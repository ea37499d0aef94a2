import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { addDays } from '../../electron/core/dates';
import { checkNoticePeriod, earliestHearingDate, latestServiceDate } from '../../electron/core/hearing/noticePeriod';

/*
 * The hearing-notice period (Law Art 35, Rules Art 38: "开庭五日前" / "提前五日通知").
 *
 * Reading adopted — counted exactly like the statutory clock's other 5日 periods (domain §1.2):
 *   - 5 WORKING days on the State Council calendar; make-up working days (调休上班) count;
 *   - the service day itself is not counted (counting starts the next day);
 *   - the hearing may be held on the 5th working day after service, not earlier:
 *         hearing date ≥ addWorkingDays(servedOn, 5).due
 *   - the latest service date for a hearing day H is the largest d with addWorkingDays(d, 5).due ≤ H
 *     (d may be a rest day; the message then also names the latest working day).
 *
 * Worked examples
 *   Normal week: served Mon 11/16 → Tue 17 (1), Wed 18 (2), Thu 19 (3), Fri 20 (4), [Sat 21, Sun 22],
 *     Mon 23 (5) → the earliest hearing day is Mon 11/23; a hearing on Fri 11/20 is short.
 *     For a hearing on Mon 11/30 the latest service day is Mon 11/23 (Tue 11/24 → 25,26,27,30,12/1).
 *   National Day 2026 (中秋 9/25–9/27 off; 国庆 10/1–10/7 off; Sat 10/10 is a make-up working day):
 *     served Mon 9/28 → 29 (1), 30 (2), [10/1–10/7], Thu 10/8 (3), Fri 10/9 (4), Sat 10/10 (5, 调休)
 *       → the earliest hearing day is the make-up Saturday 10/10; Fri 10/9 is short; Mon 10/12 is fine.
 *     served Wed 9/30 → 10/8 (1), 10/9 (2), Sat 10/10 (3, 调休), [Sun 10/11], 10/12 (4), 10/13 (5)
 *       → Tue 10/13 (it would be Wed 10/14 if the make-up Saturday did not count).
 *     hearing Mon 10/12 → latest service Tue 9/29 (30, 10/8, 10/9, 10/10, 10/12); a naive
 *       calendar-day count would have allowed service as late as 10/7, in the middle of the holiday.
 *     hearing Thu 10/8 (first day back) → latest service Wed 9/23 (24, [中秋], 28, 29, 30, 10/8).
 *     hearing Fri 10/9 → latest service Sun 9/27 (a 中秋 holiday: 28, 29, 30, 10/8, 10/9), and the
 *       latest WORKING day to serve is Thu 9/24.
 */
const cal = createCalendar();

describe('notice period: earliest hearing day after service', () => {
  it.each([
    // normal week
    { servedOn: '2026-11-16', earliest: '2026-11-23' }, // Mon → Mon
    { servedOn: '2026-11-20', earliest: '2026-11-27' }, // Fri → Fri (weekend skipped)
    { servedOn: '2026-11-21', earliest: '2026-11-27' }, // served on a Saturday: Mon 23 is day 1
    // National Day 2026 with the make-up Saturday 10/10
    { servedOn: '2026-09-28', earliest: '2026-10-10' },
    { servedOn: '2026-09-30', earliest: '2026-10-13' },
    { servedOn: '2026-09-24', earliest: '2026-10-09' }, // 中秋 9/25–27 and 国庆 both skipped
    { servedOn: '2026-10-05', earliest: '2026-10-13' }, // served during the holiday: 10/8 is day 1
  ])('served $servedOn → hearing from $earliest', ({ servedOn, earliest }) => {
    expect(earliestHearingDate(servedOn, cal)).toBe(earliest);
  });
});

describe('notice period: latest service day for a hearing day', () => {
  it.each([
    { hearing: '2026-11-30', latest: '2026-11-23' },
    { hearing: '2026-11-27', latest: '2026-11-22' }, // Sun 11/22 → 23…27; the latest working day is Fri 11/20
    { hearing: '2026-10-12', latest: '2026-09-29' },
    { hearing: '2026-10-10', latest: '2026-09-28' },
    { hearing: '2026-10-08', latest: '2026-09-23' },
    { hearing: '2026-10-09', latest: '2026-09-27' }, // a holiday; working-day answer is 9/24
  ])('hearing $hearing → serve by $latest', ({ hearing, latest }) => {
    expect(latestServiceDate(hearing, cal)).toBe(latest);
    // it is the largest such day: one day later is too late
    expect(earliestHearingDate(latest, cal) <= hearing).toBe(true);
    expect(earliestHearingDate(addDays(latest, 1), cal) > hearing).toBe(true);
  });
});

describe('checkNoticePeriod', () => {
  const base = { procedure: 'ordinary' as const, waived: false, today: '2026-09-20' };
  it.each([
    // normal week
    { hearingDate: '2026-11-23', servedOn: '2026-11-16', ok: true },
    { hearingDate: '2026-11-20', servedOn: '2026-11-16', ok: false },
    { hearingDate: '2026-11-27', servedOn: '2026-11-20', ok: true },
    { hearingDate: '2026-11-26', servedOn: '2026-11-20', ok: false },
    // National Day 2026
    { hearingDate: '2026-10-10', servedOn: '2026-09-28', ok: true }, // the make-up Saturday is the 5th day
    { hearingDate: '2026-10-09', servedOn: '2026-09-28', ok: false },
    { hearingDate: '2026-10-12', servedOn: '2026-09-30', ok: false }, // only 4 working days
    { hearingDate: '2026-10-13', servedOn: '2026-09-30', ok: true },
  ])('hearing $hearingDate, served $servedOn → ok $ok', ({ hearingDate, servedOn, ok }) => {
    const v = checkNoticePeriod({ ...base, hearingDate, servedOn }, cal);
    expect(v.ok).toBe(ok);
    if (!v.ok) {
      expect(v.reason).toBe('short');
      expect(v.message).toContain('开庭通知期间不足');
      expect(v.message).toContain('第三十五条');
    }
  });

  it('names the holiday skipped and the earliest day in the message', () => {
    const v = checkNoticePeriod({ ...base, hearingDate: '2026-10-09', servedOn: '2026-09-28' }, cal);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.earliestHearingDate).toBe('2026-10-10');
    expect(v.message).toContain('国庆节10月1日至10月7日');
    expect(v.message).toContain('最早可于2026年10月10日（星期六）开庭');
    // the latest service day is a 中秋 holiday, so the latest working day is named too
    expect(v.message).toContain('最迟应于2026年9月27日（星期日，中秋）送达');
    expect(v.message).toContain('在工作日送达的，最迟为2026年9月24日（星期四）');
    expect(v.message).toContain('请改期开庭');
  });

  it('not served: gives the latest service date, and says when it is too late', () => {
    const early = checkNoticePeriod({ ...base, hearingDate: '2026-11-30', servedOn: null, today: '2026-11-20' }, cal);
    expect(early).toMatchObject({ ok: false, reason: 'notServed', latestServiceDate: '2026-11-23' });
    if (!early.ok) {
      expect(early.message).toContain('开庭通知尚未送达');
      expect(early.message).toContain('最迟应于2026年11月23日（星期一）送达');
      expect(early.message).not.toContain('来不及');
    }
    const late = checkNoticePeriod({ ...base, procedure: 'simplified', hearingDate: '2026-11-26', servedOn: null, today: '2026-11-20' }, cal);
    expect(late).toMatchObject({ ok: false, latestServiceDate: '2026-11-19' });
    if (!late.ok) expect(late.message).toMatch(/来不及.*放弃通知期限/);
  });

  it('waiver: simplified procedure with the parties’ consent suppresses the check; ordinary cannot waive', () => {
    const short = { hearingDate: '2026-11-24', servedOn: '2026-11-20', today: '2026-11-20' };
    expect(checkNoticePeriod({ ...short, procedure: 'simplified', waived: true }, cal)).toMatchObject({ ok: true, reason: 'waived' });
    expect(checkNoticePeriod({ ...short, servedOn: null, procedure: 'simplified', waived: true }, cal)).toMatchObject({ ok: true, reason: 'waived' });
    expect(checkNoticePeriod({ ...short, procedure: 'ordinary', waived: true }, cal)).toMatchObject({ ok: false, reason: 'short' });
    expect(checkNoticePeriod({ ...short, procedure: 'simplified', waived: false }, cal)).toMatchObject({ ok: false, reason: 'short' });
  });
});
