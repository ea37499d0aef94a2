import { memo, type ReactNode } from 'react';
import { Text as MantineText } from '@mantine/core';
import type { CaseRow } from '../../../../electron/core/contract';
import { caseStatusLabels, channelLabels, stageLabels } from '../../../../electron/core/domain';
import { formatFen } from '../../../../electron/core/money';
import { DueBadge } from '../../ui/DueBadge';
import { PlainBadge } from '../../ui/PlainBadge';
import css from './CaseListRow.module.css';

export const ROW_HEIGHT = 56;

export function CaseListHeader() {
  return (
    <div className={`${css.grid} ${css.header}`}>
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

const TEXT_ROOT = `mantine-focus-auto ${MantineText.classes.root} mantine-Text-root`;

/** Mantine's Text as the paragraph it draws (a row draws a dozen: no themed component for each). */
function Cell({ size = 'sm', clamp, className = '', children }: { size?: 'sm' | 'xs'; clamp?: 1 | 2; className?: string; children: ReactNode }) {
  const classes = `${TEXT_ROOT} ${css[size]} ${clamp ? css[`clamp${clamp}`] : ''} ${className}`;
  return (
    <p className={classes} data-size={size} data-line-clamp={clamp ? true : undefined}>
      {children}
    </p>
  );
}

export const CaseListRow = memo(function CaseListRow(props: { row: CaseRow | undefined; top: number; onOpen: (id: number) => void }) {
  const { row, top } = props;
  const className = `${css.grid} ${css.row}`;
  if (!row)
    return (
      <div className={className} style={{ top }}>
        <Cell className={css.dimmed}>加载中…</Cell>
      </div>
    );
  return (
    <div
      className={className}
      style={{ top }}
      role="link"
      tabIndex={0}
      data-testid="case-row"
      onClick={() => props.onOpen(row.id)}
      onKeyDown={(e) => e.key === 'Enter' && props.onOpen(row.id)}
    >
      <div>
        {!row.hasArbitration ? (
          <PlainBadge color="teal" variant="light">监察投诉</PlainBadge>
        ) : row.caseNumber ? (
          <Cell clamp={1} className={css.strong}>{row.caseNumber}</Cell>
        ) : (
          <PlainBadge color={row.status === 'rejected' ? 'gray' : 'orange'} variant="light">{caseStatusLabels[row.status]}</PlainBadge>
        )}
        <Cell size="xs" className={css.dimmed}>{channelLabels[row.channel]}</Cell>
      </div>
      <Cell>{row.receivedOn}</Cell>
      <PlainBadge color="red" variant="outline">{stageLabels[row.stage]}</PlainBadge>
      <div className={css.workers}>
        <Cell clamp={1}>
          {row.firstWorkerName}
          {row.workerCount > 1 ? `等${row.workerCount}人` : ''}
        </Cell>
        {row.isCollective && <PlainBadge size="xs" color="grape">集体</PlainBadge>}
      </div>
      <Cell clamp={2}>{row.respondentNames}</Cell>
      <Cell clamp={2}>{row.projectName}</Cell>
      <Cell className="num">{formatFen(row.claimedTotalFen)}</Cell>
      <DueBadge dueOn={row.nextDueOn} status={row.status} />
    </div>
  );
});
