import { expect, test } from '@playwright/test';
import type { AwardView, CaseDetail, DocumentView, Settings } from '../../electron/core/contract';
import { addDays, todayInChina } from '../../electron/core/dates';
import { emptyWorkerDraft } from '../../electron/core/workers/workerDraft';
import { freshDataDir, startHost, type RunningHost } from './support/webHost';
import { api, makeId } from './support/api';
import { holdHearing } from './support/hearing';
import { screenshots } from './support/screenshots';
import { hostsStoppedAfterEach } from './support/hosts';

const shot = screenshots('screens', { fullPage: true, fromTop: true });

const hosts = hostsStoppedAfterEach();

const names = ['罗建国', '宋静英', '黄志强', '刘春生', '钟桂兰', '谢永明', '曾德福', '邱小平', '赖海军', '温秀珍', '廖国华', '肖长青'];

async function createCase(host: RunningHost, opts: { receivedOn: string; acceptedOn: string; workers: { name: string; owedYuan: number }[]; project: string }): Promise<number> {
  const collective = opts.workers.length >= 10;
  const { id } = await api<{ id: number }>(host, 'cases.create', {
    channel: 'walkIn',
    receivedOn: opts.receivedOn,
    procedure: 'simplified',
    cause: '追索劳动报酬',
    project: { name: opts.project, address: '赣州市南康区蓉江新区' },
    respondents: [{ role: 'generalContractor', organisation: { kind: 'company', name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43', address: '赣州市章贡区红旗大道18号' } }],
    workers: opts.workers.map((w, i) => ({
      ...emptyWorkerDraft(),
      name: w.name,
      idNumber: makeId('360702', `197${i % 10}-0${(i % 9) + 1}-1${i % 9}`, 10 + i),
      phone: `1390797${String(1000 + i)}`,
      owed: String(w.owedYuan),
    })),
    extraClaims: [],
    representativeIndexes: collective ? [0, 1, 2] : [],
  });
  await api(host, 'cases.accept', { id, acceptedOn: opts.acceptedOn });
  return id;
}

/** The minimum wage the final-award test uses: 1,850元 a month → threshold 22,200元. */
async function setMinimumWage(host: RunningHost) {
  const settings = await api<Settings>(host, 'settings.get', {});
  await api(host, 'settings.update', { ...settings, minimumWages: [{ effectiveOn: '2024-01-01', monthlyFen: 185_000 }] });
}

test('快结: mediated 12-worker case → 调解书 generated and downloaded → closed 按期 → on the dashboard', async ({ page }) => {
  test.setTimeout(240_000);
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const today = todayInChina();
  await setMinimumWage(host);
  const caseId = await createCase(host, {
    receivedOn: today,
    acceptedOn: today,
    workers: names.map((name, i) => ({ name, owedYuan: 3000 + i * 250 })),
    project: '赣州蓉江新区安置房三期工程',
  });

  // 快调 through the API: wages first for everyone, settled, both sides sign for the document.
  await api(host, 'mediation.settleWagesFirst', { caseId, workerIds: null });
  await api(host, 'mediation.setOutcome', { caseId, outcome: 'settled' });
  await api(host, 'mediation.recordSignature', { caseId, party: 'workers', signedOn: today });
  await api(host, 'mediation.recordSignature', { caseId, party: 'respondent', signedOn: today });

  // ── 文书: generate the 调解书 in the UI ──
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-documents').click();
  const section = page.getByTestId('documents-section');
  await expect(section).toBeVisible();
  await expect(section.getByTestId('doc-kind-mediationDocument')).toContainText('可生成');
  await page.getByTestId('doc-generate-mediationDocument').click();
  const row = section.locator('[data-testid^="doc-row-"]').filter({ hasText: '调解书' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('v1');
  await expect(row).toContainText('未送达');
  const docs = await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId });
  const mediationDoc = docs.documents.find((d) => d.kind === 'mediationDocument')!;
  expect(mediationDoc).toBeTruthy();

  // The download link works: 200 and a docx (a zip: "PK").
  const link = page.getByTestId(`doc-download-${mediationDoc.id}`);
  const href = await link.getAttribute('href');
  expect(href).toContain(`/api/files/document/${mediationDoc.id}`);
  const response = await page.request.get(new URL(href!, host.origin).toString());
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  // 导出 PDF: LibreOffice converts it and the PDF downloads (or, without LibreOffice, the reason shows).
  const [pdf] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }).catch(() => null), page.getByTestId(`doc-pdf-${mediationDoc.id}`).click()]);
  if (pdf) expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  else await expect(page.getByTestId(`doc-pdf-error-${mediationDoc.id}`)).toBeVisible();

  // A batch of acceptance notices (one per party, each with its service receipt) shows versions
  // grouped by kind — on this case's first use of the batch (no notice generated before).
  const batch = page.getByTestId('doc-batch-acceptanceNotice');
  expect((await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId })).documents.filter((d) => d.kind === 'acceptanceNotice')).toHaveLength(0);
  await expect(batch).toBeEnabled();
  {
    await batch.click();
    await expect(section.locator('[data-testid^="doc-row-"]').filter({ hasText: '受理通知书' }).first()).toBeVisible();
    // Served in person on every addressee, one dialog per document with its recipients prefilled
    // (the representatives for the workers' copy), so the closing checklist stays green.
    const list = await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId });
    for (const d of list.documents.filter((x) => x.kind === 'acceptanceNotice')) {
      await page.getByTestId(`doc-serve-${d.id}`).click();
      await expect(page.getByTestId('service-modal').locator('[data-testid^="service-row-"][data-on="true"]').first()).toBeVisible();
      await page.getByTestId('service-save').click();
      await expect(page.getByTestId('service-modal')).toHaveCount(0);
    }
  }
  // Record the service of the mediation document in one dialog: the parties come prefilled and
  // ticked (the workers' side and the respondent), each with today's date; one save.
  await page.getByTestId(`doc-serve-${mediationDoc.id}`).click();
  const dialog = page.getByTestId('service-modal');
  await expect(dialog.locator('[data-testid^="service-row-"][data-on="true"]').first()).toBeVisible();
  expect(await dialog.locator('[data-testid^="service-row-"][data-on="true"]').count()).toBeGreaterThanOrEqual(2);
  await expect(dialog).toContainText('江西赣建建设集团有限公司');
  await shot(page, 'service-dialog');
  await page.getByTestId('service-save').click();
  await expect(page.getByTestId(`doc-served-${mediationDoc.id}`)).toHaveText(/已送达/);
  await shot(page, 'documents');

  // ── 结案: 调解结案 with the checklist all green ──
  await page.getByTestId('tab-closing').click();
  const panel = page.getByTestId('closing-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('closing-method')).toHaveValue('调解结案');
  const checklist = page.getByTestId('closing-checklist');
  await expect(checklist).toBeVisible();
  await expect(checklist.locator('[data-ok="false"]')).toHaveCount(0);
  await expect(checklist.locator('[data-ok="true"]').first()).toBeVisible();
  await expect(page.getByTestId('close-case')).toBeEnabled();
  await shot(page, 'closing-panel');
  await page.getByTestId('close-case').click();
  await expect(page.getByTestId('close-confirm-box')).toContainText('确定以「调解结案」');
  await page.getByTestId('close-confirm').click();
  // the toast says it plainly, once (not 「案件已结案（调解结案）」)
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: '案件已调解结案' })).toBeVisible();
  const result = page.getByTestId('closing-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('按期结案');
  await expect(result).toContainText('用时0日');
  await expect(result).toContainText('速裁目标内');
  const closed = await api<CaseDetail>(host, 'cases.get', { id: caseId });
  expect(closed.status).toBe('closed');
  await shot(page, 'closing-result');
  // after closing the agreed amounts are shown, not editable
  await page.getByTestId('tab-mediation').click();
  await expect(page.getByTestId('agreed-0-0')).toHaveAttribute('readonly', '');

  // ── the dashboard's on-time figure includes it ──
  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByTestId('metric-onTimeRate')).toBeVisible();
  await expect(page.getByTestId('metric-value-onTimeRate')).toContainText('100');
  await expect(page.getByTestId('metric-value-closed')).toContainText('1');
  await shot(page, 'dashboard-after-closing');
});

