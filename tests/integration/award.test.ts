// The award, the mediation documents and the hearing record for a 30-worker collective case, read
// back from PDF (LibreOffice → pdftotext). Every expected figure below was worked out by hand.
//
// Minimum wage 1,850元 in force since 2024-03-01 → final-award threshold 12 × 1,850 = 22,200元.
// Finality is tested on the AWARDED amount (Rules Art 50 "单项裁决数额"; SPC 解释（一）第十九条).
// Wages claimed (and awarded, but for worker 2): worker 0 25,000.00; worker 1 22,200.01; worker 2
// 30,000.00 awarded 28,000 (the three above the threshold), worker 3 22,200.00 (exactly at it:
// final), workers 4…29 8,000 + 100·i 元. Everyone claims 1,200元 overtime.
// Liability (the chain's default): the general contractor gave the work to the team leader 刘德胜, an
// individual → it pays as the contracting unit (条例第三十六条), 刘德胜 jointly (劳动合同法第九十四条).
//   Σ wages of workers 4…29 = 26 × 8,000 + 100 × (4 + … + 29) = 208,000 + 42,900 = 250,900元
//   final wages = 250,900 + 22,200 = 273,100.00元 (人民币贰拾柒万叁仟壹佰元整), 27 workers
//   final overtime: 30 claims, worker 4's dismissed (awarded 0, still final) → 29 × 1,200 = 34,800.00元
//   final total 273,100 + 34,800 = 307,900.00元 (人民币叁拾万柒仟玖佰元整)
//   non-final wages: 25,000 + 22,200.01 + 28,000 (worker 2 awarded 28,000 of 30,000) = 75,200.01元
//     (人民币柒万伍仟贰佰元零壹分)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardView, DocumentView } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { compact, docxToPdf, hasSoffice, pdfPageCount, pdfPages, renderPng } from '../support/pdf';
import { addAccount, callApi, caseInput, makeId, openTestServices, recordAttendance, repoRoot, tempDataDir, workerDraft } from '../support/services';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['建国', '秀英', '志强', '桂兰', '海涛', '德明', '春花', '国华', '小军', '玉珍'];
const NAMES = Array.from({ length: 30 }, (_, i) => `${SURNAMES[i]}${GIVEN[i % 10]}`);
const WAGES = NAMES.map((_, i) => (i === 0 ? '25000' : i === 1 ? '22200.01' : i === 2 ? '30000' : i === 3 ? '22200' : String(8000 + 100 * i)));
const ids = NAMES.map((_, i) => makeId('360702', `198${i % 10}-0${(i % 9) + 1}-1${i % 10}`, 100 + i));
const NON_FINAL = [0, 1, 2];
const CASE_NUMBER = '赣市劳人仲案字〔2026〕第1号';
const COMPANY = '江西赣建建设集团有限公司';
const PAGES_DIR = path.join(repoRoot, 'test-results', 'award-pages');

let dataDir: string;
let s: Services & { dataDir: string };
let awardCase: number;
let mediationCase: number;
let hearingId: number;
let exhibitId: number;

function collectiveCase(seedOffset: number) {
  const workers = NAMES.map((n, i) => workerDraft(n, makeId('360702', `197${i % 10}-1${i % 3}-2${i % 8}`, 300 + seedOffset + i), WAGES[i]!));
  if (seedOffset === 0) workers.forEach((w, i) => (w.idNumber = ids[i]!));
  const input = caseInput(workers, {
    procedure: 'ordinary',
    representativeIndexes: [0, 3, 5],
    extraClaims: NAMES.map((_, i) => ({ workerIndex: i, type: 'overtime' as const, amount: '1200' })),
  });
  const [gc, leader] = input.respondents;
  const company = { kind: 'company' as const, name: COMPANY, creditCode: '91350100M000100Y43', legalRepresentative: '钟国强', address: '江西省赣州市章贡区红旗大道18号' };
  return { ...input, respondents: [{ role: gc!.role, organisation: company }, leader!] };
}

function reopen(now: string) {
  s.close();
  s = openTestServices(dataDir, now);
}

/** The PDF's text: `flat` without whitespace and without the page numbers (so sentences that cross a page read whole). */
async function pdfOf(doc: DocumentView): Promise<{ pdf: string; text: string; flat: string; numbers: string[]; pages: number }> {
  const docx = documentPath(s.dataDir, doc);
  const pdf = await docxToPdf(docx);
  // -layout keeps each table row on one line, in column order
  const text = pdfPages(pdf, { layout: true }).join('\f');
  const numbers = text.split('\f').map((page) => /—\s*(\d+)\s*—/.exec(page)?.[1] ?? '');
  return { pdf, text, flat: compact(text).replace(/—\d+—/g, ''), numbers, pages: pdfPageCount(pdf) };
}

