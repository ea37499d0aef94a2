// On a living demo folder: settings marks the demo's minimum wage 演示数据，请核对 (and 已核对 clears
// it); a closed case's documents tab shows 结案审批表 as 内部文书 and the 送达回证 as 无需送达; a
// fast-path case closed by mediation offers its 调解书 and builds it. SUCAI_DEMO_DIR when given,
// else a fresh 120-case demo with 16 living cases. PNGs under test-results/demo-marks/.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { CaseRow, DocumentView } from '../../electron/core/contract';
import { api } from './support/api';
import { screenshots } from './support/screenshots';
import { demoHostPerSpec } from './support/hosts';

const shot = screenshots('demo-marks', { fullPage: true });
const { host, given } = demoHostPerSpec(['--cases', '120', '--living', '16', '--no-floor']);

async function closedCases(): Promise<CaseRow[]> {
  const { rows } = await api<{ rows: CaseRow[] }>(host, 'cases.search', { status: 'closed', offset: 0, limit: 500 });
  return rows;
}

test('documents tab of a closed case: 内部文书 and 无需送达, never 未送达 for them', async ({ page }) => {
  test.setTimeout(300_000);
  let target: { id: number; docs: DocumentView[] } | null = null;
  for (const c of await closedCases()) {
    const { documents } = await api<{ documents: DocumentView[] }>(host, 'documents.list', { caseId: c.id });
    if (documents.some((d) => d.kind === 'closingApproval') && documents.some((d) => d.kind === 'serviceReceipt')) {
      target = { id: c.id, docs: documents };
      break;
    }
  }
  expect(target, 'a closed case with its closing approval and receipts').not.toBeNull();
  await page.goto(`${host.url}#/cases/${target!.id}`);
  await page.getByTestId('tab-documents').click();
  const approval = target!.docs.find((d) => d.kind === 'closingApproval')!;
  const receipt = target!.docs.find((d) => d.kind === 'serviceReceipt' && d.services.length === 0)!;
  await expect(page.getByTestId(`doc-served-${approval.id}`)).toHaveText('内部文书');
  await expect(page.getByTestId(`doc-served-${receipt.id}`)).toHaveText('无需送达');
  await expect(page.getByTestId(`doc-serve-${approval.id}`)).toHaveCount(0);
  await shot(page, 'closed-case-documents');
});

test('a fast-path case closed by mediation offers its 调解书 and builds it', async ({ page }) => {
  test.setTimeout(300_000);
  let id: number | null = null;
  for (const c of await closedCases()) {
    const { documents, available } = await api<{ documents: DocumentView[]; available: { kind: string; ready: boolean }[] }>(host, 'documents.list', { caseId: c.id });
    if (!documents.length && available.some((a) => a.kind === 'mediationDocument' && a.ready)) {
      id = c.id;
      break;
    }
  }
  expect(id, 'a fast-path mediated case').not.toBeNull();
  await page.goto(`${host.url}#/cases/${id}`);
  await page.getByTestId('tab-documents').click();
  await shot(page, 'fast-mediation-documents-before');
  await page.getByTestId('doc-generate-mediationDocument').click();
  await expect(page.getByTestId('documents-list')).toContainText('调解书', { timeout: 60_000 });
  await shot(page, 'fast-mediation-documents-after');
});

test('settings: the demo minimum wage is marked, 已核对 clears the mark', async ({ page }) => {
  await page.goto(`${host.url}#/settings`);
  const badge = page.getByTestId('settings-wage-demo-2024-03-01');
  await expect(badge).toHaveText('演示数据，请核对');
  await expect(page.getByTestId('settings-wage-demo-alert')).toBeVisible();
  await shot(page, 'settings-minimum-wage');
  if (given) return; // leave a given folder as it was
  await page.getByTestId('settings-wage-confirm-2024-03-01').click();
  await expect(badge).toHaveCount(0);
  await expect(page.getByTestId('settings-wage-demo-2021-07-01')).toBeVisible();
  await shot(page, 'settings-minimum-wage-confirmed');
});