test('裁决 and 预警: a mixed award (two documents), then an unpaid award becomes a warning with its packages', async ({ page }) => {
  test.setTimeout(240_000);
  const host = await startHost(freshDataDir());
  hosts.push(host);
  const today = todayInChina();
  await setMinimumWage(host);
  // Received 40 days ago, so an award made 20 days ago is past its 15 days for payment today.
  const caseId = await createCase(host, {
    receivedOn: addDays(today, -40),
    acceptedOn: addDays(today, -39),
    workers: [
      { name: '彭大勇', owedYuan: 12_000 },
      { name: '林晓燕', owedYuan: 3_500 },
      { name: '郭春华', owedYuan: 30_000 },
    ],
    project: '南康家具产业园标准厂房',
  });
  const decidedOn = addDays(today, -20);
  // an award follows a hearing held
  await holdHearing(host, caseId, addDays(today, -22));

  // ── 设置: the commission's address and phone, and the police thresholds in yuan ──
  await page.goto(`${host.url}#/settings`);
  await page.getByTestId('settings-commission-address').fill('赣州市章贡区长征大道1号');
  await page.getByTestId('settings-commission-phone').fill('0797-8123456');
  await expect(page.getByTestId('settings-police-one')).toHaveValue('10000.00');
  await page.getByTestId('settings-police-one').fill('12000');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect.poll(async () => (await api<Settings>(host, 'settings.get', {})).policeThresholdOneWorkerFen).toBe(1_200_000);
  expect((await api<Settings>(host, 'settings.get', {})).commissionAddress).toBe('赣州市章贡区长征大道1号');
  await shot(page, 'settings-closing');

  // ── 裁决 editor ──
  await page.goto(`${host.url}#/cases/${caseId}`);
  await page.getByTestId('tab-award').click();
  const editor = page.getByTestId('award-editor');
  await expect(editor).toBeVisible();
  await page.getByTestId('award-text-defence').fill('被申请人承认拖欠工资，但称系发包方未支付工程款所致。');
  await page.getByTestId('award-text-factsFound').fill('申请人于2025年3月至11月在南康家具产业园标准厂房项目从事木工、钢筋工作，被申请人未足额支付工资。');
  await page.getByTestId('award-text-evidenceRelied').fill('工资表、考勤记录、班组长出具的欠条。');
  await page.getByTestId('award-text-reasoning').fill('依据《保障农民工工资支付条例》第三十条，施工总承包单位对所承包工程的农民工工资支付承担先行清偿责任。');
  await page.getByTestId('award-decided-on').fill(decidedOn);
  await expect(page.getByTestId('award-threshold')).toContainText('22,200.00元');
  const award = await api<AwardView>(host, 'award.get', { caseId });
  const [a, b, c] = award.items;
  // A refused amount stays typed, with the message.
  await page.getByTestId(`award-amount-${a.claimItemId}`).fill('12,0.0');
  await expect(page.getByTestId(`award-item-${a.claimItemId}`)).toContainText('金额格式不正确');
  await expect(page.getByTestId(`award-amount-${a.claimItemId}`)).toHaveValue('12,0.0');
  await page.getByTestId(`award-amount-${a.claimItemId}`).fill('12000');
  await page.getByTestId(`award-amount-${b.claimItemId}`).fill('3500');
  await page.getByTestId(`award-amount-${c.claimItemId}`).fill('28000');
  await page.getByTestId(`award-amount-${c.claimItemId}`).blur();
  await expect(page.getByTestId('award-save-state')).toContainText('已自动保存');
  await expect(page.getByTestId(`award-final-${a.claimItemId}`)).toHaveText('终局');
  await expect(page.getByTestId(`award-final-${c.claimItemId}`)).toHaveText('非终局');
  await expect(page.getByTestId('award-mixed')).toContainText('本裁决含终局与非终局事项，将分别制作两份裁决书');
  await expect(page.getByTestId('award-totals')).toContainText('43,500.00');
  // The texts were saved (autosave), not only typed.
  await expect.poll(async () => (await api<AwardView>(host, 'award.get', { caseId })).reasoning).toContain('先行清偿责任');
  await shot(page, 'award-editor');
  await page.getByTestId('award-issue').click();
  const issued = page.getByTestId('award-documents');
  await expect(issued).toBeVisible();
  await expect(issued.locator('[data-testid^="doc-row-"]')).toHaveCount(2);
  await shot(page, 'award-issued');

  // ── 送达: each 裁决书 served on every party in one dialog, recipients prefilled and ticked ──
  await page.getByTestId('tab-documents').click();
  const awardDocs = (await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId })).documents.filter((d) => d.kind === 'award');
  expect(awardDocs).toHaveLength(2);
  // each 裁决书 goes to the workers whose claims it decides (12,000 and 3,500 final; 28,000 non-final) and the respondent
  const tickedFor: Record<string, string[]> = { final: ['彭大勇', '林晓燕', '江西赣建建设集团有限公司'], nonFinal: ['郭春华', '江西赣建建设集团有限公司'] };
  expect(awardDocs.map((d) => d.variant).sort()).toEqual(['final', 'nonFinal']);
  for (const d of awardDocs) {
    await page.getByTestId(`doc-serve-${d.id}`).click();
    const dialog = page.getByTestId('service-modal');
    const ticked = dialog.locator('[data-testid^="service-row-"][data-on="true"]');
    await expect(ticked.first()).toBeVisible();
    // ticked without typing a name — exactly the addressees; the other workers are offered folded away
    await expect(ticked).toHaveCount(tickedFor[d.variant]!.length);
    for (const name of tickedFor[d.variant]!) await expect(ticked.filter({ hasText: name })).toHaveCount(1);
    await expect(page.getByTestId('service-others-toggle')).toContainText(`其他当事人（${3 - (tickedFor[d.variant]!.length - 1)}人`);
    await shot(page, `service-dialog-award-${d.variant}`);
    await page.getByTestId('service-save').click();
    await expect(dialog).toHaveCount(0);
  }
  await page.getByTestId('tab-closing').click();
  await page.getByTestId('closing-method').click();
  await page.getByRole('option', { name: '终局裁决', exact: true }).click();
  await expect(page.getByTestId('checklist-awardServed')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('checklist-awardServed')).toContainText('裁决书已送达全部当事人');
  // closed: the toast and the result say 部分终局, not 终局
  await page.getByTestId('close-case').click();
  await page.getByTestId('close-confirm').click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: '案件已以裁决结案（部分终局' })).toBeVisible();
  await expect(page.getByTestId('closing-result')).toContainText('部分终局裁决');
  expect((await api<CaseDetail>(host, 'cases.get', { id: caseId })).awardFinality).toBe('mixed');

  // ── 预警: the final part was due 15 days after the award; nothing was paid ──
  await page.goto(`${host.url}#/warnings`);
  const warningsPage = page.getByTestId('warnings-page');
  await expect(warningsPage).toBeVisible();
  const card = warningsPage.locator('[data-testid^="warning-"]').filter({ hasText: '裁决逾期未履行' }).first();
  await expect(card).toBeVisible();
  await expect(card).toContainText('达到拒不支付劳动报酬罪数额标准');
  await shot(page, 'warnings');
  // One action assembles the enforcement application; the warning becomes 已申请强制执行.
  await card.getByRole('button', { name: '申请强制执行' }).click();
  const enforcement = page.getByTestId(`package-enforcement-${caseId}`);
  await expect(enforcement).toBeVisible();
  await expect(page.getByTestId(`package-enforcement-${caseId}-contents`).locator('li').first()).toBeVisible();
  await expect(enforcement).toContainText('.zip');
  await expect(warningsPage.locator('[data-testid^="warning-"]').filter({ hasText: '裁决逾期未履行' })).toHaveCount(0);
  await page.getByTestId('warnings-tab-resolved').click();
  await expect(page.getByTestId('warnings-resolved')).toContainText('已申请强制执行');
  // Still unpaid and above the threshold: 移送公安 is offered, but refused with the reason while no
  // order to pay (限期改正指令书) was made — the crime needs one (刑法第二百七十六条之一).
  await page.getByTestId('warnings-resolved').getByRole('button', { name: '移送公安' }).click();
  await expect(page.getByTestId('warnings-resolved')).toContainText('尚未责令支付');
  await expect(page.getByTestId(`package-police-${caseId}`)).toHaveCount(0);
  await shot(page, 'warnings-packages');
});
