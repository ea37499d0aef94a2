// The outcome documents of a small case against a chain of three respondents (建设单位 → 施工总承包 →
// 劳务分包), read back from PDF as a senior arbitrator would (issue 10): the partial and full 调解书,
// the final-only and the non-final-only 裁决书, the enforcement application and the police letter.
// Each respondent's obligation in its own item, the respondents not bound named as such, each
// worker's own amount (a small case), the party line equal to the annex.
//
// Worked by hand. Workers 张建华 5,000, 李秀英 6,000, 王志强 7,000元 wages (18,000元).
// Mediation (case M, accepted 2026-06-01): wages of 张、李 first (11,000元, partial 调解书), then 王's
// (full 调解书, 18,000元). 张 paid 5,000 in cash on the spot; 李 in two instalments 3,000 (6/25) and
// 3,000 (7/25); 王 by 6/30. Liability (条例第三十条 default): 劳务分包 employer, 总包 pays first,
// owner: the clerk records its advance up to unpaid project funds (条例第二十九条).
// On 7/01: 李's first instalment (6/25) unpaid → the acceleration term makes his 6,000 enforceable;
// 王's 7,000 overdue since 6/30 → enforceable. 13,000元 against the labour subcontractor (employer),
// the general contractor (paying first) and the owner (advance), each 13,000元.
// Award (case A, final only): wages awarded 5,000 / 6,000 / 4,000 of 7,000 claimed (3,000 dismissed),
// 劳务分包 employer, 总包 jointly liable, owner dismissed. Case N (non-final only): claims 30,000,
// 26,000, 25,000 awarded in full: every item above 22,200元.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentView } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { compact, docxToPdf, hasSoffice, pdfPages, renderPng } from '../support/pdf';
import { callApi, caseInput, makeId, openTestServices, repoRoot, tempDataDir, workerDraft } from '../support/services';
import { holdHearing } from '../support/hearing';

const OWNER = '赣州蓉江新区城市建设投资有限公司';
const GC = '江西赣建建设集团有限公司';
const LABOUR = '江西启宏劳务有限公司';
const NAMES = ['张建华', '李秀英', '王志强'];
const PAGES = path.join(repoRoot, 'test-results', 'outcome-documents');

let dataDir: string;
let s: Services & { dataDir: string };

function at(day: string) {
  s?.close();
  s = openTestServices(dataDir, `${day}T02:00:00Z`);
}

function chainCase(owed: string[], seed: number) {
  return caseInput(
    NAMES.map((n, i) => workerDraft(n, makeId('360702', `198${i}-0${i + 1}-1${i}`, seed + i), owed[i]!)),
    {
      receivedOn: '2026-05-28',
      respondents: [
        { role: 'owner', organisation: { kind: 'company', name: OWNER, creditCode: '91360702MA35X1234N', legalRepresentative: '曾建华', address: '赣州市南康区蓉江新区管委会大楼' } },
        { role: 'generalContractor', contractedByIndex: 0, organisation: { kind: 'company', name: GC, creditCode: '91350100M000100Y43', legalRepresentative: '钟国强', address: '赣州市章贡区红旗大道18号' } },
        { role: 'labourSubcontractor', contractedByIndex: 1, organisation: { kind: 'company', name: LABOUR, creditCode: '91360700MA35Y8888P', legalRepresentative: '何启宏', address: '赣州市南康区龙岭镇' } },
      ],
    },
  );
}

async function read(doc: DocumentView, name: string): Promise<string> {
  const pdf = await docxToPdf(documentPath(s.dataDir, doc), path.join(PAGES, `${name}.pdf`));
  renderPng(pdf, path.join(PAGES, name));
  return compact(pdfPages(pdf).join('\f')).replace(/—\d+—/g, '');
}

beforeAll(() => {
  dataDir = tempDataDir('sucai-outcome-docs-');
  fs.mkdirSync(PAGES, { recursive: true });
  at('2026-06-01');
}, 30_000);
afterAll(() => s?.close());

