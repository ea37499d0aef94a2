import type { CaseDetail } from './contract';
import { caseStatusLabels, partyRoleLabels, procedureLabels, stageLabels } from './domain';
import { formatChineseDate } from './dates';
import { formatYuan } from './money';

/** The lines of the case-summary view (no personal identifiers: names, roles, amounts, dates). */
export function summaryLines(detail: CaseDetail): { label: string; value: string }[] {
  const representatives = detail.workers.filter((w) => w.isRepresentative).map((w) => w.name);
  const open = [...detail.deadlines, ...(detail.inspection?.deadlines ?? [])].filter((d) => d.dueOn && (d.status === 'open' || d.status === 'overdue'));
  open.sort((a, b) => (a.dueOn! < b.dueOn! ? -1 : 1));
  const lines = [
    { label: '案由', value: detail.cause },
    {
      label: '申请人',
      value: `${detail.workerCount}名${detail.isCollective ? '（集体争议）' : ''}${representatives.length ? `，代表人 ${representatives.join('、')}` : ''}`,
    },
    { label: '被申请人', value: detail.respondents.map((r) => `${r.name}（${partyRoleLabels[r.role]}）`).join('；') || '—' },
    { label: '工程项目', value: detail.project ? `${detail.project.name}${detail.project.address ? `（${detail.project.address}）` : ''}` : '—' },
    { label: '请求金额', value: `${formatYuan(detail.claimedTotalFen)}（${detail.workerCount}人）` },
    { label: '阶段', value: `${stageLabels[detail.stage]} · ${caseStatusLabels[detail.status]} · ${procedureLabels[detail.procedure]}` },
    { label: '收案日期', value: formatChineseDate(detail.receivedOn) + (detail.acceptedOn ? `，${formatChineseDate(detail.acceptedOn)}受理` : '') },
  ];
  if (open.length) lines.push({ label: '关键期限', value: open.slice(0, 3).map((d) => `${d.label} ${formatChineseDate(d.dueOn!)}`).join('；') });
  return lines;
}