/** Every page carries its number "— N —". */
function expectPageNumbers(numbers: string[], pages: number) {
  expect(numbers).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
}

beforeAll(async () => {
  dataDir = tempDataDir('sucai-award-');
  if (process.env.AWARD_TEST_DEBUG) console.log('award test data folder', dataDir);
  s = openTestServices(dataDir, '2026-11-20T02:00:00Z');
  const settings = await callApi(s, 'settings.get', {});
  await callApi(s, 'settings.update', {
    ...settings,
    minimumWages: [
      { effectiveOn: '2021-07-01', monthlyFen: 161_000 },
      { effectiveOn: '2024-03-01', monthlyFen: 185_000 },
      { effectiveOn: '2027-01-01', monthlyFen: 200_000 }, // not yet in force on the award date
    ],
  });
  awardCase = (await callApi(s, 'cases.create', collectiveCase(0))).id;
  mediationCase = (await callApi(s, 'cases.create', collectiveCase(100))).id;
  await callApi(s, 'cases.accept', { id: awardCase, acceptedOn: '2026-11-18' });
  await callApi(s, 'cases.accept', { id: mediationCase, acceptedOn: '2026-11-18' });

  const staff: Record<string, number> = {};
  for (const [k, role, name] of [
    ['a', 'arbitrator', '王建华'],
    ['b', 'arbitrator', '李秀梅'],
    ['c', 'arbitrator', '陈志刚'],
    ['k', 'clerk', '周婷'],
  ] as const) {
    staff[k] = await addAccount(s, name, [role]);
  }
  const room = (await callApi(s, 'rooms.save', { name: '第一仲裁庭', location: '三楼' })).rooms.find((r) => r.name === '第一仲裁庭')!.id;
  const h = await callApi(s, 'hearings.schedule', {
    caseId: awardCase,
    startsAt: '2026-11-30T09:00',
    endsAt: '2026-11-30T11:30',
    roomId: room,
    procedure: 'ordinary',
    presidingId: staff.a!,
    wingIds: [staff.b!, staff.c!],
    clerkId: staff.k!,
    noticeServedOn: '2026-11-20',
  });
  hearingId = h.id;
  const file = path.join(dataDir, '工资表.txt');
  fs.writeFileSync(file, '姓名,应发,实发\n王建国,25000,0\n');
  exhibitId = (await callApi(s, 'evidence.addFromPaths', { caseId: awardCase, paths: [file], track: 'arbitration', submittedBy: 'applicant' }))[0]!.id;
  await callApi(s, 'evidence.update', { id: exhibitId, purposeOfProof: '证明拖欠工资的数额' });
  // the hearing is held on 11-30; the award is made on 12-02
  reopen('2026-12-02T02:00:00Z');
  await recordAttendance(s, hearingId);
  fs.mkdirSync(PAGES_DIR, { recursive: true });
}, 120_000);

afterAll(() => s?.close());

