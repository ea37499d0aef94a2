import fs from 'node:fs';
import path from 'node:path';
import { and, eq, notExists } from 'drizzle-orm';
import { AppFailure, type BundleImportReport } from '../../core/contract';
import { cases, evidenceFiles, exhibits } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { evidencePath, insertFileRow, storeStream, type StoredFile } from '../evidence/store';
import { unpin } from '../evidence/registry';
import { discardNewFiles } from '../evidence/exhibits';
import { bundleLimits, type BundleLimits } from './limits';
import { EVIDENCE_PREFIX } from './manifest';
import { createFromBundle, mergeIntoCase } from './mergeBundle';
import { verifyBundleEvents } from './verifyEvents';
import { checkFilesMatch, openBundle, readManifest, refuse, shortSha, verifyEvidence } from './readBundle';

export type ImportOptions = {
  limits?: BundleLimits;
  signal?: AbortSignal;
  /** The name the user knows the bundle by (an upload is stored under a random name). */
  displayName?: string;
};

type Stored = { sha256: string; rowBefore: boolean; fileBefore: boolean; file?: StoredFile };

/** One import at a time per data folder: two imports of the same case never race each other. */
const queues = new Map<string, Promise<unknown>>();

export function importBundle(ctx: ServiceContext, file: string, options: ImportOptions = {}): Promise<BundleImportReport> {
  const previous = queues.get(ctx.dataDir) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => runImport(ctx, file, options));
  queues.set(ctx.dataDir, run);
  void run.finally(() => {
    if (queues.get(ctx.dataDir) === run) queues.delete(ctx.dataDir);
  }).catch(() => undefined);
  return run;
}

/**
 * Verifies everything before storing anything: the entry list (safety limits), the manifest
 * (schema and references), the exact set of files, and every file's SHA-256 (hashed from the zip,
 * written nowhere). Only then are new files streamed into the evidence store (checked again
 * against the manifest's hash) and the rows — file rows and the exhibits that reference them —
 * written in one transaction. If storing or the transaction fails, files this import added are
 * removed again; a crash in between leaves files without rows, which the start-up sweep removes.
 */
async function runImport(ctx: ServiceContext, file: string, options: ImportOptions): Promise<BundleImportReport> {
  const limits = options.limits ?? bundleLimits();
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new AppFailure('not_found', `找不到案卷包文件：${path.basename(file)}`);

  const bundle = await openBundle(file, limits);
  try {
    const manifest = await readManifest(bundle, limits.maxManifestBytes);
    const eventCheck = verifyBundleEvents(manifest);
    const bySha = checkFilesMatch(bundle, manifest);
    await verifyEvidence(bundle, bySha, options.signal);

    const stored: Stored[] = [];
    try {
      for (const [sha, e] of bySha) {
        const rowBefore = !!ctx.db.select({ sha: evidenceFiles.sha256 }).from(evidenceFiles).where(eq(evidenceFiles.sha256, sha)).get();
        const onDisk = fs.statSync(evidencePath(ctx.dataDir, sha), { throwIfNoEntry: false });
        const fileBefore = !!onDisk && onDisk.size === e.size;
        if (rowBefore && fileBefore) continue;
        const entry: Stored = { sha256: sha, rowBefore, fileBefore };
        stored.push(entry);
        try {
          entry.file = await storeStream(ctx, await bundle.openEntry(EVIDENCE_PREFIX + sha), {
            fileName: e.fileName,
            expectedSha256: sha,
            maxBytes: Math.max(e.size, 1),
            signal: options.signal,
          });
        } catch (error) {
          const detail = error instanceof Error ? error.message : String(error);
          throw refuse(`证据文件 evidence/${shortSha(sha)}（${e.title}）存入证据库失败：${detail}`);
        }
      }
      const source = { label: manifest.exportedBy.commission, fileName: options.displayName ?? path.basename(file), newFiles: stored.filter((s) => !s.rowBefore).length };
      const report = ctx.db.transaction((tx) => {
        const fresh = stored.filter((s) => !s.rowBefore && s.file);
        for (const s of fresh) insertFileRow(tx, s.file!, ctx.now());
        const local = tx.select().from(cases).where(eq(cases.uid, manifest.case.uid)).get();
        const result = local ? mergeIntoCase(ctx, tx, local, manifest, source) : createFromBundle(ctx, tx, manifest, source);
        // a file whose exhibit was already here (merged by uid) gets no row: no row without an exhibit
        for (const s of fresh) {
          tx.delete(evidenceFiles)
            .where(and(eq(evidenceFiles.sha256, s.sha256), notExists(tx.select({ id: exhibits.id }).from(exhibits).where(eq(exhibits.fileSha256, s.sha256)))))
            .run();
        }
        return result;
      });
      if (report.createdCase || Object.values(report.added).some((n) => n > 0)) ctx.emit({ type: 'cases.changed', caseId: report.caseId });
      return { ...report, eventCheck };
    } catch (error) {
      for (const s of stored) if (s.file) unpin(ctx, s.sha256);
      discardNewFiles(ctx, stored.flatMap((s) => (s.file && !s.fileBefore ? [s.file] : [])));
      stored.length = 0;
      throw error;
    } finally {
      for (const s of stored) if (s.file) unpin(ctx, s.sha256);
    }
  } finally {
    bundle.close();
  }
}
