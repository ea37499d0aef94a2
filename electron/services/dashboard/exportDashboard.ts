import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { DashboardMetric } from '../../core/contract';
import { caseStatusLabels, channelLabels, stageLabels, type CaseStatus, type Channel, type Stage } from '../../core/domain';
import type { ServiceContext } from '../context';
import { getDashboard, METRIC_FORMULAS, type Period } from './dashboardQuery';
import { closingMethodLabels } from './labels';
import { dayAfter } from './period';
import { recordCaseListExport } from '../sensitiveReads';

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** The file name export writes; the download route accepts only names of this shape. */
export function exportFileName({ from, to }: Period): string {
  return `速裁台统计_${from}_${to}.xlsx`;
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

function metricValue(m: DashboardMetric, v: number | null): number | null {
  if (v === null) return null;
  if (m.unit === 'fen') return v / 100;
  if (m.unit === 'percent') return v / 100; // cell formatted as 0.0%
  return v;
}

const NUMBER_FORMATS: Record<DashboardMetric['unit'], string> = {
  count: '#,##0',
  fen: '#,##0.00',
  percent: '0.0%',
  days: '0.0',
};
const UNIT_WORDS: Record<DashboardMetric['unit'], string> = { count: '件/人', fen: '元', percent: '%', days: '日' };

type CaseExportRow = {
  caseNumber: string | null;
  receivedOn: string;
  acceptedOn: string | null;
  channel: Channel;
  stage: Stage;
  status: CaseStatus;
  projectName: string | null;
  respondentNames: string | null;
  firstWorkerName: string | null;
  workerCount: number;
  isCollective: number;
  claimedTotalFen: number;
  recoveredFen: number | null;
  closedOn: string | null;
  closingMethod: keyof typeof closingMethodLabels | null;
  closedOnTime: number | null;
  closedWithinFastTrack: number | null;
  daysToClose: number | null;
  nextDueOn: string | null;
};

const CHUNK = 500;
const yesNo = (v: number | null) => (v === null ? '' : v ? '是' : '否');

/**
 * The figures sheet (this period, a year earlier, change, formula), the monthly series, the
 * closing methods, and the period's cases (received or closed in it) to an xlsx in
 * <dataDir>/exports/. The case sheet is written row by row with exceljs's streaming writer from a
 * SQLite iterator, so memory does not grow with the number of cases; temp file + rename.
 */
export async function exportDashboard(ctx: ServiceContext, period: Period): Promise<{ path: string; fileName: string }> {
  const view = getDashboard(ctx, period);
  const dir = exportsDir(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = exportFileName(period);
  const target = path.join(dir, fileName);
  const temp = path.join(dir, `.${crypto.randomBytes(8).toString('hex')}.tmp`);

  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    workbook.creator = '速裁台';
    workbook.created = ctx.now();

    const figures = workbook.addWorksheet('统计指标', { views: [{ state: 'frozen', ySplit: 3 }] });
    figures.columns = [
      { key: 'label', width: 22 },
      { key: 'value', width: 16 },
      { key: 'previous', width: 16 },
      { key: 'change', width: 14 },
      { key: 'unit', width: 8 },
      { key: 'formula', width: 70 },
    ];
    figures.addRow([`统计期间 ${view.from} 至 ${view.to}；上年同期 ${view.previousFrom} 至 ${view.previousTo}`]).commit();
    figures.addRow([`导出时间 ${ctx.now().toISOString()}`]).commit();
    const head = figures.addRow(['指标', '本期', '上年同期', '同比变化', '单位', '口径']);
    head.font = { bold: true };
    head.commit();
    for (const m of view.metrics) {
      const row = figures.addRow([
        m.label,
        metricValue(m, m.value),
        metricValue(m, m.previous),
        m.changePct === null ? null : m.changePct / 100,
        UNIT_WORDS[m.unit],
        METRIC_FORMULAS[m.key] ?? '',
      ]);
      row.getCell(2).numFmt = NUMBER_FORMATS[m.unit];
      row.getCell(3).numFmt = NUMBER_FORMATS[m.unit];
      row.getCell(4).numFmt = '+0.0%;-0.0%;0.0%';
      row.commit();
    }
    figures.commit();

    const monthly = workbook.addWorksheet('月度');
    monthly.columns = [
      { header: '月份', key: 'month', width: 10 },
      { header: '收案', key: 'received', width: 10 },
      { header: '结案', key: 'closed', width: 10 },
      { header: '追回金额（元）', key: 'recovered', width: 18, style: { numFmt: '#,##0.00' } },
    ];
    for (const m of view.monthly) monthly.addRow({ month: m.month, received: m.received, closed: m.closed, recovered: yuan(m.recoveredFen) }).commit();
    monthly.commit();

    const methods = workbook.addWorksheet('结案方式');
    methods.columns = [
      { header: '结案方式', key: 'method', width: 16 },
      { header: '件数', key: 'count', width: 10 },
    ];
    for (const m of view.byClosingMethod) methods.addRow({ method: closingMethodLabels[m.method], count: m.count }).commit();
    methods.commit();

    const list = workbook.addWorksheet('本期案件', { views: [{ state: 'frozen', ySplit: 1 }] });
    list.columns = [
      { header: '案号', key: 'caseNumber', width: 30 },
      { header: '收案日期', key: 'receivedOn', width: 12 },
      { header: '受理日期', key: 'acceptedOn', width: 12 },
      { header: '来源', key: 'channel', width: 14 },
      { header: '阶段', key: 'stage', width: 8 },
      { header: '状态', key: 'status', width: 10 },
      { header: '工程项目', key: 'projectName', width: 30 },
      { header: '被申请人', key: 'respondentNames', width: 36 },
      { header: '首位申请人', key: 'firstWorkerName', width: 12 },
      { header: '人数', key: 'workerCount', width: 8 },
      { header: '集体争议', key: 'isCollective', width: 9 },
      { header: '请求金额（元）', key: 'claimed', width: 16, style: { numFmt: '#,##0.00' } },
      { header: '期间内追回（元）', key: 'recovered', width: 16, style: { numFmt: '#,##0.00' } },
      { header: '结案日期', key: 'closedOn', width: 12 },
      { header: '结案方式', key: 'closingMethod', width: 12 },
      { header: '按期结案', key: 'closedOnTime', width: 9 },
      { header: '速裁目标内', key: 'closedWithinFastTrack', width: 10 },
      { header: '结案天数', key: 'daysToClose', width: 9 },
      { header: '最近期限', key: 'nextDueOn', width: 12 },
    ];
    list.getRow(1).font = { bold: true };
    const { from, to } = period;
    // Ids first (small), then rows in chunks: between chunks the event loop runs, so the zip
    // stream drains to disk and other requests on this connection are not blocked by an open cursor.
    const ids = (
      ctx.db.$client
        .prepare(`select id from cases where (received_on >= @from and received_on <= @to) or (closed_on >= @from and closed_on <= @to)
          order by received_on, id`)
        .pluck()
        .all({ from, to }) as number[]
    );
    const chunk = ctx.db.$client.prepare(`
      select c.case_number as caseNumber, c.received_on as receivedOn, c.accepted_on as acceptedOn, c.channel, c.stage, c.status,
        p.name as projectName,
        (select group_concat(o.name, '、') from case_respondents r join organisations o on o.id = r.organisation_id where r.case_id = c.id) as respondentNames,
        (select w.name from workers w where w.case_id = c.id order by w.sort_order limit 1) as firstWorkerName,
        c.worker_count as workerCount, c.is_collective as isCollective, c.claimed_total_fen as claimedTotalFen,
        (select sum(amount_fen) from payments y where y.case_id = c.id and y.paid_at >= @from and y.paid_at < @end) as recoveredFen,
        c.closed_on as closedOn, c.closing_method as closingMethod, c.closed_on_time as closedOnTime,
        c.closed_within_fast_track as closedWithinFastTrack, c.days_to_close as daysToClose, c.next_due_on as nextDueOn
      from cases c left join projects p on p.id = c.project_id
      where c.id in (select value from json_each(@ids))
      order by c.received_on, c.id`);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = chunk.all({ from, end: dayAfter(to), ids: JSON.stringify(ids.slice(i, i + CHUNK)) }) as CaseExportRow[];
      for (const r of rows) {
        list
          .addRow({
            caseNumber: r.caseNumber ?? '（未编号）',
            receivedOn: r.receivedOn,
            acceptedOn: r.acceptedOn,
            channel: channelLabels[r.channel] ?? r.channel,
            stage: stageLabels[r.stage] ?? r.stage,
            status: caseStatusLabels[r.status] ?? r.status,
            projectName: r.projectName,
            respondentNames: r.respondentNames,
            firstWorkerName: r.firstWorkerName,
            workerCount: r.workerCount,
            isCollective: r.isCollective ? '是' : '否',
            claimed: yuan(r.claimedTotalFen),
            recovered: yuan(r.recoveredFen),
            closedOn: r.closedOn,
            closingMethod: r.closingMethod ? closingMethodLabels[r.closingMethod] : null,
            closedOnTime: yesNo(r.closedOnTime),
            closedWithinFastTrack: yesNo(r.closedWithinFastTrack),
            daysToClose: r.daysToClose,
            nextDueOn: r.nextDueOn,
          })
          .commit();
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    list.commit();
    await workbook.commit();
    const handle = fs.openSync(temp, 'r');
    try {
      fs.fsyncSync(handle);
    } finally {
      fs.closeSync(handle);
    }
    fs.renameSync(temp, target);
    recordCaseListExport(ctx, ids, fileName);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return { path: target, fileName };
}
