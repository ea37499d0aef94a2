/**
 * The content-addressed evidence store: `<dataDir>/evidence/<first 2 hex>/<sha256>`.
 *
 * A file arrives as a stream, is written to `evidence/.incoming/<random>.part` while it is hashed
 * (memory stays flat whatever the size; the disk writes as it goes, see durableSink), fsynced, and renamed to its final name. The same content
 * stored twice is kept once. Abort, error or size limit: the temporary file is removed and the
 * error is a Chinese message; nothing else was touched. Leftover `.part` files from a crash are
 * removed at service start (cleanIncoming).
 *
 * The `evidence_files` row is written after the file is in place. Files are never modified
 * after they are stored; 校验 (verify.ts) re-hashes them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { evidenceFiles } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { detectType } from './detectType';
import { durableFileSink } from './durableSink';
import { evidenceMaxBytes, formatBytes } from './limits';

export type StoredFile = {
  sha256: string;
  size: number;
  mime: string;
  extension: string | null;
  pageCount: number | null;
  /** True when the same content was already in the store (nothing new was written). */
  deduplicated: boolean;
};

export type StoreOptions = {
  /** The user's name for the file; used in messages (and to tell .csv from .txt text). */
  fileName: string;
  signal?: AbortSignal;
  /** Defaults to evidenceMaxBytes() (SUCAI_EVIDENCE_MAX_BYTES, else 2 GiB). */
  maxBytes?: number;
  /** Bytes received so far; called for every chunk (throttle in the caller). */
  onProgress?: (bytes: number) => void;
  /** Bundle import: refuse (and keep nothing) unless the content hashes to this. */
  expectedSha256?: string;
};

const SHA256_RE = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256_RE.test(value);
}

export function evidenceRoot(dataDir: string): string {
  return path.join(dataDir, 'evidence');
}

export function incomingDir(dataDir: string): string {
  return path.join(evidenceRoot(dataDir), '.incoming');
}

/** Where a stored file lives. Throws for anything that is not a lowercase SHA-256, so a path can never leave the store. */
export function evidencePath(dataDir: string, sha256: string): string {
  if (!isSha256(sha256)) throw new AppFailure('invalid_input', `不是有效的 SHA-256：${String(sha256).slice(0, 80)}`);
  return path.join(evidenceRoot(dataDir), sha256.slice(0, 2), sha256);
}

/** Removes `.part` files left by an interrupted import. Call before any import starts. Returns how many. */
export function cleanIncoming(dataDir: string): number {
  const dir = incomingDir(dataDir);
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** Streams a file through SHA-256 (flat memory). */
export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), hash, { signal });
  return hash.digest('hex');
}

class SizeLimitError extends Error {}

function displayName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '') || '未命名文件';
}

/** The Chinese message for an aborted import, recognisable by callers. */
export const CANCELLED_MESSAGE = '已取消导入，未保存任何内容';

export async function storeStream(ctx: ServiceContext, source: NodeJS.ReadableStream | Readable, opts: StoreOptions): Promise<StoredFile> {
  const name = displayName(opts.fileName);
  const maxBytes = opts.maxBytes ?? evidenceMaxBytes();
  if (opts.expectedSha256 !== undefined && !isSha256(opts.expectedSha256)) {
    throw new AppFailure('invalid_input', `文件“${name}”的校验值格式错误`);
  }
  if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);

  const incoming = incomingDir(ctx.dataDir);
  fs.mkdirSync(incoming, { recursive: true });
  const temp = path.join(incoming, `${crypto.randomBytes(12).toString('hex')}.part`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  let kept = false;
  const meter = new Transform({
    highWaterMark: 1024 * 1024,
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new SizeLimitError());
      hash.update(chunk);
      opts.onProgress?.(size);
      done(null, chunk);
    },
  });

  try {
    try {
      // flushed to disk while it is written and fsynced before close, so a crash after the rename cannot leave an empty file
      await pipeline(source, meter, durableFileSink(temp), opts.signal ? { signal: opts.signal } : {});
    } catch (error) {
      if (error instanceof SizeLimitError) {
        throw new AppFailure('invalid_input', `文件“${name}”超过大小上限 ${formatBytes(maxBytes)}，未保存`);
      }
      if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);
      if (isClientAbort(error)) throw new AppFailure('conflict', `文件“${name}”的传输中断，未保存`);
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppFailure('internal', `保存文件“${name}”失败，未保存：${detail}`);
    }

    const sha256 = hash.digest('hex');
    if (opts.expectedSha256 !== undefined && opts.expectedSha256 !== sha256) {
      throw new AppFailure('invalid_input', `文件“${name}”校验失败：内容与清单中的 SHA-256 不一致，未保存`);
    }
    if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);

    const known = ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha256)).get();
    const type = known ?? (await detectType(temp, size, name));
    const final = evidencePath(ctx.dataDir, sha256);
    fs.mkdirSync(path.dirname(final), { recursive: true });
    let deduplicated = false;
    const existing = statOrNull(final);
    if (existing && existing.size === size) {
      deduplicated = true; // same content already stored; the temp copy goes
    } else {
      // new content, or a damaged copy of it (wrong size) that this good copy replaces
      fs.renameSync(temp, final);
      kept = true;
      syncDir(path.dirname(final));
    }
    if (!known) {
      ctx.db
        .insert(evidenceFiles)
        .values({ sha256, size, mime: type.mime, extension: type.extension, pageCount: type.pageCount, storedAt: ctx.now().toISOString() })
        .onConflictDoNothing()
        .run();
    }
    return { sha256, size, mime: type.mime, extension: type.extension, pageCount: type.pageCount, deduplicated };
  } finally {
    if (!kept) await fs.promises.rm(temp, { force: true });
  }
}

function isClientAbort(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ABORT_ERR' || code === 'EPIPE';
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

/** Makes a rename durable (POSIX); directories cannot be opened for sync on Windows, which is fine. */
function syncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported here
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
