import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/createServices';
import { evidencePath, hashFile } from '../../electron/services/evidence/store';
import { callApi, caseInput, makeId, openTestServices, repoRoot, tempDataDir, workerDraft } from '../support/services';
import { readZip, writeZip, zipEntries, type ZipEntry } from '../support/zip';

const open: Services[] = [];
afterAll(() => {
  for (const s of open) s.close();
});
function services(dataDir?: string) {
  const s = openTestServices(dataDir);
  open.push(s);
  return s;
}

/** Every table's row count plus every file under evidence/: what "no trace" is measured against. */
function snapshot(s: Services & { dataDir: string }) {
  const tables = s.ctx.db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`);
  const counts = Object.fromEntries(tables.map(({ name }) => [name, s.ctx.db.get<{ n: number }>(sql.raw(`select count(*) as n from "${name}"`))?.n]));
  const root = path.join(s.dataDir, 'evidence');
  const files = fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()).sort() : [];
  return { counts, files };
}

/** yazl refuses unsafe names, so hostile ones are written under a same-length placeholder and patched in the bytes. */
function patchName(file: string, placeholder: string, hostile: string): void {
  const bytes = fs.readFileSync(file);
  const from = Buffer.from(placeholder);
  const to = Buffer.from(hostile);
  expect(to.length).toBe(from.length);
  let at = bytes.indexOf(from);
  let n = 0;
  while (at >= 0) {
    to.copy(bytes, at);
    n++;
    at = bytes.indexOf(from, at + 1);
  }
  expect(n).toBe(2); // local header and central directory
  fs.writeFileSync(file, bytes);
}

async function makePdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]).drawText(`Payroll page ${i + 1}`, { x: 50, y: 780 });
  return Buffer.from(await doc.save());
}

const zhang = makeId('360702', '1980-05-01', 31);
const li = makeId('360702', '1979-02-11', 42);

describe('case bundle', () => {
  let src: ReturnType<typeof services>;
  let dst: ReturnType<typeof services>;
  let caseId: number;
  let bundlePath: string;
  let work: string;

  beforeAll(async () => {
    work = tempDataDir('sucai-bundle-files-');
    src = services();
    dst = services();
    ({ id: caseId } = await callApi(src, 'cases.create', caseInput([workerDraft('张三', zhang, '18600'), workerDraft('李四', li, '9200.50')])));
    await callApi(src, 'cases.accept', { id: caseId, acceptedOn: '2026-11-18' });
    await callApi(src, 'inspection.open', { caseId, complaintNumber: '赣市监投〔2026〕12号', complaintReceivedOn: '2026-11-16', inspectors: '刘明、黄芳' });
    const files = {
      '工资表.pdf': await makePdf(3),
      '考勤记录.csv': Buffer.from('姓名,出勤天数\n张三,62\n李四,40\n', 'utf8'),
      '欠条.txt': Buffer.from('今欠张三工资壹万捌仟陆佰元整。刘德胜 2026年9月30日\n', 'utf8'),
    };
    for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(work, name), data);
    const added = await callApi(src, 'evidence.addFromPaths', {
      caseId,
      paths: Object.keys(files).map((n) => path.join(work, n)),
      track: 'arbitration',
      submittedBy: 'applicant',
    });
    expect(added).toHaveLength(3);
    await callApi(src, 'evidence.update', { id: added[0].id, title: '2026年7—9月工资表', purposeOfProof: '证明被申请人拖欠申请人7—9月工资共计27800.50元', originalSeen: true });
    await callApi(src, 'evidence.update', { id: added[1].id, title: '考勤记录', purposeOfProof: '证明申请人的出勤天数' });
  });

  it('exports manifest, 证据目录 and every evidence file, and records the export', async () => {
    const exported = await callApi(src, 'bundle.export', { caseId });
    bundlePath = exported.path;
    expect(exported.fileName).toMatch(/^.+〔2026〕第\d+号\.sucai\.zip$/);
    expect(path.dirname(exported.path)).toBe(path.join(src.dataDir, 'bundles'));
    expect(fs.statSync(exported.path).size).toBe(exported.size);
    expect(fs.readdirSync(path.dirname(exported.path)).filter((f) => f.endsWith('.part'))).toEqual([]);

    const entries = await readZip(exported.path);
    const names = entries.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['manifest.json', '证据目录.docx']);
    // kept for looking at (soffice → pdf → png); test-results/ is not committed
    const out = path.join(repoRoot, 'test-results', 'bundle');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, '证据目录.docx'), entries[1].data);
    const manifest = JSON.parse(entries[0].data.toString('utf8'));
    // the bundle's 证据目录 keeps each file's SHA-256 (the parties' copy does not)
    const listXml = (await zipEntries(path.join(out, '证据目录.docx'))).get('word/document.xml')!.toString('utf8');
    expect(listXml).toContain(manifest.exhibits[0].sha256.slice(0, 16));
    expect(manifest).toMatchObject({ format: 'sucai-case-bundle', version: 2, case: { status: 'accepted' } });
    expect(manifest.workers.map((w: { name: string }) => w.name)).toEqual(['张三', '李四']);
    expect(manifest.exhibits).toHaveLength(3);
    expect(manifest.exhibits[0]).toMatchObject({ title: '2026年7—9月工资表', mime: 'application/pdf', pageCount: 3, originalSeen: true });
    expect(manifest.inspection).toMatchObject({ complaintNumber: '赣市监投〔2026〕12号' });
    for (const e of manifest.exhibits) {
      const entry = entries.find((x) => x.name === `evidence/${e.sha256}`);
      expect(entry?.data.length).toBe(e.size);
    }
    const detail = await callApi(src, 'cases.get', { id: caseId });
    expect(detail.events[0]).toMatchObject({ action: 'bundle.exported' });
    expect(detail.events[0].summary).toContain('导出案卷包');
  });

  it('imports into a fresh data folder: the case, its workers, exhibits and timeline, files verified', async () => {
    const report = await callApi(dst, 'bundle.import', { path: bundlePath });
    expect(report).toMatchObject({ createdCase: true, added: { exhibits: 3, files: 3, workers: 2 }, differences: [] });
    const source = await callApi(src, 'cases.get', { id: caseId });
    const copy = await callApi(dst, 'cases.get', { id: report.caseId });
    expect(copy.caseNumber).toBe(source.caseNumber);
    expect(copy.status).toBe('accepted');
    expect(copy.workers.map((w) => [w.name, w.owedFen, w.claims.length])).toEqual(source.workers.map((w) => [w.name, w.owedFen, w.claims.length]));
    expect(copy.respondents.map((r) => [r.name, r.role])).toEqual(source.respondents.map((r) => [r.name, r.role]));
    expect(copy.projectName).toBe(source.projectName);
    expect(copy.inspection?.complaintNumber).toBe('赣市监投〔2026〕12号');
    expect(copy.nextDueOn).toBe(source.nextDueOn);
    expect(copy.events[0].summary).toMatch(/^导入案卷包（来自.+）/);
    // the source's own 导出案卷包 event is written after the manifest, so the next bundle carries it
    expect(copy.events.slice(1).map((e) => e.summary)).toEqual(source.events.slice(1).map((e) => e.summary));

    const exhibits = await callApi(dst, 'evidence.list', { caseId: report.caseId });
    expect(exhibits.map((e) => [e.seq, e.title, e.purposeOfProof, e.originalSeen])).toEqual(
      (await callApi(src, 'evidence.list', { caseId })).map((e) => [e.seq, e.title, e.purposeOfProof, e.originalSeen]),
    );
    for (const e of exhibits) expect(await hashFile(evidencePath(dst.dataDir, e.sha256))).toBe(e.sha256);
    expect((await callApi(dst, 'cases.search', { query: '张三' })).rows.map((r) => r.id)).toContain(report.caseId);
  });

  it('adds nothing when the same bundle is imported again', async () => {
    const before = snapshot(dst);
    const report = await callApi(dst, 'bundle.import', { path: bundlePath });
    expect(report).toMatchObject({ createdCase: false, added: { exhibits: 0, files: 0, events: 0, workers: 0 }, differences: [] });
    expect(snapshot(dst)).toEqual(before);
  });

  it('adds what a newer bundle has and reports what differs, without overwriting local data', async () => {
    fs.writeFileSync(path.join(work, '询问笔录.txt'), '询问笔录：刘德胜承认拖欠张三、李四工资。\n');
    await callApi(src, 'evidence.addFromPaths', { caseId, paths: [path.join(work, '询问笔录.txt')], track: 'inspection', submittedBy: 'inspection' });
    const newer = await callApi(src, 'bundle.export', { caseId });

    const [local] = dst.ctx.db.all<{ id: number }>(sql`select id from cases`);
    dst.ctx.db.run(sql`update workers set owed_fen = 1800000 where id_number = ${zhang}`);
    fs.writeFileSync(path.join(work, '本机照片说明.txt'), '本机补充的说明\n');
    await callApi(dst, 'evidence.addFromPaths', { caseId: local.id, paths: [path.join(work, '本机照片说明.txt')], track: 'arbitration', submittedBy: 'arbitration' });

    const report = await callApi(dst, 'bundle.import', { path: newer.path });
    expect(report.createdCase).toBe(false);
    expect(report.added).toMatchObject({ exhibits: 1, files: 1, workers: 0 });
    expect(report.added.events).toBeGreaterThanOrEqual(2); // the first export and the new exhibit
    expect(report.differences).toContain('申请人张三的欠发金额不同：本机为18,000.00元，案卷包为18,600.00元');
    expect(report.differences.some((d) => d.startsWith('本机有而案卷包中没有的证据：') && d.includes('本机照片说明'))).toBe(true);
    const detail = await callApi(dst, 'cases.get', { id: local.id });
    expect(detail.workers.find((w) => w.name === '张三')?.owedFen).toBe(1_800_000);
    const list = await callApi(dst, 'evidence.list', { caseId: local.id });
    expect(list.map((e) => e.title)).toContain('询问笔录');
    expect(list.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);

    const again = await callApi(dst, 'bundle.import', { path: newer.path });
    expect(again.added).toEqual({ exhibits: 0, files: 0, events: 0, workers: 0 });
  });

  describe('hostile bundles are refused and leave no trace', () => {
    let good: ZipEntry[];
    let victim: ReturnType<typeof services>;
    beforeAll(async () => {
      good = await readZip(bundlePath);
      victim = services(tempDataDir('sucai-victim-'));
      // the victim already holds a case, so "unchanged" is measured against real rows
      await callApi(victim, 'cases.create', caseInput([workerDraft('王五', makeId('360702', '1990-01-01', 5), '3000')]));
    });

    async function expectRefused(file: string, message: RegExp) {
      const before = snapshot(victim);
      await expect(callApi(victim, 'bundle.import', { path: file })).rejects.toThrow(message);
      expect(snapshot(victim)).toEqual(before);
    }
    const evidenceEntries = () => good.filter((e) => e.name.startsWith('evidence/'));

    it('an entry with ..', async () => {
      const file = await writeZip(path.join(work, 'dotdot.zip'), [...good, { name: 'xx/evil', data: Buffer.from('x') }]);
      patchName(file, 'xx/evil', '../evil');
      await expectRefused(file, /案卷包未导入（本机数据未作任何更改）：条目「\.\.\/evil」含有“\.\.”/);
    });

    it('an absolute path', async () => {
      const file = await writeZip(path.join(work, 'abs.zip'), [...good, { name: 'xabs', data: Buffer.from('x') }]);
      patchName(file, 'xabs', '/abs');
      await expectRefused(file, /条目「\/abs」是绝对路径/);
    });

    it('a Windows drive path with backslashes', async () => {
      const file = await writeZip(path.join(work, 'drive.zip'), [...good, { name: 'Cx/evil.bat', data: Buffer.from('x') }]);
      patchName(file, 'Cx/evil.bat', 'C:\\evil.bat');
      await expectRefused(file, /条目「C:\\evil\.bat」的名称含有反斜杠/);
    });

    it('a symbolic link', async () => {
      const file = await writeZip(path.join(work, 'link.zip'), [...good, { name: 'evidence/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]);
      await expectRefused(file, /条目「evidence\/link」是符号链接/);
    });

    it('a duplicated entry', async () => {
      const file = await writeZip(path.join(work, 'dup.zip'), [...good, { name: 'MANIFEST.JSON', data: good[0].data }]);
      await expectRefused(file, /条目「MANIFEST\.JSON」重复出现/);
    });

    it('a zip bomb (50 MB of zeros in ~50 KB)', async () => {
      const file = await writeZip(path.join(work, 'bomb.zip'), [...good, { name: 'evidence/zeros', data: Buffer.alloc(50 * 1024 * 1024) }]);
      expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
      await expectRefused(file, /条目「evidence\/zeros」的压缩比异常（\d+:1，上限 200:1），疑似压缩炸弹/);
    });

    it('a header claiming more than the total size limit', async () => {
      const file = await writeZip(path.join(work, 'huge.zip'), good);
      const bytes = fs.readFileSync(file);
      // central directory record of the last entry: declare 0xfffffffe bytes uncompressed (≈ 4 GiB)
      const cd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE(0xfffffffe, cd + 24);
      bytes.writeUInt32LE(0xfffffffe, cd + 20);
      fs.writeFileSync(file, bytes);
      const before = snapshot(victim);
      await expect(
        import('../../electron/services/bundle/importBundle').then(({ importBundle }) =>
          importBundle(victim.ctx, file, { limits: { maxTotalBytes: 1024 ** 3, maxEntries: 100, maxRatio: 200, ratioMinBytes: 1024 ** 2, maxManifestBytes: 1024 ** 2 } }),
        ),
      ).rejects.toThrow(/解压后总大小超过上限 1024 MB/);
      expect(snapshot(victim)).toEqual(before);
    });

    it('a file the manifest does not list', async () => {
      const file = await writeZip(path.join(work, 'extra.zip'), [...good, { name: 'evidence/readme.txt', data: Buffer.from('hi') }]);
      await expectRefused(file, /清单与文件不符：案卷包中的文件「evidence\/readme\.txt」不在清单中/);
    });

    it('a listed file that is missing', async () => {
      const gone = evidenceEntries()[0];
      const file = await writeZip(path.join(work, 'missing.zip'), good.filter((e) => e !== gone));
      await expectRefused(file, /清单与文件不符：证据「.+」的文件 evidence\/[0-9a-f]{16}… 不在案卷包中/);
    });

    it('a malformed manifest', async () => {
      const broken = await writeZip(path.join(work, 'broken.zip'), [{ name: 'manifest.json', data: Buffer.from('{"format": "sucai-case-bundle",') }, ...good.slice(1)]);
      await expectRefused(broken, /清单文件 manifest\.json 不是有效的 JSON/);
      const manifest = JSON.parse(good[0].data.toString('utf8'));
      manifest.version = 3;
      delete manifest.case.receivedOn;
      const wrong = await writeZip(path.join(work, 'wrong.zip'), [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...good.slice(1)]);
      await expectRefused(wrong, /清单文件 manifest\.json 格式不符：version：案卷包版本不受支持/);
      const none = await writeZip(path.join(work, 'nomanifest.zip'), good.slice(1));
      await expectRefused(none, /缺少清单文件 manifest\.json/);
    });

    it('an altered evidence file (same size, different bytes), after earlier files verified', async () => {
      const last = evidenceEntries().at(-1)!;
      const altered = Buffer.from(last.data);
      altered[altered.length - 2] ^= 0xff;
      const file = await writeZip(
        path.join(work, 'altered.zip'),
        good.map((e) => (e === last ? { ...e, data: altered } : e)),
      );
      const sha = last.name.slice('evidence/'.length);
      await expectRefused(file, new RegExp(`证据文件 evidence/${sha.slice(0, 16)}…（.+）的校验值不符：清单为 ${sha.slice(0, 16)}…，实际为 [0-9a-f]{16}…`));
    });

    it('not a zip at all', async () => {
      const file = path.join(work, 'plain.sucai.zip');
      fs.writeFileSync(file, 'just text');
      await expectRefused(file, /不是有效的 zip 文件/);
    });
  });

  it('the web host downloads an exported bundle and imports an uploaded one', async () => {
    const { startWebHost } = await import('../../electron/web/webHost');
    const fresh = services(tempDataDir('sucai-web-bundle-'));
    const rendererDir = tempDataDir('sucai-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const srcHost = await startWebHost({ services: src, rendererDir });
    const dstHost = await startWebHost({ services: fresh, rendererDir });
    try {
      const name = path.basename(bundlePath);
      const base = `http://127.0.0.1:${srcHost.port}`;
      expect((await fetch(`${base}/api/files/bundle/${encodeURIComponent(name)}`)).status).toBe(401);
      const download = await fetch(`${base}/api/files/bundle/${encodeURIComponent(name)}`, { headers: { 'x-sucai-token': srcHost.token } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-disposition')).toContain(encodeURIComponent(name));
      const body = Buffer.from(await download.arrayBuffer());
      expect(body.equals(fs.readFileSync(bundlePath))).toBe(true);
      expect((await fetch(`${base}/api/files/bundle/..%2Fsucai.db`, { headers: { 'x-sucai-token': srcHost.token } })).status).toBe(400); // a dot-dot segment is refused outright

      const upload = await fetch(`http://127.0.0.1:${dstHost.port}/api/upload/bundle?fileName=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'x-sucai-token': dstHost.token, 'content-type': 'application/zip' },
        body,
      });
      const result = await upload.json();
      expect(result).toMatchObject({ ok: true, value: { createdCase: true, added: { exhibits: 4 } } });
      expect(fs.readdirSync(path.join(fresh.dataDir, 'bundles', 'incoming'))).toEqual([]);
      const detail = await callApi(fresh, 'cases.get', { id: result.value.caseId });
      expect(detail.events[0].summary).toContain(name);

      const bad = await fetch(`http://127.0.0.1:${dstHost.port}/api/upload/bundle?fileName=x.zip`, {
        method: 'POST',
        headers: { 'x-sucai-token': dstHost.token },
        body: 'not a zip',
      });
      expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('不是有效的 zip 文件') } });
    } finally {
      await srcHost.close();
      await dstHost.close();
    }
  });
});
