import { useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { LiabilityView } from '../../../../electron/core/contract';
import { partyRoleLabels } from '../../../../electron/core/domain';
import { liabilityKindLabels, type LiabilityKind } from '../../../../electron/core/liability';
import { formatYuan } from '../../../../electron/core/money';

type Assignment = { respondentId: number; kind: LiabilityKind }[];

type Props = {
  view: LiabilityView;
  /** Worker names by id (to split a group by worker). */
  workerNames: Map<number, string>;
  /** Which items belong to which worker (to split a group by worker). */
  itemWorker: Map<number, number>;
  disabled?: boolean;
  onSet: (claimItemIds: number[], assignment: Assignment | null) => Promise<void>;
};

/**
 * 责任承担: for each group of agreed (or awarded) items, what each respondent does — pays as the
 * employer or as the contracting unit, pays first, advances, is jointly liable, or is not bound.
 * The default comes from the contracting chain; a change applies to the group, or to the workers
 * split off it.
 */
export function LiabilityPanel({ view, workerNames, itemWorker, disabled, onSet }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [split, setSplit] = useState<Record<string, string[]>>({});
  const labels = liabilityKindLabels[view.instrument];
  const run = async (key: string, f: () => Promise<void>) => {
    setBusy(key);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const defaults = view.defaultAssignment.map((a) => `${view.respondents.find((r) => r.id === a.respondentId)?.name}：${labels[a.kind]}`).join('；');
  return (
    <Paper withBorder p="md" data-testid={`liability-${view.instrument}`}>
      <Group justify="space-between" mb={4}>
        <Title order={4}>责任承担（由谁支付）</Title>
        <Text size="xs" c="dimmed">
          {view.instrument === 'mediation' ? '写入调解书，强制执行时只列明承担支付义务的被申请人' : '写入裁决主文：每个被申请人一项，不承担的驳回对其请求'}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="xs" data-testid="liability-default">
        按承包关系的默认：{defaults || '（无被申请人）'}
      </Text>
      {!view.groups.length && (
        <Text size="sm" c="dimmed">
          {view.instrument === 'mediation' ? '填写调解金额后，在此确定各被申请人的责任。' : '填写裁决金额后，在此确定各被申请人的责任。'}
        </Text>
      )}
      <Stack gap="sm">
        {view.groups.map((g, gi) => {
          const set = (respondentId: number, kind: LiabilityKind) => {
            const next = g.assignment.map((a) => (a.respondentId === respondentId ? { ...a, kind } : a));
            void run(g.key, () => onSet(g.claimItemIds, next));
          };
          const chosen = split[g.key] ?? [];
          const splitItems = g.claimItemIds.filter((id) => chosen.includes(String(itemWorker.get(id))));
          return (
            <Paper key={g.key} withBorder p="sm" bg={g.problems.length ? 'red.0' : undefined} data-testid={`liability-group-${gi}`}>
              <Group justify="space-between" mb={6} wrap="nowrap">
                <Group gap="xs">
                  <Text fw={600} size="sm" data-testid={`liability-group-label-${gi}`}>
                    {g.label}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {g.claimItemIds.length}项 · {formatYuan(g.amountFen)}
                  </Text>
                  <Badge size="sm" variant="light" color={g.isDefault ? 'gray' : 'blue'}>
                    {g.isDefault ? '按承包关系默认' : '已调整'}
                  </Badge>
                </Group>
                {!g.isDefault && (
                  <Button size="compact-xs" variant="subtle" disabled={disabled} loading={busy === `${g.key}#reset`} onClick={() => void run(`${g.key}#reset`, () => onSet(g.claimItemIds, null))} data-testid={`liability-reset-${gi}`}>
                    恢复默认
                  </Button>
                )}
              </Group>
              <Group gap="md" align="flex-end">
                {g.assignment.map((a) => {
                  const r = view.respondents.find((x) => x.id === a.respondentId)!;
                  return (
                    <NativeSelect
                      key={a.respondentId}
                      size="xs"
                      label={`${r.name}（${partyRoleLabels[r.role]}）`}
                      value={a.kind}
                      disabled={disabled || busy !== null}
                      data={view.kinds.map((k) => ({ value: k, label: labels[k] }))}
                      onChange={(e) => set(a.respondentId, e.currentTarget.value as LiabilityKind)}
                      data-testid={`liability-${gi}-respondent-${a.respondentId}`}
                      w={230}
                    />
                  );
                })}
              </Group>
              {g.problems.map((p) => (
                <Text key={p} size="xs" c="red" mt={4} data-testid={`liability-problem-${gi}`}>
                  {p}
                </Text>
              ))}
              {g.workerIds.length > 1 && !disabled && (
                <Group gap="xs" mt={6} align="flex-end">
                  <MultiSelect
                    size="xs"
                    placeholder="个别申请人责任不同？选择后单独设置"
                    data={g.workerIds.map((id) => ({ value: String(id), label: workerNames.get(id) ?? String(id) }))}
                    value={chosen}
                    onChange={(v) => setSplit((s) => ({ ...s, [g.key]: v }))}
                    searchable
                    w={360}
                    data-testid={`liability-split-${gi}`}
                  />
                  <Button
                    size="compact-xs"
                    variant="light"
                    disabled={!splitItems.length || splitItems.length === g.claimItemIds.length}
                    loading={busy === `${g.key}#split`}
                    onClick={() =>
                      void run(`${g.key}#split`, async () => {
                        // the chosen workers become a group of their own, to be changed next: a default group's
                        // liability stored as theirs, or a changed group's workers back to the default
                        await onSet(splitItems, g.isDefault ? g.assignment : null);
                        setSplit((s) => ({ ...s, [g.key]: [] }));
                      })
                    }
                    data-testid={`liability-split-apply-${gi}`}
                  >
                    单独设置所选{chosen.length ? `${chosen.length}人` : ''}
                  </Button>
                </Group>
              )}
            </Paper>
          );
        })}
      </Stack>
      {error && (
        <Alert color="red" mt="sm" data-testid="liability-error">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
