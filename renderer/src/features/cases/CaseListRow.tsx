import { memo } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import type { CaseRow } from '../../../../electron/core/contract';
import { caseStatusLabels, channelLabels, stageLabels } from '../../../../electron/core/domain';
import { formatFen } from '../../../../electron/core/money';
import { DueBadge } from '../../ui/DueBadge';

export const ROW_HEIGHT = 56;
const columns = '220px 96px 70px 150px 1fr 1fr 120px 130px';

export function CaseListHeader() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, padding: '8px 12px', borderBottom: '1px solid var(--mantine-color-gray-3)', fontWeight: 600, fontSize: 14 }}>
      <span>案号</span>
      <span>收案日期</span>
      <span>阶段</span>
      <span>申请人</span>
      <span>被申请人</span>
      <span>工程项目</span>
      <span style={{ textAlign: 'right' }}>请求金额（元）</span>
      <span>最近期限</span>
    </div>
  );
}

export const CaseListRow = memo(function CaseListRow(props: { row: CaseRow | undefined; top: number; onOpen: (id: number) => void }) {
  const { row, top } = props;
  const style = {
    position: 'absolute' as const,
    top,
    left: 0,
    right: 0,
    height: ROW_HEIGHT,
    display: 'grid',
    gridTemplateColumns: columns,
    gap: 8,
    padding: '0 12px',
    alignItems: 'center',
    borderBottom: '1px solid var(--mantine-color-gray-2)',
    cursor: row ? 'pointer' : 'default',
    fontSize: 14,
  };
  if (!row) return <div style={style}><Text c="dimmed" size="sm">加载中…</Text></div>;
  return (
    <div
      style={style}
      role="link"
      tabIndex={0}
      data-testid="case-row"
      onClick={() => props.onOpen(row.id)}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen(row.id)}
    >
      <div>
        {!row.hasArbitration ? (
          <Badge color="teal" variant="light">监察投诉</Badge>
        ) : row.caseNumber ? (
          <Text size="sm" fw={500} lineClamp={1}>{row.caseNumber}</Text>
        ) : (
          <Badge color={row.status === 'rejected' ? 'gray' : 'orange'} variant="light">{caseStatusLabels[row.status]}</Badge>
        )}
        <Text size="xs" c="dimmed">{channelLabels[row.channel]}</Text>
      </div>
      <Text size="sm">{row.receivedOn}</Text>
      <Badge variant="outline">{stageLabels[row.stage]}</Badge>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" lineClamp={1}>
          {row.firstWorkerName}
          {row.workerCount > 1 ? `等${row.workerCount}人` : ''}
        </Text>
        {row.isCollective && <Badge size="xs" color="grape">集体</Badge>}
      </Group>
      <Text size="sm" lineClamp={2}>{row.respondentNames}</Text>
      <Text size="sm" lineClamp={2}>{row.projectName}</Text>
      <Text size="sm" className="num">{formatFen(row.claimedTotalFen)}</Text>
      <DueBadge dueOn={row.nextDueOn} status={row.status} />
    </div>
  );
});
