import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import type { ClosingMethod, DashboardView } from '../../electron/core/contract';
import { cases, payments, warnings, workers } from '../../db/schema';
import { startWebHost } from '../../electron/web/webHost';
import { changePct, round1, yearEarlier } from '../../electron/services/dashboard/period';

/**
 * Period H1 2026 (2026-01-01 … 2026-06-30) against H1 2025. Cases with known dates; closings written
 * through the db (A, B, C, X, P1, P2) and one through the real closing service (E).
 *
 *            received    workers  claimed(元)  closed      method            on time  fast  days
 *   A        2026-02-10  2        8600+9100    2026-03-05  mediation         1        1     20
 *   B        2026-03-02  1        5000         2026-05-20  finalAward        0        0     78
 *   C        2026-04-15  3        1000+2000+3000 2026-05-10 withdrawal      1        1     24
 *   D        2026-06-20  1        4000         open (not accepted → overdue)
 *   E        2026-06-25  1        5000         2026-06-30  mediation (closing.close: accepted 6/26 → 4 days, on time, fast)
 *   X        2025-12-15  1        1500         2026-01-10  deemedWithdrawal  1        1     12
 *   P1       2025-03-03  4        4×2500       2025-04-10  mediation         1        0     35
 *   P2       2025-05-06  1        3000         2025-06-10  nonFinalAward     1        0     30
 */
const NOW = '2026-11-20T02:00:00Z';
const FROM = '2026-01-01';
const TO = '2026-06-30';

let dataDir: string;
let s: Services;
const ids: Record<string, number> = {};
let view: DashboardView;

function services(day: string | null): Services {
  return openTestServices(dataDir, day ? `${day}T02:00:00Z` : NOW);
}

let seq = 30;
const worker = (name: string, owed: string) => workerDraft(name, makeId('360702', '1980-01-10', seq++), owed);

async function create(svc: Services, key: string, receivedOn: string, owed: string[]): Promise<number> {
  const surname = ({ A: '赵', B: '钱', C: '孙', D: '李', E: '周', X: '吴', P1: '郑', P2: '王' } as Record<string, string>)[key];
  const list = owed.map((o, i) => worker(`${surname}${'一二三四'[i]}明`, o));
  const { id } = await callApi(svc, 'cases.create', caseInput(list, { receivedOn }));
  ids[key] = id;
  return id;
}

function closeInDb(id: number, closedOn: string, method: ClosingMethod, onTime: boolean, fast: boolean, days: number) {
  s.ctx.db
    .update(cases)
    .set({ status: 'closed', stage: 'closing', closedOn, closingMethod: method, closedOnTime: onTime, closedWithinFastTrack: fast, daysToClose: days, nextDueOn: null })
    .where(eq(cases.id, id))
    .run();
}

function pay(caseId: number, paidAt: string, amountFen: number) {
  const w = s.ctx.db.select({ id: workers.id }).from(workers).where(eq(workers.caseId, caseId)).limit(1).get()!;
  s.ctx.db.insert(payments).values({ caseId, workerId: w.id, amountFen, paidAt, method: 'bankTransfer', reference: 'T', createdAt: NOW }).run();
}

function warn(caseId: number, subject: string, raisedOn: string, resolvedOn: string | null, resolution: 'police' | 'enforcement' | null) {
  s.ctx.db.insert(warnings).values({ caseId, kind: 'awardUnpaid', subject, raisedOn, detail: '裁决逾期未履行', resolvedOn, resolution }).run();
}

const metric = (key: string) => {
  const m = view.metrics.find((x) => x.key === key);
  if (!m) throw new Error(`no metric ${key}`);
  return m;
};

