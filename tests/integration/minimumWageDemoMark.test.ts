// A minimum wage entered by the demo carries 演示数据，请核对 until an administrator confirms it
// (settings.confirmMinimumWage, audited); the award's final-award threshold names it as demo data.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../electron/core/contract';
import { dispatch } from '../../electron/services/dispatch';
import type { Services } from '../../electron/services/createServices';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';

let s: Services & { dataDir: string };
let settings: Settings;

const events = (action: string) =>
  s.ctx.db.all<{ summary: string; after: string }>(sql`select summary, after from case_events where action = ${action} order by seq`);
const wage = async (effectiveOn: string) => (await callApi(s, 'settings.get', {})).minimumWages.find((w) => w.effectiveOn === effectiveOn);

beforeAll(async () => {
  s = openTestServices();
  settings = await callApi(s, 'settings.get', {});
});
afterAll(() => s.close());

describe('minimum wage marked as demo data', () => {
  it('settings.update sets the mark, keeps it on an unchanged entry, drops it when the amount is changed; each save is an event', async () => {
    await callApi(s, 'settings.update', {
      ...settings,
      minimumWages: [
        { effectiveOn: '2021-07-01', monthlyFen: 185_000, isDemo: true },
        { effectiveOn: '2024-03-01', monthlyFen: 200_000, isDemo: true },
      ],
    });
    expect((await callApi(s, 'settings.get', {})).minimumWages).toEqual([
      { effectiveOn: '2021-07-01', monthlyFen: 185_000, isDemo: true },
      { effectiveOn: '2024-03-01', monthlyFen: 200_000, isDemo: true },
    ]);
    expect(events('settings.updated').at(-1)!.summary).toContain('2024年3月1日起2,000.00元为演示数据，待核对');

    // the settings page saves without the flag: 2021 unchanged keeps it, 2024 typed anew loses it
    await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2021-07-01', monthlyFen: 185_000 }, { effectiveOn: '2024-03-01', monthlyFen: 201_000 }] });
    expect(await wage('2021-07-01')).toMatchObject({ isDemo: true });
    expect(await wage('2024-03-01')).toEqual({ effectiveOn: '2024-03-01', monthlyFen: 201_000, isDemo: false });
  });

  it('已核对 clears the mark with an event; only an administrator may, and only on a marked entry', async () => {
    const clerk = { host: 'web' as const, account: { id: 5, name: '书记员甲', roles: ['clerk' as const] } };
    expect(await dispatch(s.handlers, 'settings.confirmMinimumWage', { effectiveOn: '2021-07-01' }, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await wage('2021-07-01')).toMatchObject({ isDemo: true });

    const after = await callApi(s, 'settings.confirmMinimumWage', { effectiveOn: '2021-07-01' });
    expect(after.minimumWages.find((w) => w.effectiveOn === '2021-07-01')).toEqual({ effectiveOn: '2021-07-01', monthlyFen: 185_000, isDemo: false });
    const [event] = events('settings.minimumWageConfirmed');
    expect(event!.summary).toBe('核对最低工资标准：2021年7月1日起1,850.00元已与当地公布的标准核对，取消「演示数据」标记');

    await expect(callApi(s, 'settings.confirmMinimumWage', { effectiveOn: '2021-07-01' })).rejects.toThrow('已核对，不是演示数据');
    await expect(callApi(s, 'settings.confirmMinimumWage', { effectiveOn: '2019-01-01' })).rejects.toThrow('没有2019年1月1日起施行的最低工资标准');
  });

  it('the award names the threshold’s minimum wage as demo data while it is marked', async () => {
    await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 200_000, isDemo: true }] });
    const caseId = (await callApi(s, 'cases.create', caseInput([workerDraft('周小明', makeId('360702', '1990-06-06', 201), '6000')]))).id;
    await callApi(s, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
    const marked = await callApi(s, 'award.save', { caseId, decidedOn: '2026-11-20' });
    expect(marked).toMatchObject({ minimumWageFen: 200_000, thresholdFen: 2_400_000, minimumWageIsDemo: true });
    await callApi(s, 'settings.confirmMinimumWage', { effectiveOn: '2024-03-01' });
    expect(await callApi(s, 'award.get', { caseId })).toMatchObject({ minimumWageFen: 200_000, minimumWageIsDemo: false });
  });
});
