// Documents engine and notices: a 30-worker collective case, every notice generated, converted with
// LibreOffice, read back with pdftotext. Conversions run one after another (2-core machines).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentKind, DocumentView } from '../../electron/core/contract';
import { fenToChineseUpper, formatFen } from '../../electron/core/money';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { addAccount, callApi, caseInput, makeId, openTestServices, repoRoot, workerDraft } from '../support/services';
import { compact, docxToPdf, hasSoffice, pdfFonts, pdfPages, renderPng } from '../support/pdf';

// Documents are converted and read back by LibreOffice: tens of seconds each on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏';
const GIVEN = ['建华', '志强', '秀英', '国平', '德明', '桂兰', '海涛', '春生', '玉梅', '长青'];
const NAMES = Array.from({ length: 30 }, (_, i) => `${SURNAMES[i]}${GIVEN[i % GIVEN.length]}`);
const OWED = Array.from({ length: 30 }, (_, i) => 800_000 + i * 13_750); // fen
const TOTAL = OWED.reduce((a, b) => a + b, 0);
const N1 = '赣市劳人仲案字〔2026〕第1号';
const pngDir = path.join(repoRoot, 'test-results', 'documents');

let s: Services & { dataDir: string };
let collective: number;
let small: number;
let rejected: number;
const workerIds: number[] = [];

/** Generates one document, converts it, and returns its pages (whitespace removed) and the view. */
async function generated(kind: DocumentKind, caseId: number, variant?: string): Promise<{ view: DocumentView; pdf: string; pages: string[]; text: string }> {
  const [view] = await callApi(s, 'documents.generate', { caseId, kind, variant });
  if (!view) throw new Error('no document');
  const pdf = await docxToPdf(documentPath(s.dataDir, view));
  const pages = pdfPages(pdf).map(compact);
  return { view, pdf, pages, text: pages.join('\n') };
}

function expectEveryWorker(text: string) {
  for (const name of NAMES) expect(text).toContain(name);
}

/** Every page that shows worker rows of the table starts its table with the header row. */
function expectHeaderOnTablePages(pages: string[], idHeader = '姓名公民身份号码') {
  const tablePages = pages.filter((p) => NAMES.slice(5).some((n) => p.includes(n)));
  expect(tablePages.length).toBeGreaterThanOrEqual(1);
  for (const p of tablePages) expect(p).toContain(idHeader);
}

beforeAll(async () => {
  s = openTestServices();
  const drafts = NAMES.map((name, i) => workerDraft(name, makeId('360702', `198${i % 10}-0${(i % 9) + 1}-1${i % 10}`, 100 + i), formatFen(OWED[i] as number).replace(/,/g, '')));
  collective = (await callApi(s, 'cases.create', caseInput(drafts, { representativeIndexes: [0, 1, 2] }))).id;
  await callApi(s, 'cases.accept', { id: collective, acceptedOn: '2026-11-18' });
  const detail = await callApi(s, 'cases.get', { id: collective });
  workerIds.push(...detail.workers.map((w) => w.id));

  small = (await callApi(s, 'cases.create', caseInput([workerDraft('周小明', makeId('360702', '1990-06-06', 201), '6000'), workerDraft('吴大海', makeId('360702', '1991-07-07', 202), '4500')]))).id;
  await callApi(s, 'cases.accept', { id: small, acceptedOn: '2026-11-18' });

  rejected = (await callApi(s, 'cases.create', caseInput([workerDraft('郑一鸣', makeId('360702', '1992-08-08', 203), '3000')]))).id;
  await callApi(s, 'cases.reject', { id: rejected, rejectedOn: '2026-11-19', reason: '申请人与被申请人之间不存在劳动关系，且申请事项不属于劳动人事争议处理范围' });

  // hearing: an ordinary three-member tribunal for the collective case
  const ids: Record<string, number> = {};
  for (const [key, role, name] of [
    ['wang', 'arbitrator', '王建国'],
    ['li', 'arbitrator', '李秀英'],
    ['chen', 'arbitrator', '陈志强'],
    ['zhou', 'clerk', '周婷'],
  ] as const) {
    ids[key] = await addAccount(s, name, [role]);
  }
  const room = (await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '仲裁院三楼' })).rooms.find((r) => r.name === '第一仲裁庭')!;
  await callApi(s, 'hearings.schedule', {
    caseId: collective,
    startsAt: '2026-12-01T09:30',
    endsAt: '2026-12-01T11:30',
    roomId: room.id,
    procedure: 'ordinary',
    presidingId: ids.wang!,
    wingIds: [ids.li!, ids.chen!],
    clerkId: ids.zhou!,
    noticeServedOn: '2026-11-20',
  });

  // inspection track with an order to pay that has run out (the clock is pinned at 2026-11-20)
  await callApi(s, 'inspection.open', { caseId: collective, complaintNumber: '赣市人社监投〔2026〕18号', complaintReceivedOn: '2026-11-02', inspectors: '陈明、黄丽' });
  await callApi(s, 'inspection.file', { caseId: collective, filedOn: '2026-11-03' });
  await callApi(s, 'inspection.addStep', { caseId: collective, kind: 'correctionOrder', date: '2026-11-05', title: '劳动保障监察限期改正指令书', payBy: '2026-11-12' });
}, 120_000);
afterAll(() => s?.close());