describe.skipIf(!hasSoffice())('outcome documents of a three-respondent case, read back from PDF', () => {
  it('调解书: partial then full, each respondent in its own item, each worker its own amount; enforcement and police letter bind the same respondents', async () => {
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
    const { id } = await callApi(s, 'cases.create', chainCase(['5000', '6000', '7000'], 10));
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-06-01' });
    await callApi(s, 'cases.recordService', { id, servedOn: '2026-06-01' });
    at('2026-06-18');
    await callApi(s, 'mediation.addSession', { caseId: id, heldOn: '2026-06-18', mediator: '周婉清', attendees: [{ role: '申请人', name: NAMES[0]! }], notes: '调解' });
    let view = await callApi(s, 'mediation.get', { caseId: id });
    const worker = (i: number) => view.rows.find((r) => r.name === NAMES[i])!;
    view = await callApi(s, 'mediation.settleWagesFirst', { caseId: id, workerIds: [worker(0).workerId, worker(1).workerId], payBy: '2026-06-30' });
    const ownerId = view.liability.respondents.find((r) => r.name === OWNER)!.id;
    const group = view.liability.groups[0]!;
    await callApi(s, 'mediation.setLiability', {
      caseId: id,
      claimItemIds: group.claimItemIds,
      assignment: group.assignment.map((a) => ({ respondentId: a.respondentId, kind: a.respondentId === ownerId ? 'advance' : a.kind })),
    });
    await callApi(s, 'mediation.recordPayment', { caseId: id, workerId: worker(0).workerId, amountFen: 500_000, paidAt: '2026-06-18T10:00', method: 'cash', reference: null });
    await callApi(s, 'mediation.setInstalments', { caseId: id, workerId: worker(1).workerId, instalments: [{ dueOn: '2026-06-25', amountFen: 300_000 }, { dueOn: '2026-07-24', amountFen: 300_000 }] });
    await callApi(s, 'mediation.setOutcome', { caseId: id, outcome: 'partlySettled' });
    await expect(callApi(s, 'documents.generate', { caseId: id, kind: 'mediationDocument' })).rejects.toThrow(/只能制作部分调解书/);
    const [partialDoc] = await callApi(s, 'documents.generate', { caseId: id, kind: 'partialMediationDocument' });
    const partial = await read(partialDoc!, 'mediation-partial');
    expect(partial).toContain('调解书（工资部分）');
    // each worker's own amount, each with its words in 大写 (a small case: no annex total to refer to)
    expect(partial).toContain(`一、被申请人${LABOUR}支付申请人${NAMES[0]}工资5,000.00元（人民币伍仟元整）；支付申请人${NAMES[1]}工资6,000.00元（人民币陆仟元整）；`);
    expect(partial).toContain(`二、被申请人${GC}对上述第一项款项承担先行清偿责任，清偿后可以依法向被申请人${LABOUR}追偿（《保障农民工工资支付条例》第三十条）；`);
    expect(partial).toContain(`三、被申请人${OWNER}以其未结清的工程款为限，对上述第一项款项先行垫付（《保障农民工工资支付条例》第二十九条）；`);
    expect(partial).not.toContain('五日内');
    expect(partial).toContain('申请人的其他仲裁请求，本委继续审理，另行作出处理。');
    // 王's wages are not agreed yet: named in the case line, in no item of the agreement
    expect(partial.slice(partial.indexOf('达成如下协议'))).not.toContain(NAMES[2]);

    // 王's wages too: the full document; the same liability (the owner's advance) is chosen for them
    view = await callApi(s, 'mediation.settleWagesFirst', { caseId: id, workerIds: [worker(2).workerId], payBy: '2026-06-30' });
    for (const g of view.liability.groups.filter((x) => x.isDefault)) {
      await callApi(s, 'mediation.setLiability', { caseId: id, claimItemIds: g.claimItemIds, assignment: g.assignment.map((a) => ({ respondentId: a.respondentId, kind: a.respondentId === ownerId ? 'advance' : a.kind })) });
    }
    await callApi(s, 'mediation.setOutcome', { caseId: id, outcome: 'settled' });
    const [fullDoc] = await callApi(s, 'documents.generate', { caseId: id, kind: 'mediationDocument' });
    const full = await read(fullDoc!, 'mediation-full');
    expect(full).not.toContain('调解书（工资部分）');
    expect(full).toContain(`申请人：${NAMES[0]}，`);
    expect(full).toContain(
      `一、被申请人${LABOUR}支付申请人${NAMES[0]}工资5,000.00元（人民币伍仟元整）；支付申请人${NAMES[1]}工资6,000.00元（人民币陆仟元整）；支付申请人${NAMES[2]}工资7,000.00元（人民币柒仟元整）；`,
    );
    expect(full).toContain(`二、被申请人${GC}对上述第一项款项承担先行清偿责任`);
    expect(full).toContain(`三、被申请人${OWNER}以其未结清的工程款为限，对上述第一项款项先行垫付`);
    expect(full).toContain('双方就本案劳动争议再无其他争议。');
    expect(full).not.toContain('五日内');
    expect(full).toContain(`申请人${NAMES[2]}的工资7,000.00元于2026年6月30日前一次性支付；`);
    expect(full).toContain(`申请人${NAMES[1]}的款项6,000.00元分二期支付：第一期于2026年6月25日前支付3,000.00元，第二期于2026年7月24日前支付3,000.00元；`);

    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'workers', signedOn: '2026-06-18' });
    await callApi(s, 'mediation.recordSignature', { caseId: id, party: 'respondent', signedOn: '2026-06-18' });
    at('2026-07-01');
    const pkg = await callApi(s, 'followUp.enforcementPackage', { caseId: id });
    expect(pkg.contents[0]).toBe('01-强制执行申请书.docx');
    const application = (await callApi(s, 'documents.list', { caseId: id })).documents.find((d) => d.kind === 'enforcementApplication')!;
    const enforcement = await read(application, 'enforcement-mediation');
    for (const name of [LABOUR, GC, OWNER]) expect(enforcement).toContain(`被执行人：${name}`);
    // the workers apply: the commission is "该委", never "本委"
    expect(enforcement).toContain('该委作出的调解书已于2026年6月18日经双方当事人签收发生法律效力');
    expect(enforcement).not.toContain('本委');
    expect(enforcement).toContain(`一、请求强制执行被执行人${LABOUR}支付申请执行人已届履行期限的款项13,000.00元（人民币壹万叁仟元整）；`);
    expect(enforcement).toContain(`被执行人${OWNER}对上述款项中的13,000.00元以未结清的工程款为限先行垫付`);
    expect(enforcement).toContain(`被执行人${GC}对上述款项中的13,000.00元承担先行清偿责任`);
    expect(enforcement).not.toContain(`${NAMES[0]}3607`); // 张 was paid on the spot: nothing to enforce for him

    // the police letter (an ignored correction order): the employer and those the 调解书 binds, each with its amount
    await callApi(s, 'inspection.open', { caseId: id, complaintNumber: null, complaintReceivedOn: '2026-05-28', inspectors: '刘明、黄芳' });
    await callApi(s, 'inspection.file', { caseId: id, filedOn: '2026-05-28' });
    await callApi(s, 'inspection.addStep', { caseId: id, kind: 'correctionOrder', date: '2026-06-01', title: '劳动保障监察限期改正指令书', payBy: '2026-06-10' });
    const settings2 = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings2, policeThresholdOneWorkerFen: 500_000 });
    await callApi(s, 'followUp.policePackage', { caseId: id });
    const letter = (await callApi(s, 'documents.list', { caseId: id })).documents.find((d) => d.kind === 'policeTransferLetter')!;
    const police = await read(letter, 'police-letter');
    expect(police).toContain(`涉案单位（人）：${LABOUR}`);
    expect(police).toContain(`相关单位（人）：${GC}`);
    expect(police).toContain(`相关单位（人）：${OWNER}`);
  }, 300_000);

  it('受理通知书 and 应诉通知书 of a 10-worker case: a three-arbitrator tribunal, never 简易处理 (调解仲裁法第三十一条; 组织规则第十三条: 十人以上并有共同请求)', async () => {
    at('2026-06-01');
    const names = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十'];
    const input = chainCase(['0', '0', '0'], 0);
    const { id } = await callApi(s, 'cases.create', {
      ...input,
      procedure: 'simplified',
      workers: names.map((n, i) => workerDraft(n, makeId('360702', `197${i}-0${(i % 9) + 1}-1${i}`, 200 + i), '5000')),
      representativeIndexes: [0, 1, 2],
    });
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-06-01' });
    for (const kind of ['acceptanceNotice', 'responseNotice'] as const) {
      const [doc] = await callApi(s, 'documents.generate', { caseId: id, kind });
      const text = await read(doc!, `collective-${kind}`);
      expect(text).toContain('本案为集体劳动人事争议，依照《劳动争议调解仲裁法》第三十一条、《劳动人事争议仲裁组织规则》第十三条的规定，由三名仲裁员组成仲裁庭（设首席仲裁员）审理，不适用独任审理');
      expect(text).not.toContain('简易处理');
      expect(text).not.toContain('一人独任');
    }
  }, 300_000);

  async function awardCase(owed: string[], awarded: number[], seed: number) {
    at('2026-06-01');
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-03-01', monthlyFen: 185_000 }] });
    const { id } = await callApi(s, 'cases.create', chainCase(owed, seed));
    await callApi(s, 'cases.accept', { id, acceptedOn: '2026-06-01' });
    at('2026-07-10');
    await holdHearing(s, id, '2026-07-10');
    let view = await callApi(s, 'award.get', { caseId: id });
    view = await callApi(s, 'award.save', {
      caseId: id,
      decidedOn: '2026-07-10',
      items: view.items.map((it) => ({ claimItemId: it.claimItemId, awardedFen: awarded[NAMES.indexOf(it.workerName)]! })),
      defence: `被申请人${LABOUR}辩称：对拖欠工资无异议。`,
      factsFound: '经查，申请人在赣州蓉江新区安置房三期工程从事木工工作，被申请人江西启宏劳务有限公司未足额支付工资。',
      reasoning: '用人单位应当按时足额支付劳动报酬。依照《中华人民共和国劳动合同法》第三十条的规定，裁决如下：',
    });
    const gcId = view.liability.respondents.find((r) => r.name === GC)!.id;
    const g = view.liability.groups[0]!;
    await callApi(s, 'award.setLiability', { caseId: id, claimItemIds: g.claimItemIds, assignment: g.assignment.map((a) => ({ respondentId: a.respondentId, kind: a.respondentId === gcId ? 'joint' : a.kind })) });
    return (await callApi(s, 'award.issue', { caseId: id, decidedOn: '2026-07-10' })).documents;
  }

  it('裁决书, final only: the employer pays, the general contractor jointly, the owner dismissed; each worker its own amount; no doubled leads', async () => {
    const docs = await awardCase(['5000', '6000', '7000'], [500_000, 600_000, 400_000], 40);
    expect(docs.map((d) => d.title)).toEqual(['裁决书']);
    const text = await read(docs[0]!, 'award-final-only');
    expect(text).toContain(`一、被申请人${LABOUR}于本裁决生效之日起十日内支付申请人${NAMES[0]}工资5,000.00元（人民币伍仟元整）；支付申请人${NAMES[1]}工资6,000.00元（人民币陆仟元整）；支付申请人${NAMES[2]}工资4,000.00元（人民币肆仟元整）；`);
    expect(text).toContain(`二、被申请人${GC}对上述第一项款项承担连带清偿责任；`);
    expect(text).toContain(`三、驳回申请人对被申请人${OWNER}的仲裁请求；`);
    expect(text).toContain(`四、驳回申请人${NAMES[2]}的其他仲裁请求`);
    expect(text).not.toMatch(/被申请人辩称：被申请人/);
    expect(text).not.toMatch(/经审理查明：经查/);
    expect(text.match(/裁决如下/g)).toHaveLength(1);
    expect(text).toContain('本委认为，用人单位应当按时足额支付劳动报酬。根据《中华人民共和国劳动争议调解仲裁法》第四十七条第（一）项的规定，本裁决所涉事项适用终局裁决。综上，依照《中华人民共和国劳动合同法》第三十条的规定，本委裁决如下：');
    expect(text).toContain('本裁决为终局裁决');
  }, 300_000);

  it('a mixed award (final and non-final 裁决书) closes as 裁决结案（部分终局）, not 终局', async () => {
    const docs = await awardCase(['5000', '6000', '30000'], [500_000, 600_000, 3_000_000], 100);
    expect(docs.map((d) => d.title)).toEqual(['终局裁决书', '非终局裁决书']);
    const caseId = docs[0]!.caseId;
    for (const doc of docs) {
      // every party the document goes to, prefilled from the case (each worker, each respondent)
      const recipients = await callApi(s, 'documents.serviceRecipients', { documentId: doc.id });
      expect(recipients.map((r) => r.name).sort()).toEqual([...NAMES, OWNER, GC, LABOUR].sort());
      await callApi(s, 'documents.recordServices', { documentId: doc.id, entries: recipients.map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson', servedOn: '2026-07-10' })) });
    }
    await callApi(s, 'closing.close', { caseId, method: 'finalAward', closedOn: '2026-07-10' });
    const [approval] = await callApi(s, 'documents.generate', { caseId, kind: 'closingApproval' });
    const text = await read(approval!, 'closing-approval-mixed');
    expect(text).toContain('裁决结案（部分终局）');
    expect(text).not.toMatch(/裁决结案（终局）|终局裁决结案/);
  }, 300_000);

  it('裁决书, non-final only: the same three items, the 15-day remedy', async () => {
    const docs = await awardCase(['30000', '26000', '25000'], [3_000_000, 2_600_000, 2_500_000], 70);
    expect(docs.map((d) => d.title)).toEqual(['裁决书']);
    const text = await read(docs[0]!, 'award-nonFinal-only');
    expect(text).toContain(`二、被申请人${GC}对上述第一项款项承担连带清偿责任；`);
    expect(text).toContain(`三、驳回申请人对被申请人${OWNER}的仲裁请求`);
    expect(text).not.toContain('本裁决为终局裁决');
    expect(text).toContain('本委认为，用人单位应当按时足额支付劳动报酬。综上，依照《中华人民共和国劳动合同法》第三十条的规定，本委裁决如下：');
    expect(text).toContain('期满不起诉的，本裁决书发生法律效力');
  }, 300_000);
});
