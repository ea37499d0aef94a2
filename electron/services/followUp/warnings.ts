import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppFailure, type WarningView } from '../../core/contract';
import { addDays, formatChineseDate, todayInChina } from '../../core/dates';
import { formatYuan } from '../../core/money';
import { warnings } from '../../../db/schema';
import type { Executor } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';
import { assessPolice, readThresholds, workerBalances, type WorkerBalance } from './balances';

type Kind = WarningView['kind'];
type Resolution = NonNullable<WarningView['resolution']>;

/**
 * An unpaid award is a warning once the payment period it states (AWARD_PAYMENT_DAYS, core/enforcement)
 * has run after it took effect. Effective date (simplified for the overview): a final award on the day
 * it is made (Law Art 47); a non-final one 15 days after it was served on the last party (Law Art 50)
 * — not yet effective while no service is recorded. A mixed award counts from its final part. What
 * may actually be enforced, suits included, is core/enforcement's answer.
 */
export { AWARD_PAYMENT_DAYS, NON_FINAL_CHALLENGE_DAYS } from '../../core/enforcement';
import { AWARD_PAYMENT_DAYS, NON_FINAL_CHALLENGE_DAYS } from '../../core/enforcement';

const kindLabels: Record<Kind, string> = { instalmentOverdue: '分期逾期未付', awardUnpaid: '裁决逾期未履行', correctionOverdue: '限期改正逾期' };
const resolutionLabels: Record<Resolution, string> = { paid: '已付清', enforcement: '已申请强制执行', police: '已移送公安机关', dismissed: '已撤销' };

type Candidate = { caseId: number; kind: Kind; subject: string; detail: string };

function sumBy(list: WorkerBalance[], pick: (b: WorkerBalance) => number): number {
  return list.reduce((s, b) => s + pick(b), 0);
}

/** Balances grouped by case. */
function byCase(list: WorkerBalance[]): Map<number, WorkerBalance[]> {
  const map = new Map<number, WorkerBalance[]>();
  for (const b of list) map.set(b.caseId, [...(map.get(b.caseId) ?? []), b]);
  return map;
}

/**
 * Everything overdue and unpaid today, in a fixed number of set queries: instalments past due
 * and not fully paid; issued awards still unpaid AWARD_PAYMENT_DAYS after taking effect; inspection
 * correction orders past their pay-by date on open inspections while wages are still owed.
 */
