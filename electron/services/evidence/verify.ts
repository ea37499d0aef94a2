/**
 * 校验: re-hash every stored file against its name (= its SHA-256) in the background. One job at a
 * time; starting while one runs returns the running report. Files are hashed one after another,
 * streamed, with a turn of the event loop between files so the hosts keep answering requests.
 * Progress goes out as `evidence.verifyProgress` events (at most ~5 per second, plus the last).
 */
import fs from 'node:fs';
import { asc, eq, inArray } from 'drizzle-orm';
import type { VerifyReport } from '../../core/contract';
import { cases, evidenceFiles, exhibits } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { caseLabel, exhibitLabel } from './exhibits';
import { evidenceState, throttle } from './registry';
import { evidencePath, hashFile } from './store';

const snapshot = (report: VerifyReport): VerifyReport => ({ ...report, missing: [...report.missing], altered: [...report.altered] });

export function verifyStatus(ctx: ServiceContext): VerifyReport {
  return snapshot(evidenceState(ctx).verify.report);
}

export function verifyStart(ctx: ServiceContext): VerifyReport {
  const state = evidenceState(ctx).verify;
  if (state.report.running) return snapshot(state.report);
  const shas = ctx.db.select({ sha256: evidenceFiles.sha256 }).from(evidenceFiles).orderBy(asc(evidenceFiles.sha256)).all().map((r) => r.sha256);
  const report: VerifyReport = { running: true, checked: 0, total: shas.length, startedAt: ctx.now().toISOString(), finishedAt: null, missing: [], altered: [] };
  state.report = report;
  const progress = throttle<VerifyReport>(200, (r) => ctx.emit({ type: 'evidence.verifyProgress', report: snapshot(r) }));
  state.job = (async () => {
    // problems are rare: each is reported as soon as found, with the exhibits that use the file
    const uses = (sha256: string) => exhibitUses(ctx, [sha256]).get(sha256) ?? [];
    try {
      for (const sha256 of shas) {
        await new Promise((resolve) => setImmediate(resolve));
        const file = evidencePath(ctx.dataDir, sha256);
        if (!fs.existsSync(file)) {
          report.missing.push({ sha256, exhibits: uses(sha256) });
        } else {
          try {
            const actual = await hashFile(file);
            if (actual !== sha256) report.altered.push({ sha256, actual, exhibits: uses(sha256) });
          } catch {
            report.missing.push({ sha256, exhibits: uses(sha256) }); // unreadable counts as missing
          }
        }
        report.checked++;
        progress.push(report);
      }
    } catch (error) {
      console.error('[sucai] 校验失败', error);
    } finally {
      report.running = false;
      report.finishedAt = ctx.now().toISOString();
      progress.flush();
      ctx.emit({ type: 'evidence.verifyProgress', report: snapshot(report) });
      state.job = null;
    }
  })();
  return snapshot(report);
}

/** Resolves when the running 校验 (if any) has finished — for tests and shutdown. */
export async function verifyIdle(ctx: ServiceContext): Promise<VerifyReport> {
  await evidenceState(ctx).verify.job;
  return verifyStatus(ctx);
}

/** sha256 → ["案号/证据三 标题", …] for the files that failed (one query). */
function exhibitUses(ctx: ServiceContext, shas: string[]): Map<string, string[]> {
  const uses = new Map<string, string[]>();
  if (shas.length === 0) return uses;
  const rows = ctx.db
    .select({ sha256: exhibits.fileSha256, seq: exhibits.seq, title: exhibits.title, caseId: cases.id, caseNumber: cases.caseNumber })
    .from(exhibits)
    .innerJoin(cases, eq(cases.id, exhibits.caseId))
    .where(inArray(exhibits.fileSha256, shas))
    .orderBy(asc(cases.id), asc(exhibits.seq))
    .all();
  for (const r of rows) {
    const list = uses.get(r.sha256) ?? [];
    list.push(`${caseLabel(r.caseNumber, r.caseId)}/${exhibitLabel(r.seq)} ${r.title}`);
    uses.set(r.sha256, list);
  }
  return uses;
}
