// Documents that are not served on the parties (the 送达回证 itself, internal forms, letters to an
// authority) are never "未送达": the closing checklist's 文书送达 item ignores them, and the documents
// tab shows them as 内部文书 / 无需送达 (documentServiceNeed, one map for both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds, documentServiceNeed, documentServiceNeedLabels } from '../../electron/core/contract';
import type { Services } from '../../electron/services/createServices';
import { addresseesOf, readCaseParties, servedKinds } from '../../electron/services/documents/service';
import { callApi, caseInput, makeId, openTestServices, workerDraft } from '../support/services';

let s: Services & { dataDir: string };
let caseId: number;

beforeAll(async () => {
  s = openTestServices();
  caseId = (await callApi(s, 'cases.create', caseInput([workerDraft('周小明', makeId('360702', '1990-06-06', 201), '6000'), workerDraft('吴大海', makeId('360702', '1991-07-07', 202), '4500')]))).id;
  await callApi(s, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
});
afterAll(() => s.close());

const documentsServed = async () => (await callApi(s, 'closing.checklist', { caseId, method: 'withdrawal' })).items.find((i) => i.key === 'documentsServed')!;

describe('documents not served on the parties', () => {
  it('only the kinds that go to the parties need a service; every other kind has its own label', () => {
    expect([...servedKinds].sort()).toEqual(documentKinds.filter((k) => documentServiceNeed[k] === 'parties').sort());
    for (const kind of ['closingApproval', 'hearingRecord', 'evidenceList'] as const) expect(documentServiceNeed[kind]).toBe('internal');
    expect(documentServiceNeed.serviceReceipt).toBe('receipt');
    expect(documentServiceNeedLabels.internal.label).toBe('内部文书');
    expect(documentServiceNeedLabels.receipt.label).toBe('无需送达');
    const parties = readCaseParties(s.ctx.db, caseId);
    for (const kind of documentKinds) expect(addresseesOf(parties, kind, 'all').length > 0).toBe(documentServiceNeed[kind] === 'parties');
  });

  it('the closing checklist counts the unserved notices, never their receipts', async () => {
    const docs = await callApi(s, 'documents.generateBatch', { caseId, kind: 'acceptanceNotice' });
    const notices = docs.filter((d) => d.kind === 'acceptanceNotice');
    const receipts = docs.filter((d) => d.kind === 'serviceReceipt');
    expect(notices.length).toBeGreaterThan(0);
    expect(receipts).toHaveLength(notices.length);
    const before = await documentsServed();
    expect(before.ok).toBe(false);
    expect(before.detail).toContain('受理通知书');
    expect(before.detail).not.toContain('送达回证未送达');

    const parties = readCaseParties(s.ctx.db, caseId);
    for (const n of notices) {
      const addressees = addresseesOf(parties, n.kind, n.variant);
      const recipients = await callApi(s, 'documents.serviceRecipients', { documentId: n.id });
      await callApi(s, 'documents.recordServices', {
        documentId: n.id,
        entries: recipients.filter((r) => addressees.some((a) => a.kind === r.party.kind && a.id === r.party.id)).map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson' as const, servedOn: '2026-11-19' })),
      });
    }
    // the receipts have no service of their own and are not asked for one
    const listed = await callApi(s, 'documents.list', { caseId });
    expect(listed.documents.filter((d) => d.kind === 'serviceReceipt').every((d) => d.services.length === 0)).toBe(true);
    const after = await documentsServed();
    expect(after).toMatchObject({ ok: true, detail: '已生成的文书均已送达受送达人' });
  });
});
