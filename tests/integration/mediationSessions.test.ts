// Mediation sessions stay editable until the case is closed, follow the outcome recorded, and mark
// attendees as a respondent's people; a payment's method shows as the agreed way of payment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';

let s: Services & { dataDir: string };
let caseId: number;
let detail: CaseDetail;

beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  caseId = (await callApi(s, 'cases.create', caseInput([workerDraft('张三', makeId('360702', '1980-01-10', 21), '8600'), workerDraft('李四', makeId('360702', '1981-02-11', 22), '9100')]))).id;
  detail = await callApi(s, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
});
afterAll(() => s?.close());

describe('mediation sessions', () => {
  it('marks attendees as a respondent’s people, per respondent, and refuses another case’s company', async () => {
    const [company, leader] = detail.respondents;
    const view = await callApi(s, 'mediation.addSession', {
      caseId,
      heldOn: '2026-11-19',
      mediator: '黄仲裁员',
      attendees: [
        { role: '申请人', name: '张三' },
        { role: '公司人员', name: '刘经理', respondentId: company!.id },
        { role: '本人', name: '刘德胜', respondentId: leader!.id },
      ],
      notes: '',
    });
    expect(view.sessions[0]!.attendees).toEqual([
      { role: '申请人', name: '张三' },
      { role: '公司人员', name: '刘经理', respondentId: company!.id },
      { role: '本人', name: '刘德胜', respondentId: leader!.id },
    ]);
    const events = (await callApi(s, 'cases.get', { id: caseId })).events;
    expect(events[0]!.summary).toBe('仲裁调解（2026年11月19日，调解员黄仲裁员）到场：申请人张三、江西赣建建设集团有限公司的公司人员刘经理、刘德胜本人');
    await expect(
      callApi(s, 'mediation.addSession', { caseId, heldOn: '2026-11-19', mediator: '黄仲裁员', attendees: [{ role: '公司人员', name: '王某', respondentId: 99_999 }], notes: '' }),
    ).rejects.toThrow('到场人员王某所属的单位（编号99999）不是本案被申请人');
  });

  it('a session can be corrected (date, mediator, attendees, notes); its status follows the outcome', async () => {
    const session = (await callApi(s, 'mediation.get', { caseId })).sessions[0]!;
    expect(session.outcome).toBe('pending');
    let view = await callApi(s, 'mediation.updateSession', { id: session.id, heldOn: '2026-11-18', mediator: '黄敏', notes: '双方同意工资先行调解' });
    expect(view.sessions[0]).toMatchObject({ heldOn: '2026-11-18', mediator: '黄敏', notes: '双方同意工资先行调解' });
    await callApi(s, 'mediation.settleWagesFirst', { caseId, workerIds: null });
    view = await callApi(s, 'mediation.setOutcome', { caseId, outcome: 'settled' });
    expect(view.sessions[0]!.outcome).toBe('settled');
  });

  it('the way a payment went becomes the agreed way of payment when none was set', async () => {
    const before = await callApi(s, 'mediation.get', { caseId });
    expect(before.rows[0]!.claims.every((c) => c.method === null)).toBe(true);
    const view = await callApi(s, 'mediation.recordPayment', { caseId, workerId: before.rows[0]!.workerId, amountFen: 300_000, paidAt: '2026-11-20T09:00', method: 'cash', reference: '本人签收' });
    expect(view.rows[0]!.claims.filter((c) => c.agreedFen !== null).every((c) => c.method === 'cash')).toBe(true);
    expect(view.rows[0]!.payments[0]!.method).toBe('cash');
    // another worker keeps its own (unset) terms
    expect(view.rows[1]!.claims.every((c) => c.method === null)).toBe(true);
  });

  it('once the case is closed the sessions are the record: no edits, no new sessions', async () => {
    const view = await callApi(s, 'mediation.get', { caseId });
    await callApi(s, 'mediation.recordSignature', { caseId, party: 'workers', signedOn: '2026-11-20' });
    await callApi(s, 'mediation.recordSignature', { caseId, party: 'respondent', signedOn: '2026-11-20' });
    await callApi(s, 'closing.close', { caseId, method: 'mediation', closedOn: '2026-11-20' });
    await expect(callApi(s, 'mediation.updateSession', { id: view.sessions[0]!.id, notes: '补记' })).rejects.toThrow('案件已结案，不能再修改调解记录');
    await expect(callApi(s, 'mediation.addSession', { caseId, heldOn: '2026-11-20', mediator: '黄敏', attendees: [], notes: '' })).rejects.toThrow('案件已结案，不能再新增调解记录');
  });
});
