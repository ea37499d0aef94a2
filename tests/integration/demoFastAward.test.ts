// Fast-path cases closed by award or by withdrawal are what the services leave behind: a tribunal
// composed, a hearing held with attendance party by party, an award issued with every item decided
// and classified final / non-final per worker per item (Law Art 47(1), Rules Art 50: the AWARDED
// amount against 12 × the minimum wage in force on the award date); a withdrawal application on
// record. The documents tab builds the 裁决书 and the 撤回仲裁申请决定书 from these rows, and once
// they are generated and served the closing checklist has nothing missing but the (already closed)
// status. A side-by-side case driven through the real services writes the same events and tables.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { generateDemo } from '../../electron/services/demo/generateDemo';
import { buildChecklist } from '../../electron/services/closing/checklist';
import { documentPath } from '../../electron/services/documents/generate';
import { verifyChain } from '../../electron/services/audit/verifyChain';
import { FINAL_AWARD_TYPES } from '../../electron/core/finalAward';
import type { ClosingMethod } from '../../electron/core/contract';
import { callApi, openTestServices } from '../support/services';
import { compact, docxToPdf, hasSoffice, pdfPages } from '../support/pdf';

vi.setConfig({ testTimeout: 240_000 });

type Closed = { id: number; closedOn: string; method: ClosingMethod; finality: string | null; collective: number };
let s: Services & { dataDir: string };
let awarded: Closed[];
let withdrawn: Closed[];

beforeAll(async () => {
  s = openTestServices(undefined, '2026-11-20T02:00:00Z');
  await generateDemo(s, { cases: 160, seed: 7, today: '2026-11-20', living: 0 });
  const closed = (methods: string[]) =>
    s.ctx.db.all<Closed>(sql`
      select id, closed_on as closedOn, closing_method as method, award_finality as finality, is_collective as collective from cases
      where closing_method in (select value from json_each(${JSON.stringify(methods)})) order by id`);
  awarded = closed(['finalAward', 'nonFinalAward']);
  withdrawn = closed(['withdrawal']);
}, 240_000);
afterAll(() => s.close());

/** Events of a case from `from` on, with the tables whose rows each took. */
function eventsOf(caseId: number, actions: string[]): { action: string; tables: string[] }[] {
  return s.ctx.db
    .all<{ action: string; tables: string | null }>(sql`
      select e.action, (select group_concat(distinct r.table_name) from (select table_name from event_rows where seq = e.seq order by table_name) r) as tables
      from case_events e where e.case_id = ${caseId} and e.action in (select value from json_each(${JSON.stringify(actions)})) order by e.seq`)
    .map((e) => ({ action: e.action, tables: (e.tables ?? '').split(',').filter(Boolean).sort() }));
}

/** Records service on every addressee of each document, as the service dialog prefills them. */
async function serveAll(docs: { id: number }[], on: string): Promise<void> {
  for (const d of docs) {
    const recipients = (await callApi(s, 'documents.serviceRecipients', { documentId: d.id })).filter((r) => r.addressee);
    if (!recipients.length) continue; // a 送达回证 goes to no one
    await callApi(s, 'documents.recordServices', { documentId: d.id, entries: recipients.map((r) => ({ party: r.party, recipient: r.name, method: 'inPerson' as const, servedOn: on })) });
  }
}

const AWARD_ACTIONS = ['tribunal.composed', 'hearing.scheduled', 'hearing.attendance', 'award.save', 'award.issue'];

