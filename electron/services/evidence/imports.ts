/**
 * Imports with progress and cancel. Each import has an id (given by the caller so another call can
 * cancel it, or generated); `evidence.importProgress` events report bytes (~10 per second);
 * `evidence.cancelImport` aborts it. An import stores its files first and creates the exhibits
 * only when every file is in: a cancel or failure at any point removes what this import newly
 * stored, so nothing is left behind.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppFailure, type ExhibitView } from '../../core/contract';
import type { Submitter, Track } from '../../core/domain';
import type { ServiceContext } from '../context';
import { createExhibits, discardNewFiles, requireCase, type NewExhibitFile } from './exhibits';
import { evidenceState, throttle, unpin } from './registry';
import { evidenceMaxBytes, formatBytes } from './limits';
import { CANCELLED_MESSAGE, storeStream, type StoredFile } from './store';

const PROGRESS_INTERVAL_MS = 100;

export type ImportTarget = { caseId: number; track: Track; submittedBy: Submitter };

/** Registers an import under its id; the returned release() must be called when it ends. */
export function beginImport(
  ctx: ServiceContext,
  importId: string | undefined,
): { importId: string; signal: AbortSignal; abort: () => void; release: () => void } {
  const { imports } = evidenceState(ctx);
  const id = importId ?? randomUUID();
  if (imports.has(id)) throw new AppFailure('conflict', '同一导入编号已在进行中');
  const controller = new AbortController();
  imports.set(id, controller);
  return {
    importId: id,
    signal: controller.signal,
    abort: () => controller.abort(),
    release: () => {
      if (imports.get(id) === controller) imports.delete(id);
    },
  };
}

export function cancelImport(ctx: ServiceContext, importId: string): { cancelled: boolean } {
  const controller = evidenceState(ctx).imports.get(importId);
  if (!controller) return { cancelled: false };
  controller.abort();
  return { cancelled: true };
}

/**
 * Stores a set of sources in order, then writes their file rows and exhibits in one transaction.
 * On any failure the files this import newly stored (and nobody else uses) are removed again; a
 * crash in between leaves files without rows, which the start-up sweep removes.
 */
export async function importSources(
  ctx: ServiceContext,
  target: ImportTarget,
  sources: { fileName: string; total: number | null; open: () => NodeJS.ReadableStream | Readable }[],
  run: { importId: string; signal: AbortSignal },
): Promise<ExhibitView[]> {
  requireCase(ctx.db, target.caseId); // before any byte is read
  const stored: NewExhibitFile[] = [];
  const pinned: StoredFile[] = [];
  try {
    for (const source of sources) {
      const progress = throttle<number>(PROGRESS_INTERVAL_MS, (bytes) =>
        ctx.emit({ type: 'evidence.importProgress', importId: run.importId, fileName: source.fileName, bytes, total: source.total }),
      );
      const file = await storeStream(ctx, source.open(), { fileName: source.fileName, signal: run.signal, onProgress: progress.push });
      progress.flush();
      pinned.push(file); // storeStream pinned it
      stored.push({ stored: file, fileName: source.fileName });
    }
    if (run.signal.aborted) throw new AppFailure('conflict', CANCELLED_MESSAGE);
    return createExhibits(ctx, { ...target, files: stored });
  } catch (error) {
    for (const file of pinned) unpin(ctx, file.sha256);
    discardNewFiles(ctx, pinned.splice(0));
    throw error;
  } finally {
    for (const file of pinned) unpin(ctx, file.sha256);
  }
}

/** evidence.addFromPaths: files chosen in the desktop dialog (or given by tests), streamed from disk. */
export async function addFromPaths(
  ctx: ServiceContext,
  input: ImportTarget & { paths: string[]; importId?: string },
): Promise<ExhibitView[]> {
  const sources = input.paths.map((p) => {
    const full = path.resolve(p);
    const fileName = path.basename(full);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new AppFailure('not_found', `找不到文件“${fileName}”（${full}）`);
    }
    if (!stat.isFile()) throw new AppFailure('invalid_input', `“${fileName}”不是文件，请选择文件而不是文件夹`);
    const max = evidenceMaxBytes();
    if (stat.size > max) throw new AppFailure('invalid_input', `文件“${fileName}”超过大小上限 ${formatBytes(max)}，未保存`);
    return { fileName, total: stat.size, open: () => fs.createReadStream(full, { highWaterMark: 1024 * 1024 }) };
  });
  const run = beginImport(ctx, input.importId);
  try {
    return await importSources(ctx, input, sources, run);
  } finally {
    run.release();
  }
}
