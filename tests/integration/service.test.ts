// 送达 in one step: recipients prefilled from the parties, several recipients with their own date and
// method in one call, the closing checklist matching by party (not by the spelling of a name);
// service of the application copy on each respondent with its own date; batch generation on a fresh case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';
import { holdHearing } from '../support/hearing';

const NAMES = ['赵建华', '钱志强', '孙秀英', '李国平', '周德明', '吴桂兰', '郑海涛', '王春生', '冯玉梅', '陈长青', '褚晓东', '卫红霞'];
let s: Services & { dataDir: string };
let caseId: number;
let detail: CaseDetail;

/** A 12-worker collective case (three representatives) against a general contractor and a team leader. */
beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  const settings = await callApi(s, 'settings.get', {});
  await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
  const drafts = NAMES.map((n, i) => workerDraft(n, makeId('360702', `198${i % 10}-0${(i % 9) + 1}-1${i % 10}`, 100 + i), String(8000 + 100 * i)));
  caseId = (await callApi(s, 'cases.create', caseInput(drafts, { representativeIndexes: [0, 1, 2] }))).id;
  detail = await callApi(s, 'cases.accept', { id: caseId, acceptedOn: '2026-11-16' });
}, 60_000);
afterAll(() => s?.close());

describe('batch generation', () => {
  it('works on the case’s first use: each notice with its 送达回证, in one step', async () => {
    const docs = await callApi(s, 'documents.generateBatch', { caseId, kind: 'responseNotice' });
    expect(docs.map((d) => [d.kind, d.variant])).toEqual([
      ['responseNotice', `respondent-${detail.respondents[0]!.id}`],
      ['serviceReceipt', `responseNotice.respondent-${detail.respondents[0]!.id}`],
      ['responseNotice', `respondent-${detail.respondents[1]!.id}`],
      ['serviceReceipt', `responseNotice.respondent-${detail.respondents[1]!.id}`],
    ]);
  });
});

describe('service of the application copy on each respondent', () => {
  it('records each respondent’s own date and method; the defence period runs once all are served, from the last', async () => {
    const [company, leader] = detail.respondents;
    let d = await callApi(s, 'cases.recordService', { id: caseId, respondents: [{ organisationId: company!.id, servedOn: '2026-11-17', method: 'inPerson' }] });
    expect(d.respondents.map((r) => [r.servedOn, r.serviceMethod])).toEqual([
      ['2026-11-17', 'inPerson'],
      [null, null],
    ]);
    // one respondent still waiting: the copy is not yet served on "the respondent"
    expect(d.respondentServedOn).toBeNull();
    expect(d.deadlines.find((x) => x.key === 'defence')!.status).toBe('waiting');
    expect(d.events[0]!.summary).toBe('仲裁申请书副本送达被申请人：江西赣建建设集团有限公司2026年11月17日直接送达（尚未送达：刘德胜）');

    // served on the team leader by post two days later: the defence period runs from then
    // 2026-11-19 (Thu) + 10 working days → Fri 11-20, Mon 23 … Thu 12-03
    d = await callApi(s, 'cases.recordService', { id: caseId, respondents: [{ organisationId: leader!.id, servedOn: '2026-11-19', method: 'post' }] });
    expect(d.respondentServedOn).toBe('2026-11-19');
    expect(d.deadlines.find((x) => x.key === 'defence')).toMatchObject({ startOn: '2026-11-19', dueOn: '2026-12-03' });
    await expect(callApi(s, 'cases.recordService', { id: caseId, respondents: [{ organisationId: 999_999, servedOn: '2026-11-19', method: 'post' }] })).rejects.toThrow(
      '该单位（编号999999）不是本案被申请人',
    );
  });

  it('still takes one date for all respondents (the earlier form)', async () => {
    const other = (await callApi(s, 'cases.create', caseInput([workerDraft('周小明', makeId('360702', '1990-06-06', 201), '6000')]))).id;
    await callApi(s, 'cases.accept', { id: other, acceptedOn: '2026-11-16' });
    const d = await callApi(s, 'cases.recordService', { id: other, servedOn: '2026-11-18' });
    expect(d.respondents.every((r) => r.servedOn === '2026-11-18' && r.serviceMethod === 'inPerson')).toBe(true);
    expect(d.respondentServedOn).toBe('2026-11-18');
  });

  it('serving the 应诉通知书 on a respondent through the documents dialog is the service of the copy', async () => {
    const other = (await callApi(s, 'cases.create', caseInput([workerDraft('吴大海', makeId('360702', '1991-07-07', 202), '4500')]))).id;
    const accepted = await callApi(s, 'cases.accept', { id: other, acceptedOn: '2026-11-16' });
    const docs = await callApi(s, 'documents.generateBatch', { caseId: other, kind: 'responseNotice' });
    for (const r of accepted.respondents) {
      const doc = docs.find((x) => x.variant === `respondent-${r.id}`)!;
      await callApi(s, 'documents.recordServices', { documentId: doc.id, entries: [{ party: { kind: 'respondent', id: r.id }, recipient: r.name, method: 'inPerson', servedOn: '2026-11-18' }] });
    }
    expect((await callApi(s, 'cases.get', { id: other })).respondentServedOn).toBe('2026-11-18');
  });
});