describe.skipIf(!hasSoffice())('notices of a 30-worker collective case, read back from PDF', () => {
  it('受理通知书: case number, parties, every worker with masked ID, totals, page numbers, header repeated', async () => {
    const { view, pages, text, pdf } = await generated('acceptanceNotice', collective);
    expect(view).toMatchObject({ kind: 'acceptanceNotice', variant: 'applicants', version: 1 });
    expect(text).toContain('受理通知书');
    expect(text).toContain(N1);
    expect(text).toContain('江西赣建建设集团有限公司');
    expect(text).toContain('刘德胜');
    expect(text).toContain('代表人：赵建华、钱志强、孙秀英');
    expect(text).toContain('决定于2026年11月18日立案受理');
    expect(text).toContain('二〇二六年十一月十八日');
    expectEveryWorker(text);
    expect(text).toContain('360702********'); // masked
    expect(text).not.toContain(makeId('360702', '1980-01-10', 100));
    expect(text).toContain(`合计30人`);
    expect(text).toContain(formatFen(TOTAL));
    expect(pages[0]).toContain('—1—');
    expect(pages[1]).toContain('—2—');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expectHeaderOnTablePages(pages);
    // the fonts resolved to CJK fonts (the fontconfig aliases work)
    const fonts = pdfFonts(pdf).join(' ');
    expect(fonts).toMatch(/UKai|NotoSerifCJK|NotoSansCJK/);
    renderPng(pdf, path.join(pngDir, 'acceptanceNotice'));
  });

  it('应诉通知书 with 举证通知书 to each respondent', async () => {
    const list = await callApi(s, 'documents.list', { caseId: collective });
    expect(list.available.find((a) => a.kind === 'responseNotice')).toMatchObject({ ready: true, batch: true });
    const detail = await callApi(s, 'cases.get', { id: collective });
    const leader = detail.respondents.find((r) => r.name === '刘德胜')!;
    const { text, pages } = await generated('responseNotice', collective, `respondent-${leader.id}`);
    expect(text).toContain('应诉通知书');
    expect(text).toContain('举证通知书');
    expect(text).toContain('刘德胜：');
    expect(text).toContain('第三十九条');
    expect(text).toContain('10日内');
    expect(text).toContain(`共计${formatFen(TOTAL)}元`);
    expectEveryWorker(text);
    expectHeaderOnTablePages(pages);
  });

  it('开庭通知书: date, place, tribunal, consequences by side', async () => {
    const detail = await callApi(s, 'cases.get', { id: collective });
    const company = detail.respondents[0]!;
    const toRespondent = await generated('hearingNotice', collective, `respondent-${company.id}`);
    expect(toRespondent.text).toContain('2026年12月1日（星期二）9时30分在第一仲裁庭（仲裁院三楼）开庭');
    expect(toRespondent.text).toContain('首席仲裁员，仲裁员李秀英、陈志强组成仲裁庭，书记员周婷');
    expect(toRespondent.text).toContain('缺席裁决');
    expect(toRespondent.text).not.toContain('视为撤回仲裁申请');
    expect(toRespondent.text).toContain('开庭3日前');
    renderPng(toRespondent.pdf, path.join(pngDir, 'hearingNotice-respondent'));
    const toWorker = await generated('hearingNotice', collective, `worker-${workerIds[7]}`);
    expect(toWorker.text).toContain(`${NAMES[7]}：`);
    expect(toWorker.text).toContain('视为撤回仲裁申请');
    expectEveryWorker(toWorker.text);
  }, 120_000); // two PDFs read back and rendered: over 30 s on a loaded machine

  it('送达回证: a one-page form for the document served', async () => {
    const detail = await callApi(s, 'cases.get', { id: collective });
    const company = detail.respondents[0]!;
    const { text, pages, pdf } = await generated('serviceReceipt', collective, `hearingNotice.respondent-${company.id}`);
    renderPng(pdf, path.join(pngDir, 'serviceReceipt'));
    expect(pages).toHaveLength(1);
    for (const label of ['送达回证', N1, '开庭通知书', '受送达人', '江西赣建建设集团有限公司', '送达方式', '留置送达', '见证人', '送达人签名', '代收人']) expect(text).toContain(label);
  });

  it('不予受理通知书: reason and the right to sue within 15 days', async () => {
    const { text, pdf } = await generated('rejectionNotice', rejected);
    renderPng(pdf, path.join(pngDir, 'rejectionNotice'));
    expect(text).toContain('不予受理通知书');
    // its own number from the rejection series (settings: 不予受理通知书编号规则), never "（尚未编号）"
    const { rejectionNumber } = await callApi(s, 'cases.get', { id: rejected });
    expect(rejectionNumber).toMatch(/〔2026〕.*1号$/);
    expect(text).toContain(rejectionNumber!);
    expect(text).not.toContain('尚未编号');
    expect(text).toContain('郑一鸣：');
    expect(text).toContain('不存在劳动关系');
    expect(text).toContain('15日内');
    expect(text).toContain('人民法院提起诉讼');
    expect(text).toContain('二〇二六年十一月十九日');
  });

  it('撤回仲裁申请决定书: only after the application is recorded, citing the rule', async () => {
    expect((await callApi(s, 'documents.list', { caseId: small })).available.find((a) => a.kind === 'withdrawalDecision')!.missing).toEqual(['尚未登记撤回仲裁申请（申请日期、申请人）']);
    await callApi(s, 'closing.recordWithdrawalApplication', { caseId: small, appliedOn: '2026-11-19', appliedBy: '周小明、吴大海', reason: '双方已自行和解，工资已全部付清。' });
    const { text } = await generated('withdrawalDecision', small);
    expect(text).toContain('2026年11月19日，周小明、吴大海向本委提出撤回仲裁申请，理由是：双方已自行和解，工资已全部付清。');
    expect(text).toContain('依照《劳动人事争议仲裁办案规则》第三十五条的规定');
    expect(text).toContain('撤回仲裁申请决定书');
    expect(text).toContain('准许申请人撤回仲裁申请');
    expect(text).toContain('周小明、吴大海');
    expect(text).toContain('赣市劳人仲案字〔2026〕第2号');
  });

  it('限期改正指令书: employer, N workers, amount with 大写, 第二十六条, pay-by date', async () => {
    const { text, pages } = await generated('correctionOrder', collective);
    expect(text).toContain('限期改正指令书');
    expect(text).toContain('江西赣建建设集团有限公司：');
    expect(text).toContain(`拖欠30名劳动者工资共计${formatFen(TOTAL)}元`);
    expect(text).toContain(fenToChineseUpper(TOTAL));
    expect(text).toContain('第二十六条');
    expect(text).toContain('2026年11月12日前');
    expect(text).toContain('赣州市人力资源和社会保障局');
    expectEveryWorker(text);
    expectHeaderOnTablePages(pages);
  });

  it('移送公安机关: facts, amount, workers, ignored order, attachments, full ID numbers', async () => {
    const { text } = await generated('policeTransferLetter', collective);
    expect(text).toContain('赣州市公安局：');
    expect(text).toContain(fenToChineseUpper(TOTAL));
    expect(text).toContain('拖欠30名劳动者');
    expect(text).toContain('责令于2026年11月12日前支付');
    expect(text).toContain('附件');
    expectEveryWorker(text);
    expect(text).toContain(makeId('360702', '1980-01-10', 100)); // full ID for the police
  });

  it('强制执行申请书 after an effective mediation document with a part payment', async () => {
    expect((await callApi(s, 'documents.list', { caseId: collective })).available.find((a) => a.kind === 'enforcementApplication')!.ready).toBe(false);
    // agreed to be paid by 11/19: overdue today (11/20), so the unpaid rest is enforceable
    await callApi(s, 'mediation.settleWagesFirst', { caseId: collective, workerIds: null, payBy: '2026-11-19' });
    await callApi(s, 'mediation.setOutcome', { caseId: collective, outcome: 'settled' });
    await callApi(s, 'mediation.recordSignature', { caseId: collective, party: 'workers', signedOn: '2026-11-20' });
    await callApi(s, 'mediation.recordSignature', { caseId: collective, party: 'respondent', signedOn: '2026-11-20' });
    await callApi(s, 'mediation.recordPayment', { caseId: collective, workerId: workerIds[0]!, amountFen: 300_000, paidAt: '2026-11-20T09:00', method: 'bankTransfer', reference: 'ZZ202611200001' });
    const { text, pages } = await generated('enforcementApplication', collective);
    expect(text).toContain('强制执行申请书');
    expect(text).toContain('调解书');
    expect(text).toContain(fenToChineseUpper(TOTAL - 300_000));
    expect(text).toContain('3,000.00');
    expectEveryWorker(text);
    expect(text).toContain(makeId('360702', '1980-01-10', 100));
    expectHeaderOnTablePages(pages, '姓名公民身份号码');
  });

  it('结案审批表 once the case is closed', async () => {
    expect((await callApi(s, 'documents.list', { caseId: small })).available.find((a) => a.kind === 'closingApproval')!.ready).toBe(false);
    const decision = (await callApi(s, 'documents.list', { caseId: small })).documents.find((d) => d.kind === 'withdrawalDecision')!;
    const recipients = (await callApi(s, 'documents.serviceRecipients', { documentId: decision.id })).filter((r) => r.addressee);
    expect(recipients.map((r) => r.name)).toEqual(['周小明', '吴大海']);
    await callApi(s, 'documents.recordServices', { documentId: decision.id, entries: recipients.map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson', servedOn: '2026-11-20' })) });
    await callApi(s, 'closing.close', { caseId: small, method: 'withdrawal', closedOn: '2026-11-20' });
    const { text, pages } = await generated('closingApproval', small);
    expect(pages).toHaveLength(1);
    for (const t of ['结案审批表', '赣市劳人仲案字〔2026〕第2号', '撤回仲裁申请', '周小明、吴大海', '5年', '2026年11月20日']) expect(text).toContain(t);
  });
});

describe('versions', () => {
  it('same data → same version; changed data → v2 with v1 kept', async () => {
    const [v1] = await callApi(s, 'documents.generate', { caseId: small, kind: 'acceptanceNotice' });
    const [again] = await callApi(s, 'documents.generate', { caseId: small, kind: 'acceptanceNotice' });
    expect(again!.id).toBe(v1!.id);
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, commissionPhone: '0797-8123456' });
    const [v2] = await callApi(s, 'documents.generate', { caseId: small, kind: 'acceptanceNotice' });
    expect(v2!.version).toBe(v1!.version + 1);
    expect(fs.existsSync(documentPath(s.dataDir, v1!))).toBe(true);
    expect(fs.existsSync(documentPath(s.dataDir, v2!))).toBe(true);
    expect(v2!.fileName).toBe(`acceptanceNotice-applicants-v${v2!.version}.docx`);
    const events = (await callApi(s, 'cases.get', { id: small })).events.filter((e) => e.action === 'documents.generate');
    expect(events[0]!.summary).toContain(`（第${v2!.version}版）`);
    expect(events.filter((e) => e.summary.includes('受理通知书'))).toHaveLength(2);
  });

  it('a kind whose data is not there says what is missing', async () => {
    const list = await callApi(s, 'documents.list', { caseId: small });
    expect(list.available.find((a) => a.kind === 'hearingNotice')).toMatchObject({ ready: false, missing: ['尚未安排开庭（请先排期）'] });
    await expect(callApi(s, 'documents.generate', { caseId: small, kind: 'hearingNotice' })).rejects.toThrow(/不能生成开庭通知书：尚未安排开庭/);
  });
});

