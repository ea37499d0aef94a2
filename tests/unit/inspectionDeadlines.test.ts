import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../electron/core/clock/calendar';
import { computeInspectionDeadlines, type InspectionClockInput } from '../../electron/core/clock/inspectionDeadlines';

const cal = createCalendar();
const base: InspectionClockInput = { complaintReceivedOn: '2026-09-28', filedOn: null, investigationExtended: false, closedOn: null, correctionOrders: [] };
const find = (input: Partial<InspectionClockInput>, today: string, key: string) =>
  computeInspectionDeadlines({ ...base, ...input }, today, cal).find((d) => d.key === key)!;

describe('inspection deadlines', () => {
  // Complaint received Mon 2026-09-28. Working days after it: 9-29 (Tue), 9-30 (Wed), then 国庆/中秋
  // 10-1…10-7 are off, 10-8 (Thu) 1 more… 2026 arrangement: 10-1 to 10-7 holiday, 9-20 (Sun) and
  // 10-10 (Sat) make-up working days. Count: 9-29 ①, 9-30 ②, 10-8 ③, 10-9 ④, 10-10 (make-up Sat) ⑤.
  it.each([
    // [case, input, today, dueOn, status]
    ['complaint acceptance across National Day with a make-up Saturday', {}, '2026-10-09', '2026-10-10', 'open'],
    ['complaint acceptance overdue', {}, '2026-10-12', '2026-10-10', 'overdue'],
    ['complaint acceptance met by filing', { filedOn: '2026-09-30' }, '2026-10-12', '2026-10-10', 'done'],
  ] as const)('%s', (_, input, today, dueOn, status) => {
    const d = find(input, today, 'complaintAcceptance');
    expect(d.dueOn).toBe(dueOn);
    expect(d.status).toBe(status);
  });

  // Filed Mon 2026-11-02. No holidays until New Year; the 2027 notice is not in the library, so
  // only weekends count there (the case page says so). Working days after 11-02: November 3–30 →
  // 4+5+5+5+1 = 20; December 1–31 → 4+5+5+5+4 = 23 (43 in all); January 2027 (1-1 is a Friday):
  // 1-1 ⑴, 1-4…1-8 ⑹, 1-11…1-15 ⑾, 1-18…1-22 ⒃, 1-25 ⒄ → the 60th working day is Mon 2027-01-25.
  it('investigation: 60 working days from filing', () => {
    expect(find({ filedOn: '2026-11-02' }, '2026-11-29', 'investigation').dueOn).toBe('2027-01-25');
  });
  // +30 working days after 1-25: 1-26…1-29 (4), February 1–26 (20) → 24, March 1–5 (5) → 29,
  // March 8 → 30: Mon 2027-03-08.
  it('investigation extended by 30 working days', () => {
    const d = find({ filedOn: '2026-11-02', investigationExtended: true }, '2026-11-29', 'investigation');
    expect(d.dueOn).toBe('2027-03-08');
    expect(d.explanation).toContain('延长');
  });
  it('investigation waits for filing, and closing ends every clock', () => {
    expect(find({}, '2026-11-29', 'investigation').status).toBe('waiting');
    const closed = computeInspectionDeadlines({ ...base, filedOn: '2026-11-02', closedOn: '2026-11-20' }, '2027-06-01', cal);
    expect(closed.every((d) => d.status === 'done')).toBe(true);
  });
  it('a correction order runs to its pay-by date, then warns of the extra compensation', () => {
    const orders = [{ title: '限期支付拖欠工资', date: '2026-11-10', payBy: '2026-11-20' }];
    const open = computeInspectionDeadlines({ ...base, correctionOrders: orders }, '2026-11-18', cal).find((d) => d.key === 'correction')!;
    expect(open).toMatchObject({ dueOn: '2026-11-20', status: 'open', label: '限期改正：限期支付拖欠工资' });
    const late = computeInspectionDeadlines({ ...base, correctionOrders: orders }, '2026-11-23', cal).find((d) => d.key === 'correction')!;
    expect(late.status).toBe('overdue');
    expect(late.explanation).toContain('第二十六条');
  });
});
