// 送达被申请人: the application copy (with the 应诉通知书) reaches each respondent on its own date and
// by its own method; each respondent's defence period runs from its own date. The case's
// `respondentServedOn` (the clock's input) is the date the last respondent was served, and stays
// empty until every respondent has been served.
import type Database from 'better-sqlite3';
import { AppFailure, serviceMethodLabels, type CaseDetail, type ServiceMethod } from '../../core/contract';
import { formatChineseDate } from '../../core/dates';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';
import { appendEvent, clientOf } from '../timeline';
import { mutateCase } from './mutateCase';

export type RespondentServiceInput = { organisationId: number; servedOn: string; method: ServiceMethod; note?: string; defenceWaiver?: string | null };

export type RespondentServiceRow = { organisationId: number; name: string; servedOn: string | null; method: ServiceMethod | null; defenceWaiver: string | null };

/** The statements of this file, prepared once per connection (each service call runs them several times). */
const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function prepare(client: Database.Database) {
  return {
    read: client.prepare<[number], RespondentServiceRow>(`
      select r.organisation_id as organisationId, o.name, s.served_on as servedOn, s.method, s.defence_waiver as defenceWaiver
      from case_respondents r
      join organisations o on o.id = r.organisation_id
      left join respondent_services s on s.case_id = r.case_id and s.organisation_id = r.organisation_id
      where r.case_id = ?
      order by r.sort_order`),
    store: client.prepare(`
      insert into respondent_services (case_id, organisation_id, served_on, method, note, defence_waiver, recorded_at)
      values (@caseId, @organisationId, @servedOn, @method, @note, @defenceWaiver, @recordedAt)
      on conflict (case_id, organisation_id) do update set served_on = excluded.served_on, method = excluded.method, note = excluded.note, defence_waiver = excluded.defence_waiver`),
    setServedOn: client.prepare(`update cases set respondent_served_on = ? where id = ?`),
  };
}
function statementsOf(db: Executor) {
  const client = clientOf(db);
  let s = statements.get(client);
  if (!s) statements.set(client, (s = prepare(client)));
  return s;
}

/** Each respondent of the case with its service, in the case's order. */
export function readRespondentServices(db: Executor, caseId: number): RespondentServiceRow[] {
  return statementsOf(db).read.all(caseId);
}

/** The date the last respondent was served, or null while one is still waiting. */
function lastServedOn(db: Executor, caseId: number): string | null {
  const all = readRespondentServices(db, caseId);
  if (!all.length || all.some((r) => !r.servedOn)) return null;
  return all.map((r) => r.servedOn as string).sort().at(-1) ?? null;
}

/**
 * Stores (or corrects) the service on each listed respondent and refreshes the case's
 * `respondentServedOn`; returns the summary for the timeline. Call inside the case's transaction.
 */
export function storeRespondentServices(tx: Tx, ctx: ServiceContext, caseId: number, entries: RespondentServiceInput[], opts: { keepExisting?: boolean } = {}): string[] {
  const known = new Map(readRespondentServices(tx, caseId).map((r) => [r.organisationId, r]));
  const lines: string[] = [];
  for (const e of entries) {
    const r = known.get(e.organisationId);
    if (!r) throw new AppFailure('invalid_input', `该单位（编号${e.organisationId}）不是本案被申请人`);
    if (r.servedOn && opts.keepExisting) continue;
    const waiver = e.defenceWaiver === undefined ? r.defenceWaiver : e.defenceWaiver?.trim() || null;
    if (r.servedOn === e.servedOn && r.method === e.method && r.defenceWaiver === waiver) continue;
    statementsOf(tx).store.run({ caseId, organisationId: e.organisationId, servedOn: e.servedOn, method: e.method, note: e.note ?? null, defenceWaiver: waiver, recordedAt: ctx.now().toISOString() });
    lines.push(`${r.name}${formatChineseDate(e.servedOn)}${serviceMethodLabels[e.method]}${waiver ? `（同意缩短答辩期：${waiver}）` : ''}`);
  }
  statementsOf(tx).setServedOn.run(lastServedOn(tx, caseId), caseId);
  return lines;
}

/**
 * cases.recordService: the application copy served on the respondents — on each with its own date
 * and method, or on all of them on one date.
 */
export function recordRespondentService(
  ctx: ServiceContext,
  input: { id: number; servedOn?: string; method?: ServiceMethod; respondents?: RespondentServiceInput[] },
): CaseDetail {
  return mutateCase(ctx, input.id, (tx, row, today) => {
    if (row.status !== 'accepted' || !row.acceptedOn) throw new AppFailure('conflict', '案件受理后才能登记送达');
    const entries: RespondentServiceInput[] =
      input.respondents ??
      readRespondentServices(tx, row.id).map((r) => ({ organisationId: r.organisationId, servedOn: input.servedOn as string, method: input.method ?? 'inPerson' }));
    if (!entries.length) throw new AppFailure('invalid_input', '请填写每个被申请人的送达日期和方式');
    if (row.procedure !== 'simplified' && entries.some((e) => e.defenceWaiver)) {
      throw new AppFailure('invalid_input', '只有简易处理的案件，被申请人才可以同意缩短或者放弃答辩期；普通程序请在答辩期届满后开庭');
    }
    for (const e of entries) {
      if (e.servedOn > today) throw new AppFailure('invalid_input', '送达日期不能晚于今天');
      if (e.servedOn < row.acceptedOn) throw new AppFailure('invalid_input', `送达日期不能早于受理日期${formatChineseDate(row.acceptedOn)}`);
    }
    const before = readRespondentServices(tx, row.id).map((r) => ({ organisationId: r.organisationId, servedOn: r.servedOn, method: r.method }));
    const lines = storeRespondentServices(tx, ctx, row.id, entries);
    if (!lines.length) return;
    const after = readRespondentServices(tx, row.id);
    const waiting = after.filter((r) => !r.servedOn).map((r) => r.name);
    appendEvent(tx, ctx.now(), {
      caseId: row.id,
      action: 'case.served',
      summary: `仲裁申请书副本送达被申请人：${lines.join('；')}${waiting.length ? `（尚未送达：${waiting.join('、')}）` : ''}`,
      before,
      after: after.map((r) => ({ organisationId: r.organisationId, servedOn: r.servedOn, method: r.method, defenceWaiver: r.defenceWaiver })),
    });
  });
}
