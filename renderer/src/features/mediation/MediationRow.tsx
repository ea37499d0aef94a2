import { memo } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { MediationWorkerRow, PaymentMethod } from '../../../../electron/core/contract';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { formatFen } from '../../../../electron/core/money';
import { fenToInput, instalmentStatusColors, instalmentStatusLabels, paymentMethodLabels, paymentMethodOptions } from './format';
import { InstalmentEditor } from './InstalmentEditor';
import { useCan } from '../../shell/session';
import { liveFigures } from './live';
import classes from './mediation.module.css';

export type RowCallbacks = {
  onAgreedChange: (claimItemId: number, text: string) => void;
  onAgreedBlur: () => void;
  onTerms: (workerId: number, terms: { payBy?: string | null; method?: PaymentMethod | null }) => void;
  onToggleSelect: (workerId: number) => void;
  onToggleInstalments: (workerId: number) => void;
  onPayNow: (workerId: number) => void;
  onInstalmentsSaved: (view: import('../../../../electron/core/contract').MediationView) => void;
  /** 撤回 one claim item (opens the dialog) / undo its withdrawal. */
  onWithdraw: (claimItemId: number) => void;
  onUndoWithdraw: (claimItemId: number) => void;
};

type Props = {
  caseId: number;
  index: number;
  row: MediationWorkerRow;
  /** JSON of row + drafts + errors: the memo key (rows are re-created on every reload). */
  memoKey: string;
  drafts: Record<number, string>;
  errors: Record<number, string>;
  selected: boolean;
  expanded: boolean;
  today: string;
  /** the case is closed: amounts and terms are shown, not editable */
  locked: boolean;
  callbacks: RowCallbacks;
};

