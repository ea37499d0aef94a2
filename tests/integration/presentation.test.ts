import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { AppEvent, PresentationPayload } from '../../electron/core/contract';
import { createServices, type Services } from '../../electron/services/createServices';
import { caseEvents, claimItems, hearingRecordSteps, hearings, payments, rooms, settlementItems, workers } from '../../db/schema';
import { addAccount, appPaths, callApi, caseInput, makeId, tempDataDir, workerDraft } from '../support/services';

// A clock the test moves by hand; the unmask timer itself runs on real time.
let clock = new Date('2026-11-20T02:42:00Z'); // 10:42 in China
let services: Services;
let caseId: number;
let otherCaseId: number;
let exhibitId: number;
let otherExhibitId: number;
let hearingId: number;
const events: AppEvent[] = [];
const screenEvents = () => events.flatMap((e) => (e.type === 'presentation.changed' ? [e.payload] : []));

const ids = Array.from({ length: 12 }, (_, i) => makeId('360702', '1980-01-01', 100 + i));
const phones = Array.from({ length: 12 }, (_, i) => `139${String(12340000 + i).padStart(8, '0')}`);

async function pdf(pages: number, dir: string): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 18 });
  const file = path.join(dir, `台账${pages}.pdf`);
  fs.writeFileSync(file, await doc.save());
  return file;
}

const timeline = (id: number) =>
  services.ctx.db.select({ action: caseEvents.action, summary: caseEvents.summary }).from(caseEvents).where(eq(caseEvents.caseId, id)).all();

beforeAll(async () => {
  const dataDir = tempDataDir();
  services = createServices({ ...appPaths, dataDir, host: 'web', version: 'test', now: () => clock });
  services.events.on('event', (e) => events.push(e));
  const names = ['张三', '李四', '王五', '赵六', '钱七', '孙八', '周九', '吴十', '郑十一', '冯十二', '陈十三', '褚十四'];
  ({ id: caseId } = await callApi(
    services,
    'cases.create',
    caseInput(names.map((n, i) => workerDraft(n, ids[i], String(1000 + i * 100), { phone: phones[i], bankCard: '6222021234567891234' }))),
  ));
  ({ id: otherCaseId } = await callApi(services, 'cases.create', caseInput([workerDraft('刘一', makeId('360702', '1970-01-01', 5), '800')])));
  const dir = tempDataDir('sucai-files-');
  await callApi(services, 'evidence.addFromPaths', { caseId, paths: [await pdf(1, dir), await pdf(2, dir)], track: 'arbitration', submittedBy: 'applicant' });
  const list = await callApi(services, 'evidence.list', { caseId });
  exhibitId = list.find((e) => e.seq === 2)!.id;
  const [other] = await callApi(services, 'evidence.addFromPaths', { caseId: otherCaseId, paths: [await pdf(3, dir)], track: 'arbitration', submittedBy: 'applicant' });
  otherExhibitId = other.id;

  // Settlement and payments as the mediation table writes them (two workers settled, one paid in part).
  const db = services.ctx.db;
  const ws = db.select().from(workers).where(eq(workers.caseId, caseId)).all();
  for (const w of ws.slice(0, 2)) {
    const claim = db.select().from(claimItems).where(eq(claimItems.workerId, w.id)).get()!;
    db.insert(settlementItems).values({ caseId, workerId: w.id, claimItemId: claim.id, agreedFen: claim.amountFen, updatedAt: clock.toISOString() }).run();
  }
  db.insert(payments).values({ caseId, workerId: ws[0].id, amountFen: 50_000, paidAt: '2026-11-20T10:30', method: 'cash', createdAt: clock.toISOString() }).run();

  // A hearing of the case (rooms as settings, arbitrator and clerk as accounts).
  const roomId = db.insert(rooms).values({ name: '第一仲裁庭' }).returning().get().id;
  const arbitrator = await addAccount(services, '黄仲裁', ['arbitrator']);
  const clerk = await addAccount(services, '温书记', ['clerk']);
  hearingId = db
    .insert(hearings)
    .values({ caseId, startsAt: '2026-11-20T10:00', endsAt: '2026-11-20T11:30', roomId, procedure: 'simplified', presidingId: arbitrator, clerkId: clerk, createdAt: clock.toISOString() })
    .returning()
    .get().id;
});

afterAll(() => services.close());