function scan(db: Executor, today: string): { candidates: Candidate[]; paidInstalments: Set<string>; existingInstalments: Set<string>; unpaidCases: Map<number, number> } {
  const candidates: Candidate[] = [];

  // Instalments: every instalment past due (index instalments_due), with what was paid against it.
  const inst = db.all<{ id: number; caseId: number; seq: number; dueOn: string; amountFen: number; paidFen: number; name: string }>(sql`
    select i.id, i.case_id as caseId, i.seq, i.due_on as dueOn, i.amount_fen as amountFen, w.name,
      coalesce((select sum(p.amount_fen) from payments p where p.instalment_id = i.id), 0) as paidFen
    from instalments i
    join workers w on w.id = i.worker_id
    join cases c on c.id = i.case_id
    where i.due_on < ${today} and c.status != 'rejected'`);
  for (const i of inst) {
    if (i.paidFen >= i.amountFen) continue;
    candidates.push({
      caseId: i.caseId,
      kind: 'instalmentOverdue',
      subject: String(i.id),
      detail: `${i.name}第${i.seq}期${formatYuan(i.amountFen)}应于${formatChineseDate(i.dueOn)}前支付，已付${formatYuan(i.paidFen)}，尚欠${formatYuan(i.amountFen - i.paidFen)}`,
    });
  }
  // Open instalment warnings: is their instalment paid now, or gone (plan replaced)?
  const openInst = db.all<{ subject: string; amountFen: number | null; paidFen: number }>(sql`
    select w.subject, i.amount_fen as amountFen,
      coalesce((select sum(p.amount_fen) from payments p where p.instalment_id = i.id), 0) as paidFen
    from warnings w left join instalments i on i.id = cast(w.subject as integer)
    where w.resolved_on is null and w.kind = 'instalmentOverdue'`);
  const paidInstalments = new Set(openInst.filter((r) => r.amountFen !== null && r.paidFen >= r.amountFen).map((r) => r.subject));
  const existingInstalments = new Set(openInst.filter((r) => r.amountFen !== null).map((r) => r.subject));

  // Awards: issued ones, with their finality and the last service date of the award documents.
  const awardRows = db.all<{ caseId: number; decidedOn: string; finals: number; lastServed: string | null }>(sql`
    select a.case_id as caseId, coalesce(a.decided_on, substr(a.issued_at, 1, 10)) as decidedOn,
      (select count(*) from award_items ai where ai.case_id = a.case_id and ai.is_final = 1) as finals,
      (select max(s.served_on) from document_services s join documents d on d.id = s.document_id
        where s.case_id = a.case_id and d.kind = 'award') as lastServed
    from awards a join cases c on c.id = a.case_id
    where a.issued_at is not null`);
  // Correction orders past their pay-by date on inspections still open.
  const orders = db.all<{ id: number; caseId: number; title: string; date: string; payBy: string }>(sql`
    select s.id, s.case_id as caseId, s.title, s.date, s.pay_by as payBy
    from inspection_steps s join inspection_tracks t on t.case_id = s.case_id
    where s.kind = 'correctionOrder' and s.pay_by is not null and s.pay_by < ${today} and t.closed_on is null`);
  const openCaseWarnings = db.all<{ caseId: number }>(sql`
    select distinct case_id as caseId from warnings where resolved_on is null and kind in ('awardUnpaid', 'correctionOverdue')`);

  const caseIds = [...awardRows.map((a) => a.caseId), ...orders.map((o) => o.caseId), ...openCaseWarnings.map((w) => w.caseId)];
  const balances = byCase(workerBalances(db, caseIds));
  const unpaidCases = new Map<number, number>();
  for (const [caseId, list] of balances) unpaidCases.set(caseId, sumBy(list, (b) => b.unpaidFen));

  for (const a of awardRows) {
    const effectiveOn = a.finals > 0 ? a.decidedOn : a.lastServed ? addDays(a.lastServed, NON_FINAL_CHALLENGE_DAYS) : null;
    if (!effectiveOn) continue;
    const payBy = addDays(effectiveOn, AWARD_PAYMENT_DAYS);
    if (today <= payBy) continue;
    const list = (balances.get(a.caseId) ?? []).filter((b) => b.basis === 'award');
    const unpaid = sumBy(list, (b) => b.unpaidFen);
    if (unpaid <= 0) continue;
    const owing = list.filter((b) => b.unpaidFen > 0);
    candidates.push({
      caseId: a.caseId,
      kind: 'awardUnpaid',
      subject: 'award',
      detail: `裁决书于${formatChineseDate(effectiveOn)}生效，生效后${AWARD_PAYMENT_DAYS}日内未履行：应付${formatYuan(sumBy(list, (b) => b.dueFen))}，已付${formatYuan(sumBy(list, (b) => b.paidFen))}，尚欠${owing.length}名劳动者${formatYuan(unpaid)}`,
    });
  }
  for (const o of orders) {
    const list = balances.get(o.caseId) ?? [];
    const unpaid = sumBy(list, (b) => b.unpaidFen);
    if (unpaid <= 0) continue;
    candidates.push({
      caseId: o.caseId,
      kind: 'correctionOverdue',
      subject: String(o.id),
      detail: `${o.title}（${formatChineseDate(o.date)}）责令于${formatChineseDate(o.payBy)}前支付，逾期仍欠${list.filter((b) => b.unpaidFen > 0).length}名劳动者${formatYuan(unpaid)}`,
    });
  }
  return { candidates, paidInstalments, existingInstalments, unpaidCases };
}

/**
 * Raises what is newly overdue (idempotent: the unique index on case, kind and subject ignores a
 * warning already raised, whether open or resolved) and resolves open ones that are now paid
 * ('paid'), or whose instalment no longer exists ('dismissed'). One transaction.
 */
export function refreshWarnings(ctx: ServiceContext): WarningView[] {
  const today = todayInChina(ctx.now());
  const changed = new Set<number>();
  ctx.db.transaction(
    (tx) => {
      const { candidates, paidInstalments, existingInstalments, unpaidCases } = scan(tx, today);
      for (const c of candidates) {
        const inserted = tx
          .insert(warnings)
          .values({ caseId: c.caseId, kind: c.kind, subject: c.subject, raisedOn: today, detail: c.detail })
          .onConflictDoNothing()
          .returning({ id: warnings.id })
          .get();
        if (inserted) {
          changed.add(c.caseId);
          appendEvent(tx, ctx.now(), { caseId: c.caseId, action: 'warnings.raised', summary: `预警：${kindLabels[c.kind]}——${c.detail}`, after: { warningId: inserted.id, kind: c.kind, subject: c.subject } });
        }
      }
      const active = new Set(candidates.map((c) => `${c.caseId}|${c.kind}|${c.subject}`));
      const open = tx.select().from(warnings).where(isNull(warnings.resolvedOn)).all();
      for (const w of open) {
        if (active.has(`${w.caseId}|${w.kind}|${w.subject}`)) continue;
        let resolution: Resolution | null = null;
        if (w.kind === 'instalmentOverdue') resolution = paidInstalments.has(w.subject) ? 'paid' : existingInstalments.has(w.subject) ? null : 'dismissed';
        else if ((unpaidCases.get(w.caseId) ?? 0) === 0) resolution = 'paid';
        if (!resolution) continue;
        tx.update(warnings).set({ resolvedOn: today, resolution }).where(eq(warnings.id, w.id)).run();
        changed.add(w.caseId);
        appendEvent(tx, ctx.now(), {
          caseId: w.caseId,
          action: 'warnings.resolved',
          summary: `预警解除（${resolutionLabels[resolution]}）：${kindLabels[w.kind]}——${w.detail}`,
          before: { warningId: w.id },
          after: { resolution },
        });
      }
    },
    { behavior: 'immediate' },
  );
  for (const caseId of changed) ctx.emit({ type: 'cases.changed', caseId });
  return listWarnings(ctx, { open: true });
}

