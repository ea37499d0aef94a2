import type { DashboardMetric } from '../../../../electron/core/contract';
import { formatYuan } from '../../../../electron/core/money';

/** 1234567 → "1,234,567" (Chinese grouping as used in reports). */
export function formatCount(n: number): string {
  return n.toLocaleString('zh-CN');
}

/**
 * Amounts as a report reads them: under 10万元 in full ("8,400.00元"), up to 1亿 in 万元
 * ("118.70万元"), above in 亿元 ("1.19亿元"). The full amount is for the hover title.
 */
export function formatAmountShort(fen: number): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (abs >= 1e8) return `${(yuan / 1e8).toFixed(2)}亿元`;
  if (abs >= 1e5) return `${(yuan / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}万元`;
  return formatYuan(fen);
}

const COUNT_UNITS: Record<string, string> = { workers: '人' };

/** The figure as shown on a card, and the full form for its hover title. */
export function formatMetric(m: Pick<DashboardMetric, 'key' | 'unit'>, value: number | null): { short: string; full: string } {
  if (value === null) return { short: '—', full: '无数据' };
  switch (m.unit) {
    case 'fen':
      return { short: formatAmountShort(value), full: formatYuan(value) };
    case 'percent':
      return { short: `${value.toFixed(1)}%`, full: `${value.toFixed(1)}%` };
    case 'days':
      return { short: `${value.toFixed(1)}天`, full: `${value.toFixed(1)}天` };
    default: {
      const text = `${formatCount(value)}${COUNT_UNITS[m.key] ?? '件'}`;
      return { short: text, full: text };
    }
  }
}

/** Whether a rise is good (green), bad (red) or neither (blue). */
const POLARITY: Record<string, 1 | -1 | 0> = {
  received: 0,
  workers: 0,
  claimedFen: 0,
  recoveredFen: 1,
  closed: 1,
  onTimeRate: 1,
  mediationRate: 1,
  avgDaysToClose: -1,
  fastTrackShare: 1,
  finalAwards: 1,
  finalAwardRate: 1,
  policeTransfers: 0,
  enforcementApplications: 0,
  resolvedWarnings: 1,
  openWarnings: -1,
};

export function changeColour(key: string, changePct: number | null): string {
  if (changePct === null || changePct === 0) return 'gray';
  const polarity = POLARITY[key] ?? 0;
  if (polarity === 0) return 'blue';
  return changePct * polarity > 0 ? 'teal' : 'red';
}

/** "▲ 5.0%" / "▼ 42.6%" / "持平"; null → no comparison. */
export function formatChange(changePct: number | null): string | null {
  if (changePct === null) return null;
  if (changePct === 0) return '持平';
  return `${changePct > 0 ? '▲' : '▼'} ${Math.abs(changePct).toFixed(1)}%`;
}
