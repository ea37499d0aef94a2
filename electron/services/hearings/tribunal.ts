/**
 * 组庭: the tribunal of a case. Law Art 31: three arbitrators with a presiding one, or a sole
 * arbitrator for a simple case; a collective dispute always gets three (组织规则 Art 13, see
 * core/hearing/schedule). Law Art 32: the parties are told in writing within 5 days of acceptance —
 * the 组庭通知书 (document kind tribunalNotice), whose service the case clock watches. Hearings are
 * held by the composed tribunal; scheduling the first hearing of a case with none composes it.
 */
import { eq, inArray } from 'drizzle-orm';
import { AppFailure, type TribunalView } from '../../core/contract';
import { formatChineseDate, todayInChina } from '../../core/dates';
import { procedureLabels } from '../../core/domain';
import { procedureOf, tribunalProblem } from '../../core/hearing/schedule';
import { accounts, caseTribunals, cases } from '../../../db/schema';
import { parseRoles } from '../accounts/accountRows';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent } from '../timeline';

export function readTribunal(db: Executor, caseId: number): TribunalView | null {
  const row = db.select().from(caseTribunals).where(eq(caseTribunals.caseId, caseId)).get();
  if (!row) return null;
  const wingIds = JSON.parse(row.wingIds) as number[];
  const ids = [row.presidingId, ...wingIds, ...(row.clerkId ? [row.clerkId] : [])];
  const names = new Map(db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, ids)).all().map((s) => [s.id, s.name]));
  return {
    procedure: row.procedure,
    presidingId: row.presidingId,
    wingIds,
    clerkId: row.clerkId,
    arbitratorNames: [row.presidingId, ...wingIds].map((id) => names.get(id) ?? `人员${id}`),
    clerkName: row.clerkId ? (names.get(row.clerkId) ?? null) : null,
    composedOn: row.composedOn,
  };
}

/** "首席仲裁员吴国栋，仲裁员李敏、周强" / "仲裁员吴国栋独任" */
export function tribunalWords(t: Pick<TribunalView, 'arbitratorNames' | 'procedure'>): string {
  const [chief, ...wings] = t.arbitratorNames;
  return wings.length ? `首席仲裁员${chief}，仲裁员${wings.join('、')}` : `仲裁员${chief}独任`;
}

/** The members must exist, be arbitrators (and active for a new choice), and fit the case. */
export function checkComposition(db: Executor, c: typeof cases.$inferSelect, t: { presidingId: number; wingIds: number[]; clerkId?: number | null }): void {
  const problem = tribunalProblem({ procedure: procedureOf(t.wingIds), presidingId: t.presidingId, wingIds: t.wingIds, collectiveWorkers: c.isCollective ? c.workerCount : null });
  if (problem) throw new AppFailure('invalid_input', problem);
  const ids = [t.presidingId, ...t.wingIds, ...(t.clerkId ? [t.clerkId] : [])];
  const people = db.select({ id: accounts.id, name: accounts.name, roles: accounts.roles, active: accounts.active }).from(accounts).where(inArray(accounts.id, ids)).all();
  const need = (id: number, role: 'arbitrator' | 'clerk', what: string) => {
    const p = people.find((x) => x.id === id);
    if (!p) throw new AppFailure('not_found', `${what}不存在（编号${id}）`);
    if (!parseRoles(p.roles).includes(role)) throw new AppFailure('invalid_input', `${p.name}不是${role === 'arbitrator' ? '仲裁员' : '书记员'}，不能担任${what}`);
    if (!p.active) throw new AppFailure('conflict', `${p.name}已停用，不能担任${what}`);
  };
  need(t.presidingId, 'arbitrator', t.wingIds.length ? '首席仲裁员' : '仲裁员');
  for (const w of t.wingIds) need(w, 'arbitrator', '仲裁员');
  if (t.clerkId) need(t.clerkId, 'clerk', '书记员');
}