/** Warnings with their case number and whether the case reaches the 拒不支付劳动报酬罪 threshold. */
export function listWarnings(ctx: ServiceContext, input: { open: boolean; caseId?: number; ids?: number[] }, db: Executor = ctx.db): WarningView[] {
  const where = [
    input.open ? sql`w.resolved_on is null` : sql`1 = 1`,
    input.caseId ? sql`w.case_id = ${input.caseId}` : sql`1 = 1`,
    input.ids ? sql`w.id in (select value from json_each(${JSON.stringify(input.ids)}))` : sql`1 = 1`,
  ];
  const rows = db.all<{
    id: number;
    caseId: number;
    caseNumber: string | null;
    kind: Kind;
    raisedOn: string;
    detail: string;
    resolvedOn: string | null;
    resolution: Resolution | null;
  }>(sql`
    select w.id, w.case_id as caseId, c.case_number as caseNumber, w.kind, w.raised_on as raisedOn, w.detail,
      w.resolved_on as resolvedOn, w.resolution
    from warnings w join cases c on c.id = w.case_id
    where ${sql.join(where, sql` and `)}
    order by w.raised_on desc, w.id desc
    limit 2000`);
  const eligible = policeEligibleCases(db, rows.map((r) => r.caseId));
  return rows.map((r) => ({ ...r, policeEligible: eligible.has(r.caseId) }));
}

export function policeEligibleCases(db: Executor, caseIds: number[]): Set<number> {
  const thresholds = readThresholds(db);
  const out = new Set<number>();
  for (const [caseId, list] of byCase(workerBalances(db, caseIds))) if (assessPolice(list, thresholds).eligible) out.add(caseId);
  return out;
}

export function resolveWarning(ctx: ServiceContext, input: { id: number; resolution: Resolution }): WarningView {
  const today = todayInChina(ctx.now());
  const caseId = ctx.db.transaction(
    (tx) => {
      const w = tx.select().from(warnings).where(eq(warnings.id, input.id)).get();
      if (!w) throw new AppFailure('not_found', `预警不存在（编号${input.id}）`);
      if (w.resolvedOn) throw new AppFailure('conflict', `该预警已于${formatChineseDate(w.resolvedOn)}处理（${resolutionLabels[w.resolution ?? 'dismissed']}）`);
      tx.update(warnings).set({ resolvedOn: today, resolution: input.resolution }).where(eq(warnings.id, w.id)).run();
      appendEvent(tx, ctx.now(), {
        caseId: w.caseId,
        action: 'warnings.resolved',
        summary: `预警处理（${resolutionLabels[input.resolution]}）：${kindLabels[w.kind]}——${w.detail}`,
        before: { warningId: w.id },
        after: { resolution: input.resolution },
      });
      return w.caseId;
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId });
  return listWarnings(ctx, { open: false, ids: [input.id] })[0];
}

/** Resolves a case's open warnings of the given kinds (after an enforcement or police package); returns how many. */
export function resolveCaseWarnings(ctx: ServiceContext, tx: Executor, caseId: number, kinds: Kind[], resolution: Resolution): number {
  const today = todayInChina(ctx.now());
  const open = tx
    .select({ id: warnings.id })
    .from(warnings)
    .where(and(eq(warnings.caseId, caseId), isNull(warnings.resolvedOn), inArray(warnings.kind, kinds)))
    .all();
  if (!open.length) return 0;
  tx.update(warnings)
    .set({ resolvedOn: today, resolution })
    .where(inArray(warnings.id, open.map((w) => w.id)))
    .run();
  return open.length;
}