describe('serving the award on every party in one step', () => {
  it('prefills the representatives and each respondent, records all in one event, and the checklist matches by party', async () => {
    await holdHearing(s, caseId, '2026-11-20');
    const view = await callApi(s, 'award.get', { caseId });
    await callApi(s, 'award.save', {
      caseId,
      decidedOn: '2026-11-20',
      items: view.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: i.claimedFen })),
      factsFound: '申请人等在被申请人承建的工程从事木工等工作，被申请人尚欠工资未付。',
      reasoning: '用人单位应当按时足额支付劳动者工资。',
    });
    await callApi(s, 'award.issue', { caseId, decidedOn: '2026-11-20' });
    const [award] = await callApi(s, 'documents.generate', { caseId, kind: 'award' });

    const recipients = await callApi(s, 'documents.serviceRecipients', { documentId: award!.id });
    const ticked = recipients.filter((r) => r.addressee);
    expect(ticked.map((r) => [r.name, r.role])).toEqual([
      ['赵建华', '代表人'],
      ['钱志强', '代表人'],
      ['孙秀英', '代表人'],
      ['江西赣建建设集团有限公司', '被申请人（施工总承包）'],
      ['刘德胜', '被申请人（班组长）'],
    ]);
    // every other worker is offered too, unticked
    expect(recipients.filter((r) => !r.addressee).map((r) => r.name)).toEqual(NAMES.slice(3));

    // a name typed by hand (a shortened company name) is not a party and does not satisfy the check
    await callApi(s, 'documents.recordService', { documentId: award!.id, recipient: '江西赣建', method: 'inPerson', servedOn: '2026-11-20' });
    let checklist = await callApi(s, 'closing.checklist', { caseId, method: 'finalAward' });
    expect(checklist.items.find((i) => i.key === 'awardServed')).toMatchObject({ ok: false });
    expect(checklist.items.find((i) => i.key === 'awardServed')!.detail).toContain('江西赣建建设集团有限公司');

    const before = (await callApi(s, 'cases.get', { id: caseId })).events.length;
    // a date before the case was received is refused, nothing stored
    await expect(
      callApi(s, 'documents.recordServices', { documentId: award!.id, entries: ticked.map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson', servedOn: r.name === '刘德胜' ? '2026-11-01' : '2026-11-20' })) }),
    ).rejects.toThrow('「刘德胜」的送达日期早于收案日期2026年11月16日');
    const view2 = await callApi(s, 'documents.recordServices', {
      documentId: award!.id,
      entries: ticked.map((r, i) => ({ party: r.party, recipient: r.name, method: i === 4 ? 'post' : 'inPerson', servedOn: i === 4 ? '2026-11-19' : '2026-11-20' })),
    });
    expect(view2.services.filter((x) => x.party).map((x) => x.party!.kind)).toEqual(['worker', 'worker', 'worker', 'respondent', 'respondent']);
    const events = (await callApi(s, 'cases.get', { id: caseId })).events;
    expect(events.length).toBe(before + 1);
    expect(events[0]!.summary).toMatch(/^裁决书（第1版）送达：赵建华2026年11月20日直接送达、钱志强2026年11月20日直接送达、.*刘德胜2026年11月19日邮寄送达$/);
    checklist = await callApi(s, 'closing.checklist', { caseId, method: 'finalAward' });
    expect(checklist.items.find((i) => i.key === 'awardServed')).toMatchObject({ ok: true, detail: '裁决书已送达全部当事人' });

    // the dialog now shows what is recorded
    const again = await callApi(s, 'documents.serviceRecipients', { documentId: award!.id });
    expect(again.find((r) => r.name === '刘德胜')!.served).toEqual({ method: 'post', servedOn: '2026-11-19' });
  });

  it('refuses a party of another case and a repeated recipient, in Chinese, storing nothing', async () => {
    const [doc] = (await callApi(s, 'documents.list', { caseId })).documents.filter((d) => d.kind === 'award');
    const count = doc!.services.length;
    await expect(callApi(s, 'documents.recordServices', { documentId: doc!.id, entries: [{ party: { kind: 'worker', id: 99_999 }, recipient: '张三', method: 'inPerson', servedOn: null }] })).rejects.toThrow(
      '「张三」不是本案当事人（劳动者编号99999）',
    );
    const w = detail.workers[5]!;
    const twice = { party: { kind: 'worker' as const, id: w.id }, recipient: w.name, method: 'inPerson' as const, servedOn: null };
    await expect(callApi(s, 'documents.recordServices', { documentId: doc!.id, entries: [twice, twice] })).rejects.toThrow(`受送达人「${w.name}」重复`);
    await expect(callApi(s, 'documents.recordServices', { documentId: doc!.id, entries: [] })).rejects.toThrow('请至少选择一名受送达人');
    const after = (await callApi(s, 'documents.list', { caseId })).documents.find((d) => d.id === doc!.id)!;
    expect(after.services.length).toBe(count);
  });

  it('a party’s exact full name written without the party (其他受送达人, or the single-recipient call) is that party', async () => {
    const [doc] = (await callApi(s, 'documents.list', { caseId })).documents.filter((d) => d.kind === 'award');
    const w = detail.workers[6]!;
    expect((await callApi(s, 'documents.serviceRecipients', { documentId: doc!.id })).find((r) => r.name === w.name)!.served).toBeNull();
    const view = await callApi(s, 'documents.recordService', { documentId: doc!.id, recipient: ` ${w.name} `, method: 'post', servedOn: '2026-11-20' });
    expect(view.services.at(-1)!.party).toEqual({ kind: 'worker', id: w.id });
    expect((await callApi(s, 'documents.serviceRecipients', { documentId: doc!.id })).find((r) => r.name === w.name)!.served).toEqual({ method: 'post', servedOn: '2026-11-20' });
    // written twice in one step (ticked and typed again): refused as a repeat, nothing stored
    await expect(
      callApi(s, 'documents.recordServices', { documentId: doc!.id, entries: [{ party: { kind: 'worker', id: w.id }, recipient: w.name, method: 'inPerson', servedOn: null }, { party: null, recipient: w.name, method: 'inPerson', servedOn: null }] }),
    ).rejects.toThrow(`受送达人「${w.name}」重复`);
    // a shortened name stays a non-party recipient
    const other = await callApi(s, 'documents.recordService', { documentId: doc!.id, recipient: '江西赣建', method: 'inPerson', servedOn: '2026-11-20' });
    expect(other.services.at(-1)!.party).toBeNull();
  });
});
