// The living demo over a small folder (real SQLite file, real services, LibreOffice): every screen
// has content — settings and staff, this week's hearings, mediation with payments and instalments,
// an issued award (final, non-final and split), documents and service on a closed case, evidence
// files in the store (some shared between inspection and arbitration), warnings, the dashboard —
// and every kind of generated document opens (LibreOffice converts it to a PDF with text).
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { generateDemo, type DemoSummary } from '../../electron/services/demo/generateDemo';
import { evidencePath } from '../../electron/services/evidence/store';
import { addDays } from '../../electron/core/dates';
import { hasSoffice, pdfPageCount, pdfText } from '../support/pdf';
import { documentPath } from '../../electron/services/documents/generate';
import { findSoffice } from '../../electron/services/documents/pdf';
import { convertAllToPdf } from '../../electron/services/demo/living/ledgerPdf';
import { callApi, openTestServices } from '../support/services';

const TODAY = '2026-11-19'; // a Thursday: this week has hearings behind and ahead
const MONDAY = '2026-11-16';
let s: Services & { dataDir: string };
let summary: DemoSummary;

type Row = Record<string, unknown>;
const rows = <T = Row>(q: ReturnType<typeof sql>) => s.ctx.db.all<T>(q);
const one = (q: ReturnType<typeof sql>) => Number(s.ctx.db.get<{ n: number }>(q)?.n ?? 0);

beforeAll(async () => {
  s = openTestServices(undefined, `${TODAY}T02:00:00Z`);
  summary = await generateDemo(s, { cases: 90, seed: 11, today: TODAY, living: 24 });
}, 900_000);

afterAll(() => s?.close());

describe('living demo: settings and people', () => {
  it('sets up the commission, the minimum wage by date, staff and rooms', async () => {
    const settings = await callApi(s, 'settings.get', {});
    expect(settings.commissionName).toBe('赣州市劳动人事争议仲裁委员会');
    expect(settings.commissionAddress).toMatch(/赣州市/);
    expect(settings.commissionPhone).toMatch(/^0797-/);
    expect(settings.minimumWages.map((w) => w.effectiveOn)).toEqual(['2018-01-01', '2021-07-01', '2024-03-01']);
    const { staff, rooms } = await callApi(s, 'staff.list', {});
    expect(staff.filter((x) => x.roles.includes('arbitrator')).length).toBeGreaterThanOrEqual(7);
    expect(staff.filter((x) => x.roles.includes('clerk')).length).toBeGreaterThanOrEqual(3);
    expect(rooms.length).toBeGreaterThanOrEqual(3);
    expect(summary.living?.staff).toMatchObject({ inspectors: 3, mediators: 3 });
  });
});

