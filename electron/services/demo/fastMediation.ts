/**
 * 调解结案 on the fast path: what the mediation services leave behind when a case settles at a
 * session and both sides sign for the 调解书 that day — a settled arbitration session held by an
 * arbitrator (mediation.addSession → setOutcome), every claim item agreed at the paid share of the
 * claim, payable that day by bank transfer (setAgreed), outcome 调解成功 and both signatures on the
 * closing day (recordSignature), each case's rows taken by its own events. The 调解书 itself is not
 * generated here (documents cost time per case): the documents tab offers it and builds it from
 * these rows, dated the session day. Prepared statements, one case at a time inside the caller's
 * transaction.
 */
import type { Tx } from '../../../db/open';
import { formatChineseDate } from '../../core/dates';
import { trackLabels } from '../../core/domain';
import { formatYuan } from '../../core/money';
import type { ServiceContext } from '../context';
import { appendEvent, clientOf } from '../timeline';
import { DEMO_STAFF } from './living/settingsStaff';

export type FastMediation = { id: number; closedOn: string; pct: number; at: (hour: number) => Date };

const ARBITRATORS = DEMO_STAFF.filter((s) => s.role === 'arbitrator').map((s) => s.name);

const SESSION_NOTES = '仲裁员主持调解，双方就拖欠工资及其他请求达成调解协议，被申请人当场通过银行转账支付，当庭出具仲裁调解书，双方签收。';

export function recordFastMediations(ctx: ServiceContext, tx: Tx, list: FastMediation[]): void {
  if (!list.length) return;
  const client = clientOf(tx);
  const insertSession = client.prepare(
    `insert into mediation_sessions (case_id, held_on, mediator, attendees, notes, outcome, track, created_at) values (?, ?, ?, '[]', ?, 'settled', 'arbitration', ?)`,
  );
  const insertAgreed = client.prepare(`
    insert into settlement_items (case_id, worker_id, claim_item_id, agreed_fen, pay_by, method, track, updated_at)
    select ci.case_id, ci.worker_id, ci.id, max(1, cast(round(ci.amount_fen * ? / 100.0) as integer)), ?, 'bankTransfer', 'arbitration', ?
    from claim_items ci where ci.case_id = ? order by ci.id`);
  const totals = client.prepare(
    `select count(*) as items, count(distinct worker_id) as workers, coalesce(sum(agreed_fen), 0) as agreed from settlement_items where case_id = ?`,
  );
  const settle = client.prepare(
    `update cases set mediation_outcome = 'settled', mediation_signed_by_workers_on = ?, mediation_signed_by_respondent_on = ? where id = ?`,
  );
  for (const m of list) {
    const mediator = ARBITRATORS[m.id % ARBITRATORS.length]!;
    const day = formatChineseDate(m.closedOn);
    insertSession.run(m.id, m.closedOn, mediator, SESSION_NOTES, m.at(9).toISOString());
    appendEvent(tx, m.at(9), {
      caseId: m.id,
      action: 'mediation.sessionAdded',
      summary: `${trackLabels.arbitration}调解（${day}，调解员${mediator}）`,
      after: { caseId: m.id, heldOn: m.closedOn, mediator, track: 'arbitration', attendees: [], notes: SESSION_NOTES },
    });
    insertAgreed.run(m.pct, m.closedOn, m.at(10).toISOString(), m.id);
    const t = totals.get(m.id) as { items: number; workers: number; agreed: number };
    appendEvent(tx, m.at(10), {
      caseId: m.id,
      action: 'mediation.agreed',
      summary: `确定调解金额${t.items}项，合计${formatYuan(t.agreed)}（${t.workers}名工人全部请求，${m.pct === 100 ? '按请求金额' : `按请求金额的${m.pct}%`}，${day}前银行转账履行）`,
      after: { track: 'arbitration', items: t.items, agreedFen: t.agreed, payBy: m.closedOn, method: 'bankTransfer' },
    });
    settle.run(m.closedOn, m.closedOn, m.id);
    appendEvent(tx, m.at(11), {
      caseId: m.id,
      action: 'mediation.signature',
      summary: `调解结果：调解成功，${t.workers}名工人，调解金额合计${formatYuan(t.agreed)}；调解书经双方签收，发生法律效力（申请人（劳动者）、被申请人于${day}签收）`,
      after: { outcome: 'settled', signedByWorkersOn: m.closedOn, signedByRespondentOn: m.closedOn, effective: true },
    });
  }
}
