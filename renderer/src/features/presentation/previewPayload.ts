import type { CaseDetail, ExhibitView, PresentationPayload, PresentationView } from '../../../../electron/core/contract';
import { caseStatusLabels, partyRoleLabels, procedureLabels, stageLabels } from '../../../../electron/core/domain';
import { formatChineseDate } from '../../../../electron/core/dates';
import { formatYuan } from '../../../../electron/core/money';
import { maskIdNumber, maskPhone } from '../../../../electron/core/masking';
import { exhibitLabel } from '../evidence/format';

export type Amounts = Map<number, { agreedFen: number; paidFen: number }>;

/** The case-summary lines, as the backend's payload builder writes them. */
function summaryLines(detail: CaseDetail): { label: string; value: string }[] {
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

const titles = { caseSummary: '案件概况', workers: '申请人名单', deadlines: '办案期限' } as const;

/**
 * The operator's private preview of a push: the payload the screen would get, built from the
 * operator's own data with the same masking functions the backend uses. Nothing is sent anywhere.
 */
export function previewPayload(
  view: PresentationView,
  detail: CaseDetail,
  context: { amounts: Amounts; exhibits: ExhibitView[]; commissionName: string; now: Date },
): PresentationPayload {
  const state = { view, unmasked: null, hearingId: null, shownAt: context.now.toISOString(), seq: 0 };
  if (view.kind === 'blank') return { state, caseNumber: null, title: context.commissionName };
  const base = { state, caseNumber: detail.caseNumber ?? `收案登记第${detail.id}号` };
  switch (view.kind) {
    case 'caseSummary':
      return { ...base, title: titles.caseSummary, summary: { lines: summaryLines(detail) } };
    case 'deadlines':
      return { ...base, title: titles.deadlines, deadlines: [...detail.deadlines, ...(detail.inspection?.deadlines ?? [])] };
    case 'workers': {
      const rows = detail.workers.map((w, i) => ({
        seq: i + 1,
        name: w.name,
        idNumber: maskIdNumber(w.idNumber),
        phone: maskPhone(w.phone),
        claimedFen: w.claims.reduce((s, c) => s + c.amountFen, 0),
        agreedFen: context.amounts.get(w.id)?.agreedFen ?? 0,
        paidFen: context.amounts.get(w.id)?.paidFen ?? 0,
      }));
      const totals = rows.reduce(
        (t, r) => ({ claimedFen: t.claimedFen + r.claimedFen, agreedFen: t.agreedFen + r.agreedFen, paidFen: t.paidFen + r.paidFen }),
        { claimedFen: 0, agreedFen: 0, paidFen: 0 },
      );
      return { ...base, title: titles.workers, workers: { rows, totals } };
    }
    case 'exhibit': {
      const exhibit = context.exhibits.find((e) => e.id === view.exhibitId);
      if (!exhibit) return { ...base, title: '证据' };
      const label = exhibitLabel(exhibit.seq);
      return {
        ...base,
        title: `${label} ${exhibit.title}`,
        exhibit: { exhibitId: exhibit.id, label, title: exhibit.title, page: view.page, pageCount: exhibit.pageCount, mime: exhibit.mime },
      };
    }
  }
}
