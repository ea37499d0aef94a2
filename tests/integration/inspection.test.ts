import { afterEach, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';

let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});
function services(now = '2026-11-20T02:00:00Z') {
  const s = openTestServices(undefined, now);
  open.push(s);
  return s;
}
const worker = () => workerDraft('钟海涛', makeId('360702', '1984-04-04', 77), '12340');

describe('a case that starts as an inspection complaint', () => {
  it('has no arbitration clock until the claim is filed, then keeps one file and one timeline', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', {
      ...caseInput([worker()], { receivedOn: '2026-11-16' }),
      startTrack: 'inspection',
      complaint: { complaintNumber: '赣市监投〔2026〕88号', inspectors: '刘明、黄芳' },
    });
    let detail = await callApi(s, 'cases.get', { id });
    expect(detail.hasArbitration).toBe(false);
    expect(detail.deadlines).toEqual([]);
    expect(detail.inspection).toMatchObject({ complaintNumber: '赣市监投〔2026〕88号', inspectors: '刘明、黄芳', complaintReceivedOn: '2026-11-16' });
    // complaint acceptance: 5 working days after Mon 11-16 → Mon 11-23; it is the case's next deadline
    expect(detail.inspection!.deadlines.find((d) => d.key === 'complaintAcceptance')?.dueOn).toBe('2026-11-23');
    expect(detail.nextDueOn).toBe('2026-11-23');
    await expect(callApi(s, 'cases.accept', { id, acceptedOn: '2026-11-18' })).rejects.toThrow(/尚未登记仲裁申请/);
    const listed = await callApi(s, 'cases.search', { query: '钟海涛' });
    expect(listed.rows[0].hasArbitration).toBe(false);

    detail = await callApi(s, 'inspection.file', { caseId: id, filedOn: '2026-11-17' });
    detail = await callApi(s, 'inspection.addStep', { caseId: id, kind: 'correctionOrder', date: '2026-11-18', title: '限期支付拖欠工资', payBy: '2026-11-25' });
    expect(detail.nextDueOn).toBe('2026-11-25');
    await expect(callApi(s, 'inspection.addStep', { caseId: id, kind: 'correctionOrder', date: '2026-11-18', title: '无期限' })).rejects.toThrow(/改正期限/);

    detail = await callApi(s, 'cases.openArbitration', { id, receivedOn: '2026-11-19' });
    expect(detail.hasArbitration).toBe(true);
    expect(detail.status).toBe('received');
    expect(detail.deadlines.find((d) => d.key === 'acceptanceDecision')?.dueOn).toBe('2026-11-26');
    expect(detail.workers.map((w) => w.name)).toEqual(['钟海涛']);
    expect(detail.events.map((e) => e.action)).toEqual([
      'case.arbitrationOpened',
      'inspection.step',
      'inspection.filed',
      'case.received',
    ]);
    await expect(callApi(s, 'cases.openArbitration', { id, receivedOn: '2026-11-19' })).rejects.toThrow(/已有仲裁程序/);
  });
});

describe('an arbitration case that gains the inspection track', () => {
  it('opens, files, extends once and closes, each step on the timeline', async () => {
    const s = services();
    const { id } = await callApi(s, 'cases.create', caseInput([worker()]));
    await expect(callApi(s, 'inspection.file', { caseId: id, filedOn: '2026-11-18' })).rejects.toThrow(/尚未开启监察程序/);
    await callApi(s, 'inspection.open', { caseId: id, complaintNumber: null, complaintReceivedOn: '2026-11-17', inspectors: '刘明、黄芳' });
    await expect(callApi(s, 'inspection.open', { caseId: id, complaintNumber: null, complaintReceivedOn: '2026-11-17', inspectors: '' })).rejects.toThrow(/已有监察程序/);
    await expect(callApi(s, 'inspection.extend', { caseId: id })).rejects.toThrow(/立案后/);
    await expect(callApi(s, 'inspection.file', { caseId: id, filedOn: '2026-11-16' })).rejects.toThrow(/不能早于投诉日期/);
    await callApi(s, 'inspection.file', { caseId: id, filedOn: '2026-11-18' });
    const extended = await callApi(s, 'inspection.extend', { caseId: id });
    expect(extended.inspection?.investigationExtended).toBe(true);
    await expect(callApi(s, 'inspection.extend', { caseId: id })).rejects.toThrow(/已延长过/);
    const closed = await callApi(s, 'inspection.close', { caseId: id, closedOn: '2026-11-20' });
    expect(closed.inspection?.deadlines.every((d) => d.status === 'done')).toBe(true);
    expect(closed.events.filter((e) => e.action.startsWith('inspection.')).length).toBe(4);
  });
});
