/**
 * 撤回仲裁申请 on the fast path: the application closing.recordWithdrawalApplication records — the
 * day, who applied (the first representative of a collective case, else the worker) and why, and
 * in a collective case the represented workers' consent — taken by its own event. The 撤回仲裁申请
 * 决定书 is not generated here: the documents tab builds it from this row.
 */
import type { Tx } from '../../../db/open';
import { formatChineseDate } from '../../core/dates';
import { appendEvent, clientOf } from '../timeline';

export type FastWithdrawal = { id: number; appliedOn: string; at: (hour: number) => Date };

const REASON = '被申请人已支付所欠工资，申请撤回仲裁申请';
const CONSENT = '被代表的申请人均书面同意撤回';

export function recordFastWithdrawals(tx: Tx, list: FastWithdrawal[]): void {
  if (!list.length) return;
  const client = clientOf(tx);
  const applicant = client.prepare(`
    select w.name, c.is_collective as collective from workers w join cases c on c.id = w.case_id
    where w.case_id = ? order by (c.is_collective and w.is_representative) desc, w.sort_order, w.id limit 1`);
  const insert = client.prepare(
    `insert into withdrawal_applications (case_id, applied_on, applied_by, reason, consent_on, consent_note, recorded_at) values (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const w of list) {
    const { name, collective } = applicant.get(w.id) as { name: string; collective: number };
    const consentOn = collective ? w.appliedOn : null;
    const consentNote = collective ? CONSENT : null;
    insert.run(w.id, w.appliedOn, name, REASON, consentOn, consentNote, w.at(9).toISOString());
    appendEvent(tx, w.at(9), {
      caseId: w.id,
      action: 'closing.withdrawalApplication',
      summary: `${name}于${formatChineseDate(w.appliedOn)}申请撤回仲裁申请（${REASON}）${consentOn ? `；被代表的劳动者于${formatChineseDate(consentOn)}同意：${consentNote}` : ''}`,
      before: null,
      after: { appliedOn: w.appliedOn, appliedBy: name, reason: REASON, consentOn, consentNote },
    });
  }
}
