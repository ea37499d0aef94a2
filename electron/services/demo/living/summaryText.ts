/** The living demo's part of the printed summary (npm run demo). */
import type { LivingSummary } from './index';
import type { Story } from './stories';
import { COMMISSION, DEMO_MINIMUM_WAGES } from './settingsStaff';
import { formatYuan } from '../../../core/money';

const storyLabels: Record<Story, string> = {
  closedAward: '裁决结案（非终局或部分终局）',
  closedFinalAward: '裁决结案（终局）',
  closedMediation: '调解结案',
  closedWithdrawal: '撤回结案',
  heard: '已开庭待裁决/待结案',
  hearingUpcoming: '本周及以后开庭',
  hearingShortNotice: '开庭通知期不足（预警）',
  mediationInstalments: '调解分期履行中',
  mediationOpen: '调解中',
  inspectionOrder: '监察限期改正',
};
const warningLabels: Record<string, string> = { instalmentOverdue: '分期逾期', awardUnpaid: '裁决未履行', correctionOverdue: '限期改正逾期' };

/** What the living part made that costs time per case: documents and evidence files. */
export function livingMade(s: LivingSummary): { documents: number; evidence: number } {
  const made = Object.entries(s.made);
  return { documents: made.filter(([k]) => k.startsWith('文书：')).reduce((a, [, n]) => a + n, 0), evidence: s.made['证据'] ?? 0 };
}

export function livingSummaryLines(s: LivingSummary): string[] {
  const join = (entries: [string, number][]) => entries.map(([k, n]) => `${k} ${n}`).join('，');
  const made = Object.entries(s.made);
  const docs = made.filter(([k]) => k.startsWith('文书：')).map(([k, n]) => [k.slice(3), n] as [string, number]);
  return [
    `设置：${COMMISSION.commissionName}，${COMMISSION.commissionAddress}，${COMMISSION.commissionPhone}；最低工资标准 ${DEMO_MINIMUM_WAGES.map((w) => `${w.effectiveOn}起${formatYuan(w.monthlyFen)}`).join('、')}（演示数据，使用前请按本省公布的标准核对）`,
    `人员：仲裁员 ${s.staff.arbitrators} 名，书记员 ${s.staff.clerks} 名，监察员 ${s.staff.inspectors} 名，调解员 ${s.staff.mediators} 名；仲裁庭 ${s.staff.rooms} 间${s.demoPassword ? `；演示账号初始密码 ${s.demoPassword}` : ''}`,
    `全流程案件 ${s.cases} 件（最近受理的案件及最大的集体案件）：${join(Object.entries(s.byStory).map(([k, n]) => [storyLabels[k as Story], n!]))}`,
    `文书 ${docs.reduce((a, [, n]) => a + n, 0)} 份：${join(docs)}；送达记录 ${s.made['送达记录'] ?? 0} 条`,
    `其他：${join(made.filter(([k]) => !k.startsWith('文书：') && k !== '送达记录'))}`,
    `未处理预警：${join(Object.entries(s.openWarnings).map(([k, n]) => [warningLabels[k] ?? k, n])) || '无'}`,
    `全流程用时 ${(s.elapsedMs / 1000).toFixed(1)}s（CPU ${(s.cpuMs / 1000).toFixed(1)}s），其中 ${Object.entries(s.timings)
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 6)
      .map(([m, t]) => `${m} ${t.calls}次 ${(t.ms / 1000).toFixed(1)}s`)
      .join('；')}`,
  ];
}