describe('award.get / award.save', () => {
  it('lists every claim item and leaves finality open until there is an award date', async () => {
    const view = await callApi(s, 'award.get', { caseId: awardCase });
    expect(view.items).toHaveLength(60);
    expect(view.items.every((i) => i.isFinal === null && i.awardedFen === null)).toBe(true);
    expect(view).toMatchObject({ decidedOn: null, minimumWageFen: null, thresholdFen: null, hasFinal: false, hasNonFinal: false, issuedAt: null });
  });

  it('classifies per worker per item against the award date, refuses awards above the claim, writes one event per real change', async () => {
    const before = (await callApi(s, 'cases.get', { id: awardCase })).events.length;
    let view: AwardView = await callApi(s, 'award.save', { caseId: awardCase, decidedOn: '2026-12-02' });
    // nothing awarded yet: finality waits for the amount decided
    expect(view).toMatchObject({ minimumWageFen: 185_000, thresholdFen: 2_220_000, hasFinal: false, hasNonFinal: false });
    expect(view.items.every((i) => i.isFinal === null && i.finalReason === null)).toBe(true);
    const wages = (i: number) => view.items.find((x) => x.workerName === NAMES[i] && x.type === 'unpaidWages')!;

    const items = view.items.map((i) => ({
      claimItemId: i.claimItemId,
      awardedFen: i.workerName === NAMES[2] && i.type === 'unpaidWages' ? 2_800_000 : i.workerName === NAMES[4] && i.type === 'overtime' ? 0 : i.claimedFen,
    }));
    const over = { claimItemId: wages(3).claimItemId, awardedFen: 2_220_100 };
    await expect(callApi(s, 'award.save', { caseId: awardCase, items: [over] })).rejects.toThrow(`${NAMES[3]}「拖欠工资」裁决金额22,201.00元超过请求金额22,200.00元`);
    view = await callApi(s, 'award.save', {
      caseId: awardCase,
      items,
      defence: '被申请人对拖欠工资的事实无异议，但称因建设单位未按期支付工程款导致无法按时发放工资。',
      factsFound: '申请人等30人于2026年3月至10月在被申请人承建的赣州蓉江新区安置房三期工程从事木工、钢筋工等工作。\n截至申请仲裁之日，被申请人尚欠申请人工资及加班费未付。',
    });
    expect(view.items.every((i) => i.awardedFen !== null)).toBe(true);
    expect(view).toMatchObject({ hasFinal: true, hasNonFinal: true });
    expect([0, 1, 2, 3, 4].map((i) => [wages(i).awardedFen, wages(i).isFinal])).toEqual([
      [2_500_000, false],
      [2_220_001, false],
      [2_800_000, false],
      [2_220_000, true],
      [840_000, true],
    ]);
    expect(wages(2).finalReason).toBe('裁决数额28,000.00元（请求30,000.00元）超过22,200.00元，非终局');
    // the case total (≈ 38万元) does not matter: every overtime item is final; the dismissed one too
    expect(view.items.filter((i) => i.type === 'overtime').every((i) => i.isFinal === true)).toBe(true);
    // finality follows the amount: worker 2 awarded 20,000 of the 30,000 claimed is final, and back
    const w2 = wages(2).claimItemId;
    view = await callApi(s, 'award.save', { caseId: awardCase, items: [{ claimItemId: w2, awardedFen: 2_000_000 }] });
    expect([wages(2).isFinal, wages(2).finalReason]).toEqual([true, '裁决数额20,000.00元（请求30,000.00元）不超过22,200.00元，终局']);
    view = await callApi(s, 'award.save', { caseId: awardCase, items: [{ claimItemId: w2, awardedFen: 2_800_000 }] });
    expect(wages(2).isFinal).toBe(false);
    // who pays: one group, the chain's default
    expect(view.liability.groups).toHaveLength(1);
    expect(view.liability.groups[0]).toMatchObject({ isDefault: true, problems: [] });
    expect(view.liability.groups[0]!.assignment.map((a) => a.kind)).toEqual(['contractingUnit', 'joint']);
    // the same save again changes nothing and writes nothing
    await callApi(s, 'award.save', { caseId: awardCase, items, factsFound: view.factsFound });
    const events = (await callApi(s, 'cases.get', { id: awardCase })).events.filter((e) => e.action === 'award.save');
    expect(events).toHaveLength(4);
    expect(events[2]!.summary).toMatch(/^裁决书草稿：修改答辩意见、查明事实；裁决金额60项（/);
    expect(events[3]!.summary).toBe('裁决书草稿：裁决日期2026年12月2日');
    expect((await callApi(s, 'cases.get', { id: awardCase })).events.length).toBe(before + 4);
  });

  it('refuses to issue while something is missing, in Chinese', async () => {
    await expect(callApi(s, 'award.issue', { caseId: awardCase, decidedOn: '2026-11-17' })).rejects.toThrow('裁决日期2026年11月17日早于受理日期2026年11月18日');
    await expect(callApi(s, 'award.issue', { caseId: awardCase, decidedOn: '2026-12-02' })).rejects.toThrow('请填写"本委认为"的理由');
    // no minimum wage in force on the date
    const other = await callApi(s, 'cases.create', caseInput([workerDraft('钟海涛', makeId('360702', '1984-04-04', 77), '12340')], { receivedOn: '2021-01-04' }));
    await callApi(s, 'cases.accept', { id: other.id, acceptedOn: '2021-01-05' });
    const item = (await callApi(s, 'award.get', { caseId: other.id })).items[0]!;
    await callApi(s, 'award.save', { caseId: other.id, items: [{ claimItemId: item.claimItemId, awardedFen: 1_234_000 }], factsFound: '事实', reasoning: '理由' });
    await expect(callApi(s, 'award.issue', { caseId: other.id, decidedOn: '2021-02-01' })).rejects.toThrow('请在设置中填写2021年2月1日（裁决日）或之前生效的最低工资标准');
  });
});

