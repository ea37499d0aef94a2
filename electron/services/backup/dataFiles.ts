import fs from 'node:fs';
import path from 'node:path';
import { STORE_DIR, storePath, type ManifestFile } from './layout';
import { copyToTemp, copyToTempSync, listDir, settle } from './durable';

/** A file of the data folder a backup holds, with its hash when it is already known. */
export type DataFile = { path: string; abs: string; size: number; mtimeMs: number; knownSha: string | null };

const SHA_RE = /^[0-9a-f]{64}$/;

/**
 * The files a backup holds besides the database: the evidence store (named by SHA-256), the
 * generated documents and holidays.json. bundles/, packages/ and exports/ are left out: they are
 * made again from the database and the evidence at any time. A document unchanged since the last
 * backup in the same folder (same size and time) keeps the hash that backup recorded.
 */
export function listDataFiles(dataDir: string, previous: Map<string, ManifestFile>): DataFile[] {
  const files: DataFile[] = [];
  const add = (rel: string, knownFromName: string | null) => {
    const abs = path.join(dataDir, ...rel.split('/'));
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat?.isFile()) return;
    const before = previous.get(rel);
    const cached = before && before.size === stat.size && before.mtimeMs === stat.mtimeMs ? before.sha256 : null;
    files.push({ path: rel, abs, size: stat.size, mtimeMs: stat.mtimeMs, knownSha: knownFromName ?? cached });
  };
  const evidence = path.join(dataDir, 'evidence');
  for (const prefix of listDir(evidence)) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue; // .incoming holds imports in flight
    for (const name of listDir(path.join(evidence, prefix))) if (SHA_RE.test(name) && name.startsWith(prefix)) add(`evidence/${prefix}/${name}`, name);
  }
  const documents = path.join(dataDir, 'documents');
  for (const entry of fs.readdirSync(documents, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.tmp') || entry.name.endsWith('.part')) continue;
    add(path.relative(dataDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'), null);
  }
  add('holidays.json', null);
  return files;
}

/** What putting a file in the store did: its real hash, whether it was copied, whether it differed from the hash it was known by. */
export type Put = { sha256: string; size: number; copied: boolean; mismatch: boolean };

const incoming = (folder: string) => path.join(folder, STORE_DIR, '.incoming');

function reuse(folder: string, file: DataFile): Put | null {
  if (!file.knownSha) return null;
  const there = fs.statSync(storePath(folder, file.knownSha), { throwIfNoEntry: false });
  return there && there.size === file.size ? { sha256: file.knownSha, size: file.size, copied: false, mismatch: false } : null;
}

/** Copies a file into the backup folder's store unless the store already has it (content-addressed). */
export async function putInStore(folder: string, file: DataFile): Promise<Put> {
  const kept = reuse(folder, file);
  if (kept) return kept;
  const { temp, sha256, size } = await copyToTemp(file.abs, incoming(folder));
  settle(temp, storePath(folder, sha256));
  return { sha256, size, copied: true, mismatch: file.knownSha !== null && file.knownSha !== sha256 };
}

export function putInStoreSync(folder: string, file: DataFile): Put {
  const kept = reuse(folder, file);
  if (kept) return kept;
  const { temp, sha256, size } = copyToTempSync(file.abs, incoming(folder));
  settle(temp, storePath(folder, sha256));
  return { sha256, size, copied: true, mismatch: file.knownSha !== null && file.knownSha !== sha256 };
}
