import path from 'node:path';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { expect, test, type Page } from '@playwright/test';
import type { CaseDetail, ExhibitView } from '../../electron/core/contract';
import { addDays, todayInChina } from '../../electron/core/dates';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { api, makeId } from './support/api';
import { screenshotDir } from './support/screenshots';
import { hostsStoppedAfterEach } from './support/hosts';

const shots = screenshotDir('screens');

const hosts = hostsStoppedAfterEach();

const NAMES = ['罗建国', '宋静英', '钟发明', '曾水生', '谢冬梅', '廖长春', '赖国华', '温小平', '邱德福', '黄桂兰', '刘石根', '陈细妹'];
const IDS = NAMES.map((_, i) => makeId(i % 2 ? '360732' : '360702', `19${70 + i}-0${(i % 9) + 1}-1${i % 9}`, 20 + i));
const PHONES = NAMES.map((_, i) => `13${5 + (i % 5)}${String(70812340 + i * 1111).slice(0, 8)}`);

async function createCase(host: RunningHost): Promise<CaseDetail> {
  const today = todayInChina();
  const { id } = await api<{ id: number }>(host, 'cases.create', {
    channel: 'walkIn',
    receivedOn: addDays(today, -6),
    procedure: 'simplified',
    cause: '追索劳动报酬',
    project: { name: '赣州蓉江新区安置房三期工程', address: '赣州市南康区蓉江新区' },
    respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' } }],
    workers: NAMES.map((name, i) => ({ ...emptyWorkerDraft(), name, idNumber: IDS[i], phone: PHONES[i], owed: String(3800 + i * 250) })),
    representativeIndexes: [0, 1],
  });
  return api<CaseDetail>(host, 'cases.accept', { id, acceptedOn: addDays(today, -5) });
}

/** A 2-page wage ledger; page 2 is what gets pushed. */
async function uploadLedger(host: RunningHost, caseId: number): Promise<ExhibitView> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const n of [1, 2]) {
    const p = pdf.addPage([842, 595]);
    p.drawText(`WAGE LEDGER  -  PAGE ${n} / 2`, { x: 60, y: 520, size: 36, font });
    p.drawRectangle({ x: 60, y: 80, width: 720, height: 400, borderColor: rgb(0.7, 0.1, 0.1), borderWidth: 4 });
    for (let r = 0; r < 6; r++) p.drawText(`Worker ${r + 1 + (n - 1) * 6}      days 26      owed 4,200.00`, { x: 90, y: 430 - r * 56, size: 24, font });
  }
  const token = new URL(host.url).searchParams.get('token')!;
  const query = new URLSearchParams({ caseId: String(caseId), fileName: '工资台账.pdf', track: 'arbitration', submittedBy: 'applicant' });
  const response = await fetch(`${host.origin}/api/upload/evidence?${query}`, {
    method: 'POST',
    headers: { 'X-Sucai-Token': token, 'Content-Type': 'application/octet-stream' },
    body: Buffer.from(await pdf.save()),
  });
  const result = (await response.json()) as { ok: boolean; value?: ExhibitView | ExhibitView[]; error?: { message: string } };
  if (!result.ok) throw new Error(`upload: ${result.error?.message}`);
  return Array.isArray(result.value) ? result.value[0] : result.value!;
}

/** Records, in the presentation page itself, the instant a selector first matches (no polling delay in the measure). */
async function watchFor(page: Page, key: string, selector: string) {
  await page.evaluate(
    ([k, sel]) => {
      const w = window as unknown as Record<string, number>;
      delete w[k];
      const check = () => {
        if (w[k] === undefined && document.querySelector(sel)) {
          w[k] = Date.now();
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      check();
    },
    [key, selector] as const,
  );
}
const seenAt = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Record<string, number>)[k], key);