describe('award.issue → 终局裁决书 and 非终局裁决书', () => {
  let docs: DocumentView[];
  let issued: AwardView;
  beforeAll(async () => {
    await callApi(s, 'award.save', {
      caseId: awardCase,
      reasoning: '用人单位应当按照劳动合同约定和国家规定，向劳动者及时足额支付劳动报酬。被申请人拖欠申请人工资，应予支付。\n建设单位未按期拨付工程款，不能成为拖欠农民工工资的理由。',
    });
    const result = await callApi(s, 'award.issue', { caseId: awardCase, decidedOn: '2026-12-02' });
    docs = result.documents;
    issued = result.award;
  }, 60_000);

  it('stores the classification and the issue time; the award is no longer a draft', async () => {
    expect(issued.issuedAt).toBe('2026-12-02T02:00:00.000Z');
    expect(issued.items.filter((i) => i.isFinal === false).map((i) => i.workerName)).toEqual(NON_FINAL.map((i) => NAMES[i]));
    expect(docs.map((d) => [d.kind, d.variant, d.title, d.version])).toEqual([
      ['award', 'final', '终局裁决书', 1],
      ['award', 'nonFinal', '非终局裁决书', 1],
    ]);
    await expect(callApi(s, 'award.save', { caseId: awardCase, reasoning: '改' })).rejects.toThrow('裁决书已于2026年12月2日作出，不能再修改');
    // a later minimum-wage change does not rewrite an issued award
    const settings = await callApi(s, 'settings.get', {});
    await callApi(s, 'settings.update', { ...settings, minimumWages: [...settings.minimumWages, { effectiveOn: '2026-12-01', monthlyFen: 300_000 }] });
    expect((await callApi(s, 'award.get', { caseId: awardCase })).items.filter((i) => i.isFinal === false)).toHaveLength(3);
    await callApi(s, 'settings.update', settings);
    const event = (await callApi(s, 'cases.get', { id: awardCase })).events.find((e) => e.action === 'award.issue')!;
    expect(event.summary).toBe(
      '作出裁决（2026年12月2日）：裁决金额合计383,100.01元；终局57项、非终局3项，分别制作终局裁决书和非终局裁决书（终局标准：月最低工资1,850.00元×12＝22,200.00元，按每名申请人每项请求计算）',
    );
  });

  it.skipIf(!hasSoffice())(
    'the final award: parties, every worker in its annex, totals, 大写, the final remedy, page numbers',
    async () => {
      const { pdf, text, flat, numbers, pages } = await pdfOf(docs[0]!);
      expect(flat).toContain('终局裁决书');
      expect(flat).toContain(CASE_NUMBER);
      expect(flat).toContain(`被申请人：${COMPANY}，住所地江西省赣州市章贡区红旗大道18号，统一社会信用代码91350100M000100Y43。`);
      expect(flat).toContain('法定代表人：钟国强。');
      expect(flat).toContain('被申请人：刘德胜，男，1975年3月8日出生');
      expect(flat).toContain(`申请人（代表人）：${NAMES[0]}`);
      expect(flat).toContain(`申请人：${NAMES[0]}、${NAMES[3]}、${NAMES[5]}等30名申请人，名单见附表。`);
      expect(flat).toContain('由首席仲裁员王建华、仲裁员李秀梅、陈志刚进行审理');
      expect(flat).toContain('本委于2026年11月30日公开开庭进行了审理');
      // every party by name, every representative
      expect(flat).toContain(`申请人的代表人${NAMES[0]}、${NAMES[3]}、${NAMES[5]}到庭参加庭审；被申请人${COMPANY}、被申请人刘德胜到庭参加庭审。`);
      expect(flat).toContain('证据一《工资表》');
      expect(flat).toContain('本委认为，用人单位应当');
      // each respondent's obligation in its own item; worker 4's dismissed overtime named
      expect(flat).toContain(
        `一、被申请人${COMPANY}（发包单位，依《保障农民工工资支付条例》第三十六条承担清偿责任）于本裁决生效之日起十日内支付申请人${NAMES[0]}等30人工资共计273,100.00元（人民币贰拾柒万叁仟壹佰元整）、加班费共计34,800.00元（人民币叁万肆仟捌佰元整），各申请人应得金额见附表；`,
      );
      expect(flat).toContain('二、被申请人刘德胜对上述第一项款项承担连带清偿责任（《中华人民共和国劳动合同法》第九十四条）；');
      expect(flat).toContain(`三、驳回申请人${NAMES[4]}的其他仲裁请求（各申请人驳回金额见附表）。`);
      expect(flat).toContain(
        '本裁决为终局裁决，自作出之日起发生法律效力。劳动者对本裁决不服的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；用人单位有证据证明本裁决有《中华人民共和国劳动争议调解仲裁法》第四十九条规定情形之一的，可以自收到裁决书之日起三十日内向赣州市中级人民法院申请撤销裁决。',
      );
      expect(flat).not.toContain('期满不起诉的');
      expect(flat).toContain('二〇二六年十二月二日');
      expect(flat).toContain('书记员周婷');
      // annex: every worker, each with ID, the totals row, the 大写 total
      for (let i = 0; i < 30; i++) expect(flat).toContain(`${i + 1}${NAMES[i]}${ids[i]}`);
      // annex per worker: claimed, awarded, dismissed — claimed 273,100 + 36,000 = 309,100; dismissed 1,200
      expect(flat).toContain('合计30人309,100.00307,900.001,200.00');
      expect(flat).toContain('裁决金额合计307,900.00元（人民币叁拾万柒仟玖佰元整）；驳回金额合计1,200.00元。');
      // worker 4: 8,400 + 1,200 claimed, 8,400 awarded, 1,200 dismissed; worker 0 (no final wages): overtime only
      expect(flat).toContain(`5${NAMES[4]}${ids[4]}9,600.008,400.001,200.00`);
      expect(flat).toContain(`1${NAMES[0]}${ids[0]}1,200.001,200.00—`);
      expect(pages).toBeGreaterThanOrEqual(5);
      expectPageNumbers(numbers, pages);
      // the annex header row is repeated on the page the table continues on
      const annexPages = text.split('\f').filter((p) => p.includes('身份证号码') && p.includes('驳回金额'));
      expect(annexPages.length).toBeGreaterThanOrEqual(2);
      renderPng(pdf, path.join(PAGES_DIR, 'award-final'));
    },
    120_000,
  );

  it.skipIf(!hasSoffice())(
    'the non-final award: only the three workers above the threshold, the 15-day remedy',
    async () => {
      const { pdf, flat, numbers, pages } = await pdfOf(docs[1]!);
      expect(flat).toContain('非终局裁决书');
      expect(flat).toContain(CASE_NUMBER);
      for (const i of NON_FINAL) expect(flat).toContain(`申请人：${NAMES[i]}，`);
      expect(flat).not.toContain('名单见附表');
      // this half names all the representatives too, as parties and at the hearing
      expect(flat).toContain(`代表人：${NAMES[0]}、${NAMES[3]}、${NAMES[5]}（本案集体劳动人事争议推举的代表人）。`);
      expect(flat).toContain(`申请人的代表人${NAMES[0]}、${NAMES[3]}、${NAMES[5]}到庭参加庭审`);
      expect(flat).toContain('因本案仲裁请求中部分事项适用终局裁决，本委依法分别制作终局裁决书和非终局裁决书。');
      // three workers named in the party block: each one's own amount in the decision (issue 10 §2)
      expect(flat).toContain(
        `一、被申请人${COMPANY}（发包单位，依《保障农民工工资支付条例》第三十六条承担清偿责任）于本裁决生效之日起十日内支付申请人${NAMES[0]}工资25,000.00元（人民币贰万伍仟元整）；支付申请人${NAMES[1]}工资22,200.01元（人民币贰万贰仟贰佰元零壹分）；支付申请人${NAMES[2]}工资28,000.00元（人民币贰万捌仟元整）；`,
      );
      expect(flat).not.toContain('共计75,200.01元');
      expect(flat).toContain('二、被申请人刘德胜对上述第一项款项承担连带清偿责任');
      expect(flat).toContain(`三、驳回申请人${NAMES[2]}的其他仲裁请求。`);
      expect(flat).toContain('当事人不服本裁决的，可以自收到裁决书之日起十五日内向人民法院提起诉讼；期满不起诉的，本裁决书发生法律效力。');
      expect(flat).not.toContain('本裁决为终局裁决');
      expect(flat).toContain(`1${NAMES[0]}${ids[0]}25,000.0025,000.00—`);
      expect(flat).toContain(`2${NAMES[1]}${ids[1]}22,200.0122,200.01—`);
      expect(flat).toContain(`3${NAMES[2]}${ids[2]}30,000.0028,000.002,000.00`);
      expect(flat).toContain('合计3人77,200.0175,200.012,000.00');
      for (let i = 6; i < 30; i++) expect(flat).not.toContain(NAMES[i]);
      expectPageNumbers(numbers, pages);
      renderPng(pdf, path.join(PAGES_DIR, 'award-nonFinal'));
    },
    120_000,
  );

  it('regenerating with unchanged data keeps the versions; documents.list shows both', async () => {
    const again = await callApi(s, 'documents.generate', { caseId: awardCase, kind: 'award' });
    expect(again.map((d) => [d.variant, d.version])).toEqual([
      ['final', 1],
      ['nonFinal', 1],
    ]);
    const list = await callApi(s, 'documents.list', { caseId: awardCase });
    expect(list.available.find((a) => a.kind === 'award')).toMatchObject({ ready: true, missing: [] });
    const only = await callApi(s, 'documents.generate', { caseId: awardCase, kind: 'award', variant: 'nonFinal' });
    expect(only.map((d) => d.variant)).toEqual(['nonFinal']);
  });
});