beforeAll(async () => {
  dataDir = tempDataDir('sucai-dashboard-');

  // E: the real path — received 6/25, accepted and served 6/26, mediated, signed, closed 6/30 by closing.close.
  let svc = services('2026-06-26');
  const e = await create(svc, 'E', '2026-06-25', ['5000']);
  await callApi(svc, 'cases.accept', { id: e, acceptedOn: '2026-06-26' });
  await callApi(svc, 'cases.recordService', { id: e, servedOn: '2026-06-26' });
  await callApi(svc, 'mediation.addSession', { caseId: e, heldOn: '2026-06-26', mediator: '黄仲裁员', attendees: [], notes: '' });
  await callApi(svc, 'mediation.settleWagesFirst', { caseId: e, workerIds: null, payBy: '2026-07-30' });
  await callApi(svc, 'mediation.setOutcome', { caseId: e, outcome: 'settled' });
  svc.close();
  svc = services('2026-06-30');
  await callApi(svc, 'mediation.recordSignature', { caseId: e, party: 'workers', signedOn: '2026-06-29' });
  await callApi(svc, 'mediation.recordSignature', { caseId: e, party: 'respondent', signedOn: '2026-06-29' });
  await callApi(svc, 'closing.close', { caseId: e, method: 'mediation', closedOn: '2026-06-30' });
  svc.close();

  s = services(null);
  const a = await create(s, 'A', '2026-02-10', ['8600', '9100']);
  const b = await create(s, 'B', '2026-03-02', ['5000']);
  const c = await create(s, 'C', '2026-04-15', ['1000', '2000', '3000']);
  await create(s, 'D', '2026-06-20', ['4000']);
  const x = await create(s, 'X', '2025-12-15', ['1500']);
  const p1 = await create(s, 'P1', '2025-03-03', ['2500', '2500', '2500', '2500']);
  const p2 = await create(s, 'P2', '2025-05-06', ['3000']);
  for (const [id, on] of [[a, '2026-02-13'], [b, '2026-03-03'], [c, '2026-04-16'], [x, '2025-12-29'], [p1, '2025-03-06'], [p2, '2025-05-11']] as const)
    await callApi(s, 'cases.accept', { id, acceptedOn: on });
  closeInDb(a, '2026-03-05', 'mediation', true, true, 20);
  closeInDb(b, '2026-05-20', 'finalAward', false, false, 78);
  closeInDb(c, '2026-05-10', 'withdrawal', true, true, 24);
  closeInDb(x, '2026-01-10', 'deemedWithdrawal', true, true, 12);
  closeInDb(p1, '2025-04-10', 'mediation', true, false, 35);
  closeInDb(p2, '2025-06-10', 'nonFinalAward', true, false, 30);

  pay(a, '2026-03-05T10:00', 1_770_000);
  pay(c, '2026-05-10T09:00', 600_000);
  pay(e, '2026-06-30T18:30', 100_000); // last evening of the period: in
  pay(e, '2026-07-01T00:00', 50_000); // first minute after: out
  pay(p1, '2025-04-10T10:00', 1_000_000);

  warn(b, 'w1', '2026-06-01', '2026-06-15', 'police');
  warn(b, 'w2', '2026-06-05', '2026-06-20', 'enforcement');
  warn(a, 'w3', '2026-06-10', null, null);
  warn(c, 'w4', '2026-06-01', '2026-07-05', 'enforcement'); // resolved after the period: open at its end
  warn(p2, 'w5', '2025-06-01', '2025-06-02', 'enforcement');

  view = await callApi(s, 'dashboard.get', { from: FROM, to: TO });
});

afterAll(() => s?.close());

