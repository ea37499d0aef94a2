import { asc, eq } from 'drizzle-orm';
import { DEFAULT_CASE_NUMBER_PATTERN } from '../../core/caseNumber';
import { AppFailure, type Settings } from '../../core/contract';
import { commissions, minimumWages } from '../../../db/schema';
import type { Db } from '../../../db/open';
import type { ServiceContext } from '../context';

export const COMMISSION_ID = 1;

/** Creates the commission row on a new data folder. */
export function ensureCommission(db: Db, now: Date): void {
  db.insert(commissions)
    .values({
      id: COMMISSION_ID,
      name: '赣州市劳动人事争议仲裁委员会',
      caseNumberPattern: DEFAULT_CASE_NUMBER_PATTERN,
      fastTrackTargetDays: 30,
      updatedAt: now.toISOString(),
    })
    .onConflictDoNothing()
    .run();
}

export function readSettings(db: Db): Settings {
  const row = db.select().from(commissions).where(eq(commissions.id, COMMISSION_ID)).get();
  if (!row) throw new Error('commission row missing');
  const wages = db
    .select({ effectiveOn: minimumWages.effectiveOn, monthlyFen: minimumWages.monthlyFen })
    .from(minimumWages)
    .where(eq(minimumWages.commissionId, COMMISSION_ID))
    .orderBy(asc(minimumWages.effectiveOn))
    .all();
  return {
    commissionName: row.name,
    commissionAddress: row.address,
    commissionPhone: row.phone,
    policeThresholdOneWorkerFen: row.policeThresholdOneWorkerFen,
    policeThresholdTenWorkersFen: row.policeThresholdTenWorkersFen,
    caseNumberPattern: row.caseNumberPattern,
    rejectionNumberPattern: row.rejectionNumberPattern,
    correctionOrderNumberPattern: row.correctionOrderNumberPattern,
    policeTransferNumberPattern: row.policeTransferNumberPattern,
    maskWorkerIds: row.maskWorkerIds,
    fastTrackTargetDays: row.fastTrackTargetDays,
    idleLockMinutes: row.idleLockMinutes,
    publicationPeriodDays: row.publicationPeriodDays,
    minimumWages: wages,
  };
}

export function updateSettings(ctx: ServiceContext, input: Settings): Settings {
  const dates = input.minimumWages.map((w) => w.effectiveOn);
  if (new Set(dates).size !== dates.length) {
    throw new AppFailure('invalid_input', '最低工资标准中有重复的生效日期');
  }
  ctx.db.transaction((tx) => {
    tx.update(commissions)
      .set({
        name: input.commissionName,
        address: input.commissionAddress,
        phone: input.commissionPhone,
        policeThresholdOneWorkerFen: input.policeThresholdOneWorkerFen,
        policeThresholdTenWorkersFen: input.policeThresholdTenWorkersFen,
        caseNumberPattern: input.caseNumberPattern,
        rejectionNumberPattern: input.rejectionNumberPattern,
        correctionOrderNumberPattern: input.correctionOrderNumberPattern,
        policeTransferNumberPattern: input.policeTransferNumberPattern,
        maskWorkerIds: input.maskWorkerIds,
        fastTrackTargetDays: input.fastTrackTargetDays,
        idleLockMinutes: input.idleLockMinutes,
        publicationPeriodDays: input.publicationPeriodDays,
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(commissions.id, COMMISSION_ID))
      .run();
    tx.delete(minimumWages).where(eq(minimumWages.commissionId, COMMISSION_ID)).run();
    for (const wage of input.minimumWages) {
      tx.insert(minimumWages).values({ commissionId: COMMISSION_ID, ...wage }).run();
    }
  });
  ctx.emit({ type: 'settings.changed' });
  return readSettings(ctx.db);
}