describe('batch', () => {
  it('开庭通知书 to the representatives, every worker (≤30) and each respondent, each with its 送达回证, one event', async () => {
    const before = (await callApi(s, 'cases.get', { id: collective })).events.length;
    const docs = await callApi(s, 'documents.generateBatch', { caseId: collective, kind: 'hearingNotice' });
    const notices = docs.filter((d) => d.kind === 'hearingNotice');
    const receipts = docs.filter((d) => d.kind === 'serviceReceipt');
    expect(notices).toHaveLength(1 + 30 + 2);
    expect(receipts).toHaveLength(notices.length);
    expect(new Set(notices.map((d) => d.variant))).toEqual(new Set(['applicants', ...workerIds.map((id) => `worker-${id}`), ...(await callApi(s, 'cases.get', { id: collective })).respondents.map((r) => `respondent-${r.id}`)]));
    for (const n of notices) expect(receipts.some((r) => r.variant === `hearingNotice.${n.variant}`)).toBe(true);
    const after = await callApi(s, 'cases.get', { id: collective });
    expect(after.events.length).toBe(before + 1);
    expect(after.events[0]!.summary).toMatch(/批量生成开庭通知书\d+份、送达回证\d+份（共33个受送达人）/);
    // unchanged data: the batch returns the same documents and adds no event
    const again = await callApi(s, 'documents.generateBatch', { caseId: collective, kind: 'hearingNotice' });
    expect(again.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect((await callApi(s, 'cases.get', { id: collective })).events.length).toBe(before + 1);
  }, 120_000);

  it('应诉通知书 to each respondent with receipts; service recorded on a document', async () => {
    const docs = await callApi(s, 'documents.generateBatch', { caseId: collective, kind: 'responseNotice' });
    expect(docs.filter((d) => d.kind === 'responseNotice')).toHaveLength(2);
    expect(docs.filter((d) => d.kind === 'serviceReceipt')).toHaveLength(2);
    const notice = docs.find((d) => d.kind === 'responseNotice')!;
    const served = await callApi(s, 'documents.recordService', { documentId: notice.id, recipient: '江西赣建建设集团有限公司', method: 'inPerson', servedOn: '2026-11-20' });
    expect(served.services).toEqual([expect.objectContaining({ method: 'inPerson', servedOn: '2026-11-20' })]);
    await expect(callApi(s, 'documents.generateBatch', { caseId: collective, kind: 'closingApproval' })).rejects.toThrow(/不按当事人批量生成/);
  }, 120_000);
});

describe.skipIf(!hasSoffice())('PDF export', () => {
  it('writes …v<N>.pdf next to the docx and counts its pages', async () => {
    const [doc] = await callApi(s, 'documents.generate', { caseId: collective, kind: 'acceptanceNotice' });
    const out = await callApi(s, 'documents.exportPdf', { documentId: doc!.id });
    expect(out.fileName).toBe(doc!.fileName.replace(/\.docx$/, '.pdf'));
    expect(path.dirname(out.path)).toBe(path.dirname(documentPath(s.dataDir, doc!)));
    expect(out.pages).toBeGreaterThanOrEqual(2);
  });
});

describe('download route', () => {
  it('GET /api/files/document/<id>?format=docx|pdf answers the file as an attachment with a UTF-8 name', async () => {
    const { startWebHost } = await import('../../electron/web/webHost');
    const host = await startWebHost({ services: s, rendererDir: fs.mkdtempSync(path.join(s.dataDir, 'renderer-')) });
    try {
      const [doc] = await callApi(s, 'documents.generate', { caseId: collective, kind: 'acceptanceNotice' });
      const base = `http://127.0.0.1:${host.port}/api/files/document/${doc!.id}`;
      const docx = await fetch(`${base}?format=docx`, { headers: { 'X-Sucai-Token': host.token } });
      expect(docx.status).toBe(200);
      expect(docx.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`${doc!.title}-第${doc!.version}版.docx`)}`);
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      expect((await fetch(`${base}?format=docx`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${host.port}/api/files/document/999999`, { headers: { 'X-Sucai-Token': host.token } })).status).toBe(404);
      if (hasSoffice()) {
        const pdf = await fetch(`${base}?format=pdf`, { headers: { 'X-Sucai-Token': host.token } });
        expect(pdf.headers.get('content-type')).toBe('application/pdf');
        expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      await host.close();
    }
  });
});