describe('庭审笔录', () => {
  it.skipIf(!hasSoffice())(
    'prints the header, every typed step with its speaker labels, the 质证 lines and the signature lines',
    async () => {
      await callApi(s, 'hearings.saveRecordStep', {
        hearingId,
        step: 'claims',
        content: `审：下面由申请人陈述仲裁请求。\n代：代表人${NAMES[0]}代表全体申请人陈述：请求支付拖欠工资及加班费。\n被：答辩意见：工程款未结算，同意支付工资。`,
      });
      await callApi(s, 'hearings.saveRecordStep', { hearingId, step: 'investigation', content: '审：下面由申请人举证。\n申：出示证据一工资表，证明拖欠工资数额。' });
      await callApi(s, 'crossExamination.save', { exhibitId, hearingId, party: 'respondent', authenticity: 'accepted', legality: 'accepted', relevance: 'disputed', opinion: '加班时间不实' });
      await callApi(s, 'crossExamination.save', { exhibitId, hearingId, party: 'tribunal', authenticity: 'accepted', legality: 'accepted', relevance: 'accepted', opinion: '' });
      // the record prints when the hearing actually opened and closed
      await callApi(s, 'hearings.setTimes', { id: hearingId, openedAt: '2026-11-30T09:04', closedAt: '2026-11-30T11:12' });
      const [doc] = await callApi(s, 'documents.generate', { caseId: awardCase, kind: 'hearingRecord' });
      expect(doc).toMatchObject({ kind: 'hearingRecord', variant: `hearing-${hearingId}`, title: '庭审笔录' });
      const { pdf, flat, numbers, pages } = await pdfOf(doc!);
      expect(flat).toContain('庭审笔录');
      expect(flat).toContain(CASE_NUMBER);
      expect(flat).toContain('时间：2026年11月30日9时04分至11时12分');
      expect(flat).toContain('地点：第一仲裁庭（三楼）');
      expect(flat).toContain('首席仲裁员：王建华');
      expect(flat).toContain('仲裁员：李秀梅、陈志刚');
      expect(flat).toContain('书记员：周婷');
      expect(flat).toContain(`申请人：${NAMES[0]}等30人（代表人：${NAMES[0]}、${NAMES[3]}、${NAMES[5]}），到庭`);
      expect(flat).toContain(`被申请人：${COMPANY}，到庭`);
      expect(flat).toContain('【申请人陈述仲裁请求、被申请人答辩】');
      expect(flat).toContain(`代：代表人${NAMES[0]}代表全体申请人陈述：请求支付拖欠工资及加班费。`);
      expect(flat).toContain('被：答辩意见：工程款未结算，同意支付工资。');
      expect(flat).toContain(`到庭情况：申请人的代表人${NAMES[0]}到庭，${NAMES[3]}到庭，${NAMES[5]}到庭；被申请人${COMPANY}到庭，刘德胜到庭。`);
      expect(flat).toContain('证据一《工资表》：被申请人对真实性、合法性无异议，对关联性有异议，加班时间不实；仲裁庭认定：对真实性、合法性、关联性均予以确认。');
      expect(flat).toContain('【庭审辩论】（本环节未记录）');
      expect(flat).toContain('申请人：以上笔录经本人核对无误。签名：');
      expect(flat).toContain('申请人代表人：以上笔录经本人核对无误。签名：');
      expect(flat).toContain('被申请人：以上笔录经本人核对无误。签名：');
      expect(flat).toContain('首席仲裁员（签名）：');
      expect(flat).toContain('书记员（签名）：');
      expectPageNumbers(numbers, pages);
      renderPng(pdf, path.join(PAGES_DIR, 'hearing-record'));
    },
    120_000,
  );
});