test('共享屏幕: operator pushes the worker table and an exhibit page; the presentation page follows at once, masked; the operator moves over, zooms and turns the exhibit pages', async ({ page: operator, context }) => {
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const detail = await createCase(host);
  expect(detail.caseNumber).toBeTruthy();
  const ledger = await uploadLedger(host, detail.id);
  expect(ledger.pageCount).toBe(2);

  await operator.goto(`${host.url}#/cases/${detail.id}/screen`);
  await expect(operator.getByTestId('presentation-controls')).toBeVisible();

  // 打开展示窗口: a popup on the same host carrying the token — the second page of this test.
  const [present] = await Promise.all([context.waitForEvent('page'), operator.getByTestId('open-presentation').click()]);
  await present.setViewportSize({ width: 1920, height: 1080 });
  await present.waitForLoadState();
  expect(present.url()).toContain('#/present');
  await expect(present.getByTestId('presentation-screen')).toHaveAttribute('data-view', 'blank');
  await expect(present.getByTestId('screen-clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);

  // The private preview is masked like the screen; the operator's own table is not.
  const preview = operator.getByTestId('screen-preview');
  await expect(preview.getByTestId('screen-worker-row')).toHaveCount(12);
  await expect(preview.getByTestId('screen-worker-id').first()).toHaveText(`${IDS[0].slice(0, 6)}********${IDS[0].slice(-4)}`);
  await expect(operator.getByTestId('operator-worker-id').first()).toHaveText(IDS[0]);
  await expect(operator.getByTestId('operator-worker-phone').first()).toHaveText(PHONES[0]);

  // ── push the worker table ──
  await watchFor(present, 'workersAt', '[data-testid="screen-workers"]');
  const pushWorkers = Date.now();
  await operator.getByTestId('push-workers').click();
  await expect(present.getByTestId('screen-workers')).toBeVisible();
  const workersLatency = (await seenAt(present, 'workersAt')) - pushWorkers;
  console.log(`[presentation] worker table on the screen ${workersLatency} ms after the click`);
  // The screen is pushed to (server-sent events), not polled: ~100 ms on an idle machine (logged above).
  // The bound is generous so a loaded 2-core CI box does not fail it; a polling screen would still miss it.
  expect(workersLatency).toBeLessThan(2000);

  await expect(present.getByTestId('screen-worker-row')).toHaveCount(12);
  const screenIds = await present.getByTestId('screen-worker-id').allTextContents();
  const screenPhones = await present.getByTestId('screen-worker-phone').allTextContents();
  screenIds.forEach((text, i) => expect(text).toBe(`${IDS[i].slice(0, 6)}********${IDS[i].slice(-4)}`));
  screenPhones.forEach((text, i) => expect(text).toBe(`${PHONES[i].slice(0, 3)}****${PHONES[i].slice(-4)}`));
  const screenText = await present.locator('body').innerText();
  for (const value of [...IDS, ...PHONES]) expect(screenText).not.toContain(value);
  // …while the operator's page still shows them in full
  expect(await operator.getByTestId('operator-worker-id').allTextContents()).toEqual(IDS);
  expect(await operator.getByTestId('operator-worker-phone').allTextContents()).toEqual(PHONES);

  await expect(present.getByTestId('screen-case-number')).toHaveText(detail.caseNumber!);
  await expect(present.getByTestId('screen-clock')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  await expect(present.getByTestId('screen-worker-totals')).toContainText('合计 12 人');
  await present.screenshot({ path: path.join(shots, 'presentation-workers.png') });

  // ── unmask one ID for a moment ──
  const first = detail.workers[0];
  await operator.getByTestId(`unmask-id-${first.id}`).click();
  await expect(present.getByTestId('screen-worker-id').first()).toHaveText(IDS[0]);
  await expect(present.getByTestId('screen-unmasked')).toContainText('临时显示身份证号码');
  await expect(present.getByTestId('screen-worker-id').nth(1)).toHaveText(`${IDS[1].slice(0, 6)}********${IDS[1].slice(-4)}`);
  await expect(present.getByTestId('screen-worker-phone').first()).toHaveText(`${PHONES[0].slice(0, 3)}****${PHONES[0].slice(-4)}`);

  // ── push page 2 of the exhibit ──
  await operator.getByTestId('preview-kind').getByText('证据', { exact: true }).click();
  await operator.getByTestId('preview-page').fill('2');
  await expect(preview.getByTestId('screen-exhibit-page')).toHaveText('第2页 / 共2页');
  // the page number is shown once, where it is typed (not a 页码 box and a pager both)
  await expect(operator.getByTestId('exhibit-page')).toHaveText(/^第\s*\/ 2页$/);
  await expect(operator.getByTestId('preview-page')).toHaveCount(1);
  await expect(operator.getByText(/页码|第2\/2页/)).toHaveCount(0);
  await operator.getByTestId('exhibit-position').scrollIntoViewIfNeeded();
  await operator.screenshot({ path: path.join(shots, 'presentation-exhibit-controls.png') });
  await watchFor(present, 'exhibitAt', '[data-testid="screen-exhibit-page"]');
  await watchFor(present, 'pageAt', '[data-testid="screen-pdf-page"][data-page="2"]');
  const pushExhibit = Date.now();
  await operator.getByTestId('push-exhibit').click();
  await expect(present.getByTestId('screen-exhibit-page')).toHaveText('第2页 / 共2页');
  await expect(present.locator('[data-testid="screen-pdf-page"][data-page="2"]')).toBeVisible();
  const exhibitLatency = (await seenAt(present, 'exhibitAt')) - pushExhibit;
  const pageLatency = (await seenAt(present, 'pageAt')) - pushExhibit;
  console.log(`[presentation] exhibit heading ${exhibitLatency} ms, PDF page 2 drawn ${pageLatency} ms after the click`);
  // The screen switches to the exhibit within half a second; drawing the PDF page itself (fetch +
  // pdf.js) takes ~100–250 ms more on an idle machine, so it gets a looser bound on a busy CI box.
  expect(exhibitLatency).toBeLessThan(2000);
  expect(pageLatency).toBeLessThan(3000);
  await expect(present.getByTestId('screen-title')).toHaveText(`证据一 ${ledger.title}`);
  // the new push ended the unmask: nothing in full on the screen
  await expect(present.getByTestId('screen-unmasked')).toHaveCount(0);
  await expect(present.getByTestId('screen-case-number')).toHaveText(detail.caseNumber!);
  await present.screenshot({ path: path.join(shots, 'presentation-exhibit.png') });

  // ── the operator reads the exhibit with the room: fitted to the width, moved and zoomed by hand ──
  const box = present.getByTestId('screen-exhibit');
  const canvas = present.locator('[data-testid="screen-pdf-page"][data-page="2"]');
  const rect = (l: typeof box) => l.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  const boxRect = await rect(box);
  expect(Math.abs((await rect(canvas)).width - boxRect.width)).toBeLessThan(2); // fitted to the width
  expect((await rect(canvas)).top).toBeCloseTo(boxRect.top, 0); // the top of the page first
  const eventsBefore = (await api<CaseDetail>(host, 'cases.get', { id: detail.id })).events.length;
  await expect(operator.getByTestId('screen-follows')).toBeVisible();
  await operator.getByTestId('exhibit-down').click();
  await operator.getByTestId('exhibit-down').click();
  await expect.poll(async () => (await rect(canvas)).top).toBeLessThan(boxRect.top - 100); // the screen followed
  await present.screenshot({ path: path.join(shots, 'presentation-exhibit-moved.png') });
  await operator.getByTestId('exhibit-zoom').getByText('整页').click();
  await expect.poll(async () => (await rect(canvas)).height).toBeLessThanOrEqual(boxRect.height + 1); // the whole page
  await expect(present.getByTestId('screen-exhibit')).toHaveAttribute('data-zoom', '0');
  // moving and zooming is not a new showing: nothing more in the timeline
  expect((await api<CaseDetail>(host, 'cases.get', { id: detail.id })).events.length).toBe(eventsBefore);
  // a page turn by the operator is (and the screen follows it without another push button)
  await operator.getByTestId('exhibit-page-prev').click();
  await expect(present.getByTestId('screen-exhibit-page')).toHaveText('第1页 / 共2页');
  await expect(present.locator('[data-testid="screen-pdf-page"][data-page="1"]')).toBeVisible();
  await present.screenshot({ path: path.join(shots, 'presentation-exhibit-whole-page.png') });
  await operator.getByTestId('exhibit-page-next').click();
  await operator.getByTestId('exhibit-zoom').getByText('适应宽度').click();
  await expect(present.getByTestId('screen-exhibit-page')).toHaveText('第2页 / 共2页');
  await expect(present.getByTestId('screen-exhibit')).toHaveAttribute('data-zoom', '100');

  // Every push is in the case timeline.
  const after = await api<CaseDetail>(host, 'cases.get', { id: detail.id });
  const summaries = after.events.map((e) => e.summary);
  expect(summaries).toContain('共享屏幕：展示申请人名单（已遮蔽个人信息）');
  expect(summaries).toContain(`共享屏幕：临时显示 ${first.name} 的身份证号码（10秒）`);
  expect(summaries).toContain('共享屏幕：展示证据一 第2页');
  expect(summaries).toContain('共享屏幕：展示证据一 第1页');

  // Blank: just the clock and the commission name.
  await operator.getByTestId('push-blank').click();
  await expect(present.getByTestId('presentation-screen')).toHaveAttribute('data-view', 'blank');
  await expect(present.getByTestId('screen-case-number')).toHaveCount(0);
  await present.screenshot({ path: path.join(shots, 'presentation-blank.png') });
  await operator.screenshot({ path: path.join(shots, 'presentation-operator.png'), fullPage: true });

  // 关闭展示窗口: the operator closes the screen from their side.
  await operator.getByTestId('close-presentation').click();
  await expect.poll(() => present.isClosed()).toBe(true);
  await expect(operator.getByText('展示窗口已关闭')).toBeVisible();
});