describe('fast-path 裁决结案', () => {
  it('the award tab: issued after a hearing held, every item decided within the claim, finality per item from the awarded amount, the closing method from the items', async () => {
    expect(awarded.length).toBeGreaterThan(5);
    const finalities = new Set<string>();
    for (const c of awarded) {
      const award = await callApi(s, 'award.get', { caseId: c.id });
      expect(award.issuedAt).not.toBeNull();
      expect(award.decidedOn! <= c.closedOn).toBe(true);
      expect(award.items.length).toBeGreaterThan(0);
      expect(award.factsFound).toContain('开庭审理');
      expect(award.thresholdFen).toBe(12 * award.minimumWageFen!);
      for (const i of award.items) {
        expect(i.awardedFen).not.toBeNull();
        expect(i.awardedFen!).toBeLessThanOrEqual(i.claimedFen);
        // Art 47(1): a covered type whose awarded amount is within 12 months' minimum wage is final
        expect(i.isFinal).toBe(FINAL_AWARD_TYPES.includes(i.type) && i.awardedFen! <= award.thresholdFen!);
      }
      const expected = award.hasFinal && award.hasNonFinal ? 'mixed' : award.hasFinal ? 'final' : 'nonFinal';
      expect(c.finality).toBe(expected);
      expect(c.method).toBe(award.hasFinal && !award.hasNonFinal ? 'finalAward' : 'nonFinalAward');
      finalities.add(expected);
      const hearings = await callApi(s, 'hearings.forCase', { caseId: c.id });
      expect(hearings).toHaveLength(1);
      expect(hearings[0]!.status).toBe('held');
      expect(hearings[0]!.startsAt.slice(0, 10) <= award.decidedOn!).toBe(true);
      const detail = await callApi(s, 'hearings.get', { id: hearings[0]!.id });
      expect(detail.attendance.applicants.every((a) => a.present === true)).toBe(true);
      expect(detail.attendance.respondents.every((r) => r.present !== null)).toBe(true);
    }
    expect(finalities.size).toBeGreaterThan(1);
  });

  it('the closing checklist: before the 裁决书 is generated only its service is missing; generated and served, only the (closed) status', async () => {
    const c = awarded.find((x) => x.finality === 'mixed') ?? awarded[0]!;
    const before = buildChecklist(s.ctx, s.ctx.db, c.id, c.method).items.filter((i) => !i.ok).map((i) => i.key);
    expect(before).toEqual(['status', 'awardServed']);
    const listed = await callApi(s, 'documents.list', { caseId: c.id });
    expect(listed.available.find((a) => a.kind === 'award')).toMatchObject({ ready: true, missing: [] });
    const docs = await callApi(s, 'documents.generate', { caseId: c.id, kind: 'award' });
    expect(docs.length).toBe(c.finality === 'mixed' ? 2 : 1);
    await serveAll(docs, c.closedOn);
    const after = buildChecklist(s.ctx, s.ctx.db, c.id, c.method).items.filter((i) => !i.ok).map((i) => i.key);
    expect(after).toEqual(['status']);
    if (hasSoffice()) {
      const award = await callApi(s, 'award.get', { caseId: c.id });
      const text = pdfPages(await docxToPdf(documentPath(s.dataDir, docs[0]!))).map(compact).join('\n');
      expect(text).toContain('裁决书');
      expect(text).toContain('开庭');
      expect(text).toContain(compact(award.factsFound.split('\n')[0]!).slice(0, 20));
    }
  });

  it('side by side: an open case driven through hearings.schedule → attendance → award.save → award.issue writes the same events, taking the same tables', async () => {
    const fast = awarded[0]!;
    const open = s.ctx.db.get<{ id: number }>(sql`
      select id from cases where status = 'accepted' and stage = 'mediation' and procedure = 'simplified' and accepted_on <= '2026-11-10'
        and not exists (select 1 from hearings h where h.case_id = cases.id) order by id limit 1`)!;
    const staff = await callApi(s, 'staff.list', {});
    const arbitrator = staff.staff.find((x) => x.roles.includes('arbitrator'))!;
    const clerk = staff.staff.find((x) => x.roles.includes('clerk'))!;
    const hearing = await callApi(s, 'hearings.schedule', {
      caseId: open.id, procedure: 'simplified', startsAt: '2026-11-19T19:00', endsAt: '2026-11-19T19:50', roomId: staff.rooms.at(-1)!.id,
      presidingId: arbitrator.id, wingIds: [], clerkId: clerk.id, noticeServedOn: '2026-11-12',
    });
    const { attendance } = await callApi(s, 'hearings.get', { id: hearing.id });
    await callApi(s, 'hearings.attendance', {
      id: hearing.id,
      applicants: attendance.applicants.map((a) => ({ workerId: a.partyId, present: true })),
      respondents: attendance.respondents.map((r) => ({ respondentId: r.partyId, present: true })),
    });
    const draft = await callApi(s, 'award.get', { caseId: open.id });
    const fastAward = await callApi(s, 'award.get', { caseId: fast.id });
    await callApi(s, 'award.save', {
      caseId: open.id, defence: fastAward.defence || '无', factsFound: fastAward.factsFound, evidenceRelied: fastAward.evidenceRelied, reasoning: fastAward.reasoning,
      items: draft.items.map((i) => ({ claimItemId: i.claimItemId, awardedFen: i.claimedFen })),
    });
    await callApi(s, 'award.issue', { caseId: open.id, decidedOn: '2026-11-20' });
    const real = eventsOf(open.id, AWARD_ACTIONS);
    const ours = eventsOf(fast.id, AWARD_ACTIONS);
    expect(ours.map((e) => e.action)).toEqual(AWARD_ACTIONS);
    // scheduling moves a case in 快调 to 快审 (its cases row); the fast path's case moved with its own case.stageChanged event
    const withoutStage = real.map((e) => ({ ...e, tables: e.tables.filter((t) => t !== 'cases') }));
    expect(ours).toEqual(withoutStage);
    expect(eventsOf(fast.id, ['case.stageChanged']).length).toBeGreaterThan(0);
  });

  it('the calendar has no clash: no room, presiding arbitrator or clerk sits in two hearings at once', () => {
    const clashes = s.ctx.db.all(sql`
      select a.id, b.id from hearings a join hearings b on b.id > a.id and substr(b.starts_at, 1, 10) = substr(a.starts_at, 1, 10)
        and b.starts_at < a.ends_at and a.starts_at < b.ends_at
        and (b.room_id = a.room_id or b.presiding_id = a.presiding_id or b.clerk_id = a.clerk_id)`);
    expect(s.ctx.db.get<{ n: number }>(sql`select count(*) as n from hearings`)!.n).toBeGreaterThan(awarded.length);
    expect(clashes).toEqual([]);
  });

  it('the folder still verifies: each case’s hearing, award and withdrawal rows are taken by its own events', async () => {
    const report = await verifyChain(path.join(s.dataDir, 'sucai.db'));
    expect(report.problems.slice(0, 3)).toEqual([]);
    expect(report.intact).toBe(true);
  });
});

