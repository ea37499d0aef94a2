import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { MediationView, MediationWorkerRow } from '../../../../electron/core/contract';
import { addDays } from '../../../../electron/core/dates';
import { formatFen, formatYuan, parseYuanToFen, sumFen } from '../../../../electron/core/money';
import { instalmentPlanProblems } from '../../../../electron/core/settlement';
import { call } from '../../api';
import { useBusyCall } from '../../ui/useSubmit';
import { fenToInput, instalmentStatusColors, instalmentStatusLabels } from './format';
import { nextWorkdays } from '../calendar/workdays';

type Line = { dueOn: string; yuan: string };

/** Same day of the month, n months on (clamped to the month's end), as YYYY-MM-DD. */
function monthsLater(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * One worker's instalment plan (分期履行). Instalments that already carry payments stay as they are;
 * the new ones must add up to the rest of the balance — the difference is shown while typing.
 */
export function InstalmentEditor({ caseId, row, today, onSaved, onClose }: { caseId: number; row: MediationWorkerRow; today: string; onSaved: (view: MediationView) => void; onClose: () => void }) {
  const kept = row.instalments.filter((i) => i.paidFen > 0);
  const keptRemainingFen = sumFen(kept.map((i) => Math.max(0, i.amountFen - i.paidFen)));
  const neededFen = Math.max(0, row.balanceFen - keptRemainingFen);
  const [lines, setLines] = useState<Line[]>(() => row.instalments.filter((i) => i.paidFen === 0).map((i) => ({ dueOn: i.dueOn, yuan: fenToInput(i.amountFen) })));
  const { error, busy, run } = useBusyCall();

  const parsed = lines.map((l) => parseYuanToFen(l.yuan));
  const lineErrors = parsed.map((p) => (p.ok ? (p.fen > 0 ? null : '金额须大于0') : p.message));
  const sumNew = sumFen(parsed.map((p) => (p.ok ? p.fen : 0)));
  const differenceFen = neededFen - sumNew;
  const plan = lines.map((l, i) => ({ dueOn: l.dueOn, amountFen: parsed[i].ok ? (parsed[i] as { fen: number }).fen : 0 }));
  const problems = lines.length ? instalmentPlanProblems(row.name, plan, row.balanceFen, keptRemainingFen, today) : [];
  const incomplete = lines.some((l) => !l.dueOn) || lineErrors.some(Boolean);

  const [moved, setMoved] = useState<string[]>([]);
  /** Monthly dates from tomorrow, each moved off a weekend or holiday (saying which and why). */
  const split = async (n: number) => {
    const base = Math.floor(neededFen / n);
    const raw = Array.from({ length: n }, (_, i) => monthsLater(addDays(today, 1), i + 1));
    const days = await nextWorkdays(raw).catch(() => raw.map((date) => ({ date, workday: date, skipped: null })));
    setMoved(days.filter((d) => d.skipped).map((d) => `${d.date}（${d.skipped}）顺延至${d.workday}`));
    setLines(days.map((d, i) => ({ dueOn: d.workday, yuan: fenToInput(i === n - 1 ? neededFen - base * (n - 1) : base) })));
  };
  const addLine = async () => {
    const raw = lines.length ? monthsLater(lines[lines.length - 1]!.dueOn, 1) : monthsLater(today, 1);
    const [d] = await nextWorkdays([raw]).catch(() => [{ date: raw, workday: raw, skipped: null }]);
    if (d?.skipped) setMoved((m) => [...m, `${d.date}（${d.skipped}）顺延至${d.workday}`]);
    setLines((prev) => [...prev, { dueOn: d?.workday ?? raw, yuan: '' }]);
  };
  const save = (next: Line[]) =>
    run(async () => {
      const view = await call('mediation.setInstalments', {
        caseId,
        workerId: row.workerId,
        instalments: [
          ...kept.map((i) => ({ dueOn: i.dueOn, amountFen: i.amountFen })),
          ...next.map((l) => ({ dueOn: l.dueOn, amountFen: (parseYuanToFen(l.yuan) as { fen: number }).fen })),
        ],
      });
      onSaved(view);
      onClose();
    });

  return (
    <Paper withBorder p="sm" bg="grape.0" data-testid="instalment-editor">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {row.name} · 分期履行计划
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              应分期金额
            </Text>
            <Text size="sm" fw={700}>
              {formatYuan(neededFen)}
            </Text>
            <Button size="compact-xs" variant="light" onClick={() => void split(2)} disabled={neededFen === 0} data-testid="instalments-split-2">
              平均分2期
            </Button>
            <Button size="compact-xs" variant="light" onClick={() => void split(3)} disabled={neededFen === 0}>
              平均分3期
            </Button>
          </Group>
        </Group>
        {moved.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="instalment-moved">
            遇休息日顺延：{moved.join('；')}
          </Text>
        )}
        {kept.map((i) => (
          <Group key={i.id} gap="xs">
            <Badge variant="light" color={instalmentStatusColors[i.status]}>
              第{i.seq}期 {i.dueOn} {formatFen(i.amountFen)}元 · 已付{formatFen(i.paidFen)}元 · {instalmentStatusLabels[i.status]}（已有付款，保留）
            </Badge>
          </Group>
        ))}
        {lines.map((l, i) => (
          <Group key={i} gap="xs" align="flex-start">
            <Text size="sm" w={60} lh="30px">
              第{kept.length + i + 1}期
            </Text>
            <TextInput
              size="xs"
              type="date"
              value={l.dueOn}
              onChange={(e) => {
                const dueOn = e.currentTarget.value;
                setLines(lines.map((x, j) => (j === i ? { ...x, dueOn } : x)));
              }}
              aria-label={`第${kept.length + i + 1}期履行日期`}
              data-testid={`instalment-due-${i}`}
            />
            <TextInput
              size="xs"
              value={l.yuan}
              onChange={(e) => {
                const yuan = e.currentTarget.value;
                setLines(lines.map((x, j) => (j === i ? { ...x, yuan } : x)));
              }}
              error={l.yuan ? lineErrors[i] : null}
              rightSection={<Text size="xs">元</Text>}
              aria-label={`第${kept.length + i + 1}期金额`}
              data-testid={`instalment-amount-${i}`}
              styles={{ input: { textAlign: 'right' } }}
            />
            <ActionIcon variant="subtle" color="red" mt={2} onClick={() => setLines(lines.filter((_, j) => j !== i))} aria-label={`删除第${kept.length + i + 1}期`}>
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Group gap="xs">
            <Button size="compact-sm" variant="default" onClick={() => void addLine()} data-testid="instalment-add">
              添加一期
            </Button>
            <Text size="sm" data-testid="instalment-difference" c={differenceFen === 0 ? 'green.8' : 'orange.8'}>
              已填 {formatYuan(sumNew)} · {differenceFen === 0 ? '与应分期金额相符' : differenceFen > 0 ? `还差 ${formatYuan(differenceFen)}` : `超出 ${formatYuan(-differenceFen)}`}
            </Text>
          </Group>
          <Group gap="xs">
            {row.instalments.length > 0 && (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => void save([])} loading={busy} disabled={kept.length > 0}>
                取消分期
              </Button>
            )}
            <Button size="compact-sm" variant="default" onClick={onClose}>
              收起
            </Button>
            <Button size="compact-sm" color="grape" onClick={() => void save(lines)} loading={busy} disabled={!lines.length || incomplete || problems.length > 0} data-testid="instalment-save">
              保存分期
            </Button>
          </Group>
        </Group>
        {lines.length > 0 && !incomplete && problems.length > 0 && (
          <Alert color="orange" p="xs">
            {problems.map((p) => (
              <Text key={p} size="xs">
                {p}
              </Text>
            ))}
          </Alert>
        )}
        {error && (
          <Alert color="red" p="xs">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
