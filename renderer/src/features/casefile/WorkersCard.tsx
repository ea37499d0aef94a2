import { memo, useRef } from 'react';
import { Badge, Paper, Table, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseDetail, WorkerView } from '../../../../electron/core/contract';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { formatFen } from '../../../../electron/core/money';
import { PlainBadge } from '../../ui/PlainBadge';

const money = (fen: number | null) => (fen === null ? '—' : formatFen(fen));
const ROW_HEIGHT = 37;
const COLUMNS = 10;

/** Workers and their claim items, with totals. Only the rows in view are drawn (a roster may list thousands). */
export function WorkersCard({ detail }: { detail: CaseDetail }) {
  const totals = detail.workers.reduce(
    (t, w) => ({ due: t.due + (w.dueFen ?? 0), paid: t.paid + (w.paidFen ?? 0), owed: t.owed + w.owedFen }),
    { due: 0, paid: 0, owed: 0 },
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: detail.workers.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        申请人（{detail.workers.length}人）{detail.isCollective && <Badge color="grape" ml="xs">集体争议</Badge>}
      </Title>
      <div ref={scrollRef} style={{ maxHeight: 480, overflow: 'auto' }}>
        <Table stickyHeader data-testid="workers">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>序号</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th>身份证号码</Table.Th>
              <Table.Th>联系电话</Table.Th>
              <Table.Th>工种</Table.Th>
              <Table.Th className="num">出勤天数</Table.Th>
              <Table.Th className="num">应发（元）</Table.Th>
              <Table.Th className="num">已发（元）</Table.Th>
              <Table.Th className="num">欠发（元）</Table.Th>
              <Table.Th>其他请求</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {before > 0 && <tr aria-hidden style={{ height: before }}><td colSpan={COLUMNS} /></tr>}
            {items.map((item) => (
              <WorkerRow key={detail.workers[item.index]!.id} worker={detail.workers[item.index]!} index={item.index} measure={virtualizer.measureElement} />
            ))}
            {after > 0 && <tr aria-hidden style={{ height: after }}><td colSpan={COLUMNS} /></tr>}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={600}>
              <Table.Td colSpan={6}>合计</Table.Td>
              <Table.Td className="num">{formatFen(totals.due)}</Table.Td>
              <Table.Td className="num">{formatFen(totals.paid)}</Table.Td>
              <Table.Td className="num">{formatFen(totals.owed)}</Table.Td>
              <Table.Td>请求总额 {formatFen(detail.claimedTotalFen)}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
    </Paper>
  );
}

const TR = `${Table.classes.tr} mantine-Table-tr`;
const TD = `${Table.classes.td} mantine-Table-td`;
const STRIPE = { background: 'var(--mantine-color-gray-0)' };
const BESIDE_NAME = { marginLeft: 'calc(0.25rem * var(--mantine-scale))' };

/**
 * One worker's row as the plain elements Mantine's Table.Tr/Td draw (their classes and attributes):
 * the same look, without a themed component for each of its ten cells.
 */
const WorkerRow = memo(function WorkerRow({ worker: w, index, measure }: { worker: WorkerView; index: number; measure: (node: Element | null) => void }) {
  return (
    <tr className={TR} data-with-row-border="true" data-index={index} ref={measure} style={index % 2 ? undefined : STRIPE}>
      <td className={TD}>{index + 1}</td>
      <td className={TD}>
        {w.name}
        {w.isRepresentative && <PlainBadge color="red" size="xs" style={BESIDE_NAME}>代表人</PlainBadge>}
      </td>
      <td className={`${TD} mono`}>{w.idNumber}</td>
      <td className={`${TD} mono`}>{w.phone ?? '—'}</td>
      <td className={TD}>{w.jobType ?? '—'}</td>
      <td className={`${TD} num`}>{w.daysWorked ?? '—'}</td>
      <td className={`${TD} num`}>{money(w.dueFen)}</td>
      <td className={`${TD} num`}>{money(w.paidFen)}</td>
      <td className={`${TD} num`}>{formatFen(w.owedFen)}</td>
      <td className={TD}>
        {w.claims
          .filter((c) => c.type !== 'unpaidWages')
          .map((c) => `${claimTypeLabels[c.type]} ${formatFen(c.amountFen)}`)
          .join('；') || '—'}
      </td>
    </tr>
  );
});
