import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import type { AppEvent, ExhibitView } from '../../electron/core/contract';
import { documentPath } from '../../electron/services/documents/generate';
import { compact, docxToPdf, pdfText } from '../support/pdf';
import type { Services } from '../../electron/services/createServices';
import { formatBytes } from '../../electron/services/evidence/limits';
import { evidencePath, hashFile, incomingDir, storeStream } from '../../electron/services/evidence/store';
import { sweepDataFolder } from '../../electron/services/storage/sweep';
import { verifyIdle } from '../../electron/services/evidence/verify';
import { parseRange } from '../../electron/web/evidenceRoutes';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { callApi, caseInput, makeId, openTestServices, tempDataDir, workerDraft } from '../support/services';

// Documents are converted and read back by LibreOffice: tens of seconds each on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

// A real 10×10 baseline JFIF (rendered by poppler's pdftoppm), so no image library is needed.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAJAAkAAD/2wBDABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXz/2wBDARUXFx4aHjshITt8U0ZTfHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHz/wAARCAAKAAoDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDotP1m31GdooUlVlXdlwAMZA7H3rRrkvCn/ISk/wCuJ/8AQlrrazpyco3Z1YulGlV5Y7H/2Q==',
  'base64',
);
// "姓名,金额\n张三,100\n李四,200\n" saved as GBK, as Excel does on Chinese Windows
const GBK_CSV = Buffer.from('d0d5c3fb2cbdf0b6ee0ad5c5c8fd2c3130300ac0eecbc42c3230300a', 'hex');

const sha = (buf: Buffer | Uint8Array) => crypto.createHash('sha256').update(buf).digest('hex');

let services: Services & { dataDir: string };
let host: WebHost;
let files: string;
let caseId: number;
let otherCaseId: number;
let caseNumber: string;
const events: AppEvent[] = [];
const rendererDir = tempDataDir('sucai-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>速裁台</title>');

async function makePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 18 });
  return Buffer.from(await doc.save());
}

