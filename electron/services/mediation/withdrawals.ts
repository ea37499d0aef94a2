/**
 * 撤回部分仲裁请求: the applicant withdraws one claim item, or several at once (every 经济补偿 item
 * of a collective case), before they are decided. The withdrawal is on record — the date, who
 * applied (the worker, or in a collective case the representative with the represented workers'
 * consent, as for withdrawing the whole application: services/closing/withdrawal.ts) and the
 * reason. A withdrawn item is neither agreed nor awarded: the full 调解书 needs every other item
 * agreed, and the documents state the withdrawal.
 *
 * Undoing a withdrawal (a mistake at the desk) is allowed only while no instrument covering the
 * item has been made: not after the award was issued, nor once a 调解书 made after the withdrawal
 * was signed for by a party (it states the withdrawal).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { AppFailure, type MediationView } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import { claimTypeLabels } from '../../core/domain';
import { formatYuan, sumFen } from '../../core/money';
import { awardItems, awards, claimWithdrawals, workers } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import type { MediationState } from './mediationView';
import { mutateMediation } from './mutateMediation';
import type { MediationInput } from './types';

type Item = { claimItemId: number; workerId: number; workerName: string; type: keyof typeof claimTypeLabels; claimedFen: number; agreedFen: number | null; withdrawal: MediationState['rows'][number]['claims'][number]['withdrawal'] };

function pick(state: MediationState, ids: number[]): Item[] {
  const index = new Map<number, Item>();
  for (const r of state.rows) for (const c of r.claims) index.set(c.claimItemId, { ...c, workerId: r.workerId, workerName: r.name });
  const seen = new Set<number>();
  return ids.map((id, i) => {
    const item = index.get(id);
    if (!item) throw new AppFailure('invalid_input', `第${i + 1}项：请求（编号${id}）不属于本案，请刷新后重新选择`);
    if (seen.has(id)) throw new AppFailure('invalid_input', `${item.workerName}的「${claimTypeLabels[item.type]}」重复选择，请只保留一项`);
    seen.add(id);
    return item;
  });
}

const label = (i: Item) => `${i.workerName}的「${claimTypeLabels[i.type]}」`;

/** "张三「经济补偿」3,000.00元" for a few items, "12名申请人的「经济补偿」12项" for many. */
function describe(items: Item[]): string {
  const people = new Set(items.map((i) => i.workerId)).size;
  const types = [...new Set(items.map((i) => `「${claimTypeLabels[i.type]}」`))].join('');
  const sum = formatYuan(sumFen(items.map((i) => i.claimedFen)));
  if (items.length <= 3) return `${items.map((i) => `${i.workerName}${`「${claimTypeLabels[i.type]}」`}${formatYuan(i.claimedFen)}`).join('、')}`;
  return `${people}名申请人的${types}请求${items.length}项，合计${sum}`;
}

function awardIssued(db: Executor, caseId: number): boolean {
  return !!db.select({ issuedAt: awards.issuedAt }).from(awards).where(eq(awards.caseId, caseId)).get()?.issuedAt;
}