describe('调解书: wages first, then the whole settlement', () => {
  it.skipIf(!hasSoffice())(
    'the partial (wages) document, then the full one with money paid on the spot and instalments',
    async () => {
      const caseId = mediationCase;
      let list = await callApi(s, 'documents.list', { caseId });
      expect(list.available.find((a) => a.kind === 'partialMediationDocument')).toMatchObject({ ready: false, missing: ['尚未就任何请求达成调解（可使用"工资优先"）'] });
      await callApi(s, 'mediation.addSession', { caseId, heldOn: '2026-12-01', mediator: '王建华', attendees: [{ role: '代表人', name: NAMES[0]! }], notes: '工资部分先行调解' });
      let view = await callApi(s, 'mediation.settleWagesFirst', { caseId, workerIds: null, payBy: '2026-12-15' });
      // wages Σ = 273,100 + 25,000 + 22,200.01 + 30,000 = 350,300.01元
      expect(view.totals.agreedFen).toBe(35_030_001);
      await callApi(s, 'mediation.setOutcome', { caseId, outcome: 'partlySettled' });
      // the full document cannot be made while the overtime is open
      list = await callApi(s, 'documents.list', { caseId });
      expect(list.available.find((a) => a.kind === 'mediationDocument')?.missing[0]).toMatch(/^尚有30名申请人的请求未达成调解.*只能制作部分调解书，其他请求继续审理$/);
      await expect(callApi(s, 'documents.generate', { caseId, kind: 'mediationDocument' })).rejects.toThrow(/只能制作部分调解书/);
      const [partial] = await callApi(s, 'documents.generate', { caseId, kind: 'partialMediationDocument' });
      const p = await pdfOf(partial!);
      expect(p.flat).toContain('调解书（工资部分）');
      expect(p.flat).toContain('赣市劳人仲案字〔2026〕第2号');
      expect(p.flat).toContain('经本委主持调解，双方当事人就上述请求自愿达成如下协议：');
      expect(p.flat).toContain(
        `一、被申请人${COMPANY}（发包单位，依《保障农民工工资支付条例》第三十六条承担清偿责任）支付申请人${NAMES[0]}等30人工资共计350,300.01元（人民币叁拾伍万零叁佰元零壹分），各申请人应得金额见附表；`,
      );
      expect(p.flat).toContain('二、被申请人刘德胜对上述第一项款项承担连带清偿责任（《中华人民共和国劳动合同法》第九十四条）；');
      expect(p.flat).toContain(`三、申请人${NAMES[0]}等30人的工资共计350,300.01元于2026年12月15日前一次性支付；`);
      expect(p.flat).toContain('申请人的其他仲裁请求，本委继续审理，另行作出处理。');
      expect(p.flat).not.toContain('再无其他争议');
      expect(p.flat).not.toContain('加班费共计36,000.00元（人民币');
      expect(p.flat).toContain('本调解书经双方当事人签收后，即发生法律效力。');
      expect(p.flat).toContain('二〇二六年十二月一日');
      for (let i = 0; i < 30; i++) expect(p.flat).toContain(`${i + 1}${NAMES[i]}3607021`);
      expect(p.flat).toContain('合计30人350,300.01350,300.010.00');
      expectPageNumbers(p.numbers, p.pages);

      // the overtime too, 1,000元 each; worker 0 paid 5,000元 on the spot; worker 1 pays in two instalments
      view = await callApi(s, 'mediation.get', { caseId });
      await callApi(s, 'mediation.setAgreed', {
        caseId,
        items: view.rows.flatMap((r) => r.claims.filter((c) => c.type === 'overtime').map((c) => ({ claimItemId: c.claimItemId, agreedFen: 100_000, payBy: '2026-12-31', method: 'bankTransfer' as const }))),
      });
      await callApi(s, 'mediation.recordPayment', { caseId, workerId: view.rows[0]!.workerId, amountFen: 500_000, paidAt: '2026-12-01T10:30', method: 'bankTransfer', reference: '20261201103000017' });
      // worker 1: 22,200.01 + 1,000 = 23,200.01元 → 12,000 + 11,200.01
      await callApi(s, 'mediation.setInstalments', {
        caseId,
        workerId: view.rows[1]!.workerId,
        instalments: [
          { dueOn: '2026-12-15', amountFen: 1_200_000 },
          { dueOn: '2027-01-15', amountFen: 1_120_001 },
        ],
      });
      await callApi(s, 'mediation.setOutcome', { caseId, outcome: 'settled' });
      const [full] = await callApi(s, 'documents.generate', { caseId, kind: 'mediationDocument' });
      const f = await pdfOf(full!);
      expect(f.flat).toContain('调解书');
      expect(f.flat).not.toContain('调解书（工资部分）');
      expect(f.flat).toContain('经本委主持调解，双方当事人自愿达成如下协议：');
      expect(f.flat).toContain(
        `一、被申请人${COMPANY}（发包单位，依《保障农民工工资支付条例》第三十六条承担清偿责任）支付申请人${NAMES[0]}等30人工资共计350,300.01元（人民币叁拾伍万零叁佰元零壹分）、加班费共计30,000.00元（人民币叁万元整），各申请人应得金额见附表一；`,
      );
      // the pay-by terms per worker: paid on the spot (how), instalments (no five-day clause for them), the dates
      expect(f.flat).toContain(`调解时已当场支付申请人${NAMES[0]}共计5,000.00元（各申请人已收金额及支付方式见附表一），申请人本人已签收确认，该款从上述应付款项中扣除；`);
      expect(f.flat).toContain(`申请人${NAMES[1]}的款项共计23,200.01元分期支付，各申请人每期履行期限及金额见附表二，以银行转账方式支付至申请人本人银行账户；`);
      expect(f.flat).toContain('被申请人逾期未支付任何一期款项的，申请人可以就全部未付款项申请人民法院强制执行；');
      // 28 workers' wages by 12/15 (no method agreed for the wages), worker 0's wages less the 5,000 paid; all 29 overtime by 12/31 by bank
      // the worker paid on the spot by bank transfer has that way of payment agreed for the rest too,
      // so the wages fall into two groups with their own terms (20,000 + 303,100 = 323,100)
      expect(f.flat).toContain(`申请人${NAMES[0]}的工资（扣除当场已付部分）共计20,000.00元于2026年12月15日前一次性支付，以银行转账方式支付至申请人本人银行账户；`);
      expect(f.flat).toContain(`申请人${NAMES[3]}等28人的工资共计303,100.00元于2026年12月15日前一次性支付；`);
      expect(f.flat).toContain(`申请人${NAMES[0]}等29人的加班费共计29,000.00元于2026年12月31日前一次性支付，以银行转账方式支付至申请人本人银行账户；`);
      expect(f.flat).not.toContain('生效之日起五日内');
      expect(f.flat).toContain('双方就本案劳动争议再无其他争议。');
      // annex: claimed 350,300.01 + 36,000 = 386,300.01; agreed 350,300.01 + 30,000 = 380,300.01; paid on the spot 5,000
      expect(f.flat).toContain('合计30人386,300.01380,300.015,000.00');
      // worker 0: 25,000 + 1,200 claimed, 25,000 + 1,000 agreed, 5,000 paid by transfer, the rest on two dates; worker 1 in 2 instalments
      expect(f.flat).toContain(`1${NAMES[0]}3607021`);
      // paid 5,000 on the spot by transfer; the rest (wages 12.15, overtime 12.31) by transfer — the
      // terms cell may wrap, so its two lines are not checked for their order in the extracted text
      expect(f.flat).toMatch(new RegExp(`1${NAMES[0]}\\d{17}[\\dX]26,200.0026,000.005,000.00转账`));
      expect(f.flat).toContain('12.15/12.31前');
      expect(f.flat).toMatch(new RegExp(`2${NAMES[1]}\\d{17}[\\dX]23,400.0123,200.01—分2期转账`));
      expect(f.flat).toContain('分期履行计划');
      expect(f.flat).toContain(`2${NAMES[1]}第二期2027年1月15日11,200.01`);
      expectPageNumbers(f.numbers, f.pages);
      renderPng(f.pdf, path.join(PAGES_DIR, 'mediation'));
      renderPng(p.pdf, path.join(PAGES_DIR, 'mediation-partial'));
      list = await callApi(s, 'documents.list', { caseId });
      expect(list.documents.filter((d) => d.kind.endsWith('ediationDocument')).map((d) => d.kind).sort()).toEqual(['mediationDocument', 'partialMediationDocument']);
    },
    180_000,
  );
});
