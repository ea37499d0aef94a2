import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Nzh from 'nzh';
import { Packer } from 'docx';
import yazl from 'yazl';
import { AppFailure } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { submitterLabels, trackLabels } from '../../core/domain';
import { buildEvidenceList, type EvidenceListData } from '../../documents/evidenceList';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { evidencePath } from '../evidence/store';
import { collectManifest } from './collectManifest';
import { EVIDENCE_PREFIX, INDEX_ENTRY, MANIFEST_ENTRY, type BundleManifest } from './manifest';

export function bundlesDir(dataDir: string): string {
  return path.join(dataDir, 'bundles');
}

/** Types that are already compressed: stored as-is (deflating them only costs time). */
const ALREADY_COMPRESSED =
  /^(image\/(jpeg|png|gif|webp|avif|heic|heif)|video\/|audio\/|application\/(zip|pdf|gzip|x-7z-compressed|x-rar-compressed|vnd\.rar|x-xz|x-bzip2|vnd\.openxmlformats-officedocument\.|vnd\.oasis\.opendocument\.))/;

/** `<案号>.sucai.zip`, or `<收案日期>-<uid 前 8 位>.sucai.zip` before the case has a number. */
export function bundleFileName(manifest: BundleManifest): string {
  const base = manifest.case.caseNumber ?? `${manifest.case.receivedOn}-${manifest.case.uid.replace(/-/g, '').slice(0, 8)}`;
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim()}.sucai.zip`;
}

export function evidenceListData(manifest: BundleManifest, today: string): EvidenceListData {
  const orgName = new Map(manifest.organisations.map((o) => [o.key, o.name]));
  return {
    commissionName: manifest.exportedBy.commission,
    caseNumber: manifest.case.caseNumber,
    caseLabel: `${formatChineseDate(manifest.case.receivedOn)}收案`,
    cause: manifest.case.cause,
    applicants: manifest.workers.map((w) => w.name),
    respondents: [...manifest.respondents].sort((a, b) => a.sortOrder - b.sortOrder).map((r) => orgName.get(r.organisationKey) ?? ''),
    exportedOn: formatChineseDate(today),
    exhibits: manifest.exhibits.map((e) => {
      const notes = [
        e.track === 'inspection' ? `${trackLabels.inspection}证据` : '',
        e.recognisedBy ? `${e.recognisedBy}已认可（共享互认）` : '',
        e.crossExaminedOn ? `${formatChineseDate(e.crossExaminedOn)}已质证` : '',
      ].filter(Boolean);
      return {
        label: `证据${Nzh.cn.encodeS(e.seq)}`,
        title: e.title,
        fileName: e.fileName,
        submittedBy: submitterLabels[e.submittedBy],
        purposeOfProof: e.purposeOfProof,
        pageCount: e.pageCount,
        originalSeen: e.originalSeen,
        sha256: e.sha256,
        note: notes.join('，'),
      };
    }),
  };
}

/** Hashes what passes through, so a store file altered on disk is caught while it is exported. */
function hashing(onDone: (sha: string) => void): Transform {
  const hash = crypto.createHash('sha256');
  return new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      onDone(hash.digest('hex'));
      done();
    },
  });
}

function fsyncPath(target: string, flags: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(target, flags);
    fs.fsyncSync(fd);
  } catch {
    // directories cannot be synced on Windows; the file itself was synced before the rename
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/**
 * Writes `<dataDir>/bundles/<name>.sucai.zip`: manifest.json, 证据目录.docx and evidence/<sha256>
 * streamed from the store. Written to a temporary name, fsynced, then renamed into place.
 */
export async function exportBundle(ctx: ServiceContext, caseId: number): Promise<{ fileName: string; path: string; size: number }> {
  const now = ctx.now();
  const manifest = collectManifest(ctx.db, caseId, now);
  const files = new Map<string, BundleManifest['exhibits'][number]>();
  for (const e of manifest.exhibits) if (!files.has(e.sha256)) files.set(e.sha256, e);
  for (const [sha, e] of files) {
    const stat = fs.statSync(evidencePath(ctx.dataDir, sha), { throwIfNoEntry: false });
    if (!stat) throw new AppFailure('conflict', `证据「${e.title}」的文件在本机证据库中缺失，无法导出；请先运行“校验”`);
    if (stat.size !== e.size) throw new AppFailure('conflict', `证据「${e.title}」的文件大小与记录不符（已被改动），无法导出；请先运行“校验”`);
  }

  const docx = await Packer.toBuffer(buildEvidenceList(evidenceListData(manifest, todayInChina(now)), { hashes: true }));
  const dir = bundlesDir(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = bundleFileName(manifest);
  const finalPath = path.join(dir, fileName);
  const temp = path.join(dir, `.${crypto.randomBytes(8).toString('hex')}.part`);

  const zip = new yazl.ZipFile();
  const mtime = now;
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), MANIFEST_ENTRY, { mtime, compress: true });
  zip.addBuffer(Buffer.from(docx), INDEX_ENTRY, { mtime, compress: false });
  const actual = new Map<string, string>();
  const readErrors: Error[] = [];
  for (const [sha, e] of files) {
    zip.addReadStreamLazy(EVIDENCE_PREFIX + sha, { mtime, size: e.size, compress: !ALREADY_COMPRESSED.test(e.mime) }, (cb) => {
      const source = fs.createReadStream(evidencePath(ctx.dataDir, sha), { highWaterMark: 1024 * 1024 });
      const meter = hashing((digest) => actual.set(sha, digest));
      source.on('error', (error) => {
        readErrors.push(error);
        meter.destroy(error);
      });
      cb(null, source.pipe(meter));
    });
  }
  zip.end();

  try {
    const out = fs.createWriteStream(temp, { flags: 'wx' });
    const failed = new Promise<never>((_, reject) => zip.on('error', reject));
    await Promise.race([pipeline(zip.outputStream, out), failed]);
    if (readErrors.length) throw readErrors[0];
    for (const [sha, e] of files) {
      if (actual.get(sha) !== sha) throw new AppFailure('conflict', `证据「${e.title}」的文件已被改动（校验值不符），无法导出；请先运行“校验”`);
    }
    fsyncPath(temp, 'r+');
    fs.renameSync(temp, finalPath);
    fsyncPath(dir, 'r');
  } catch (error) {
    fs.rmSync(temp, { force: true });
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('internal', `导出案卷包失败：${error instanceof Error ? error.message : String(error)}`);
  }

  const size = fs.statSync(finalPath).size;
  ctx.db.transaction((tx) =>
    appendEvent(tx, ctx.now(), {
      caseId,
      action: 'bundle.exported',
      summary: `导出案卷包：${fileName}（证据${manifest.exhibits.length}项，${files.size}个文件）`,
      after: { fileName, size, exhibits: manifest.exhibits.length },
    }),
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return { fileName, path: finalPath, size };
}