/** Writes the composition (insert or replace) with its timeline event; inside the caller's transaction. */
export function writeTribunal(ctx: ServiceContext, tx: Tx, c: typeof cases.$inferSelect, t: { presidingId: number; wingIds: number[]; clerkId?: number | null; composedOn: string; reason?: string }, via: string): TribunalView {
  const before = readTribunal(tx, c.id);
  const procedure = procedureOf(t.wingIds);
  const values = { procedure, presidingId: t.presidingId, wingIds: JSON.stringify(t.wingIds), clerkId: t.clerkId ?? null, composedOn: t.composedOn, updatedAt: ctx.now().toISOString() };
  tx.insert(caseTribunals).values({ caseId: c.id, ...values }).onConflictDoUpdate({ target: caseTribunals.caseId, set: values }).run();
  if (c.procedure !== procedure) tx.update(cases).set({ procedure }).where(eq(cases.id, c.id)).run();
  const after = readTribunal(tx, c.id)!;
  appendEvent(tx, ctx.now(), {
    caseId: c.id,
    action: 'tribunal.composed',
    summary: `${before ? '重新组庭' : '组成仲裁庭'}（${formatChineseDate(t.composedOn)}${via}）：${procedureLabels[procedure]}，${tribunalWords(after)}${after.clerkName ? `，书记员${after.clerkName}` : ''}${before ? `；原为${tribunalWords(before)}` : ''}${t.reason ? `；${t.reason}` : ''}。请制作组庭通知书并送达当事人（《劳动争议调解仲裁法》第三十二条）`,
    before: before ? { presidingId: before.presidingId, wingIds: before.wingIds, clerkId: before.clerkId } : undefined,
    after: { procedure, presidingId: t.presidingId, wingIds: t.wingIds, clerkId: t.clerkId ?? null, composedOn: t.composedOn },
  });
  return after;
}

export function composeTribunal(ctx: ServiceContext, input: { caseId: number; presidingId: number; wingIds: number[]; clerkId?: number | null; composedOn: string; reason?: string }): TribunalView {
  const today = todayInChina(ctx.now());
  const view = ctx.db.transaction(
    (tx) => {
      const c = tx.select().from(cases).where(eq(cases.id, input.caseId)).get();
      if (!c) throw new AppFailure('not_found', `案件不存在（编号${input.caseId}）`);
      if (!c.hasArbitration) throw new AppFailure('conflict', '本案尚未登记仲裁申请，不能组成仲裁庭');
      if (c.status !== 'accepted') throw new AppFailure('conflict', c.status === 'closed' ? '案件已结案，不能再组庭' : c.status === 'rejected' ? '案件已不予受理，不能组庭' : '案件尚未受理，受理后才能组成仲裁庭');
      if (input.composedOn > today) throw new AppFailure('invalid_input', '组庭日期不能晚于今天');
      if (c.acceptedOn && input.composedOn < c.acceptedOn) throw new AppFailure('invalid_input', `组庭日期不能早于受理日期${formatChineseDate(c.acceptedOn)}`);
      checkComposition(tx, c, input);
      const current = readTribunal(tx, c.id);
      if (current && current.presidingId === input.presidingId && JSON.stringify(current.wingIds) === JSON.stringify(input.wingIds) && current.clerkId === (input.clerkId ?? null) && current.composedOn === input.composedOn) {
        throw new AppFailure('invalid_input', '仲裁庭组成没有变化');
      }
      if (current && !input.reason?.trim()) throw new AppFailure('invalid_input', '重新组庭须写明原因（如仲裁员回避）');
      const view = writeTribunal(ctx, tx, c, input, '');
      tx.update(cases).set({ updatedAt: ctx.now().toISOString() }).where(eq(cases.id, c.id)).run();
      return view;
    },
    { behavior: 'immediate' },
  );
  ctx.emit({ type: 'cases.changed', caseId: input.caseId });
  return view;
}