export function withdrawClaims(ctx: ServiceContext, input: MediationInput<'mediation.withdrawClaims'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state, today) => {
    const row = state.case;
    if (!row.hasArbitration) throw new AppFailure('conflict', '本案尚未登记仲裁申请，没有可撤回的仲裁请求');
    if (row.status === 'closed') throw new AppFailure('conflict', '案件已结案，不能再撤回仲裁请求');
    if (awardIssued(tx, row.id)) throw new AppFailure('conflict', '本案已作出裁决，不能再撤回仲裁请求');
    if (input.withdrawnOn > today) throw new AppFailure('invalid_input', '撤回日期不能晚于今天');
    if (input.withdrawnOn < row.receivedOn) throw new AppFailure('invalid_input', `撤回日期不能早于收到仲裁申请的日期${formatChineseDate(row.receivedOn)}`);
    const items = pick(state, input.claimItemIds);
    for (const i of items) {
      if (i.withdrawal) throw new AppFailure('conflict', `${label(i)}请求已于${formatChineseDate(i.withdrawal.withdrawnOn)}撤回，请勿重复撤回`);
      if (i.agreedFen !== null) {
        throw new AppFailure(
          'conflict',
          state.effective
            ? `${label(i)}请求已由生效的调解书确定，不能撤回`
            : `${label(i)}请求已确定调解金额${formatYuan(i.agreedFen)}，请先在调解表中清空该项调解金额，再登记撤回`,
        );
      }
    }
    const concerned = [...new Set(items.map((i) => i.workerId))];
    const name = input.applicantName.trim();
    const consent = { on: input.consentOn, note: input.consentNote?.trim() || null };
    if (input.applicant === 'worker') {
      if (concerned.length === 1 && name !== items[0]!.workerName) {
        throw new AppFailure('invalid_input', `撤回申请人应为劳动者本人${items[0]!.workerName}；由代表人申请的，请选择"代表人"`);
      }
      if (consent.on || consent.note) throw new AppFailure('invalid_input', '劳动者本人申请撤回的，无需填写被代表劳动者的同意情况，请清空同意日期和同意情况');
    } else {
      if (!row.isCollective) throw new AppFailure('invalid_input', '本案不是集体案件，没有代表人，撤回请求应由劳动者本人申请');
      const reps = tx.select({ name: workers.name }).from(workers).where(and(eq(workers.caseId, row.id), eq(workers.isRepresentative, true))).all().map((w) => w.name);
      if (!reps.includes(name)) throw new AppFailure('invalid_input', `${name}不是本案的代表人${reps.length ? `（代表人：${reps.join('、')}）` : '（本案尚未登记代表人）'}，请改正撤回申请人`);
      // a representative may withdraw claims only with the consent of the workers represented
      if (!consent.on || !consent.note) {
        throw new AppFailure('invalid_input', '代表人撤回仲裁请求须经被代表的劳动者同意：请填写同意日期和同意情况（如"12名劳动者签名的同意书"）');
      }
      if (consent.on > input.withdrawnOn || consent.on < row.receivedOn) throw new AppFailure('invalid_input', '同意日期应在收到仲裁申请之日与撤回日期之间');
    }
    const recordedAt = ctx.now().toISOString();
    const values = { withdrawnOn: input.withdrawnOn, appliedBy: input.applicant, applicantName: name, reason: input.reason.trim(), consentOn: consent.on, consentNote: consent.note, recordedAt };
    const ids = items.map((i) => i.claimItemId);
    for (const i of items) tx.insert(claimWithdrawals).values({ claimItemId: i.claimItemId, caseId: row.id, ...values }).run();
    // the award is not issued (checked above): a drafted amount for a withdrawn item goes
    const drafted = tx.select({ claimItemId: awardItems.claimItemId, awardedFen: awardItems.awardedFen }).from(awardItems).where(and(eq(awardItems.caseId, row.id), inArray(awardItems.claimItemId, ids))).all();
    if (drafted.length) tx.delete(awardItems).where(and(eq(awardItems.caseId, row.id), inArray(awardItems.claimItemId, ids))).run();
    const who = input.applicant === 'worker' ? name : `代表人${name}经被代表的劳动者同意（${formatChineseDate(consent.on!)}，${consent.note}）`;
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'mediation.claimsWithdrawn',
      summary: `${who}于${formatChineseDate(input.withdrawnOn)}撤回仲裁请求：${describe(items)}${values.reason ? `；理由：${values.reason}` : ''}${drafted.length ? `；裁决书草稿中${drafted.length}项已填写的裁决金额随之清除` : ''}`,
      before: drafted.length ? { awardItems: drafted } : null,
      after: { claimItemIds: items.map((i) => i.claimItemId), ...values },
    });
  });
}

export function undoWithdrawal(ctx: ServiceContext, input: MediationInput<'mediation.undoWithdrawal'>): MediationView {
  return mutateMediation(ctx, input.caseId, (tx, state) => {
    const row = state.case;
    if (row.status === 'closed') throw new AppFailure('conflict', '案件已结案，不能撤销撤回');
    const items = pick(state, input.claimItemIds);
    const notWithdrawn = items.filter((i) => !i.withdrawal);
    if (notWithdrawn.length) throw new AppFailure('conflict', `${notWithdrawn.slice(0, 3).map(label).join('、')}请求未撤回，无需撤销`);
    if (awardIssued(tx, row.id)) throw new AppFailure('conflict', '裁决书已作出并载明撤回的请求，不能撤销撤回');
    const signed = [row.mediationSignedByWorkersOn, row.mediationSignedByRespondentOn].filter((d): d is string => !!d).sort()[0];
    const covered = signed ? items.filter((i) => i.withdrawal!.withdrawnOn <= signed) : [];
    if (covered.length) {
      throw new AppFailure('conflict', `调解书已于${formatChineseDate(signed!)}签收，载明了${covered.slice(0, 3).map(label).join('、')}请求的撤回，不能撤销撤回`);
    }
    // "调解成功" was recorded on the footing that these items are withdrawn
    if (row.mediationOutcome === 'settled') throw new AppFailure('conflict', '调解结果已记录为「调解成功」（以这些请求已撤回为前提），请先将调解结果改为「部分调解」，再撤销撤回');
    tx.delete(claimWithdrawals)
      .where(and(eq(claimWithdrawals.caseId, row.id), inArray(claimWithdrawals.claimItemId, items.map((i) => i.claimItemId))))
      .run();
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'mediation.withdrawalUndone',
      summary: `撤销撤回（登记有误），恢复仲裁请求：${describe(items)}`,
      before: items.map((i) => ({ claimItemId: i.claimItemId, ...i.withdrawal })),
      after: null,
    });
  });
}