describe('presentation.show', () => {
  it('starts blank with the commission name', async () => {
    const payload = await callApi(services, 'presentation.current', {});
    expect(payload.state.view).toEqual({ kind: 'blank' });
    expect(payload.title).toMatch(/仲裁委员会/);
    expect(payload.caseNumber).toBeNull();
  });

  it('builds the worker table masked by the backend, with agreed and paid from the settlement tables', async () => {
    const payload = await callApi(services, 'presentation.show', { view: { kind: 'workers', caseId } });
    const rows = payload.workers!.rows;
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ seq: 1, name: '张三', idNumber: `${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`, phone: `139****${phones[0].slice(-4)}` });
    const text = JSON.stringify(payload);
    for (const id of ids) expect(text).not.toContain(id);
    for (const phone of phones) expect(text).not.toContain(phone);
    expect(text).not.toContain('6222021234567891234');
    expect(rows[0]).toMatchObject({ claimedFen: 100_000, agreedFen: 100_000, paidFen: 50_000 });
    expect(rows[1]).toMatchObject({ claimedFen: 110_000, agreedFen: 110_000, paidFen: 0 });
    expect(rows[2]).toMatchObject({ agreedFen: 0, paidFen: 0 });
    expect(payload.workers!.totals).toEqual({ claimedFen: rows.reduce((s, r) => s + r.claimedFen, 0), agreedFen: 210_000, paidFen: 50_000 });
    // the same payload went to every window
    expect(screenEvents().at(-1)).toEqual(payload);
    expect(timeline(caseId).map((e) => e.summary)).toContain('共享屏幕：展示申请人名单（已遮蔽个人信息）');
  });

  it('current is rebuilt fresh: a payment made after the push shows without a new push', async () => {
    const db = services.ctx.db;
    const second = db.select().from(workers).where(and(eq(workers.caseId, caseId), eq(workers.name, '李四'))).get()!;
    db.insert(payments).values({ caseId, workerId: second.id, amountFen: 110_000, paidAt: '2026-11-20T10:40', method: 'bankTransfer', createdAt: clock.toISOString() }).run();
    const payload = await callApi(services, 'presentation.current', {});
    expect(payload.workers!.rows[1].paidFen).toBe(110_000);
    expect(payload.workers!.totals.paidFen).toBe(160_000);
  });

  it('shows an exhibit page and writes the push into the timeline and the hearing record', async () => {
    const before = screenEvents().length;
    const payload = await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 2 }, hearingId });
    expect(payload.exhibit).toMatchObject({ exhibitId, label: '证据二', page: 2, pageCount: 2, mime: 'application/pdf' });
    expect(payload.state).toMatchObject({ hearingId, unmasked: null });
    expect(screenEvents()).toHaveLength(before + 1);
    expect(timeline(caseId).map((e) => e.summary)).toContain('共享屏幕：展示证据二 第2页');
    const record = services.ctx.db.select().from(hearingRecordSteps).where(eq(hearingRecordSteps.hearingId, hearingId)).all();
    expect(record).toEqual([expect.objectContaining({ step: 'investigation', content: '10:42 展示证据二 第2页' })]);

    clock = new Date('2026-11-20T02:45:00Z');
    await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1 }, hearingId });
    await callApi(services, 'presentation.show', { view: { kind: 'caseSummary', caseId }, hearingId });
    const steps = Object.fromEntries(
      services.ctx.db.select().from(hearingRecordSteps).where(eq(hearingRecordSteps.hearingId, hearingId)).all().map((r) => [r.step, r.content]),
    );
    expect(steps.investigation).toBe('10:42 展示证据二 第2页\n10:45 展示证据二 第1页');
    expect(steps.claims).toBe('10:45 展示案件概况');
    expect(events.some((e) => e.type === 'hearings.changed' && e.hearingId === hearingId)).toBe(true);
  });

  it('moving over the exhibit page or turning the list page is not a new showing: screen follows, nothing logged', async () => {
    const shown = await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1 }, hearingId });
    const eventsBefore = timeline(caseId).length;
    const record = () => services.ctx.db.select().from(hearingRecordSteps).where(eq(hearingRecordSteps.hearingId, hearingId)).all();
    const recordBefore = record();
    const moved = await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1, zoom: 150, x: 0.2, y: 0.6 }, hearingId });
    expect(moved.state.view).toEqual({ kind: 'exhibit', caseId, exhibitId, page: 1, zoom: 150, x: 0.2, y: 0.6 });
    expect(moved.state.seq).toBe(shown.state.seq + 1);
    expect(moved.state.shownAt).toBe(shown.state.shownAt);
    expect(screenEvents().at(-1)).toEqual(moved);
    expect(timeline(caseId)).toHaveLength(eventsBefore);
    expect(record()).toEqual(recordBefore);
    // the whole page (0) is allowed, a zoom between 0 and 50 % is not, nor a place outside 0…1
    await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1, zoom: 0 }, hearingId });
    await expect(callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1, zoom: 20 } })).rejects.toThrow(/缩放比例/);
    await expect(callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 1, y: 1.5 } })).rejects.toThrow(/纵向位置须在0至1之间/);
    // another page of the exhibit is a new showing, written into the record
    await callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 2, zoom: 150 }, hearingId });
    expect(timeline(caseId)).toHaveLength(eventsBefore + 1);
    // the list: page 2 of it is the same list (the operator turns it; nothing turns by itself)
    await callApi(services, 'presentation.show', { view: { kind: 'workers', caseId, page: 1 } });
    const listed = timeline(caseId).length;
    const page2 = await callApi(services, 'presentation.show', { view: { kind: 'workers', caseId, page: 2 } });
    expect(page2.state.view).toEqual({ kind: 'workers', caseId, page: 2 });
    expect(timeline(caseId)).toHaveLength(listed);
  });

  it('refuses an exhibit of another case, a page beyond the end, and a hearing of another case', async () => {
    const seq = (await callApi(services, 'presentation.current', {})).state.seq;
    await expect(callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId: otherExhibitId, page: 1 } })).rejects.toThrow(/不属于本案/);
    await expect(callApi(services, 'presentation.show', { view: { kind: 'exhibit', caseId, exhibitId, page: 3 } })).rejects.toThrow(/只有2页/);
    await expect(callApi(services, 'presentation.show', { view: { kind: 'workers', caseId: otherCaseId }, hearingId })).rejects.toThrow(/不属于/);
    await expect(callApi(services, 'presentation.show', { view: { kind: 'workers', caseId: 99999 } })).rejects.toThrow(/案件不存在/);
    // nothing changed on the screen
    expect((await callApi(services, 'presentation.current', {})).state.seq).toBe(seq);
  });

  it('case summary and deadlines carry no identifiers', async () => {
    const summary = await callApi(services, 'presentation.show', { view: { kind: 'caseSummary', caseId } });
    expect(summary.summary!.lines.map((l) => l.label)).toEqual(expect.arrayContaining(['申请人', '被申请人', '工程项目', '请求金额', '阶段']));
    expect(JSON.stringify(summary)).not.toMatch(/\d{17}[\dX]/);
    const deadlines = await callApi(services, 'presentation.show', { view: { kind: 'deadlines', caseId } });
    expect(deadlines.deadlines!.length).toBeGreaterThan(0);
  });
});

