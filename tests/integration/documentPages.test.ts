// PDF pages of the documents a clerk signs, read back and rendered to PNG under
// test-results/document-pages/ to be looked at: the 限期改正指令书 and 移送书 (GB/T 9704 公文), the
// 结案审批表 (one page) and an award annex with a large total (no total broken across lines).
import fs from 'node:fs';
import path from 'node:path';
import { Packer } from 'docx';
import { buildClosingApproval } from '../../electron/documents/notices/closingApproval';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind, DocumentView } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { documentPath } from '../../electron/services/documents/generate';
import { buildEveryDocumentWorld } from '../support/everyDocument';
import { compact, docxToPdf, hasSoffice, pdfLines, pdfPageCount, pdfPages, renderPng, type PdfLine } from '../support/pdf';
import { callApi, openTestServices, repoRoot } from '../support/services';

const OUT = path.join(repoRoot, 'test-results', 'document-pages');
let s: Services & { dataDir: string };
let readyOn: Map<DocumentKind, number>;

beforeAll(async () => {
  s = openTestServices();
  readyOn = (await buildEveryDocumentWorld(s)).readyOn;
}, 240_000);
afterAll(() => s?.close());

async function pdfOf(kind: DocumentKind, pick: (views: DocumentView[]) => DocumentView = (v) => v[0]!) {
  const views = await callApi(s, 'documents.generate', { caseId: readyOn.get(kind)!, kind });
  const view = pick(views);
  const pdf = await docxToPdf(documentPath(s.dataDir, view));
  const layout = pdfPages(pdf, { layout: true });
  return { view, pdf, layout, pages: pdfPages(pdf).map(compact), count: pdfPageCount(pdf) };
}