describe('living demo: every screen has content', () => {
  it('the calendar has hearings this week (held and to come) and later weeks, some with notice-period warnings', async () => {
    const week = await callApi(s, 'hearings.week', { from: MONDAY, days: 7 });
    expect(week.some((h) => h.status === 'held')).toBe(true);
    expect(week.some((h) => h.status === 'scheduled' && h.startsAt >= TODAY)).toBe(true);
    const later = await callApi(s, 'hearings.week', { from: addDays(MONDAY, 7), days: 28 });
    expect(later.length).toBeGreaterThan(0);
    expect([...week, ...later].some((h) => h.warnings.some((w) => w.kind === 'noticePeriod'))).toBe(true);
    // nobody and no room is booked twice at the same time
    const all = rows<{ n: number }>(sql`
      select count(*) as n from hearings a join hearings b on a.id < b.id and a.status != 'cancelled' and b.status != 'cancelled'
        and a.starts_at < b.ends_at and b.starts_at < a.ends_at
        and (a.room_id = b.room_id or a.presiding_id = b.presiding_id or a.clerk_id = b.clerk_id)`);
    expect(all[0]!.n).toBe(0);
  });

  it('a past hearing has its record, attendance and 质证 on every exhibit', async () => {
    const held = rows<{ id: number; caseId: number }>(sql`select id, case_id as caseId from hearings where status = 'held' and case_id in (select case_id from exhibits) order by id limit 1`)[0]!;
    const detail = await callApi(s, 'hearings.get', { id: held.id });
    expect(detail.applicantPresent).toBe(true);
    expect(detail.record.filter((r) => r.content.length > 10).length).toBeGreaterThanOrEqual(8);
    const exhibits = await callApi(s, 'evidence.list', { caseId: held.caseId });
    expect(exhibits.length).toBe(3);
    expect(exhibits.every((e) => e.crossExaminedOn)).toBe(true);
    expect(detail.crossExaminations.filter((x) => x.party === 'tribunal').length).toBe(3);
  });

  it('mediation: sessions, per-worker agreements, payments on the spot and instalment plans, some overdue', async () => {
    const settled = rows<{ caseId: number }>(sql`select distinct case_id as caseId from instalments`);
    expect(settled.length).toBeGreaterThan(0);
    const view = await callApi(s, 'mediation.get', { caseId: settled[0]!.caseId });
    expect(view.sessions.length).toBeGreaterThan(0);
    expect(view.rows.every((r) => r.agreedFen > 0)).toBe(true);
    expect(view.effective).toBe(true);
    expect(one(sql`select count(*) as n from payments where instalment_id is null and case_id in (select case_id from instalments)`)).toBeGreaterThan(0);
    const warnings = await callApi(s, 'warnings.list', { open: true });
    expect(warnings.some((w) => w.kind === 'instalmentOverdue')).toBe(true);
    expect(warnings.some((w) => w.kind === 'awardUnpaid')).toBe(true);
  });

  it('awards issued: wholly final, wholly non-final or split, each with its 裁决书 served on every party', async () => {
    const issued = rows<{ caseId: number; finals: number; nonFinals: number }>(sql`
      select a.case_id as caseId, sum(ai.is_final = 1) as finals, sum(ai.is_final = 0) as nonFinals
      from awards a join award_items ai on ai.case_id = a.case_id where a.issued_at is not null group by a.case_id`);
    expect(issued.some((a) => a.finals > 0 && a.nonFinals === 0)).toBe(true);
    expect(issued.some((a) => a.finals > 0 && a.nonFinals > 0) || issued.some((a) => a.finals === 0)).toBe(true);
    const award = await callApi(s, 'award.get', { caseId: issued[0]!.caseId });
    expect(award.issuedAt).not.toBeNull();
    expect(award.reasoning.length).toBeGreaterThan(50);
  });

  it('closed living cases: closed through the checklist with their documents and service; mediation closures have their 调解书', async () => {
    const closed = rows<{ caseId: number; method: string }>(sql`
      select case_id as caseId, after ->> 'closingMethod' as method from case_events where action = 'closing.closed'`);
    expect(closed.length).toBeGreaterThanOrEqual(4);
    expect(new Set(closed.map((c) => c.method))).toEqual(new Set(['mediation', 'finalAward', 'nonFinalAward', 'withdrawal']));
    for (const c of closed) {
      const { documents } = await callApi(s, 'documents.list', { caseId: c.caseId });
      const kinds = new Set(documents.map((d) => d.kind));
      expect(kinds.has('acceptanceNotice') && kinds.has('closingApproval')).toBe(true);
      if (c.method === 'mediation') expect(kinds.has('mediationDocument')).toBe(true);
      if (c.method.endsWith('Award')) expect(kinds.has('award') && kinds.has('hearingRecord')).toBe(true);
      expect(documents.filter((d) => d.kind === 'acceptanceNotice').every((d) => d.services.some((x) => x.servedOn))).toBe(true);
    }
  });

  it('evidence: a ledger PDF, a photo and a roster in the content-addressed store; inspection exhibits recognised; a photo shared by two cases', async () => {
    const exhibits = rows<{ sha: string; mime: string; title: string; track: string; recognisedBy: string | null }>(
      sql`select e.file_sha256 as sha, f.mime, e.title, e.track, e.recognised_by as recognisedBy from exhibits e join evidence_files f on f.sha256 = e.file_sha256`,
    );
    expect(new Set(exhibits.map((e) => e.mime))).toEqual(new Set(['application/pdf', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']));
    for (const e of exhibits) expect(fs.existsSync(evidencePath(s.dataDir, e.sha))).toBe(true);
    expect(exhibits.some((e) => e.track === 'inspection' && e.recognisedBy)).toBe(true);
    expect(one(sql`select count(*) as n from (select file_sha256 from exhibits group by 1 having count(distinct case_id) > 1)`)).toBeGreaterThan(0);
    const ledger = exhibits.find((e) => e.mime === 'application/pdf')!;
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', evidencePath(s.dataDir, ledger.sha), '-'], { encoding: 'utf8' })).toMatch(/农民工工资发放台账/);
    const roster = rows<{ id: number }>(sql`select id from exhibits where title = '农民工花名册' limit 1`)[0]!;
    const preview = await callApi(s, 'evidence.preview', { id: roster.id });
    expect(preview.kind === 'table' && preview.sheets[0]!.rows.length > 2).toBe(true);
  });

  it('inspection: a correction order, and the police transfer and the enforcement application where the facts call for them', async () => {
    expect(one(sql`select count(*) as n from inspection_steps where kind = 'correctionOrder'`)).toBeGreaterThan(0);
    expect(one(sql`select count(*) as n from case_events where action = 'followUp.enforcementPackage'`)).toBe(1);
    const police = one(sql`select count(*) as n from case_events where action = 'followUp.policePackage'`);
    const eligible = (await callApi(s, 'warnings.list', { open: false })).some((w) => w.kind === 'correctionOverdue' && w.policeEligible);
    expect(police).toBe(eligible ? 1 : 0);
  });

  it('the dashboard and the case list have content; large collective cases sit beside small ones', async () => {
    const dash = await callApi(s, 'dashboard.get', { from: addDays(TODAY, -365), to: TODAY });
    expect(dash.metrics.find((m) => m.value > 0)).toBeTruthy();
    expect(dash.byClosingMethod.length).toBeGreaterThan(1);
    expect(one(sql`select count(*) as n from (select case_id from workers group by 1 having count(*) >= 100)`)).toBeGreaterThan(0);
    expect(one(sql`select count(*) as n from (select case_id from workers group by 1 having count(*) = 1)`)).toBeGreaterThan(0);
    expect(summary.living!.cases).toBeGreaterThanOrEqual(20);
  });
});

describe('living demo: every generated document opens', () => {
  it.skipIf(!hasSoffice())(
    'LibreOffice converts two documents of every kind made (one LibreOffice run), and the app exports an award through its own path',
    async () => {
      const sample = rows<{ id: number; caseId: number; kind: string; fileName: string }>(sql`
        select d.id, d.case_id as caseId, d.kind, d.file_name as fileName from documents d
        where d.id in (select min(id) from documents group by kind union select max(id) from documents group by kind) order by d.kind, d.id`);
      // every kind the demo's stories make
      const police = one(sql`select count(*) as n from case_events where action = 'followUp.policePackage'`);
      expect(sample.map((d) => d.kind)).toEqual(
        expect.arrayContaining(['acceptanceNotice', 'responseNotice', 'hearingNotice', 'hearingRecord', 'evidenceList', 'award', 'mediationDocument', 'serviceReceipt', 'withdrawalDecision', 'closingApproval', 'correctionOrder', 'enforcementApplication', ...(police ? ['policeTransferLetter'] : [])]),
      );
      const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-demo-pdf-'));
      const files = sample.map((d) => {
        const copy = path.join(work, `${d.id}.docx`);
        fs.copyFileSync(documentPath(s.dataDir, d), copy);
        return copy;
      });
      await convertAllToPdf(findSoffice()!, files, path.join(work, 'pdf'), path.join(work, 'profile'));
      for (const d of sample) {
        const pdf = path.join(work, 'pdf', `${d.id}.pdf`);
        expect(fs.existsSync(pdf), `${d.kind} ${d.fileName}`).toBe(true);
        expect(pdfPageCount(pdf), d.kind).toBeGreaterThan(0);
        expect(pdfText(pdf).replace(/\s+/g, '').length, d.kind).toBeGreaterThan(50);
      }
      const award = sample.find((d) => d.kind === 'award')!;
      const exported = await callApi(s, 'documents.exportPdf', { documentId: award.id });
      expect(exported.pages).toBeGreaterThan(0);
      expect(pdfText(exported.path)).toMatch(/裁\s*决\s*书/);
    },
    900_000,
  );
});
