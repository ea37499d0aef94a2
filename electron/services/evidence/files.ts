import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { AppFailure } from '../../core/contract';
import { evidenceFiles, exhibits } from '../../../db/schema';
import type { ServiceContext } from '../context';
import { evidencePath } from './store';

export type ExhibitFile = { row: { sha256: string; fileName: string; mime: string }; file: string; size: number };

/** An exhibit's stored file as recorded (name, type, size) and its path, derived from the SHA-256 only; not_found for an unknown exhibit. */
export function storedExhibit(ctx: ServiceContext, id: number): { row: { sha256: string; fileName: string; mime: string; size: number }; file: string } {
  const row = ctx.db
    .select({ sha256: exhibits.fileSha256, fileName: exhibits.fileName, mime: evidenceFiles.mime, size: evidenceFiles.size })
    .from(exhibits)
    .innerJoin(evidenceFiles, eq(evidenceFiles.sha256, exhibits.fileSha256))
    .where(eq(exhibits.id, id))
    .get();
  if (!row) throw new AppFailure('not_found', `证据不存在（编号${id}）`);
  return { row, file: evidencePath(ctx.dataDir, row.sha256) };
}

/** The stored file behind an exhibit, for hosts that serve it; the path is derived from the SHA-256 only. */
export function exhibitFile(ctx: ServiceContext, id: number): ExhibitFile {
  const { row: { sha256, fileName, mime }, file } = storedExhibit(ctx, id);
  const row = { sha256, fileName, mime };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppFailure('not_found', '证据文件缺失，请运行“校验”查看');
  }
  if (!stat.isFile()) throw new AppFailure('not_found', '证据文件缺失，请运行“校验”查看');
  return { row, file, size: stat.size };
}
