import { memo } from 'react';
import { Badge, Table, Text, TextInput } from '@mantine/core';
import type { AwardItemView } from '../../../../electron/core/contract';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { formatFen, sumFen } from '../../../../electron/core/money';

export function FinalBadge({ item }: { item: AwardItemView }) {
  const testId = `award-final-${item.claimItemId}`;
  if (item.isFinal === null)
    return (
      <Badge color="gray" variant="outline" data-testid={testId} data-final="unknown">
        待定
      </Badge>
    );
  return item.isFinal ? (
    <Badge color="teal" data-testid={testId} data-final="true">
      终局
    </Badge>
  ) : (
    <Badge color="orange" data-testid={testId} data-final="false">
      非终局
    </Badge>
  );
}

type Props = {
  items: AwardItemView[];
  drafts: Record<number, string>;
  errors: Record<number, string>;
  disabled: boolean;
  onChange: (claimItemId: number, text: string) => void;
  onBlur: () => void;
};

/** Per worker × claim item: claimed, awarded (yuan, typed), and the item's finality; totals below. */
export const AwardItemsTable = memo(function AwardItemsTable({ items, drafts, errors, disabled, onChange, onBlur }: Props) {
  const byWorker = new Map<number, AwardItemView[]>();
  for (const item of items) byWorker.set(item.workerId, [...(byWorker.get(item.workerId) ?? []), item]);
  const awarded = (i: AwardItemView) => i.awardedFen ?? 0;
  const totals = {
    claimed: sumFen(items.map((i) => i.claimedFen)),
    awarded: sumFen(items.map(awarded)),
    final: sumFen(items.filter((i) => i.isFinal === true).map(awarded)),
    nonFinal: sumFen(items.filter((i) => i.isFinal === false).map(awarded)),
    undecided: items.filter((i) => i.awardedFen === null).length,
  };
  let seq = 0;
  return (
    <Table verticalSpacing={4} withTableBorder withColumnBorders data-testid="award-items">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>序号</Table.Th>
          <Table.Th w={110}>申请人</Table.Th>
          <Table.Th w={110}>请求事项</Table.Th>
          <Table.Th w={130} ta="right">请求金额（元）</Table.Th>
          <Table.Th w={220}>裁决金额（元）</Table.Th>
          <Table.Th w={260}>终局性（按裁决数额逐项判断）</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...byWorker.values()].map((rows) => {
          seq += 1;
          return rows.map((item, i) => (
            <Table.Tr key={item.claimItemId} data-testid={`award-item-${item.claimItemId}`}>
              {i === 0 && (
                <>
                  <Table.Td rowSpan={rows.length} ta="center">
                    {seq}
                  </Table.Td>
                  <Table.Td rowSpan={rows.length} fw={500}>
                    {item.workerName}
                  </Table.Td>
                </>
              )}
              <Table.Td>{claimTypeLabels[item.type]}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatFen(item.claimedFen)}
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  value={drafts[item.claimItemId] ?? (item.awardedFen === null ? '' : formatFen(item.awardedFen).replaceAll(',', ''))}
                  placeholder="未裁决"
                  error={errors[item.claimItemId] || undefined}
                  disabled={disabled}
                  onChange={(e) => onChange(item.claimItemId, e.currentTarget.value)}
                  onBlur={onBlur}
                  aria-label={`${item.workerName}${claimTypeLabels[item.type]}裁决金额`}
                  data-testid={`award-amount-${item.claimItemId}`}
                  styles={{ input: { textAlign: 'right', fontFamily: 'monospace' } }}
                />
              </Table.Td>
              <Table.Td>
                <FinalBadge item={item} />
                {item.finalReason && (
                  <Text size="xs" c="dimmed" mt={2} data-testid={`award-final-reason-${item.claimItemId}`}>
                    {item.finalReason}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ));
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr data-testid="award-totals">
          <Table.Th colSpan={3}>合计（{byWorker.size}人，{items.length}项{totals.undecided ? `，${totals.undecided}项未裁决` : ''}）</Table.Th>
          <Table.Th ta="right" ff="monospace">
            {formatFen(totals.claimed)}
          </Table.Th>
          <Table.Th ff="monospace" ta="right">
            {formatFen(totals.awarded)}
          </Table.Th>
          <Table.Th>
            <Text size="xs">终局 {formatFen(totals.final)}</Text>
            <Text size="xs">非终局 {formatFen(totals.nonFinal)}</Text>
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
});
