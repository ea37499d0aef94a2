import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { CaseDetail } from '../../../../electron/core/contract';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { deadlineDue, suspensionState, type ClosingDetail } from './closingModel';
import { DeadlineShift, type DueSnapshot } from './DeadlineShift';

const snapshot = (d: CaseDetail): DueSnapshot => ({ award: deadlineDue(d, 'award'), fastTrack: deadlineDue(d, 'fastTrack') });

/** 中止 / 恢复 (the clock stops and restarts) and 延长 (≤15 days), each with its approval. */
export function SuspensionExtension({ detail, onChange }: { detail: ClosingDetail; onChange: (d: CaseDetail) => void }) {
  const today = todayInChina();
  const [fromOn, setFromOn] = useState(today);
  const [reason, setReason] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [toOn, setToOn] = useState(today);
  const [days, setDays] = useState<number | string>(15);
  const [extApprovedBy, setExtApprovedBy] = useState('');
  const [extReason, setExtReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ where: string; message: string } | null>(null);
  const [shift, setShift] = useState<{ title: string; before: DueSnapshot; after: DueSnapshot } | null>(null);

  const suspension = suspensionState(detail);
  const open = suspension.open;
  const closed = detail.status === 'closed';
  const remaining = Math.max(0, 15 - detail.awardExtensionDays);

  const run = async (where: string, title: string, action: () => Promise<CaseDetail>, reset: () => void) => {
    setBusy(where);
    setError(null);
    const before = snapshot(detail);
    try {
      const next = await action();
      onChange(next);
      setShift({ title, before, after: snapshot(next) });
      reset();
    } catch (e) {
      setError({ where, message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const suspend = () =>
    run('suspend', '已中止审理', () => call('closing.suspend', { caseId: detail.id, fromOn, reason, approvedBy }), () => {
      setReason('');
    });
  const resume = () => run('resume', '已恢复审理', () => call('closing.resume', { caseId: detail.id, toOn }), () => undefined);
  const extend = () =>
    run('extend', '已延长审理期限', () => call('closing.extend', { caseId: detail.id, days: Number(days), approvedBy: extApprovedBy, reason: extReason }), () => {
      setExtReason('');
    });

  const err = (where: string) =>
    error?.where === where ? (
      <Alert color="red" p="xs" data-testid={`${where}-error`}>
        {error.message}
      </Alert>
    ) : null;

  return (
    <Stack gap="md">
      {shift && <DeadlineShift {...shift} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" data-testid="suspension-card">
          <Group justify="space-between" mb="xs">
            <Title order={5}>中止审理</Title>
            {open && <Badge color="orange" data-testid="suspended-badge">中止中{suspension.since ? ` · 自${formatChineseDate(suspension.since)}` : ''}</Badge>}
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            中止期间不计入审理期限；恢复后继续计算（《办案规则》第四十七条）。须经仲裁委员会主任或其委托的仲裁院负责人批准。
          </Text>
          {detail.suspensions && detail.suspensions.length > 0 && (
            <Stack gap={2} mb="xs">
              {detail.suspensions.map((s) => (
                <Text size="xs" key={s.id}>
                  {s.fromOn} 至 {s.toOn ?? '今'} · {s.reason} · 批准人 {s.approvedBy}
                </Text>
              ))}
            </Stack>
          )}
          <Stack gap="xs">
            {open && suspension.summary && (
              <Text size="sm" c="orange.9">
                {suspension.summary}
              </Text>
            )}
            {!open && (
              <>
                <Group grow align="flex-start">
                  <TextInput label="中止日期" type="date" value={fromOn} onChange={(e) => setFromOn(e.currentTarget.value)} disabled={closed} data-testid="suspend-from" />
                  <TextInput label="批准人" value={approvedBy} onChange={(e) => setApprovedBy(e.currentTarget.value)} disabled={closed} data-testid="suspend-approved-by" />
                </Group>
                <Textarea label="中止事由" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} disabled={closed} placeholder="如：劳动者一方因工伤住院无法参加仲裁" data-testid="suspend-reason" />
                {err('suspend')}
                <Group>
                  <Button variant="light" color="orange" onClick={suspend} loading={busy === 'suspend'} disabled={closed || !reason.trim() || !approvedBy.trim()} data-testid="suspend-case">
                    中止审理
                  </Button>
                </Group>
              </>
            )}
            {open && (
              <Group align="flex-end">
                <TextInput label="恢复日期" type="date" value={toOn} onChange={(e) => setToOn(e.currentTarget.value)} disabled={closed} data-testid="resume-on" />
                <Button variant="light" onClick={resume} loading={busy === 'resume'} disabled={closed} data-testid="resume-case">
                  恢复审理
                </Button>
              </Group>
            )}
            {err('resume')}
          </Stack>
        </Paper>

        <Paper withBorder p="md" data-testid="extension-card">
          <Group justify="space-between" mb="xs">
            <Title order={5}>延长审理期限</Title>
            {detail.awardExtensionDays > 0 && <Badge color="grape">已延长{detail.awardExtensionDays}日</Badge>}
          </Group>
          <Text size="xs" c="dimmed" mb="xs">
            案情复杂需要延期的，经仲裁委员会主任批准，可以延期并书面通知当事人，延长期限不得超过15日（《劳动争议调解仲裁法》第四十三条）。
            {detail.extensionApprovedBy ? ` 已批准：${detail.extensionApprovedBy}${detail.extensionReason ? `，${detail.extensionReason}` : ''}。` : ''}
          </Text>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <NumberInput label="延长天数" description={`尚可延长${remaining}日`} min={1} max={remaining || 1} value={days} onChange={setDays} disabled={closed || remaining === 0} data-testid="extend-days" />
              <TextInput label="批准人" value={extApprovedBy} onChange={(e) => setExtApprovedBy(e.currentTarget.value)} disabled={closed || remaining === 0} data-testid="extend-approved-by" />
            </Group>
            <Textarea label="延期理由" autosize minRows={2} value={extReason} onChange={(e) => setExtReason(e.currentTarget.value)} disabled={closed || remaining === 0} placeholder="如：涉及劳动者人数众多，需逐一核对工资数额" data-testid="extend-reason" />
            {err('extend')}
            <Group>
              <Button
                variant="light"
                color="grape"
                onClick={extend}
                loading={busy === 'extend'}
                disabled={closed || remaining === 0 || !extApprovedBy.trim() || !extReason.trim() || !(Number(days) >= 1 && Number(days) <= remaining)}
                data-testid="extend-case"
              >
                延长期限
              </Button>
            </Group>
          </Stack>
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
