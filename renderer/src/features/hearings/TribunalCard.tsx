import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CaseDetail, TribunalView } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { useSubmit } from '../../ui/useSubmit';
import { useStaff } from './useStaff';

const LAW = '《劳动争议调解仲裁法》第三十一条、第三十二条';

/**
 * 组庭: the case's tribunal — three arbitrators with a presiding one (always for a collective case,
 * 组织规则 Art 13), or one for a simple case — and the 组庭通知书 deadline (5 days from acceptance).
 */
export function TribunalCard({ detail, onComposed }: { detail: CaseDetail; onComposed: (t: TribunalView) => void }) {
  const { staff, loaded } = useStaff();
  const arbitrators = useMemo(() => staff.filter((s) => s.roles.includes('arbitrator') && s.active).map((s) => ({ value: String(s.id), label: s.name })), [staff]);
  const clerks = useMemo(() => staff.filter((s) => s.roles.includes('clerk') && s.active).map((s) => ({ value: String(s.id), label: s.name })), [staff]);
  const t = detail.tribunal;
  const [editing, setEditing] = useState(!t);
  const [three, setThree] = useState(detail.isCollective || detail.procedure === 'ordinary');
  const [presiding, setPresiding] = useState<string | null>(t ? String(t.presidingId) : null);
  const [wing1, setWing1] = useState<string | null>(t?.wingIds[0] ? String(t.wingIds[0]) : null);
  const [wing2, setWing2] = useState<string | null>(t?.wingIds[1] ? String(t.wingIds[1]) : null);
  const [clerk, setClerk] = useState<string | null>(t?.clerkId ? String(t.clerkId) : null);
  const [composedOn, setComposedOn] = useState(todayInChina());
  const [reason, setReason] = useState('');
  const deadline = detail.deadlines.find((d) => d.key === 'tribunalNotice');
  const wings = three ? [wing1, wing2].filter((w): w is string => !!w).map(Number) : [];

  const { error, busy, submit: save } = useSubmit(async () => {
    const view = await call('tribunal.compose', {
      caseId: detail.id,
      presidingId: Number(presiding),
      wingIds: wings,
      clerkId: clerk ? Number(clerk) : null,
      composedOn,
      ...(t ? { reason } : {}),
    });
    setEditing(false);
    onComposed(view);
  });

  return (
    <Paper withBorder p="md" data-testid="tribunal-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>仲裁庭组成（组庭）</Title>
        {deadline && (
          <Badge color={deadline.status === 'done' ? 'green' : deadline.status === 'overdue' ? 'red' : 'blue'} variant="light" title={deadline.explanation} data-testid="tribunal-deadline">
            组庭通知{deadline.status === 'done' ? '已送达' : deadline.dueOn ? `须于${deadline.dueOn}前送达` : ''}
            {deadline.status === 'overdue' ? '（已逾期）' : ''}
          </Badge>
        )}
      </Group>
      {detail.isCollective && (
        <Text size="sm" c="grape.8" mb="xs" data-testid="tribunal-collective">
          本案为集体劳动人事争议（{detail.workerCount}名劳动者），应当由三名仲裁员组成仲裁庭并设首席仲裁员，不适用独任审理（《劳动争议调解仲裁法》第三十一条、《劳动人事争议仲裁组织规则》第十三条）。
        </Text>
      )}
      {t && !editing ? (
        <Stack gap={4}>
          <Text data-testid="tribunal-members">
            {t.arbitratorNames.length > 1 ? `首席仲裁员 ${t.arbitratorNames[0]}，仲裁员 ${t.arbitratorNames.slice(1).join('、')}` : `仲裁员 ${t.arbitratorNames[0]}（独任）`}
            {t.clerkName ? `；书记员 ${t.clerkName}` : ''}（{t.composedOn}组庭）
          </Text>
          <Text size="xs" c="dimmed">
            组庭后五日内须书面通知当事人（{LAW}）：请在「文书」中批量生成「组庭通知书」并登记送达。开庭由本仲裁庭审理。
          </Text>
          {detail.status === 'accepted' && (
            <Group>
              <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="tribunal-recompose">
                重新组庭（如仲裁员回避）
              </Button>
            </Group>
          )}
        </Stack>
      ) : detail.status !== 'accepted' ? (
        <Text size="sm" c="dimmed">
          案件受理后组成仲裁庭。
        </Text>
      ) : (
        <Stack gap="xs">
          {loaded && !arbitrators.length && <Alert color="yellow">请先在「设置」中添加仲裁员。</Alert>}
          <Group align="flex-end" gap="sm">
            <Select
              label="组庭方式"
              data={[
                { value: 'three', label: '三名仲裁员（设首席）' },
                { value: 'one', label: '一名仲裁员独任（简易处理）', disabled: detail.isCollective },
              ]}
              value={three ? 'three' : 'one'}
              onChange={(v) => setThree(v !== 'one')}
              allowDeselect={false}
              w={220}
              data-testid="tribunal-size"
            />
            <Select label={three ? '首席仲裁员' : '仲裁员'} data={arbitrators} value={presiding} onChange={setPresiding} placeholder="选择" data-testid="tribunal-presiding" />
            {three && <Select label="仲裁员" data={arbitrators.filter((a) => a.value !== presiding && a.value !== wing2)} value={wing1} onChange={setWing1} placeholder="选择" data-testid="tribunal-wing-1" />}
            {three && <Select label="仲裁员" data={arbitrators.filter((a) => a.value !== presiding && a.value !== wing1)} value={wing2} onChange={setWing2} placeholder="选择" data-testid="tribunal-wing-2" />}
            <Select label="书记员" data={clerks} value={clerk} onChange={setClerk} placeholder="选择" clearable data-testid="tribunal-clerk" />
            <TextInput label="组庭日期" type="date" value={composedOn} onChange={(e) => setComposedOn(e.currentTarget.value)} w={160} data-testid="tribunal-date" />
          </Group>
          {t && <TextInput label="重新组庭的原因" placeholder="如：仲裁员李敏因与被申请人有利害关系回避" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="tribunal-reason" />}
          {error && (
            <Alert color="red" data-testid="tribunal-error">
              {error}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void save()} loading={busy} disabled={!presiding || (three && wings.length < 2)} data-testid="tribunal-save">
              {t ? '保存重新组庭' : '组成仲裁庭'}
            </Button>
            {t && (
              <Button variant="subtle" onClick={() => setEditing(false)}>
                取消
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
