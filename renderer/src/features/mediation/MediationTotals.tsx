import { Group, Paper, Text } from '@mantine/core';
import { formatFen } from '../../../../electron/core/money';
import type { SettlementTotals } from '../../../../electron/core/settlement';
import classes from './mediation.module.css';

function Figure({ label, fen, color, testId }: { label: string; fen: number; color?: string; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text className={classes.totalValue} c={color} data-testid={testId}>
        {formatFen(fen)}
      </Text>
    </div>
  );
}

/** Always-visible totals of the settlement proposal (sticky under the header). */
export function MediationTotals({ totals, workers }: { totals: SettlementTotals; workers: number }) {
  return (
    <Paper withBorder p="xs" px="md" className={classes.totals} data-testid="mediation-totals">
      <Group gap="xl" wrap="wrap">
        <Figure label="请求金额（元）" fen={totals.claimedFen} testId="totals-claimed" />
        <Figure label="调解金额（元）" fen={totals.agreedFen} testId="totals-agreed" color="blue.8" />
        <Figure label="让步差额（元）" fen={totals.differenceFen} testId="totals-difference" color="orange.8" />
        <Figure label="已付（元）" fen={totals.paidFen} testId="totals-paid" color="green.8" />
        <Figure label="未付余额（元）" fen={totals.balanceFen} testId="totals-balance" color={totals.balanceFen > 0 ? 'red.8' : 'green.8'} />
        <div>
          <Text size="xs" c="dimmed">
            已达成调解
          </Text>
          <Text className={classes.totalValue} data-testid="totals-settled">
            {totals.settledWorkers} / {workers} 人
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