describe('fast-path 视为撤回', () => {
  it('a case closed because the applicant stayed away has that hearing (applicant absent, Law Art 36): the checklist misses only the status', () => {
    const deemed = s.ctx.db.all<{ id: number }>(sql`select id from cases where closing_method = 'deemedWithdrawal'`);
    expect(deemed.length).toBeGreaterThan(0);
    for (const c of deemed) expect(buildChecklist(s.ctx, s.ctx.db, c.id, 'deemedWithdrawal').items.filter((i) => !i.ok).map((i) => i.key)).toEqual(['status']);
  });
});

describe('fast-path 撤回仲裁申请', () => {
  it('every withdrawn case has its application on record (a collective one with the consent); the 撤回决定书 is offered, generated, and then the checklist has only the status', async () => {
    expect(withdrawn.length).toBeGreaterThan(3);
    for (const c of withdrawn) {
      const detail = await callApi(s, 'cases.get', { id: c.id });
      expect(detail.withdrawalApplication).toMatchObject({ appliedOn: c.closedOn });
      if (c.collective) expect(detail.withdrawalApplication!.consentOn).toBe(c.closedOn);
      const missing = buildChecklist(s.ctx, s.ctx.db, c.id, 'withdrawal').items.filter((i) => !i.ok).map((i) => i.key);
      expect(missing).toEqual(['status', 'withdrawalDecision']);
    }
    const c = withdrawn[0]!;
    expect(eventsOf(c.id, ['closing.withdrawalApplication']).map((e) => e.tables)).toEqual([['withdrawal_applications']]);
    const docs = await callApi(s, 'documents.generateBatch', { caseId: c.id, kind: 'withdrawalDecision' });
    expect(docs.length).toBeGreaterThan(0);
    const file = documentPath(s.dataDir, docs[0]!);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    await serveAll(docs, c.closedOn);
    expect(buildChecklist(s.ctx, s.ctx.db, c.id, 'withdrawal').items.filter((i) => !i.ok).map((i) => i.key)).toEqual(['status']);
    if (hasSoffice()) {
      const text = pdfPages(await docxToPdf(file)).map(compact).join('\n');
      expect(text).toContain('撤回');
    }
  });
});
