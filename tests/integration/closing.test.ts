import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';
import type { Services } from '../../electron/services/createServices';
import { cases, suspensions } from '../../db/schema';

let open: Services[] = [];
afterEach(() => {
  for (const s of open) s.close();
  open = [];
});
/** Services on `dataDir` with the clock pinned to 10:00 China time on `day`. */
function at(dataDir: string, day: string): Services {
  for (const s of open) s.close();
  open = [];
  const s = openTestServices(dataDir, `${day}T02:00:00Z`);
  open.push(s);
  return s;
}

// Accepted Mon 2026-06-01 (received Thu 5/28). June 2…30 is 29 days.
//   award due:     6/1 + 45 = 16 into July → Thu 7/16.
//   fast track:    6/1 + 30 = Wed 7/1.
//   suspended 10:  6/1 + 55 = Sun 7/26 → Mon 7/27;  fast track 6/1 + 40 = Sat 7/11 → Mon 7/13.
//   extended 10:   6/1 + 55 → Mon 7/27;  extended 15: 6/1 + 60 = Fri 7/31.
const RECEIVED = '2026-05-28';
const ACCEPTED = '2026-06-01';

async function mediatedCase(dataDir: string) {
  const s = at(dataDir, ACCEPTED);
  const workers = [workerDraft('张三', makeId('360702', '1980-01-10', 21), '8600'), workerDraft('李四', makeId('360702', '1981-02-11', 22), '9100')];
  const { id } = await callApi(s, 'cases.create', caseInput(workers, { receivedOn: RECEIVED }));
  await callApi(s, 'cases.accept', { id, acceptedOn: ACCEPTED });
  await callApi(s, 'cases.recordService', { id, servedOn: ACCEPTED });
  await callApi(s, 'mediation.addSession', { caseId: id, heldOn: ACCEPTED, mediator: '黄仲裁员', attendees: [], notes: '' });
  await callApi(s, 'mediation.settleWagesFirst', { caseId: id, workerIds: null, payBy: '2026-06-30' });
  await callApi(s, 'mediation.setOutcome', { caseId: id, outcome: 'settled' });
  return id;
}

function closingRecord(s: Services, id: number) {
  return s.ctx.db
    .select({ status: cases.status, stage: cases.stage, method: cases.closingMethod, closedOn: cases.closedOn, onTime: cases.closedOnTime, fast: cases.closedWithinFastTrack, days: cases.daysToClose, nextDueOn: cases.nextDueOn })
    .from(cases)
    .where(eq(cases.id, id))
    .get();
}

const award = (d: { deadlines: { key: string; dueOn: string | null; explanation: string }[] }) => d.deadlines.find((x) => x.key === 'award')!;
const fastTrack = (d: { deadlines: { key: string; dueOn: string | null }[] }) => d.deadlines.find((x) => x.key === 'fastTrack')!;