describe('统计 dashboard.get', () => {
  it('compares with the same period a year earlier (29 Feb → 28 Feb)', () => {
    expect(view).toMatchObject({ from: FROM, to: TO, previousFrom: '2025-01-01', previousTo: '2025-06-30' });
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28');
    expect(view.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('E was closed by the closing service: mediation, 4 days, on time, within the fast-track target', () => {
    const row = s.ctx.db.select().from(cases).where(eq(cases.id, ids.E!)).get()!;
    expect(row).toMatchObject({ status: 'closed', closingMethod: 'mediation', closedOn: '2026-06-30', closedOnTime: true, closedWithinFastTrack: true, daysToClose: 4 });
  });

  it('received, workers, amount claimed: by received date (A B C D E vs P1 P2)', () => {
    expect(metric('received')).toMatchObject({ value: 5, previous: 2, changePct: 150, unit: 'count', filter: { receivedFrom: FROM, receivedTo: TO } });
    expect(metric('workers')).toMatchObject({ value: 8, previous: 5, changePct: 60 });
    // 17700 + 5000 + 6000 + 4000 + 5000 = 37700 元 vs 10000 + 3000 = 13000 元 → +190.0%
    expect(metric('claimedFen')).toMatchObject({ value: 3_770_000, previous: 1_300_000, changePct: 190, unit: 'fen' });
  });

  it('amount recovered: payments whose time falls in the period, to the last minute of its last day', () => {
    // 1,770,000 + 600,000 + 100,000 = 2,470,000 vs 1,000,000 → +147.0%
    expect(metric('recoveredFen')).toMatchObject({ value: 2_470_000, previous: 1_000_000, changePct: 147, filter: null });
  });

  it('closing figures: by closed date (A B C E X vs P1 P2)', () => {
    expect(metric('closed')).toMatchObject({ value: 5, previous: 2, changePct: 150, filter: { closedFrom: FROM, closedTo: TO } });
    // on time: A C E X of 5 = 80.0% vs 2/2 = 100% → −20.0%
    expect(metric('onTimeRate')).toMatchObject({ value: 80, previous: 100, changePct: -20, unit: 'percent', filter: { closedFrom: FROM, closedTo: TO, closedOnTime: true } });
    // 调撤: A (mediation) C (withdrawal) E (mediation) X (deemed) of 5 = 80.0% vs P1 of 2 = 50% → +60.0%
    expect(metric('mediationRate')).toMatchObject({ value: 80, previous: 50, changePct: 60 });
    // (20 + 78 + 24 + 4 + 12) / 5 = 27.6 vs (35 + 30) / 2 = 32.5 → −15.08 → −15.1%
    expect(metric('avgDaysToClose')).toMatchObject({ value: 27.6, previous: 32.5, changePct: -15.1, unit: 'days' });
    // fast track: A C E X of 5 = 80% vs 0 of 2 → no percentage change from 0
    expect(metric('fastTrackShare')).toMatchObject({ value: 80, previous: 0, changePct: null });
    expect(metric('finalAwards')).toMatchObject({ value: 1, previous: 0, changePct: null, filter: { closedFrom: FROM, closedTo: TO, awardFinality: 'final' } });
    // B final of 1 award = 100% vs P2 non-final of 1 = 0%
    expect(metric('finalAwardRate')).toMatchObject({ value: 100, previous: 0, changePct: null });
    // the rates' numerators and denominators
    expect(metric('onTimeClosed')).toMatchObject({ value: 4, previous: 2, changePct: 100, filter: { closedFrom: FROM, closedTo: TO, closedOnTime: true } });
    expect(metric('mediatedOrWithdrawn')).toMatchObject({ value: 4, previous: 1, changePct: 300 });
    expect(metric('withinFastTrack')).toMatchObject({ value: 4, previous: 0, changePct: null });
    expect(metric('awards')).toMatchObject({ value: 1, previous: 1, changePct: 0, filter: { closedFrom: FROM, closedTo: TO, awardFinality: 'award' } });
    // B closed by the batch path (no award items): wholly final by its method; P2 the year before non-final
    expect(metric('mixedAwards')).toMatchObject({ value: 0, previous: 0 });
    expect(metric('nonFinalAwards')).toMatchObject({ value: 0, previous: 1 });
  });

  it('warnings: transfers by resolution in the period, open ones at its end', () => {
    expect(metric('policeTransfers')).toMatchObject({ value: 1, previous: 0, changePct: null });
    expect(metric('enforcementApplications')).toMatchObject({ value: 1, previous: 1, changePct: 0 });
    expect(metric('resolvedWarnings')).toMatchObject({ value: 2, previous: 1, changePct: 100 });
    expect(metric('openWarnings')).toMatchObject({ value: 2, previous: 0, changePct: null });
  });

  it('monthly series and closing methods', () => {
    expect(view.monthly).toEqual([
      { month: '2026-01', received: 0, closed: 1, recoveredFen: 0 },
      { month: '2026-02', received: 1, closed: 0, recoveredFen: 0 },
      { month: '2026-03', received: 1, closed: 1, recoveredFen: 1_770_000 },
      { month: '2026-04', received: 1, closed: 0, recoveredFen: 0 },
      { month: '2026-05', received: 0, closed: 2, recoveredFen: 600_000 },
      { month: '2026-06', received: 2, closed: 1, recoveredFen: 100_000 },
    ]);
    const methods = Object.fromEntries(view.byClosingMethod.map((m) => [m.method, m.count]));
    expect(methods).toEqual({ mediation: 2, finalAward: 1, nonFinalAward: 0, withdrawal: 1, deemedWithdrawal: 1, rejection: 0, transfer: 0 });
  });

  it('overdue list: D (never accepted) is overdue, closed cases are not', () => {
    expect(view.overdue.map((r) => r.id)).toEqual([ids.D]);
    expect(metric('overdue')).toMatchObject({ value: 1, filter: { due: 'overdue' } });
    expect(view.dueSoon).toEqual([]);
  });

  it("each figure's filter lists exactly the cases behind it in cases.search", async () => {
    const count = async (key: string) => (await callApi(s, 'cases.search', { ...metric(key).filter, limit: 500 })).total;
    expect(await count('received')).toBe(5);
    expect(await count('closed')).toBe(5);
    expect(await count('onTimeRate')).toBe(4);
    expect(await count('finalAwards')).toBe(1);
    expect(await count('awards')).toBe(1);
    expect(await count('mixedAwards')).toBe(0);
    expect(await count('overdue')).toBe(1);
  });

  it('refuses a period that ends before it starts', async () => {
    await expect(callApi(s, 'dashboard.get', { from: '2026-07-01', to: '2026-06-30' })).rejects.toThrow(/invalid_input: 开始日期2026-07-01晚于结束日期/);
  });

  it('rounds the change to one decimal, half away from zero', () => {
    expect(round1(-42.65)).toBe(-42.7);
    expect(changePct(57.39, 100)).toBe(-42.6);
    expect(changePct(1, 0)).toBeNull();
  });
});

describe('统计 dashboard.export', () => {
  it('writes the figures and the period case list to <dataDir>/exports and the web host serves it', async () => {
    const out = await callApi(s, 'dashboard.export', { from: FROM, to: TO });
    expect(out.path).toBe(path.join(dataDir, 'exports', out.fileName));
    expect(fs.readdirSync(path.join(dataDir, 'exports')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out.path);
    expect(book.worksheets.map((w) => w.name)).toEqual(['统计指标', '月度', '结案方式', '本期案件']);
    const figures = book.getWorksheet('统计指标')!;
    const received = figures.getRows(1, figures.rowCount)!.find((r) => r.getCell(1).value === '收案数')!;
    expect([received.getCell(2).value, received.getCell(3).value, received.getCell(4).value]).toEqual([5, 2, 1.5]);
    // received or closed in the period: A B C D E X
    const list = book.getWorksheet('本期案件')!;
    expect(list.rowCount).toBe(7);

    const rendererDir = tempDataDir('sucai-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startWebHost({ services: s, rendererDir });
    try {
      const base = `http://127.0.0.1:${host.port}/api/files/export/`;
      const ok = await fetch(`${base}${encodeURIComponent(out.fileName)}?token=${host.token}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('spreadsheetml');
      expect(Buffer.from(await ok.arrayBuffer()).equals(fs.readFileSync(out.path))).toBe(true);
      expect((await fetch(`${base}${encodeURIComponent(out.fileName)}`)).status).toBe(401);
      expect((await fetch(`${base}..%2Fsucai.db?token=${host.token}`)).status).toBe(400); // a dot-dot segment is refused outright
      expect((await fetch(`${base}missing.xlsx?token=${host.token}`)).status).toBe(404);
    } finally {
      await host.close();
    }
  });
});
