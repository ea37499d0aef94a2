/**
 * The content-addressed evidence store: `<dataDir>/evidence/<first 2 hex>/<sha256>`.
 *
 * A file arrives as a stream, is written to `evidence/.incoming/<random>.part` while it is hashed
 * (memory stays flat whatever the size; the disk writes as it goes, see durableSink), fsynced, and renamed to its final name. The same content
 * stored twice is kept once. Abort, error or size limit: the temporary file is removed and the
 * error is a Chinese message; nothing else was touched. A full or read-only disk is said as such,
 * never as a cancel.
 *
 * The store writes no row: the `evidence_files` row is written with the exhibit that references
 * it, in one transaction after the rename (exhibits.ts, bundle import). A crash in between leaves
 * a file without a row, which the start-up sweep (storage/sweep.ts) removes, with any `.part`.
 * A stored file is pinned (registry.ts) until its caller has written its rows or given up, so a
 * concurrent removal of the last exhibit using the same content cannot delete it meanwhile; the
 * caller unpins. Files are never modified after they are stored; 校验 (verify.ts) re-hashes them.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { evidenceFiles } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { storageFailure } from '../storage/storageErrors';
import { detectType } from './detectType';
import { durableFileSink } from './durableSink';
import { evidenceMaxBytes, formatBytes } from './limits';
import { pin, unpin } from './registry';

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

/** Stores a stream; the result is pinned: the caller unpins it once its rows are written (or it gives up). */
export async function storeStream(ctx: ServiceContext, source: NodeJS.ReadableStream | Readable, opts: StoreOptions): Promise<StoredFile> {
  const name = displayName(opts.fileName);
  const maxBytes = opts.maxBytes ?? evidenceMaxBytes();
  if (opts.expectedSha256 !== undefined && !isSha256(opts.expectedSha256)) {
    throw new AppFailure('invalid_input', `文件“${name}”的校验值格式错误`);
  }
  if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);

  const incoming = incomingDir(ctx.dataDir);
  const temp = path.join(incoming, `${crypto.randomBytes(12).toString('hex')}.part`);
  const hash = crypto.createHash('sha256');
  let size = 0;
  let kept = false;
  let pinned: string | null = null;
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
      fs.mkdirSync(incoming, { recursive: true });
      // flushed to disk while it is written and fsynced before close, so a crash after the rename cannot leave an empty file
      await pipeline(source, meter, durableFileSink(temp), opts.signal ? { signal: opts.signal } : {});
    } catch (error) {
      if (error instanceof SizeLimitError) {
        throw new AppFailure('invalid_input', `文件“${name}”超过大小上限 ${formatBytes(maxBytes)}，未保存`);
      }
      // before the cancel check: a failed write ends the request too, which would look like a cancel
      if (storageFailure(error, ctx.dataDir)) throw error;
      if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);
      if (isClientAbort(error)) throw new AppFailure('conflict', `文件“${name}”的传输中断，未保存`);
      throw error;
    }

    const sha256 = hash.digest('hex');
    if (opts.expectedSha256 !== undefined && opts.expectedSha256 !== sha256) {
      throw new AppFailure('invalid_input', `文件“${name}”校验失败：内容与清单中的 SHA-256 不一致，未保存`);
    }
    if (opts.signal?.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);
    // pinned before the first await from here on: see the header
    pin(ctx, sha256);
    pinned = sha256;

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
    pinned = null; // the caller's now
    return { sha256, size, mime: type.mime, extension: type.extension, pageCount: type.pageCount, deduplicated };
  } catch (error) {
    const storage = error instanceof AppFailure ? null : storageFailure(error, ctx.dataDir);
    throw storage ? new AppFailure(storage.code, `文件“${name}”未保存：${storage.message}`) : error;
  } finally {
    if (pinned) unpin(ctx, pinned);
    if (!kept) await fs.promises.rm(temp, { force: true });
  }
}

/** The `evidence_files` row of a stored file: written with the exhibit that references it, in the same transaction. */
export function insertFileRow(tx: Executor, file: StoredFile, now: Date): void {
  tx.insert(evidenceFiles)
    .values({ sha256: file.sha256, size: file.size, mime: file.mime, extension: file.extension, pageCount: file.pageCount, storedAt: now.toISOString() })
    .onConflictDoNothing()
    .run();
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