describe('快结 closing a mediated case', () => {
  it('the checklist blocks closing until both parties signed for the mediation document', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    let s = at(dataDir, '2026-06-18');

    let list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.canClose).toBe(false);
    expect(list.items.find((i) => i.key === 'mediationDocument')).toMatchObject({ ok: false, detail: '调解书须经双方签收后生效：申请人（劳动者）、被申请人尚未签收' });
    expect(list.items.find((i) => i.key === 'status')?.ok).toBe(true);
    await expect(callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-18' })).rejects.toThrow(
      /不能以「调解结案」方式结案：调解书签收——调解书须经双方签收后生效/,
    );

    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-06-17' });
    list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.items.find((i) => i.key === 'mediationDocument')?.detail).toBe('调解书须经双方签收后生效：被申请人尚未签收');
    expect(list.canClose).toBe(false);

    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-06-18' });
    list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.canClose).toBe(true);
    expect(list.items.map((i) => i.key)).toEqual(['status', 'suspension', 'documentsServed', 'instalmentsOpen', 'mediationDocument']);

    // a withdrawal needs its decision document; an award method needs an issued award
    const withdrawal = await callApi(s, 'closing.checklist', { caseId: id, method: 'withdrawal' });
    expect(withdrawal.items.find((i) => i.key === 'withdrawalDecision')).toMatchObject({ ok: false });
    const final = await callApi(s, 'closing.checklist', { caseId: id, method: 'finalAward' });
    expect(final.items.find((i) => i.key === 'award')).toMatchObject({ ok: false, detail: '裁决书尚未作出（签发），请先完成并签发裁决书' });
    const deemed = await callApi(s, 'closing.checklist', { caseId: id, method: 'deemedWithdrawal' });
    expect(deemed.items.find((i) => i.key === 'deemedWithdrawal')?.ok).toBe(false);
    const rejection = await callApi(s, 'closing.checklist', { caseId: id, method: 'rejection' });
    expect(rejection.canClose).toBe(false);

    // closed the next day: 6/1 → 6/19 is 18 days, on time (7/16) and within the fast-track target (7/1)
    s = at(dataDir, '2026-06-19');
    await expect(callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-20' })).rejects.toThrow(/晚于今天/);
    await expect(callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-17' })).rejects.toThrow(/不能早于2026年6月18日/);
    const detail = await callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-19' });
    expect(detail.status).toBe('closed');
    expect(detail.stage).toBe('closing');
    expect(detail.closedOn).toBe('2026-06-19');
    expect(detail.nextDueOn).toBeNull();
    expect(closingRecord(s, id)).toMatchObject({ status: 'closed', stage: 'closing', method: 'mediation', onTime: true, fast: true, days: 18, nextDueOn: null });
    const closed = detail.events.filter((e) => e.action === 'closing.closed');
    expect(closed.map((e) => e.summary)).toEqual(['结案（调解结案），用时18日，按期结案；在速裁目标内']);
    expect(award(detail).explanation).toContain('已于2026年6月19日结案');

    // closing twice is refused
    await expect(callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-19' })).rejects.toThrow(/已于2026年6月19日结案，不能重复结案/);
    await expect(callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-06-19', reason: '等待工伤认定', approvedBy: '王主任' })).rejects.toThrow(/已结案/);
  });

  it('a generated notice with no service recorded blocks closing until it is served', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    const s = at(dataDir, '2026-06-18');
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-06-18' });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-06-18' });
    const [notice] = await callApi(s, 'documents.generate', { caseId: id, kind: 'responseNotice' });
    let list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.canClose).toBe(false);
    expect(list.items.find((i) => i.key === 'documentsServed')).toMatchObject({ ok: false, detail: `${notice.title}未送达江西赣建建设集团有限公司；请登记送达（送达回证）` });
    const company = { kind: 'respondent' as const, id: Number(notice.variant.replace('respondent-', '')) };
    // a service without a date (e.g. publication still running) does not count yet
    await callApi(s, 'documents.recordService', { documentId: notice.id, party: company, recipient: '江西赣建建设集团有限公司', method: 'publication', servedOn: null });
    expect((await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' })).canClose).toBe(false);
    // nor does a service on someone else than the addressee
    await callApi(s, 'documents.recordService', { documentId: notice.id, recipient: '张三', method: 'inPerson', servedOn: '2026-06-18' });
    expect((await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' })).canClose).toBe(false);
    await callApi(s, 'documents.recordService', { documentId: notice.id, party: company, recipient: '江西赣建建设集团有限公司', method: 'inPerson', servedOn: '2026-06-18' });
    list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.items.find((i) => i.key === 'documentsServed')).toMatchObject({ ok: true, detail: '已生成的文书均已送达受送达人' });
    expect(list.canClose).toBe(true);
  });

  it('a case closed after the statutory deadline is recorded as late, with the days', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    let s = at(dataDir, '2026-07-18');
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-07-17' });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-07-18' });
    s = at(dataDir, '2026-07-20');
    const detail = await callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-07-20' });
    // 6/1 → 7/20 = 29 + 20 = 49 days; due 7/16 → 4 days late; fast target 7/1 → 19 days over
    expect(closingRecord(s, id)).toMatchObject({ onTime: false, fast: false, days: 49 });
    expect(detail.events.find((e) => e.action === 'closing.closed')?.summary).toBe('结案（调解结案），用时49日，超期结案（超过法定期限4日）；超出速裁目标19日');
    expect(award(detail).explanation).toContain('超过期限4日');
  });

  it('suspension then resume moves the award due date and turns the late verdict on time', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    let s = at(dataDir, '2026-06-10');
    let detail = await callApi(s, 'cases.get', { id });
    // no 组庭通知书 served: its deadline (accepted Mon 6/1 + 5 working days = Mon 6/8, Law Art 32) is the next one due
    expect([award(detail).dueOn, fastTrack(detail).dueOn, detail.nextDueOn]).toEqual(['2026-07-16', '2026-07-01', '2026-06-08']);

    await expect(callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-06-11', reason: '等待工伤认定', approvedBy: '王主任' })).rejects.toThrow(/晚于今天/);
    await expect(callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-05-30', reason: '等待工伤认定', approvedBy: '王主任' })).rejects.toThrow(/不能早于审理期限起算日2026年6月1日/);
    await expect(callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-06-10', reason: '等待工伤认定', approvedBy: ' ' })).rejects.toThrow(/请填写批准人|invalid_input/);
    detail = await callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-06-10', reason: '等待工伤认定结论', approvedBy: '王主任' });
    expect(detail.events[0]).toMatchObject({ action: 'closing.suspended' });
    expect(detail.events[0].summary).toContain('中止审理：自2026年6月10日起，理由：等待工伤认定结论；批准人：王主任');
    // while suspended the award and fast-track clocks are stopped: only the 组庭通知 deadline remains
    expect(detail.nextDueOn).toBe('2026-06-08');
    await expect(callApi(s, 'closing.suspend', { caseId: id, fromOn: '2026-06-10', reason: '再次中止', approvedBy: '王主任' })).rejects.toThrow(/已自2026年6月10日起中止审理，请先恢复审理/);

    // 5 days into the suspension the due date has moved 5 days: 6/1 + 50 = Tue 7/21
    s = at(dataDir, '2026-06-15');
    detail = await callApi(s, 'cases.get', { id });
    expect(award(detail).dueOn).toBe('2026-07-21');
    expect(award(detail).explanation).toContain('中止审理期间5日不计入');
    // a suspended case cannot be closed
    const list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.items.find((i) => i.key === 'suspension')).toMatchObject({ ok: false });

    s = at(dataDir, '2026-06-20');
    await expect(callApi(s, 'closing.resume', { caseId: id, toOn: '2026-06-09' })).rejects.toThrow(/不能早于中止日期/);
    detail = await callApi(s, 'closing.resume', { caseId: id, toOn: '2026-06-20' });
    expect(detail.events[0].summary).toBe('恢复审理：2026年6月10日至2026年6月20日中止10日，不计入审理期限；裁决期限届满日为2026年7月27日');
    expect([award(detail).dueOn, fastTrack(detail).dueOn, detail.nextDueOn]).toEqual(['2026-07-27', '2026-07-13', '2026-06-08']);
    await expect(callApi(s, 'closing.resume', { caseId: id, toOn: '2026-06-20' })).rejects.toThrow(/未处于中止状态/);
    expect(s.ctx.db.select().from(suspensions).where(eq(suspensions.caseId, id)).all()).toMatchObject([
      { fromOn: '2026-06-10', toOn: '2026-06-20', reason: '等待工伤认定结论', approvedBy: '王主任' },
    ]);

    // closed 7/20: late against 7/16, but on time against 7/27; 49 − 10 = 39 days; fast target 7/13 missed by 7
    s = at(dataDir, '2026-07-20');
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-07-20' });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-07-20' });
    detail = await callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-07-20' });
    expect(closingRecord(s, id)).toMatchObject({ onTime: true, fast: false, days: 39 });
    expect(detail.events.find((e) => e.action === 'closing.closed')?.summary).toBe('结案（调解结案），用时39日（已扣除中止期间10日），按期结案；超出速裁目标7日');
  });

  it('extension: up to 15 days in total, approved, moving the due date', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    const s = at(dataDir, '2026-07-01');
    let detail = await callApi(s, 'closing.extend', { caseId: id, days: 10, approvedBy: '王主任', reason: '案情复杂，需调取工程结算资料' });
    expect(award(detail).dueOn).toBe('2026-07-27');
    expect(detail.awardExtensionDays).toBe(10);
    expect(detail.events[0]).toMatchObject({
      action: 'closing.extended',
      summary: '延长裁决期限10日，批准人：王主任，理由：案情复杂，需调取工程结算资料；裁决期限届满日由2026年7月16日延至2026年7月27日',
    });
    await expect(callApi(s, 'closing.extend', { caseId: id, days: 6, approvedBy: '王主任', reason: '再延' })).rejects.toThrow(
      '延长期限累计不得超过15日：已延长10日，本次最多还可延长5日',
    );
    await expect(callApi(s, 'closing.extend', { caseId: id, days: 16, approvedBy: '王主任', reason: '再延' })).rejects.toThrow(/延长期限最长15日/);
    detail = await callApi(s, 'closing.extend', { caseId: id, days: 5, approvedBy: '李副主任', reason: '追加被申请人' });
    expect(detail.awardExtensionDays).toBe(15);
    expect(award(detail).dueOn).toBe('2026-07-31');
    expect(detail.events[0].summary).toContain('延长裁决期限5日（累计15日）');
    await expect(callApi(s, 'closing.extend', { caseId: id, days: 1, approvedBy: '王主任', reason: '再延' })).rejects.toThrow('裁决期限已延长15日，已达最长15日，不能再延长');
    const row = s.ctx.db.select({ by: cases.extensionApprovedBy, reason: cases.extensionReason }).from(cases).where(eq(cases.id, id)).get();
    expect(row).toEqual({ by: '李副主任', reason: '案情复杂，需调取工程结算资料；追加被申请人' });
  });

  it('an extension after the deadline ran out is refused', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    const s = at(dataDir, '2026-07-17');
    await expect(callApi(s, 'closing.extend', { caseId: id, days: 5, approvedBy: '王主任', reason: '案情复杂' })).rejects.toThrow(
      '裁决期限已于2026年7月16日届满，延期须在期限届满前批准',
    );
  });

  it('a rejected case closes only as rejection, measured against the acceptance decision', async () => {
    const dataDir = tempDataDir();
    const s = at(dataDir, '2026-06-03');
    const { id } = await callApi(s, 'cases.create', caseInput([workerDraft('王五', makeId('360702', '1979-05-05', 31), '5000')], { receivedOn: RECEIVED }));
    await callApi(s, 'cases.reject', { id, rejectedOn: '2026-06-02', reason: '不属于劳动争议受理范围' });
    await expect(callApi(s, 'closing.close', { caseId: id, method: 'mediation', closedOn: '2026-06-03' })).rejects.toThrow(/只能以「不予受理」方式结案/);
    const detail = await callApi(s, 'closing.close', { caseId: id, method: 'rejection', closedOn: '2026-06-03' });
    // received Thu 5/28 + 5 working days = 5/29, 6/1–6/4 → Thu 6/4; decided 6/2: 5 days, on time
    expect(closingRecord(s, id)).toMatchObject({ status: 'closed', method: 'rejection', onTime: true, fast: true, days: 5 });
    expect(detail.events[0].summary).toBe('结案（不予受理结案），用时5日，按期结案；在速裁目标内');
  });

  it('instalments not yet due do not block closing but are listed for follow-up; overdue ones block', async () => {
    const dataDir = tempDataDir();
    const id = await mediatedCase(dataDir);
    let s = at(dataDir, '2026-06-18');
    const view = await callApi(s, 'mediation.get', { caseId: id });
    const zhang = view.rows.find((r) => r.name === '张三')!;
    await callApi(s, 'mediation.setInstalments', { caseId: id, workerId: zhang.workerId, instalments: [{ dueOn: '2026-06-25', amountFen: 430_000 }, { dueOn: '2026-07-25', amountFen: 430_000 }] });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-06-18' });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-06-18' });
    let list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.canClose).toBe(true);
    expect(list.items.find((i) => i.key === 'instalmentsOpen')).toMatchObject({
      ok: true,
      label: '结案后继续跟踪',
      detail: '2期尚未到期（合计8,600.00元）：张三第1期（2026年6月25日）、张三第2期（2026年7月25日）；结案后继续跟踪，逾期未付将生成预警',
    });
    s = at(dataDir, '2026-06-26');
    list = await callApi(s, 'closing.checklist', { caseId: id, method: 'mediation' });
    expect(list.canClose).toBe(false);
    expect(list.items.find((i) => i.key === 'instalmentsOverdue')?.detail).toContain('张三第1期（2026年6月25日到期，尚欠4,300.00元）');
  });
});
