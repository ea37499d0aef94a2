// Fast-path cases closed by mediation are what the mediation services leave behind: a settled
// session, every claim agreed, payments equal to the agreement, the 调解书 signed by both sides — so
// the closing checklist `closing.close` applies has nothing missing, and the documents tab offers
// the 调解书 and builds it.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { buildChecklist } from '../../electron/services/closing/checklist';
import { documentPath } from '../../electron/services/documents/generate';
import { formatChineseNumeralDate } from '../../electron/core/dates';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import { callApi, openTestServices } from '../support/services';
import { compact, docxToPdf, hasSoffice, pdfPages } from '../support/pdf';

vi.setConfig({ testTimeout: 240_000 });

let s: Services & { dataDir: string };
let mediated: { id: number; closedOn: string }[];

beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  await generateDemo(s, { cases: 120, seed: 5, today: '2026-11-20', living: 0 });
  mediated = s.ctx.db.all<{ id: number; closedOn: string }>(sql`select id, closed_on as closedOn from cases where closing_method = 'mediation' order by id`);
}, 240_000);
afterAll(() => s.close());

describe('fast-path 调解结案', () => {
  it('every case closed by mediation has what closing.close requires: only the status item (already closed) is not ok', async () => {
    expect(mediated.length).toBeGreaterThan(10);
    for (const c of mediated) {
      const { items } = buildChecklist(s.ctx, s.ctx.db, c.id, 'mediation');
      expect(items.filter((i) => !i.ok).map((i) => i.key)).toEqual(['status']);
      expect(items.find((i) => i.key === 'mediationDocument')!.detail).toContain('调解书已生效');
    }
  });

  it('the mediation view: a settled session on the closing day, every claim agreed, each worker paid exactly the agreement', async () => {
    for (const c of mediated) {
      const view = await callApi(s, 'mediation.get', { caseId: c.id });
      expect(view.outcome).toBe('settled');
      expect(view.allAgreed).toBe(true);
      expect(view.sessions.map((x) => [x.heldOn, x.outcome, x.track])).toEqual([[c.closedOn, 'settled', 'arbitration']]);
      for (const r of view.rows) {
        const agreed = r.claims.reduce((a, x) => a + (x.agreedFen ?? 0), 0);
        const claimed = r.claims.reduce((a, x) => a + x.claimedFen, 0);
        expect(agreed).toBeGreaterThan(0);
        expect(agreed).toBeLessThanOrEqual(claimed);
        expect(r.payments.reduce((a, p) => a + p.amountFen, 0)).toBe(agreed);
      }
    }
    // other closings have no agreement of their own
    const stray = s.ctx.db.get<{ n: number }>(sql`select count(*) as n from settlement_items si join cases c on c.id = si.case_id where c.closing_method is not 'mediation'`)!.n;
    expect(stray).toBe(0);
  });

  it('the folder still verifies: each case’s mediation rows are taken by its own events', async () => {
    const report = await verifyChain(path.join(s.dataDir, 'sucai.db'));
    expect(report.problems.slice(0, 3)).toEqual([]);
    expect(report.intact).toBe(true);
    const c = mediated[0]!;
    const actions = s.ctx.db.all<{ action: string }>(sql`select action from case_events where case_id = ${c.id} and action like 'mediation.%' order by seq`).map((r) => r.action);
    expect(actions).toEqual(['mediation.sessionAdded', 'mediation.agreed', 'mediation.signature']);
  });

  it('the documents tab offers the 调解书 and generates it, dated the day of the session', async () => {
    const c = mediated[mediated.length - 1]!;
    const listed = await callApi(s, 'documents.list', { caseId: c.id });
    expect(listed.documents).toEqual([]);
    expect(listed.available.find((a) => a.kind === 'mediationDocument')).toMatchObject({ ready: true, missing: [] });
    const [doc] = await callApi(s, 'documents.generate', { caseId: c.id, kind: 'mediationDocument' });
    expect(doc!.kind).toBe('mediationDocument');
    const file = documentPath(s.dataDir, doc!);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    if (hasSoffice()) {
      const text = pdfPages(await docxToPdf(file)).map(compact).join('\n');
      expect(text).toContain('调解书');
      expect(text).toContain(formatChineseNumeralDate(c.closedOn));
      expect(text).toContain('调解时已当场支付');
    }
  });
});