/** One worker at the mediation table: claim items with agreed amounts, terms, paid and balance. */
export const MediationRow = memo(
  function MediationRow({ caseId, index, row, drafts, errors, selected, expanded, today, locked, callbacks }: Props) {
    const live = liveFigures(row, drafts);
    const firstAgreed = row.claims.find((c) => c.agreedFen !== null) ?? row.claims[0];
    const payBy = firstAgreed?.payBy ?? '';
    const method = firstAgreed?.method ?? '';
    const settled = live.agreedFen > 0 && live.balanceFen === 0;
    const can = useCan();
    const agreeing = can('mediation.setAgreed');
    const withdrawing = can('mediation.withdrawClaims') && !locked;
    return (
      <div className={`${classes.row} ${settled ? classes.rowSettled : ''}`} data-testid={`mediation-row-${index}`} role="row">
        <Checkbox mt={6} disabled={!can('mediation.settleWagesFirst')} checked={selected} onChange={() => callbacks.onToggleSelect(row.workerId)} aria-label={`选择${row.name}`} data-testid={`select-worker-${index}`} />
        <Text size="sm" c="dimmed" className={classes.cellLine}>
          {index + 1}
        </Text>
        <div>
          <Text size="sm" fw={600} className={classes.cellLine}>
            {row.name}
          </Text>
          {row.bankCard && (
            <Text size="xs" c="dimmed">
              卡尾号 {row.bankCard.slice(-4)}
            </Text>
          )}
        </div>
        <Stack gap={4}>
          {row.claims.map((c, k) => {
            const draft = drafts[c.claimItemId];
            if (c.withdrawal) {
              return (
                <div key={c.claimItemId} className={`${classes.claim} ${classes.claimWithdrawn}`} data-testid={`claim-withdrawn-${index}-${k}`}>
                  <Text size="xs" td="line-through" c="dimmed" className={classes.cellLine}>
                    {claimTypeLabels[c.type]}
                  </Text>
                  <Text size="sm" td="line-through" c="dimmed" className={classes.money}>
                    {formatFen(c.claimedFen)}
                  </Text>
                  <Badge size="sm" color="gray" variant="light" title={`${c.withdrawal.applicantName}于${c.withdrawal.withdrawnOn}申请撤回${c.withdrawal.reason ? `：${c.withdrawal.reason}` : ''}`}>
                    已撤回 {c.withdrawal.withdrawnOn.slice(5).replace('-', '/')}
                  </Badge>
                  {withdrawing ? (
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => callbacks.onUndoWithdraw(c.claimItemId)} data-testid={`undo-withdraw-${index}-${k}`}>
                      撤销
                    </Button>
                  ) : (
                    <span />
                  )}
                </div>
              );
            }
            return (
              <div key={c.claimItemId} className={classes.claim}>
                <Text size="xs" className={classes.cellLine} title={c.track === 'inspection' ? '监察' : '仲裁'}>
                  {claimTypeLabels[c.type]}
                </Text>
                <Text size="sm" className={classes.money} data-testid={`claimed-${index}-${k}`}>
                  {formatFen(c.claimedFen)}
                </Text>
                <TextInput
                  size="xs"
                  value={draft ?? fenToInput(c.agreedFen)}
                  placeholder="待开庭"
                  readOnly={locked}
                  disabled={!agreeing}
                  onChange={(e) => callbacks.onAgreedChange(c.claimItemId, e.currentTarget.value)}
                  onBlur={callbacks.onAgreedBlur}
                  error={errors[c.claimItemId]}
                  data-error={errors[c.claimItemId] ? 'true' : undefined}
                  aria-label={`${row.name} ${claimTypeLabels[c.type]} 调解金额`}
                  data-testid={`agreed-${index}-${k}`}
                  styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                />
                {withdrawing && c.agreedFen === null && draft === undefined ? (
                  <Button size="compact-xs" variant="subtle" color="orange" onClick={() => callbacks.onWithdraw(c.claimItemId)} aria-label={`撤回${row.name}的${claimTypeLabels[c.type]}请求`} data-testid={`withdraw-${index}-${k}`}>
                    撤回
                  </Button>
                ) : (
                  <span />
                )}
              </div>
            );
          })}
        </Stack>
        <TextInput
          size="xs"
          type="date"
          value={payBy}
          readOnly={locked}
          disabled={!agreeing}
          onChange={(e) => callbacks.onTerms(row.workerId, { payBy: e.currentTarget.value || null })}
          aria-label={`${row.name} 履行期限`}
        />
        <NativeSelect
          size="xs"
          value={method}
          data={[{ value: '', label: '（未定）' }, ...paymentMethodOptions]}
          disabled={locked || !agreeing}
          onChange={(e) => callbacks.onTerms(row.workerId, { method: (e.currentTarget.value || null) as PaymentMethod | null })}
          aria-label={`${row.name} 支付方式`}
        />
        <div>
          <Text size="sm" className={classes.money} data-testid={`paid-${index}`}>
            {formatFen(row.paidFen)}
          </Text>
          {row.payments.length > 0 && (
            <Text size="xs" c="dimmed" ta="right" data-testid={`paid-method-${index}`}>
              {[...new Set(row.payments.map((p) => paymentMethodLabels[p.method]))].join('、')}
              {row.payments.length > 1 ? ` · ${row.payments.length}笔` : ''}
            </Text>
          )}
        </div>
        <Text size="sm" fw={700} className={classes.money} c={live.balanceFen > 0 ? 'red.8' : 'green.8'} data-testid={`balance-${index}`}>
          {formatFen(live.balanceFen)}
        </Text>
        <Group gap={4} wrap="nowrap">
          {can('mediation.recordPayment') && (
            <Button size="compact-xs" onClick={() => callbacks.onPayNow(row.workerId)} disabled={live.balanceFen === 0} data-testid={`pay-now-${index}`}>
              当场支付
            </Button>
          )}
          {can('mediation.setInstalments') && <Button
            size="compact-xs"
            variant={expanded ? 'filled' : 'light'}
            color="grape"
            onClick={() => callbacks.onToggleInstalments(row.workerId)}
            disabled={locked || (live.balanceFen === 0 && row.instalments.length === 0)}
            data-testid={`instalments-toggle-${index}`}
          >
            分期{row.instalments.length ? `（${row.instalments.length}期）` : ''}
          </Button>}
        </Group>
        {(expanded || row.instalments.length > 0) && (
          <div className={classes.instalments} data-testid={`instalments-${index}`}>
            {expanded ? (
              <InstalmentEditor caseId={caseId} row={row} today={today} onSaved={callbacks.onInstalmentsSaved} onClose={() => callbacks.onToggleInstalments(row.workerId)} />
            ) : (
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  分期履行：
                </Text>
                {row.instalments.map((i) => (
                  <Badge key={i.id} size="sm" variant="light" color={instalmentStatusColors[i.status]}>
                    第{i.seq}期 {i.dueOn} {formatFen(i.amountFen)}元 · {instalmentStatusLabels[i.status]}
                  </Badge>
                ))}
              </Group>
            )}
          </div>
        )}
      </div>
    );
  },
  (a, b) => a.memoKey === b.memoKey && a.selected === b.selected && a.expanded === b.expanded && a.index === b.index && a.callbacks === b.callbacks && a.today === b.today && a.locked === b.locked,
);
