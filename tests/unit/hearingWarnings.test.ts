import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { defenceWarning, hearingWarnings } from '../../electron/core/hearing/warnings';
import { recordBlanks } from '../../electron/documents/hearingRecord/hearingRecordDocument';

/*
 * A hearing inside a respondent's defence period (答辩期, Law Art 30: "被申请人收到仲裁申请书副本后，
 * 应当在十日内向劳动争议仲裁委员会提交答辩书"; 10日 = 10 working days, counted from the day after
 * receipt, domain §1.2). The hearing may be held after the period ends, i.e. from the next day on.
 *
 * Worked examples (2026):
 *   served Thu 11/19 → Fri 20 (1), [21, 22], 23 (2), 24 (3), 25 (4), 26 (5), 27 (6), [28, 29],
 *     30 (7), 12/1 (8), 12/2 (9), Thu 12/3 (10) → the period ends 12/3; a hearing on 12/3 is inside
 *     it, one on Fri 12/4 is not.
 *   National Day: served Mon 9/28 → 29 (1), 30 (2), [10/1–10/7], 8 (3), 9 (4), Sat 10/10 (5, 调休),
 *     [11], 12 (6), 13 (7), 14 (8), 15 (9), Fri 10/16 (10) → a hearing on 10/16 is inside, 10/19 is not.
 */
const cal = createCalendar();

describe('defence period warning (Law Art 30, 10 working days)', () => {
  const cases: [string, string, string | null, boolean][] = [
    ['ends on the 10th working day: the same day is inside', '2026-12-03', '2026-11-19', true],
    ['the day after it ends is fine', '2026-12-04', '2026-11-19', false],
    ['National Day and its make-up Saturday counted', '2026-10-16', '2026-09-28', true],
    ['after the National Day period', '2026-10-19', '2026-09-28', false],
    ['a respondent not yet served', '2026-12-30', null, true],
  ];
  for (const [what, hearing, servedOn, warned] of cases) {
    it(what, () => {
      const w = defenceWarning(hearing, 'ordinary', [{ name: '江西赣建建设集团有限公司', servedOn }], cal);
      expect(w !== null).toBe(warned);
      if (w) expect(w.kind).toBe('defencePeriod');
    });
  }

  it('names each respondent still inside the period, and offers the consent route in simplified procedure', () => {
    const w = defenceWarning(
      '2026-12-03',
      'simplified',
      [
        { name: '江西赣建建设集团有限公司', servedOn: '2026-11-16' },
        { name: '刘德胜', servedOn: '2026-11-19' },
        { name: '江西启宏劳务有限公司', servedOn: null },
      ],
      cal,
    );
    // served 11/16 → 17, 18, 19, 20, 23, 24, 25, 26, 27, 30 → ends Mon 11/30: not named
    expect(w!.message).toBe(
      '开庭日期2026年12月3日（星期四）在被申请人答辩期内：刘德胜的答辩期至2026年12月3日（星期四）届满；江西启宏劳务有限公司尚未收到仲裁申请书副本（答辩期尚未起算）（《劳动争议调解仲裁法》第三十条）。被申请人同意缩短或者放弃答辩期的，请记录其同意；否则请改期开庭',
    );
  });
});

describe('庭审笔录 blanks before printing', () => {
  it('lists missing actual times and each step that still has "＿＿＿"', () => {
    expect(
      recordBlanks({
        openedAt: '2026-11-19T09:32',
        closedAt: null,
        steps: [
          { title: '核对当事人', content: '申：我叫＿＿＿，身份证号码＿＿＿。' },
          { title: '宣布开庭', content: '审：现在开庭。' },
        ],
      }),
    ).toEqual(['未登记实际闭庭时间', '「核对当事人」还有2处“＿＿＿”未填写']);
    expect(recordBlanks({ openedAt: '2026-11-19T09:32', closedAt: '2026-11-19T11:05', steps: [{ title: '宣布开庭', content: '审：现在开庭。' }] })).toEqual([]);
  });
});

describe('a hearing on a rest day', () => {
  const base = { procedure: 'simplified' as const, noticeServedOn: '2026-11-16', noticeWaived: false, awardDueOn: null, fastTrackDueOn: null, now: '2026-11-20T10:00', scheduled: true };
  it('is warned on a weekend and on a holiday, naming it; not on a make-up working Saturday', () => {
    const kinds = (startsAt: string) => hearingWarnings({ ...base, startsAt }, cal).filter((w) => w.kind === 'restDay').map((w) => w.message);
    expect(kinds('2026-11-28T09:00')).toEqual(['开庭日期2026年11月28日（星期六）是休息日，请确认庭室和当事人能够到场，或改在工作日']);
    expect(kinds('2026-11-30T09:00')).toEqual([]);
    // 2026 National Day: 10/1–10/7 off, Sat 10/10 worked (调休)
    expect(kinds('2026-10-05T09:00')[0]).toContain('国庆节假期');
    expect(kinds('2026-10-10T09:00')).toEqual([]);
  });
});
