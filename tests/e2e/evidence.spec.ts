import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { expect, test, type Page } from '@playwright/test';
import { addDays, todayInChina } from '../../electron/core/dates';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { api, makeId } from './support/api';
import { screenshots } from './support/screenshots';
import { hostsStoppedAfterEach } from './support/hosts';

const shot = screenshots('screens', { fullPage: true });

const hosts = hostsStoppedAfterEach();

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function createCase(host: RunningHost, receivedOn: string, extra: Record<string, unknown> = {}): Promise<number> {
  const worker = (name: string, id: string, owed: string) => ({ ...emptyWorkerDraft(), name, idNumber: id, owed });
  const { id } = await api<{ id: number }>(host, 'cases.create', {
    channel: 'walkIn',
    receivedOn,
    procedure: 'simplified',
    cause: '追索劳动报酬',
    project: { name: '赣州蓉江新区安置房三期工程', address: '赣州市南康区蓉江新区' },
    respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' } }],
    workers: [worker('罗建国', makeId('360702', '1966-06-06', 81), '4200'), worker('宋静英', makeId('360702', '1972-02-14', 42), '3800')],
    ...extra,
  });
  return id;
}

/** Three kinds of evidence: a 2-page PDF (pdf-lib), a JPEG (drawn by the browser), an xlsx (exceljs). */
async function makeEvidence(dir: string, page: Page) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) {
    const p = pdf.addPage([595, 842]);
    p.drawText(`Wage ledger - page ${n} of 2`, { x: 60, y: 760, size: 24, font });
    p.drawRectangle({ x: 60, y: 400, width: 470, height: 300, borderColor: rgb(0.7, 0.1, 0.1), borderWidth: 3 });
    p.drawText(`Luo Jianguo  4200.00   Song Jingying  3800.00`, { x: 80, y: 640, size: 14, font });
  }
  const pdfFile = path.join(dir, '工资台账.pdf');
  fs.writeFileSync(pdfFile, await pdf.save());

  const jpegBase64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 800;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#e8f0fe';
    g.fillRect(0, 0, 1200, 800);
    g.fillStyle = '#b71c1c';
    g.fillRect(80, 80, 400, 260);
    g.fillStyle = '#1b5e20';
    g.fillRect(700, 450, 420, 270);
    g.fillStyle = '#111';
    g.font = 'bold 64px sans-serif';
    g.fillText('ATTENDANCE 2026-10', 200, 460);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1];
  });
  const jpegFile = path.join(dir, '考勤照片.jpg');
  fs.writeFileSync(jpegFile, Buffer.from(jpegBase64, 'base64'));

  const workbook = new ExcelJS.Workbook();
  const wages = workbook.addWorksheet('工资表');
  wages.addRow(['姓名', '身份证号码', '欠薪金额（元）']);
  wages.addRow(['罗建国', makeId('360702', '1966-06-06', 81), 4200]);
  wages.addRow(['宋静英', makeId('360702', '1972-02-14', 42), 3800]);
  workbook.addWorksheet('考勤').addRow(['日期', '出勤人数']);
  const xlsxFile = path.join(dir, '工资表.xlsx');
  await workbook.xlsx.writeFile(xlsxFile);
  return { pdfFile, jpegFile, xlsxFile };
}

async function openEvidenceTab(page: Page) {
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('evidence-dropzone')).toBeVisible();
}

