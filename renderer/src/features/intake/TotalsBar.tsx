/**
 * The sticky bar at the bottom of the intake page: head count, claimed total, problems, the
 * autosave state, and 「保存收案」 (disabled with its reason while anything blocks it).
 */
import { memo } from 'react';
import { Alert, Button, Group, Paper, Text, Tooltip } from '@mantine/core';
import type { ClaimsSummary } from './extraClaims';
import { formatAmount, type WorkerSummary } from './workerProblems';
import type { SaveState } from './useIntakeDraft';

type Props = {
  summary: WorkerSummary;
  /** the workers' extra claims (加班费、经济补偿…): their valid amounts count in the total */
  claims: ClaimsSummary;
  /** every blocking problem, one line each */
  blocking: string[];
  /** errors in the whole form (grid cells + other fields) */
  errorCount: number;
  /** required fields still empty */
  missingCount: number;
  saving: boolean;
  saveError: string | null;
  saveState: SaveState;
  onSave: () => void;
  onClear: () => void;
  onShowError: () => void;
  onDismissError: () => void;
};

export const TotalsBar = memo(function TotalsBar({
  summary,
  claims,
  blocking,
  errorCount,
  missingCount,
  saving,
  saveError,
  saveState,
  onSave,
  onClear,
  onShowError,
  onDismissError,
}: Props) {
  const blocked = blocking.length > 0;
  const reason = blocked ? `尚不能保存：${blocking[0]}${blocking.length > 1 ? `（另有${blocking.length - 1}项）` : ''}` : '';
  return (
    <Paper
      withBorder
      shadow="md"
      p="sm"
      data-testid="totals-bar"
      style={{ position: 'sticky', bottom: 0, zIndex: 20, background: 'var(--mantine-color-body)' }}
    >
      {saveError && (
        <Alert
          color="red"
          variant="light"
          title="保存失败，已填写的内容仍保留"
          withCloseButton
          onClose={onDismissError}
          mb="xs"
          data-testid="save-error"
        >
          {saveError}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Group gap="lg" wrap="nowrap">
          <Text fw={600} data-testid="totals-workers">
            申请人 {summary.filled} 人
          </Text>
          <Text
            fw={600}
            data-testid="totals-amount"
            title={
              claims.count
                ? `欠发工资 ${formatAmount(summary.owedFen)} + 其他请求 ${claims.count} 项 ${formatAmount(claims.totalFen)}`
                : undefined
            }
          >
            请求金额合计 <span className="num">{formatAmount(summary.owedFen + claims.totalFen)}</span>
            {claims.count > 0 && (
              <Text span size="xs" c="dimmed" fw={400} ml={6} data-testid="totals-extra-claims">
                （含其他请求 {formatAmount(claims.totalFen)}）
              </Text>
            )}
            {summary.filled > summary.valid && (
              <Text span size="xs" c="orange.8" fw={500} ml={6} data-testid="totals-left-out">
                （另有 {summary.filled - summary.valid} 人的金额因有误未计入）
              </Text>
            )}
          </Text>
          <Text
            size="sm"
            c={errorCount ? 'red.7' : 'dimmed'}
            data-testid="totals-errors"
            style={{ cursor: errorCount || missingCount ? 'pointer' : undefined }}
            onClick={onShowError}
            title="点击定位到第一处错误"
          >
            错误 {errorCount} 处
            {missingCount ? ` · 待填 ${missingCount} 项` : ''}
            {summary.warningCount ? ` · 提示 ${summary.warningCount} 处` : ''}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Text size="xs" c={saveState === 'failed' ? 'red' : 'dimmed'} data-testid="autosave-state">
            {saveState === 'failed' ? '草稿无法保存到本机' : saveState === 'pending' ? '草稿保存中…' : '草稿已自动保存'}
          </Text>
          <Button variant="subtle" color="gray" onClick={onClear} data-testid="clear-draft">
            清空草稿
          </Button>
          {blocked && (
            <Text size="sm" c="red.7" maw={380} lineClamp={2} data-testid="save-blocked-reason" title={blocking.join('\n')}>
              {reason}
            </Text>
          )}
          <Tooltip label={blocking.slice(0, 8).join('\n')} disabled={!blocked} multiline maw={420} style={{ whiteSpace: 'pre-line' }}>
            <span>
              <Button onClick={onSave} disabled={blocked} loading={saving} data-testid="save-case" title={reason || '保存收案（Ctrl+S）'}>
                保存收案
              </Button>
            </span>
          </Tooltip>
        </Group>
      </Group>
    </Paper>
  );
});
