// The 2027 holiday notice entered in settings: validated, stored in the database, used by the clock
// at once (open cases' deadlines recomputed) and after a restart; default dates skip rest days.
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';

// A notice for 2027 as staff would type it (dates for the test: 春节 Fri 2/5 – Sat 2/13 off, Sun 2/14
// and Sat 2/20 worked). 2027-02-03 is a Wednesday.
//   Without it: received Wed 2/3 → Thu 2/4 (1), Fri 2/5 (2), Mon 2/8 (3), Tue 2/9 (4), Wed 2/10 (5).
//   With it:    received Wed 2/3 → Thu 2/4 (1), [2/5–2/13 春节], Sun 2/14 (2, 调休), 2/15 (3), 2/16 (4), Wed 2/17 (5).
const NOTICE = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知',
  festivals: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03', workdays: [] },
    { name: '春节', from: '2027-02-05', to: '2027-02-13', workdays: ['2027-02-14', '2027-02-20'] },
  ],
};

let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});
const at = (dataDir: string) => {
  const s = openTestServices(dataDir, '2027-02-03T02:00:00Z');
  open.push(s);
  return s;
};
const acceptanceDue = async (s: Services, id: number) => (await callApi(s, 'cases.get', { id })).deadlines.find((d) => d.key === 'acceptanceDecision')!.dueOn;

describe('holiday notices in settings', () => {
  it('takes effect at once for open cases, and after a restart', async () => {
    const dataDir = tempDataDir();
    const s = at(dataDir);
    const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('张三', makeId('360702', '1980-01-10', 21), '8600')], { receivedOn: '2027-02-03' }));
    expect(await acceptanceDue(s, id)).toBe('2027-02-10');
    expect((await callApi(s, 'cases.get', { id })).calendarNotice).toContain('尚未载入2027年国务院节假日安排');
    expect((await callApi(s, 'holidays.list', {})).missingYears).toEqual([2027, 2028]);

    const saved = await callApi(s, 'holidays.save', NOTICE);
    expect(saved.notices).toEqual([expect.objectContaining({ year: 2027, source: NOTICE.source })]);
    expect(saved.missingYears).toEqual([2028]);
    expect(await acceptanceDue(s, id)).toBe('2027-02-17');
    expect((await callApi(s, 'cases.get', { id })).calendarNotice).toBeNull();
    // the stored next deadline (the indexed "due soon" list) moved too
    expect(s.ctx.db.$client.prepare('select next_due_on as d from cases where id = ?').get(id)).toEqual({ d: '2027-02-17' });
    // default dates in forms skip rest days, saying why
    expect(await callApi(s, 'calendar.nextWorkdays', { dates: ['2027-02-06', '2027-02-15', '2027-02-20'] })).toEqual([
      { date: '2027-02-06', workday: '2027-02-14', skipped: '春节' },
      { date: '2027-02-15', workday: '2027-02-15', skipped: null },
      { date: '2027-02-20', workday: '2027-02-20', skipped: null },
    ]);
    s.close();
    open = [];
    const again = at(dataDir);
    expect(await acceptanceDue(again, id)).toBe('2027-02-17');

    // removing it restores the weekend-only reading
    await callApi(again, 'holidays.delete', { year: 2027 });
    expect(await acceptanceDue(again, id)).toBe('2027-02-10');
  });

  it('refuses a notice that cannot be right, saying what and where, storing nothing', async () => {
    const s = at(tempDataDir());
    const bad = {
      ...NOTICE,
      festivals: [
        { name: '春节', from: '2027-02-13', to: '2027-02-05', workdays: [] },
        { name: '清明节', from: '2027-04-03', to: '2027-04-05', workdays: ['2027-04-06', '2027-04-04'] },
        { name: '劳动节', from: '2027-05-01', to: '2027-05-05', workdays: ['2027-04-25'] },
        { name: '国庆节', from: '2027-10-01', to: '2028-01-02', workdays: [] },
      ],
    };
    await expect(callApi(s, 'holidays.save', bad)).rejects.toThrow(
      '节假日安排有误：「春节」放假结束日2027年2月5日早于开始日2027年2月13日；「国庆节」放假94天，超过10天，请核对日期；「国庆节」的日期2028年1月2日不在2027年的安排内；「清明节」的调休上班日2027年4月6日不是周六或周日（工作日无需登记调休上班）；「清明节」的调休上班日2027年4月4日在「清明节」放假期间内',
    );
    await expect(callApi(s, 'holidays.save', { ...NOTICE, source: '' })).rejects.toThrow('请填写通知名称或文号');
    await expect(callApi(s, 'holidays.save', { ...NOTICE, festivals: [{ name: '春节', from: '2027-02-30', to: '2027-03-01', workdays: [] }] })).rejects.toThrow('日期应为有效的YYYY-MM-DD');
    expect((await callApi(s, 'holidays.list', {})).notices).toEqual([]);
  });
});