test('证据: add PDF + JPEG + xlsx, view each, 校验, export the bundle, import it into a fresh data folder', async ({ page }) => {
  const today = todayInChina();
  const first = await startHost(freshDataDir());
  hosts.push(first);
  const caseId = await createCase(first, addDays(today, -3));
  const files = await makeEvidence(freshDataDir(), page);

  await page.goto(`${first.url}#/cases/${caseId}`);
  await openEvidenceTab(page);

  // Three files at once; they are numbered in the order chosen.
  await page.getByTestId('evidence-file-input').setInputFiles([files.pdfFile, files.jpegFile, files.xlsxFile]);
  await expect(page.getByTestId('upload-item')).toHaveCount(3);
  await expect(page.locator('[data-testid="upload-item"][data-status="done"]')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('evidence-row-3')).toBeVisible();
  // the finished batch's progress bars go away by themselves
  await expect(page.getByTestId('upload-item')).toHaveCount(0, { timeout: 15_000 });
  // a reload returns to the tab that was open (证据), at the top of the page
  await page.reload();
  await expect(page.getByTestId('tab-evidence')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('evidence-row-3')).toBeVisible();
  await shot(page, 'case-reload-evidence-tab', false);

  const expected = [
    { seq: 1, file: files.pdfFile, label: '证据一', facts: '2页' },
    { seq: 2, file: files.jpegFile, label: '证据二', facts: '图片' },
    { seq: 3, file: files.xlsxFile, label: '证据三', facts: '表格' },
  ];
  for (const e of expected) {
    const row = page.getByTestId(`evidence-row-${e.seq}`);
    await expect(row).toContainText(e.label);
    await expect(row).toContainText(path.basename(e.file));
    await expect(row).toContainText(e.facts);
    const hash = sha256(e.file);
    await expect(page.getByTestId(`evidence-sha-${e.seq}`)).toHaveAttribute('data-sha256', hash);
    await expect(page.getByTestId(`evidence-sha-${e.seq}`)).toHaveText(`${hash.slice(0, 12)}…`);
  }

  // 证明目的, typed inline: saved on blur, still there after a reload.
  const purpose = '证明被申请人拖欠申请人罗建国、宋静英2026年10月工资共计8000元';
  await page.getByTestId('evidence-purpose-1').fill(purpose);
  await page.getByTestId('evidence-purpose-1').blur();
  await expect(page.getByTestId('evidence-purpose-1')).not.toHaveAttribute('data-saving');
  await expect.poll(async () => (await api<{ purposeOfProof: string }[]>(first, 'evidence.list', { caseId }))[0].purposeOfProof).toBe(purpose);
  await page.reload();
  await openEvidenceTab(page);
  await expect(page.getByTestId('evidence-purpose-1')).toHaveValue(purpose);
  await shot(page, 'evidence-list');

  // Viewer: PDF pages on a canvas, with page navigation.
  await page.getByTestId('evidence-open-1').click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer).toContainText('证据一');
  await expect(viewer.getByTestId('viewer-sha')).toHaveText(sha256(files.pdfFile));
  await expect(viewer.getByTestId('viewer-pdf-page')).toHaveAttribute('data-page', '1', { timeout: 20_000 });
  await expect(viewer.getByTestId('viewer-page-count')).toHaveText('/ 2 页');
  expect(await canvasHasInk(page)).toBe(true);
  await shot(page, 'evidence-viewer-pdf', false);
  await viewer.getByRole('button', { name: '下一页' }).click();
  await expect(viewer.getByTestId('viewer-pdf-page')).toHaveAttribute('data-page', '2');
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();

  // Image: shown, zoom and rotate.
  await page.getByTestId('evidence-open-2').click();
  const image = viewer.getByTestId('viewer-image');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1200);
  await viewer.getByTestId('viewer-rotate').click();
  await expect(image).toHaveAttribute('style', /rotate\(90deg\)/);
  await page.mouse.move(5, 5); // no tooltip in the picture
  await shot(page, 'evidence-viewer-image', false);
  await page.keyboard.press('Escape');

  // Spreadsheet: a table with sheet tabs.
  await page.getByTestId('evidence-open-3').click();
  await expect(viewer.getByTestId('viewer-table')).toContainText('罗建国');
  await expect(viewer.getByTestId('viewer-table')).toContainText('4200');
  await expect(viewer.getByRole('tab', { name: '考勤' })).toBeVisible();
  await page.keyboard.press('Escape');

  // 校验: every stored file matches its hash.
  await page.getByTestId('verify-evidence').click();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await expect(page.getByTestId('verify-report')).toContainText('校验通过');

  // 导出案卷包: the browser downloads it.
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const download = await downloading;
  const bundleFile = path.join(freshDataDir(), download.suggestedFilename());
  await download.saveAs(bundleFile);
  expect(fs.statSync(bundleFile).size).toBeGreaterThan(fs.statSync(files.pdfFile).size);

  // A second machine: a fresh data folder, the bundle imported through the UI.
  const second = await startHost(freshDataDir());
  hosts.push(second);
  await page.goto(second.url);
  await expect(page.getByRole('heading', { name: '案件列表' })).toBeVisible();
  await page.getByTestId('import-bundle-input').setInputFiles(bundleFile);
  const report = page.getByTestId('bundle-report');
  await expect(report).toContainText('已导入为新案件', { timeout: 30_000 });
  await expect(report.getByTestId('bundle-added')).toContainText('3 件');
  await page.getByTestId('bundle-open-case').click();
  await expect(page).toHaveURL(/#\/cases\/\d+$/);
  await openEvidenceTab(page);
  for (const e of expected) {
    await expect(page.getByTestId(`evidence-sha-${e.seq}`)).toHaveAttribute('data-sha256', sha256(e.file));
  }
  await expect(page.getByTestId('evidence-purpose-1')).toHaveValue(purpose);
  await page.getByTestId('verify-evidence').click();
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await expect(page.getByTestId('verify-report')).toContainText('全部 3 个文件');

  // The same bundle again adds nothing.
  await page.goto(second.url);
  await page.getByTestId('import-bundle-input').setInputFiles(bundleFile);
  await expect(report).toContainText('未新增任何内容', { timeout: 30_000 });
});