async function makeXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工资表');
  ws.addRow(['姓名', '天数', '日工资', '应发']);
  ws.addRow(['张三', 20, 300, { formula: 'B2*C2', result: 6000 }]);
  ws.addRow(['李四', 18, 280, { formula: 'B3*C3', result: 5040 }]);
  for (let i = 0; i < 600; i++) ws.addRow([`工人${i}`, 1, 1, 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function write(name: string, content: Buffer | string): string {
  const file = path.join(files, name);
  fs.writeFileSync(file, content);
  return file;
}

/** A file of `mib` MiB of pseudo-random bytes, written in 1 MiB blocks. */
async function writeBigFile(name: string, mib: number): Promise<string> {
  const file = path.join(files, name);
  const block = crypto.randomBytes(1024 * 1024);
  const out = fs.createWriteStream(file);
  for (let i = 0; i < mib; i++) {
    block.writeUInt32LE(i, 0);
    if (!out.write(Buffer.from(block))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return file;
}

const count = (table: string) => services.ctx.db.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`))!.n;
const partFiles = () => (fs.existsSync(incomingDir(services.dataDir)) ? fs.readdirSync(incomingDir(services.dataDir)) : []);
const storedFileCount = () =>
  fs
    .readdirSync(path.join(services.dataDir, 'evidence'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.parentPath.endsWith('.incoming')).length;
const actions = (id: number) =>
  services.ctx.db.all<{ action: string }>(sql`select action from case_events where case_id = ${id} and action like 'evidence.%' order by id`).map((r) => r.action);

async function waitFor(check: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  services = openTestServices();
  services.events.on('event', (e) => events.push(e));
  host = await startWebHost({ services, rendererDir });
  files = tempDataDir('sucai-evidence-files-');
  const created = await callApi(services, 'cases.create', caseInput([workerDraft('张三丰', makeId('360702', '1988-01-01', 13), '12000')]));
  caseId = created.id;
  const accepted = await callApi(services, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
  caseNumber = accepted.caseNumber!;
  otherCaseId = (await callApi(services, 'cases.create', caseInput([workerDraft('李小红', makeId('360721', '1990-05-20', 24), '8000')]))).id;
});

afterAll(async () => {
  await host?.close();
  services?.close();
  fs.rmSync(files, { recursive: true, force: true });
});

describe('evidence store', () => {
  let pdf: Buffer;
  let added: ExhibitView[];

  it('adds a PDF, a JPEG, an xlsx and a mislabelled PDF; types come from content', async () => {
    pdf = await makePdf(3);
    const xlsx = await makeXlsx();
    const paths = [write('劳动合同.pdf', pdf), write('考勤照片.jpeg', JPEG), write('工资表.xlsx', xlsx), write('现场照片.jpg', await makePdf(1))];
    added = await callApi(services, 'evidence.addFromPaths', { caseId, paths, track: 'arbitration', submittedBy: 'applicant' });
    expect(added.map((e) => [e.seq, e.title, e.mime, e.pageCount])).toEqual([
      [1, '劳动合同', 'application/pdf', 3],
      [2, '考勤照片', 'image/jpeg', null],
      [3, '工资表', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
      [4, '现场照片', 'application/pdf', 1], // named .jpg, is a PDF
    ]);
    expect(added[0]).toMatchObject({ sha256: sha(pdf), size: pdf.length, receivedOn: '2026-11-20', submittedBy: 'applicant', track: 'arbitration', references: 1 });
    expect(added[1].sha256).toBe(sha(JPEG));
    // content-addressed: evidence/<2 hex>/<sha256>, identical bytes
    const stored = evidencePath(services.dataDir, added[0].sha256);
    expect(path.relative(services.dataDir, stored)).toBe(path.join('evidence', added[0].sha256.slice(0, 2), added[0].sha256));
    expect(sha(fs.readFileSync(stored))).toBe(added[0].sha256);
    expect(await hashFile(stored)).toBe(added[0].sha256);
    expect(partFiles()).toEqual([]);
    expect(actions(caseId)).toEqual(['evidence.added']);
    expect(events).toContainEqual({ type: 'cases.changed', caseId });
    expect(events.some((e) => e.type === 'evidence.importProgress' && e.fileName === '劳动合同.pdf' && e.bytes === pdf.length)).toBe(true);
  });

  it('prints the 证据目录 for the parties as a versioned case document listing every exhibit (no hashes: those stay in the bundle)', async () => {
    const [doc] = await callApi(services, 'documents.generate', { caseId, kind: 'evidenceList' });
    expect(doc).toMatchObject({ kind: 'evidenceList', version: 1, title: '证据目录' });
    const text = compact(await pdfText(await docxToPdf(documentPath(services.dataDir, doc))));
    for (const label of ['证据一', '劳动合同', '证据二', '考勤照片', '证据三', '工资表']) expect(text).toContain(label);
    expect(text).not.toContain(added[0].sha256.slice(0, 16));
    expect(text).not.toContain('SHA-256');
    const again = await callApi(services, 'documents.generate', { caseId, kind: 'evidenceList' });
    expect(again[0].version).toBe(1); // same data, same version
  });

  it('stores the same file once: a second exhibit and a reference from another case share it, visibly', async () => {
    const filesBefore = count('evidence_files');
    const again = await callApi(services, 'evidence.addFromPaths', { caseId, paths: [write('合同副本.pdf', pdf)], track: 'inspection', submittedBy: 'inspection' });
    expect(again[0]).toMatchObject({ seq: 5, sha256: sha(pdf), references: 2, track: 'inspection' });
    expect(count('evidence_files')).toBe(filesBefore);
    const direct = await storeStream(services.ctx, Readable.from([pdf]), { fileName: 'x.pdf' });
    expect(direct).toMatchObject({ sha256: sha(pdf), deduplicated: true, pageCount: 3 });
    const ref = await callApi(services, 'evidence.addReference', { caseId: otherCaseId, exhibitId: added[0].id });
    expect(ref).toMatchObject({ caseId: otherCaseId, seq: 1, sha256: sha(pdf), title: '劳动合同', references: 3 });
    const list = await callApi(services, 'evidence.list', { caseId });
    expect(list.filter((e) => e.sha256 === sha(pdf)).map((e) => e.references)).toEqual([3, 3]);
    expect(storedFileCount()).toBe(count('evidence_files'));
    expect(actions(otherCaseId)).toEqual(['evidence.referenced']);
  });

  it('lists in one query', async () => {
    const client = services.ctx.db.$client;
    const original = client.prepare;
    let statements = 0;
    client.prepare = function (this: typeof client, source: string) {
      statements++;
      return original.call(this, source);
    } as typeof client.prepare;
    try {
      await callApi(services, 'evidence.list', { caseId });
    } finally {
      client.prepare = original;
    }
    expect(statements).toBeLessThanOrEqual(2); // the case check and the list
  });

  it('refuses files over the size limit with a clear message and keeps nothing', async () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    const big = crypto.randomBytes(4096);
    await expect(storeStream(services.ctx, Readable.from([big.subarray(0, 2048), big.subarray(2048)]), { fileName: 'D:\\视频\\现场.mp4', maxBytes: 3000 })).rejects.toThrow(
      '文件“现场.mp4”超过大小上限 2.9 KB，未保存',
    );
    process.env.SUCAI_EVIDENCE_MAX_BYTES = String(1024);
    try {
      const exhibitsBefore = count('exhibits');
      await expect(
        callApi(services, 'evidence.addFromPaths', { caseId, paths: [write('监控录像.mp4', big)], track: 'arbitration', submittedBy: 'applicant' }),
      ).rejects.toThrow('文件“监控录像.mp4”超过大小上限 1 KB，未保存');
      expect(count('exhibits')).toBe(exhibitsBefore);
    } finally {
      delete process.env.SUCAI_EVIDENCE_MAX_BYTES;
    }
    expect(partFiles()).toEqual([]);
    expect(services.ctx.db.get(sql`select 1 from evidence_files where sha256 = ${sha(big)}`)).toBeUndefined();
  });

  it('refuses content that does not match an expected hash (bundle import)', async () => {
    const body = Buffer.from('伪造的工资条');
    await expect(storeStream(services.ctx, Readable.from([body]), { fileName: '工资条.txt', expectedSha256: 'a'.repeat(64) })).rejects.toThrow('校验失败');
    expect(partFiles()).toEqual([]);
    expect(services.ctx.db.get(sql`select 1 from evidence_files where sha256 = ${sha(body)}`)).toBeUndefined();
    expect(() => evidencePath(services.dataDir, '../../sucai.db')).toThrow('SHA-256');
  });

  it('updates metadata, reorders, recognises once and removes, each with a timeline event', async () => {
    const updated = await callApi(services, 'evidence.update', {
      id: added[1].id,
      title: '考勤打卡照片',
      purposeOfProof: '证明申请人2026年9月至10月在该工地出勤',
      originalSeen: true,
      collectedBy: '赣州市劳动保障监察支队',
    });
    expect(updated).toMatchObject({ title: '考勤打卡照片', originalSeen: true, collectedBy: '赣州市劳动保障监察支队' });
    const list = await callApi(services, 'evidence.list', { caseId });
    const ids = list.map((e) => e.id);
    const reordered = await callApi(services, 'evidence.reorder', { caseId, ids: [ids[2], ids[0], ids[1], ids[3], ids[4]] });
    expect(reordered.map((e) => [e.id, e.seq])).toEqual([
      [ids[2], 1],
      [ids[0], 2],
      [ids[1], 3],
      [ids[3], 4],
      [ids[4], 5],
    ]);
    await expect(callApi(services, 'evidence.reorder', { caseId, ids: [ids[0], ids[1]] })).rejects.toThrow('证据目录已变化');

    const recognised = await callApi(services, 'evidence.recognise', { id: ids[4], by: '仲裁庭（王仲裁员）' });
    expect(recognised).toMatchObject({ recognisedBy: '仲裁庭（王仲裁员）', recognisedAt: '2026-11-20T02:00:00.000Z' });
    await expect(callApi(services, 'evidence.recognise', { id: ids[4], by: '又一次' })).rejects.toThrow('不能重复认可');

    // removing the duplicate keeps the file (still used); the list closes up
    const afterRemove = await callApi(services, 'evidence.remove', { id: ids[4] });
    expect(afterRemove.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(fs.existsSync(evidencePath(services.dataDir, sha(pdf)))).toBe(true);
    // removing the only user of a file removes the file
    const lone = await callApi(services, 'evidence.addFromPaths', { caseId, paths: [write('便条.txt', '欠条：欠张三工资6000元')], track: 'arbitration', submittedBy: 'applicant' });
    expect(lone[0]).toMatchObject({ mime: 'text/plain', seq: 5 });
    await callApi(services, 'evidence.remove', { id: lone[0].id });
    expect(fs.existsSync(evidencePath(services.dataDir, lone[0].sha256))).toBe(false);
    expect(services.ctx.db.get(sql`select 1 from evidence_files where sha256 = ${lone[0].sha256}`)).toBeUndefined();

    expect(actions(caseId)).toEqual([
      'evidence.added',
      'evidence.added',
      'evidence.updated',
      'evidence.reordered',
      'evidence.recognised',
      'evidence.removed',
      'evidence.added',
      'evidence.removed',
    ]);
  });

  it('previews spreadsheets (cached formula results, bounded), GBK csv and text', async () => {
    const xlsx = added[2];
    const table = await callApi(services, 'evidence.preview', { id: xlsx.id });
    if (table.kind !== 'table') throw new Error(table.kind);
    expect(table.sheets[0].name).toBe('工资表');
    expect(table.sheets[0].rows.slice(0, 3)).toEqual([
      ['姓名', '天数', '日工资', '应发'],
      ['张三', '20', '300', '6000'],
      ['李四', '18', '280', '5040'],
    ]);
    expect(table.sheets[0].rows).toHaveLength(500);
    expect(table.sheets[0].truncated).toBe(true);

    const [csv, txt] = await callApi(services, 'evidence.addFromPaths', {
      caseId: otherCaseId,
      paths: [write('工资明细.csv', GBK_CSV), write('情况说明.txt', `${'工地欠薪情况说明。\n'.repeat(20_000)}`)],
      track: 'inspection',
      submittedBy: 'inspection',
    });
    expect(csv.mime).toBe('text/csv');
    expect(await callApi(services, 'evidence.preview', { id: csv.id })).toEqual({
      kind: 'table',
      sheets: [{ name: '工资明细', rows: [['姓名', '金额'], ['张三', '100'], ['李四', '200']], truncated: false }],
    });
    const text = await callApi(services, 'evidence.preview', { id: txt.id });
    if (text.kind !== 'text') throw new Error(text.kind);
    expect(text.truncated).toBe(true);
    expect(text.text.startsWith('工地欠薪情况说明。')).toBe(true);
    expect(text.text).not.toContain('\ufffd');
    expect(Buffer.byteLength(text.text)).toBeLessThanOrEqual(200 * 1024);
    expect(await callApi(services, 'evidence.preview', { id: added[0].id })).toEqual({ kind: 'none' });
  });
});

describe('校验', () => {
  it('finds altered and missing files and names the exhibits that use them', async () => {
    const list = await callApi(services, 'evidence.list', { caseId });
    const jpeg = list.find((e) => e.mime === 'image/jpeg')!;
    const xlsx = list.find((e) => e.title === '工资表')!;
    const clean = await callApi(services, 'evidence.verifyStart', {});
    expect(clean.running).toBe(true);
    const first = await verifyIdle(services.ctx);
    expect(first).toMatchObject({ running: false, missing: [], altered: [] });
    expect(first.checked).toBe(first.total);
    expect(first.total).toBe(count('evidence_files'));

    const jpegPath = evidencePath(services.dataDir, jpeg.sha256);
    const bytes = fs.readFileSync(jpegPath);
    bytes[bytes.length - 3] ^= 0xff;
    fs.writeFileSync(jpegPath, bytes);
    fs.rmSync(evidencePath(services.dataDir, xlsx.sha256));

    events.length = 0;
    await callApi(services, 'evidence.verifyStart', {});
    expect((await callApi(services, 'evidence.verifyStart', {})).running).toBe(true); // one job at a time
    await verifyIdle(services.ctx);
    const report = await callApi(services, 'evidence.verifyStatus', {});
    expect(report.altered).toEqual([{ sha256: jpeg.sha256, actual: sha(bytes), exhibits: [`${caseNumber}/证据${'一二三四五'[jpeg.seq - 1]} 考勤打卡照片`] }]);
    expect(report.missing).toEqual([{ sha256: xlsx.sha256, exhibits: [`${caseNumber}/证据${'一二三四五'[xlsx.seq - 1]} 工资表`] }]);
    const progress = events.filter((e) => e.type === 'evidence.verifyProgress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ report: { running: false, checked: report.total } });
    // adding the genuine file again repairs the store
    fs.writeFileSync(path.join(files, 'repair.jpeg'), JPEG);
    const repaired = await storeStream(services.ctx, fs.createReadStream(path.join(files, 'repair.jpeg')), { fileName: 'repair.jpeg' });
    expect(repaired.sha256).toBe(jpeg.sha256);
  });
});

describe('imports: cancel leaves nothing behind', () => {
  it('cancelImport aborts a large addFromPaths midway; files it stored before are removed too', async () => {
    const big = await writeBigFile('监控录像.bin', 200);
    const small = write('新证据.txt', `首个文件 ${crypto.randomUUID()}`);
    const before = { files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() };
    const importId = 'import-cancel-1';
    const onEvent = (e: AppEvent) => {
      if (e.type === 'evidence.importProgress' && e.importId === importId && e.fileName === '监控录像.bin' && e.bytes > 30 * 1024 * 1024) {
        void callApi(services, 'evidence.cancelImport', { importId });
      }
    };
    services.events.on('event', onEvent);
    try {
      await expect(
        callApi(services, 'evidence.addFromPaths', { caseId, paths: [small, big], track: 'arbitration', submittedBy: 'applicant', importId }),
      ).rejects.toThrow('已取消导入');
    } finally {
      services.events.off('event', onEvent);
    }
    expect(partFiles()).toEqual([]);
    expect({ files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() }).toEqual(before);
    expect(await callApi(services, 'evidence.cancelImport', { importId })).toEqual({ cancelled: false });
    fs.rmSync(big);
  });

  it('stale .part files are removed by the start-up sweep', () => {
    fs.mkdirSync(incomingDir(services.dataDir), { recursive: true });
    fs.writeFileSync(path.join(incomingDir(services.dataDir), 'deadbeef.part'), 'half a file');
    expect(sweepDataFolder(services.ctx.db, services.dataDir, new Date()).tempFiles).toEqual([path.join(incomingDir(services.dataDir), 'deadbeef.part')]);
    expect(partFiles()).toEqual([]);
  });
});

describe('web host routes', () => {
  const base = () => `http://127.0.0.1:${host.port}`;
  const uploadUrl = (params: Record<string, string | number>) => `${base()}/api/upload/evidence?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}`;
  let uploaded: ExhibitView;
  let body: Buffer;

  it('uploads a raw body as a new exhibit', async () => {
    body = await makePdf(2);
    const res = await fetch(uploadUrl({ caseId, fileName: '仲裁申请书.pdf', track: 'arbitration', submittedBy: 'applicant' }), {
      method: 'POST',
      headers: { 'X-Sucai-Token': host.token, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { ok: true; value: ExhibitView };
    uploaded = result.value;
    expect(uploaded).toMatchObject({ title: '仲裁申请书', fileName: '仲裁申请书.pdf', mime: 'application/pdf', pageCount: 2, sha256: sha(body), caseId });
  });

  it('refuses uploads without the token, with bad parameters, for a missing case or over the limit', async () => {
    const noToken = await fetch(uploadUrl({ caseId, fileName: 'a.pdf', track: 'arbitration', submittedBy: 'applicant' }), { method: 'POST', body: 'x' });
    expect(noToken.status).toBe(401);
    const bad = await fetch(uploadUrl({ caseId, fileName: 'a.pdf', track: 'nowhere', submittedBy: 'applicant' }), {
      method: 'POST',
      headers: { 'X-Sucai-Token': host.token },
      body: 'x',
    });
    expect(bad.status).toBe(400);
    const missing = await fetch(uploadUrl({ caseId: 9999, fileName: 'a.pdf', track: 'arbitration', submittedBy: 'applicant' }), {
      method: 'POST',
      headers: { 'X-Sucai-Token': host.token },
      body: 'x',
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toBe('案件不存在（编号9999）');
    process.env.SUCAI_EVIDENCE_MAX_BYTES = '10';
    try {
      const tooBig = await fetch(uploadUrl({ caseId, fileName: '录像.mp4', track: 'arbitration', submittedBy: 'applicant' }), {
        method: 'POST',
        headers: { 'X-Sucai-Token': host.token },
        body: 'x'.repeat(100),
      });
      expect(tooBig.status).toBe(400);
      expect(((await tooBig.json()) as { error: { message: string } }).error.message).toBe('文件“录像.mp4”超过大小上限 10 字节，未保存');
    } finally {
      delete process.env.SUCAI_EVIDENCE_MAX_BYTES;
    }
  });

  it('downloads the file inline with its type, and serves byte ranges', async () => {
    const url = `${base()}/api/files/evidence/${uploaded.id}?token=${host.token}`;
    const full = await fetch(url);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('application/pdf');
    expect(full.headers.get('content-length')).toBe(String(body.length));
    expect(full.headers.get('x-content-type-options')).toBe('nosniff');
    expect(full.headers.get('accept-ranges')).toBe('bytes');
    expect(full.headers.get('content-disposition')).toBe(`inline; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('仲裁申请书.pdf')}`);
    expect(Buffer.from(await full.arrayBuffer()).equals(body)).toBe(true);

    const part = await fetch(url, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${body.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(body.subarray(100, 200))).toBe(true);
    const tail = await fetch(url, { headers: { Range: 'bytes=-50' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(body.subarray(body.length - 50))).toBe(true);
    const open = await fetch(url, { headers: { Range: `bytes=${body.length - 10}-` } });
    expect(open.headers.get('content-range')).toBe(`bytes ${body.length - 10}-${body.length - 1}/${body.length}`);
    const beyond = await fetch(url, { headers: { Range: `bytes=${body.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${body.length}`);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(body.length));

    const jpeg = (await callApi(services, 'evidence.list', { caseId })).find((e) => e.mime === 'image/jpeg')!;
    const image = await fetch(`${base()}/api/files/evidence/${jpeg.id}`, { headers: { 'X-Sucai-Token': host.token } });
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('never serves anything outside the store', async () => {
    expect((await fetch(`${base()}/api/files/evidence/${uploaded.id}`)).status).toBe(401);
    expect((await fetch(`${base()}/api/files/evidence/99999?token=${host.token}`)).status).toBe(404);
    for (const [p, status] of [
      ['/api/files/evidence/..%2F..%2Fsucai.db', 400], // a dot-dot segment is refused outright
      ['/api/files/evidence/1%2F..%2F..%2Fsucai.db', 400],
      ['/api/files/sucai.db', 404],
    ] as const) {
      const res = await fetch(`${base()}${p}?token=${host.token}`);
      expect(res.status).toBe(status);
    }
    expect(parseRange('bytes=5-1', 10)).toBe('invalid');
    expect(parseRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(parseRange('items=0-1', 10)).toBeNull();
  });

  /** Streams `mib` MiB of generated bytes as an upload; calls `midway` once after `afterMib`. */
  function streamingUpload(params: Record<string, string | number>, mib: number, afterMib: number, midway: (req: http.ClientRequest) => void) {
    return new Promise<{ status: number | null; error: Error | null }>((resolve) => {
      const req = http.request(uploadUrl(params), {
        method: 'POST',
        headers: { 'X-Sucai-Token': host.token, 'Content-Type': 'application/octet-stream', 'Content-Length': mib * 1024 * 1024 },
      });
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? null, error: null });
      });
      req.on('error', (error) => resolve({ status: null, error }));
      const block = crypto.randomBytes(1024 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < mib && !req.destroyed) {
          if (sent === afterMib) {
            sent++;
            midway(req);
            if (req.destroyed) return;
          }
          block.writeUInt32LE(sent, 0);
          sent++;
          if (!req.write(Buffer.from(block))) return void req.once('drain', pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
  }

  it('a client that aborts a 200 MB upload midway leaves no file, no row and no exhibit', async () => {
    const before = { files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() };
    let sawPart = false;
    const result = await streamingUpload({ caseId, fileName: '监控录像.mp4', track: 'arbitration', submittedBy: 'applicant' }, 200, 60, (req) => {
      sawPart = partFiles().length === 1;
      req.destroy();
    });
    expect(result.error).not.toBeNull();
    expect(sawPart).toBe(true);
    await waitFor(() => partFiles().length === 0);
    await new Promise((r) => setTimeout(r, 100));
    expect({ files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() }).toEqual(before);
  });

  it('evidence.cancelImport stops an upload in flight and leaves nothing behind', async () => {
    const before = { files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() };
    const importId = 'upload-cancel-1';
    let cancelled: { cancelled: boolean } | null = null;
    const result = await streamingUpload({ caseId, fileName: '录像2.mp4', track: 'arbitration', submittedBy: 'applicant', importId }, 200, 40, () => {
      void callApi(services, 'evidence.cancelImport', { importId }).then((r) => (cancelled = r));
    });
    expect(result.status === 409 || result.error !== null).toBe(true);
    await waitFor(() => cancelled !== null && partFiles().length === 0);
    expect(cancelled).toEqual({ cancelled: true });
    expect({ files: count('evidence_files'), exhibits: count('exhibits'), stored: storedFileCount() }).toEqual(before);
  });
});
