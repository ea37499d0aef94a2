import { and, asc, eq } from 'drizzle-orm';
import { DEFAULT_CASE_NUMBER_PATTERN } from '../../core/caseNumber';
import { AppFailure, type Settings } from '../../core/contract';
import { commissions, minimumWages } from '../../../db/schema';
import type { Db } from '../../../db/open';
import type { ServiceContext } from '../context';
import { formatChineseDate } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { appendEvent } from '../timeline';

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
    .select({ effectiveOn: minimumWages.effectiveOn, monthlyFen: minimumWages.monthlyFen, isDemo: minimumWages.isDemo })
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
  const previous = new Map(readSettings(ctx.db).minimumWages.map((w) => [w.effectiveOn, w]));
  // An entry saved unchanged keeps its 演示数据 mark; a changed amount is the admin's own figure.
  const wages = input.minimumWages.map((w) => {
    const before = previous.get(w.effectiveOn);
    return { effectiveOn: w.effectiveOn, monthlyFen: w.monthlyFen, isDemo: w.isDemo ?? (before?.monthlyFen === w.monthlyFen && before.isDemo === true) };
  });
  const marked = wages.filter((w) => w.isDemo);
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
    for (const wage of wages) {
      tx.insert(minimumWages).values({ commissionId: COMMISSION_ID, ...wage }).run();
    }
    appendEvent(tx, ctx.now(), {
      caseId: null,
      action: 'settings.updated',
      summary: `修改设置：${input.commissionName}；最低工资标准${wages.length}项${marked.length ? `（其中${marked.map((w) => wageText(w)).join('、')}为演示数据，待核对）` : ''}`,
      after: { ...input, minimumWages: wages },
    });
  });
  ctx.emit({ type: 'settings.changed' });
  return readSettings(ctx.db);
}

const wageText = (w: { effectiveOn: string; monthlyFen: number }) => `${formatChineseDate(w.effectiveOn)}起${formatYuan(w.monthlyFen)}`;

/** 已核对: the admin checked a minimum wage the demo entered against the local notice; the mark is cleared. */
export function confirmMinimumWage(ctx: ServiceContext, effectiveOn: string): Settings {
  const wage = readSettings(ctx.db).minimumWages.find((w) => w.effectiveOn === effectiveOn);
  if (!wage) throw new AppFailure('not_found', `没有${formatChineseDate(effectiveOn)}起施行的最低工资标准，请刷新设置后重试`);
  if (!wage.isDemo) throw new AppFailure('conflict', `${wageText(wage)}的最低工资标准已核对，不是演示数据`);
  ctx.db.transaction((tx) => {
    tx.update(minimumWages)
      .set({ isDemo: false })
      .where(and(eq(minimumWages.commissionId, COMMISSION_ID), eq(minimumWages.effectiveOn, effectiveOn)))
      .run();
    appendEvent(tx, ctx.now(), {
      caseId: null,
      action: 'settings.minimumWageConfirmed',
      summary: `核对最低工资标准：${wageText(wage)}已与当地公布的标准核对，取消「演示数据」标记`,
      before: { effectiveOn, monthlyFen: wage.monthlyFen, isDemo: true },
      after: { effectiveOn, monthlyFen: wage.monthlyFen, isDemo: false },
    });
  });
  ctx.emit({ type: 'settings.changed' });
  return readSettings(ctx.db);
}
