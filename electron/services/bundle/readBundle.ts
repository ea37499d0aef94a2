import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { AppFailure, describeZodError } from '../../core/contract';
import type { BundleLimits } from './limits';
import { EVIDENCE_PREFIX, INDEX_ENTRY, MANIFEST_ENTRY, manifestSchema, type BundleManifest } from './manifest';

/** Every refusal starts the same way, so the user knows nothing was changed. */
export const REFUSED = '案卷包未导入（本机数据未作任何更改）';

export function refuse(reason: string): AppFailure {
  return new AppFailure('invalid_input', `${REFUSED}：${reason}`);
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const MAX_NAME_SHOWN = 80;

function shown(name: string): string {
  const clean = name.replace(/[\u0000-\u001f]/g, '?');
  return clean.length > MAX_NAME_SHOWN ? `${clean.slice(0, MAX_NAME_SHOWN)}…` : clean;
}

export function shortSha(sha: string): string {
  return `${sha.slice(0, 16)}…`;
}

/** An opened bundle whose entry list has passed the safety checks; entries can be streamed in any order. */
export type OpenedBundle = {
  entries: Map<string, yauzl.Entry>;
  openEntry: (name: string) => Promise<Readable>;
  close: () => void;
};

function checkName(name: string): string | null {
  if (!name) return '条目名称为空';
  if (name.includes('\u0000')) return `条目「${shown(name)}」的名称含有空字符`;
  if (name.includes('\\')) return `条目「${shown(name)}」的名称含有反斜杠（Windows 路径）`;
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/')) return `条目「${shown(name)}」是绝对路径`;
  const parts = name.split('/');
  if (parts.includes('..')) return `条目「${shown(name)}」含有“..”，会写到案卷包以外的位置`;
  if (parts.includes('.')) return `条目「${shown(name)}」的路径不规范（含有“.”）`;
  return null;
}

/**
 * Opens a bundle and checks its central directory before any content is read: entry count, names
 * (no "..", absolute paths, backslashes, duplicates), no links, no encryption, known compression,
 * the total expanded size and each entry's expansion ratio (zip bomb).
 */
export async function openBundle(file: string, limits: BundleLimits): Promise<OpenedBundle> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true });
  } catch (error) {
    throw refuse(`不是有效的 zip 文件（${error instanceof Error ? error.message : String(error)}）`);
  }
  const close = () => {
    if (zip.isOpen) zip.close();
  };
  try {
    if (zip.entryCount > limits.maxEntries) throw refuse(`条目过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个）`);
    const list = await new Promise<yauzl.Entry[]>((resolve, reject) => {
      const found: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        found.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve(found));
      zip.once('error', (error: Error) => reject(refuse(`zip 目录损坏（${error.message}）`)));
      zip.readEntry();
    });

    const entries = new Map<string, yauzl.Entry>();
    const folded = new Set<string>();
    let total = 0;
    for (const entry of list) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const bad = checkName(name);
      if (bad) throw refuse(bad);
      if ((((entry.externalFileAttributes >>> 16) & S_IFMT) >>> 0) === S_IFLNK) throw refuse(`条目「${shown(name)}」是符号链接`);
      if (entry.isEncrypted()) throw refuse(`条目「${shown(name)}」已加密，无法校验`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw refuse(`条目「${shown(name)}」使用了不支持的压缩方式（${entry.compressionMethod}）`);
      }
      const key = name.normalize('NFC').toLowerCase();
      if (entries.has(name) || folded.has(key)) throw refuse(`条目「${shown(name)}」重复出现`);
      folded.add(key);
      if (name.endsWith('/')) {
        if (entry.uncompressedSize !== 0) throw refuse(`目录条目「${shown(name)}」带有内容`);
        continue; // a directory entry carries nothing; it is neither needed nor stored
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw refuse(`解压后总大小超过上限 ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB（疑似压缩炸弹），在条目「${shown(name)}」处停止`);
      }
      if (entry.uncompressedSize > limits.ratioMinBytes && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
        const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
        throw refuse(`条目「${shown(name)}」的压缩比异常（${ratio}:1，上限 ${limits.maxRatio}:1），疑似压缩炸弹`);
      }
      entries.set(name, entry);
    }

    return {
      entries,
      openEntry: async (name) => {
        const entry = entries.get(name);
        if (!entry) throw refuse(`缺少条目「${shown(name)}」`);
        return zip.openReadStreamPromise(entry);
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

async function readEntryText(bundle: OpenedBundle, name: string, maxBytes: number): Promise<string> {
  const entry = bundle.entries.get(name);
  if (!entry) throw refuse(`缺少清单文件 ${name}`);
  if (entry.uncompressedSize > maxBytes) throw refuse(`清单文件 ${name} 过大（上限 ${Math.round(maxBytes / 1024 ** 2)} MB）`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await bundle.openEntry(name);
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new Error('too large');
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw refuse(`无法读取清单文件 ${name}（${error instanceof Error ? error.message : String(error)}）`);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads manifest.json, parses it against the schema, and checks its internal references. */
export async function readManifest(bundle: OpenedBundle, maxBytes: number): Promise<BundleManifest> {
  const text = (await readEntryText(bundle, MANIFEST_ENTRY, maxBytes)).replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw refuse(`清单文件 manifest.json 不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw refuse(`清单文件 manifest.json 格式不符：${describeZodError(parsed.error, manifestSchema, { technical: true })}`);
  const manifest = parsed.data;

  const orgKeys = new Set<string>();
  for (const o of manifest.organisations) {
    if (orgKeys.has(o.key)) throw refuse(`清单文件 manifest.json 中单位编号 ${o.key} 重复`);
    orgKeys.add(o.key);
  }
  const refs = [
    ...manifest.respondents.map((r) => r.organisationKey),
    ...(manifest.project?.chain ?? []).flatMap((p) => (p.contractedByKey ? [p.organisationKey, p.contractedByKey] : [p.organisationKey])),
  ];
  const missingOrg = refs.find((k) => !orgKeys.has(k));
  if (missingOrg) throw refuse(`清单文件 manifest.json 引用了不存在的单位编号 ${missingOrg}`);
  const idNumbers = new Set<string>();
  for (const w of manifest.workers) {
    if (idNumbers.has(w.idNumber)) throw refuse(`清单文件 manifest.json 中申请人身份证号码重复：${w.name}`);
    idNumbers.add(w.idNumber);
  }
  const orphanClaim = manifest.claimItems.find((c) => !idNumbers.has(c.workerIdNumber));
  if (orphanClaim) throw refuse('清单文件 manifest.json 中有仲裁请求不属于任何申请人');
  const uids = new Set<string>();
  for (const e of manifest.exhibits) {
    if (uids.has(e.uid)) throw refuse(`清单文件 manifest.json 中证据标识重复：${e.title}`);
    uids.add(e.uid);
  }
  const orphanStep = manifest.inspection?.steps.find((s) => s.exhibitUid && !uids.has(s.exhibitUid));
  if (orphanStep) throw refuse(`清单文件 manifest.json 中监察步骤「${orphanStep.title}」引用的证据不在清单中`);
  return manifest;
}

/**
 * The files in the zip must be exactly: manifest.json, optionally 证据目录.docx, and one
 * evidence/<sha256> per distinct file the manifest lists, with the listed size.
 */
export function checkFilesMatch(bundle: OpenedBundle, manifest: BundleManifest): Map<string, BundleManifest['exhibits'][number]> {
  const bySha = new Map<string, BundleManifest['exhibits'][number]>();
  for (const e of manifest.exhibits) {
    const seen = bySha.get(e.sha256);
    if (seen && seen.size !== e.size) throw refuse(`清单与文件不符：证据「${e.title}」与「${seen.title}」校验值相同而大小不同`);
    if (!seen) bySha.set(e.sha256, e);
  }
  for (const name of bundle.entries.keys()) {
    if (name === MANIFEST_ENTRY || name === INDEX_ENTRY) continue;
    const sha = name.startsWith(EVIDENCE_PREFIX) ? name.slice(EVIDENCE_PREFIX.length) : null;
    if (!sha || !bySha.has(sha)) throw refuse(`清单与文件不符：案卷包中的文件「${shown(name)}」不在清单中`);
  }
  for (const [sha, e] of bySha) {
    const entry = bundle.entries.get(EVIDENCE_PREFIX + sha);
    if (!entry) throw refuse(`清单与文件不符：证据「${e.title}」的文件 evidence/${shortSha(sha)} 不在案卷包中`);
    if (entry.uncompressedSize !== e.size) {
      throw refuse(`清单与文件不符：证据文件 evidence/${shortSha(sha)} 的大小为 ${entry.uncompressedSize} 字节，清单为 ${e.size} 字节`);
    }
  }
  return bySha;
}

/** First pass: hash every evidence entry (nothing is written anywhere) and compare with the manifest. */
export async function verifyEvidence(bundle: OpenedBundle, bySha: Map<string, BundleManifest['exhibits'][number]>, signal?: AbortSignal): Promise<void> {
  for (const [sha, e] of bySha) {
    const name = EVIDENCE_PREFIX + sha;
    const hash = crypto.createHash('sha256');
    try {
      await pipeline(await bundle.openEntry(name), hash, signal ? { signal } : {});
    } catch (error) {
      throw refuse(`证据文件 evidence/${shortSha(sha)}（${e.title}）无法读取：${error instanceof Error ? error.message : String(error)}`);
    }
    const actual = hash.digest('hex');
    if (actual !== sha) {
      throw refuse(`证据文件 evidence/${shortSha(sha)}（${e.title}）的校验值不符：清单为 ${shortSha(sha)}，实际为 ${shortSha(actual)}`);
    }
  }
}