describe('presentation.unmask', () => {
  it('needs the worker table on the screen', async () => {
    await expect(callApi(services, 'presentation.unmask', { field: 'idNumber', workerId: null, seconds: 5 })).rejects.toThrow(/请先把申请人名单推送到屏幕/);
  });

  it('shows one ID for a moment, logs it, then masks itself again and tells every window', async () => {
    await callApi(services, 'presentation.show', { view: { kind: 'workers', caseId } });
    const zhang = services.ctx.db.select().from(workers).where(and(eq(workers.caseId, caseId), eq(workers.name, '张三'))).get()!;
    const other = services.ctx.db.select().from(workers).where(eq(workers.caseId, otherCaseId)).get()!;
    await expect(callApi(services, 'presentation.unmask', { field: 'idNumber', workerId: other.id, seconds: 1 })).rejects.toThrow(/不在屏幕上/);

    const shown = await callApi(services, 'presentation.unmask', { field: 'idNumber', workerId: zhang.id, seconds: 1 });
    expect(shown.state.unmasked).toMatchObject({ field: 'idNumber', workerId: zhang.id, until: '2026-11-20T02:45:01.000Z' });
    expect(shown.workers!.rows[0].idNumber).toBe(ids[0]);
    expect(shown.workers!.rows[0].phone).toBe(`139****${phones[0].slice(-4)}`); // only the field asked for
    expect(shown.workers!.rows[1].idNumber).not.toBe(ids[1]); // only the worker asked for
    expect(timeline(caseId).map((e) => e.summary)).toContain('共享屏幕：临时显示 张三 的身份证号码（1秒）');

    // The clock passing the end masks `current` at once…
    clock = new Date('2026-11-20T02:45:02Z');
    expect((await callApi(services, 'presentation.current', {})).workers!.rows[0].idNumber).toBe(`${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`);
    clock = new Date('2026-11-20T02:45:00Z');
    // …and the timer re-sends the masked table to the screen when the time is up.
    const count = screenEvents().length;
    await new Promise((r) => setTimeout(r, 1300));
    const after = screenEvents().slice(count);
    expect(after).toHaveLength(1);
    const masked: PresentationPayload = after[0];
    expect(masked.state.unmasked).toBeNull();
    expect(masked.state.seq).toBeGreaterThan(shown.state.seq);
    expect(masked.workers!.rows[0].idNumber).toBe(`${ids[0].slice(0, 6)}********${ids[0].slice(-4)}`);
    expect(JSON.stringify(masked)).not.toContain(ids[0]);
  });

  it('a new push ends an unmask at once', async () => {
    const zhang = services.ctx.db.select().from(workers).where(and(eq(workers.caseId, caseId), eq(workers.name, '张三'))).get()!;
    await callApi(services, 'presentation.unmask', { field: 'phone', workerId: zhang.id, seconds: 30 });
    const next = await callApi(services, 'presentation.show', { view: { kind: 'workers', caseId } });
    expect(next.state.unmasked).toBeNull();
    expect(JSON.stringify(next)).not.toContain(phones[0]);
  });

  it('a blank push is logged on the case that was on the screen', async () => {
    const blank = await callApi(services, 'presentation.show', { view: { kind: 'blank' } });
    expect(blank.caseNumber).toBeNull();
    expect(timeline(caseId).at(-1)?.summary ?? '').toBeDefined();
    expect(timeline(caseId).map((e) => e.summary)).toContain('共享屏幕：黑屏（仅显示时钟）');
  });
});