test('监察: open the inspection track, 立案, steps with an overdue 限期改正指令书, its own deadlines', async ({ page }) => {
  const today = todayInChina();
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const caseId = await createCase(host, addDays(today, -20));
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel).toBeVisible();

  const complaintOn = addDays(today, -14);
  await panel.getByTestId('inspection-complaint-number').fill('赣市监投〔2026〕15号');
  await panel.getByTestId('inspection-received-on').fill(complaintOn);
  await page.keyboard.press('Escape');
  await panel.getByTestId('inspection-inspectors').fill('钟伟、黄丽萍');
  await panel.getByTestId('open-inspection').click();
  await expect(panel.getByTestId('inspection-complaint')).toHaveText('赣市监投〔2026〕15号');
  await expect(panel).toContainText('待立案');
  await panel.getByTestId('inspection-file').click();
  await page.getByTestId('inspection-dialog-confirm').click();
  await expect(panel).toContainText('调查中');

  // Steps with exact past dates through the API; the correction order's pay-by date has passed.
  await api(host, 'inspection.addStep', { caseId, kind: 'inquiryRecord', date: addDays(today, -10), title: '对班组长刘德胜的询问笔录' });
  const order = await api<{ inspection: { steps: { id: number; kind: string }[] } }>(host, 'inspection.addStep', {
    caseId,
    kind: 'correctionOrder',
    date: addDays(today, -9),
    title: '责令支付拖欠的农民工工资',
    payBy: addDays(today, -2),
    note: '限期支付罗建国等2人工资8000元',
  });
  const orderId = order.inspection.steps.find((s) => s.kind === 'correctionOrder')!.id;
  // And one through the form.
  await page.reload();
  await page.getByTestId('tab-inspection').click();
  await panel.getByTestId('step-title').fill('对申请人宋静英的询问笔录');
  await panel.getByTestId('step-add').click();
  const steps = panel.getByTestId('inspection-steps');
  await expect(steps).toContainText('对申请人宋静英的询问笔录');
  await expect(panel.getByTestId(`inspection-step-${orderId}`)).toHaveAttribute('data-overdue', 'true');
  await expect(panel.getByTestId(`inspection-step-${orderId}`)).toContainText('已逾期');
  await expect(panel.getByTestId('deadlines')).toBeVisible();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'inspection-panel');
});

test('监察 first: a complaint case turns into an arbitration claim in the same file', async ({ page }) => {
  const today = todayInChina();
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const caseId = await createCase(host, addDays(today, -5), { startTrack: 'inspection', complaint: { complaintNumber: '赣市监投〔2026〕21号', inspectors: '钟伟、黄丽萍' } });
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-inspection').click();
  const panel = page.getByTestId('inspection-panel');
  await expect(panel.getByTestId('inspection-complaint')).toHaveText('赣市监投〔2026〕21号');
  await panel.getByTestId('open-arbitration').click();
  await expect(panel.getByTestId('open-arbitration')).toBeHidden();
  await expect.poll(async () => (await api<{ hasArbitration: boolean }>(host, 'cases.get', { id: caseId })).hasArbitration).toBe(true);
});

async function canvasHasInk(page: Page): Promise<boolean> {
  return page.getByTestId('viewer-pdf-page').evaluate((canvas: HTMLCanvasElement) => {
    const g = canvas.getContext('2d')!;
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 1] < 128 && data[i + 2] < 128) dark++;
    return dark > 100;
  });
}