describe.skipIf(!hasSoffice())('documents a clerk signs, as printed', { timeout: 180_000 }, () => {
  it('限期改正指令书: 发文字号, remedy with its time limit and reviewing body, organ over an Arabic-numeral date, worker list as 附件', async () => {
    const { pages, pdf, layout } = await pdfOf('correctionOrder');
    const first = pages[0]!;
    expect(first).toContain('赣州市人力资源和社会保障局');
    expect(first).toContain('赣市人社监令〔2026〕1号');
    expect(pages.join('')).toContain('责令你单位于2026年11月18日前（自本指令书作出之日起2日内）改正');
    expect(pages.join('')).toContain('可以自收到本指令书之日起60日内向赣州市人民政府申请行政复议');
    expect(pages.join('')).toContain('6个月内依法向人民法院提起行政诉讼');
    expect(pages.join('')).toContain('附件：被拖欠工资劳动者名单');
    // the date in Arabic numerals, four characters from the right margin, the organ's name on the
    // line above it and centred over it (within a quarter of a character)
    expect(layout.join('')).not.toMatch(/二〇二六年/);
    const lines = pdfLines(pdf);
    const date = lines.findIndex((l) => l.text === '2026年11月16日');
    expect(date).toBeGreaterThan(0);
    const organ = lines[date - 1]!;
    expect(organ.text).toBe('赣州市人力资源和社会保障局');
    const centre = (l: PdfLine) => (l.xMin + l.xMax) / 2;
    expect(Math.abs(centre(organ) - centre(lines[date]!))).toBeLessThan(4);
    // right margin 26 mm = 73.7 pt; four 16-pt characters = 64 pt → the date ends ~138 pt from the page edge (595 pt)
    expect(595.3 - lines[date]!.xMax).toBeGreaterThan(125);
    expect(595.3 - lines[date]!.xMax).toBeLessThan(150);
    // the 附件 starts on its own page
    expect(pages.findIndex((p) => p.startsWith('附件被拖欠工资劳动者名单'))).toBeGreaterThan(0);
    renderPng(pdf, path.join(OUT, 'correctionOrder'));
  });

  it('移送书: 发文字号 and only the records the file holds', async () => {
    const { pages, pdf } = await pdfOf('policeTransferLetter');
    const all = pages.join('');
    expect(all).toContain('赣市人社监移〔2026〕1号');
    expect(all).toContain('附件：1.被拖欠劳动报酬劳动者名单（12人）');
    expect(all).toContain('证据材料1份：证据1工资表');
    // no inquiry record was made in this case, so none is listed
    expect(all).not.toContain('询问笔录');
    expect(all).not.toMatch(/二〇二六年/);
    renderPng(pdf, path.join(OUT, 'policeTransferLetter'));
  });

  it('结案审批表: one page, the case number printed once', async () => {
    const { pages, pdf, count } = await pdfOf('closingApproval');
    expect(count).toBe(1);
    expect(pages[0]).toContain('负责人意见');
    // a rejected application: its 不予受理通知书 number stands in for the case number, once
    expect(pages[0]).toContain('未立案（不予受理通知书赣市劳人仲不字〔2026〕第1号）');
    expect(pages[0]!.split('〔2026〕').length - 1).toBe(1);
    renderPng(pdf, path.join(OUT, 'closingApproval'));
  });

  it('结案审批表 of a 200-worker case against a four-company chain still fits one page', async () => {
    const company = (name: string) => ({ kind: 'company' as const, name, roleLabel: '', creditCode: null, idNumber: null, legalRepresentative: null, address: null, phone: null });
    const doc = buildClosingApproval({
      commissionName: '赣州市劳动人事争议仲裁委员会',
      commissionAddress: null,
      commissionPhone: null,
      caseNumber: '赣市劳人仲案字〔2026〕第1234号',
      cause: '追索劳动报酬',
      receivedOn: '2026-10-08',
      acceptedOn: '2026-10-09',
      procedure: 'ordinary',
      isCollective: true,
      projectName: '赣州蓉江新区安置房三期工程',
      workers: Array.from({ length: 200 }, (_, i) => ({ seq: i + 1, name: `工人${i + 1}`, idNumber: '', claimedFen: 1_234_567, owedFen: 1_234_567, isRepresentative: i < 3 })),
      respondents: ['江西赣建建设集团有限公司', '赣州市蓉江新区城市建设投资发展集团有限公司', '江西启宏劳务服务有限公司赣州分公司', '江西省宏达建筑劳务分包有限责任公司'].map(company),
      servedIds: 'masked',
      closedOn: '2026-11-20',
      result: '裁决结案（部分终局）',
      arbitrators: ['王建国', '李秀梅', '陈志刚'],
      clerk: '周婷',
      daysToClose: 42,
      closedOnTime: true,
      closedWithinFastTrack: false,
      fastTrackTargetDays: 30,
      exhibitCount: 37,
      retentionYears: 10,
      recoveredFen: 246_913_400,
      claimedTotalFen: 246_913_400,
      rejectionNumber: null,
    });
    const file = path.join(s.dataDir, 'closing-approval-large.docx');
    fs.writeFileSync(file, await Packer.toBuffer(doc));
    const pdf = await docxToPdf(file);
    expect(pdfPageCount(pdf)).toBe(1);
    const text = compact(pdfPages(pdf).join(''));
    expect(text).toContain('负责人意见');
    expect(text.split('赣市劳人仲案字〔2026〕第1234号').length - 1).toBe(1);
    renderPng(pdf, path.join(OUT, 'closingApproval-large'));
  });

  it('证据目录 for the parties: the documents’ layout, no SHA-256 column', async () => {
    const { pages, pdf } = await pdfOf('evidenceList');
    const all = pages.join('');
    expect(all).toContain('赣州市劳动人事争议仲裁委员会证据目录赣市劳人仲案字〔2026〕第1号');
    for (const h of ['序号', '证据名称', '提交人', '证明目的', '页数', '原件', '证据一', '工资表']) expect(all).toContain(h);
    expect(all).not.toContain('SHA-256');
    expect(pages[0]).toContain('—1—');
    renderPng(pdf, path.join(OUT, 'evidenceList'));
  });

  it('裁决书 annex: the large total stays on one line', async () => {
    const { layout, pdf, count } = await pdfOf('award', (v) => v.find((d) => d.variant === 'nonFinal') ?? v[0]!);
    // worker 1 is owed 2,447,305.00 (non-final); the totals row shows it whole on one line
    const text = layout.join('\n');
    expect(text).toMatch(/2,447,305\.00/);
    expect(text.split('\n').some((l) => /^\s*\d{1,3}(,\d{3})*\.\d?\s*$/.test(l))).toBe(false);
    renderPng(pdf, path.join(OUT, 'award-annex'), { first: Math.max(1, count - 1), last: count });
  });
});
