// The labour-inspection track's clock (domain brief §3). Pure: dates in, deadlines out.
import { formatChineseDate } from '../dates';
import type { Calendar } from './calendar';
import { DEADLINE_LABELS, DEADLINE_RULES, runPeriod, timing, type Deadline } from './deadlines';

export const INSPECTION_RULES = {
  complaintAcceptance: { days: 5, unit: 'working' as const },
  investigation: { days: 60, unit: 'working' as const },
  investigationExtension: 30,
};

export type InspectionClockInput = {
  complaintReceivedOn: string;
  filedOn: string | null;
  investigationExtended: boolean;
  closedOn: string | null;
  correctionOrders: { title: string; date: string; payBy: string | null }[];
};

/**
 * - complaintAcceptance: decide on a complaint within 5 working days of receiving it; done once filed (立案).
 * - investigation: 60 working days from 立案, 90 when the extension of 30 working days was approved.
 * - correction: each 限期改正指令书's pay-by date; running until the inspection closes.
 */
export function computeInspectionDeadlines(input: InspectionClockInput, today: string, cal: Calendar): Deadline[] {
  const out: Deadline[] = [];
  const base = (key: Deadline['key']) => ({ key, label: DEADLINE_LABELS[key], rule: DEADLINE_RULES[key] });
  const closedNote = input.closedOn ? `监察案件已于${formatChineseDate(input.closedOn)}结案` : '';

  const acc = runPeriod(input.complaintReceivedOn, INSPECTION_RULES.complaintAcceptance, cal, '接到投诉');
  if (input.filedOn || input.closedOn) {
    const on = input.filedOn ?? input.closedOn!;
    const late = on > acc.due ? `，晚于期限` : '';
    out.push({ ...base('complaintAcceptance'), dueOn: acc.due, startOn: input.complaintReceivedOn, status: 'done', skipped: acc.skipped, explanation: `依${DEADLINE_RULES.complaintAcceptance}：${acc.text}。已于${formatChineseDate(on)}${input.filedOn ? '立案' : '结案'}${late}。` });
  } else {
    const t = timing(acc.due, today);
    out.push({ ...base('complaintAcceptance'), dueOn: acc.due, startOn: input.complaintReceivedOn, status: t.status, skipped: acc.skipped, explanation: `依${DEADLINE_RULES.complaintAcceptance}：${acc.text}；${t.text}。` });
  }

  if (!input.filedOn) {
    out.push({ ...base('investigation'), dueOn: null, startOn: null, status: input.closedOn ? 'done' : 'waiting', skipped: [], explanation: input.closedOn ? `${closedNote}。` : `尚未立案。立案后，自立案之次日起${INSPECTION_RULES.investigation.days}个工作日内完成调查，经批准可延长${INSPECTION_RULES.investigationExtension}个工作日。` });
  } else {
    const days = INSPECTION_RULES.investigation.days + (input.investigationExtended ? INSPECTION_RULES.investigationExtension : 0);
    const p = runPeriod(input.filedOn, { days, unit: 'working' }, cal, '立案');
    const ext = input.investigationExtended ? `（含经批准延长的${INSPECTION_RULES.investigationExtension}个工作日）` : '';
    if (input.closedOn) {
      out.push({ ...base('investigation'), dueOn: p.due, startOn: input.filedOn, status: 'done', skipped: p.skipped, explanation: `依${DEADLINE_RULES.investigation}：${p.text}${ext}。${closedNote}。` });
    } else {
      const t = timing(p.due, today);
      out.push({ ...base('investigation'), dueOn: p.due, startOn: input.filedOn, status: t.status, skipped: p.skipped, explanation: `依${DEADLINE_RULES.investigation}：${p.text}${ext}；${t.text}。` });
    }
  }

  for (const order of input.correctionOrders) {
    if (!order.payBy) continue;
    const label = `限期改正：${order.title}`;
    if (input.closedOn) {
      out.push({ ...base('correction'), label, dueOn: order.payBy, startOn: order.date, status: 'done', skipped: [], explanation: `${formatChineseDate(order.date)}下达，责令于${formatChineseDate(order.payBy)}前改正。${closedNote}。` });
      continue;
    }
    const t = timing(order.payBy, today);
    const consequence = t.status === 'overdue' ? '逾期未改正的，可依《劳动保障监察条例》第二十六条责令加付赔偿金，拒不支付且数额较大的可移送公安机关' : t.text;
    out.push({ ...base('correction'), label, dueOn: order.payBy, startOn: order.date, status: t.status, skipped: [], explanation: `${formatChineseDate(order.date)}下达，责令于${formatChineseDate(order.payBy)}前改正；${consequence}。` });
  }
  return out;
}
