import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { WarningView } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { hrefFor } from '../../router';
import { PackageResult, type PackageInfo } from './PackageResult';

const kindLabels: Record<WarningView['kind'], string> = {
  instalmentOverdue: '分期逾期未付',
  awardUnpaid: '裁决逾期未履行',
  correctionOverdue: '限期改正逾期',
};
const kindColors: Record<WarningView['kind'], string> = { instalmentOverdue: 'orange', awardUnpaid: 'red', correctionOverdue: 'grape' };
const resolutionLabels: Record<NonNullable<WarningView['resolution']>, string> = {
  paid: '已支付',
  enforcement: '已申请强制执行',
  police: '已移送公安',
  dismissed: '驳回',
};

type Made = { caseId: number; caseNumber: string | null; kind: 'enforcement' | 'police'; pkg: PackageInfo };

/** 预警: unpaid instalments and awards, ignored correction orders — and the one action each leads to. */
export function WarningsPage() {
  const [tab, setTab] = useState<string | null>('open');
  const [open, setOpen] = useState<WarningView[] | null>(null);
  const [resolved, setResolved] = useState<WarningView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [rowError, setRowError] = useState<{ id: number; message: string } | null>(null);
  const [made, setMade] = useState<Made[]>([]);
  const can = useCan();
  const mayRefresh = can('warnings.refresh');

  const loadOpen = useCallback(() => call('warnings.list', { open: true }).then(setOpen), []);
  const loadResolved = useCallback(() => call('warnings.list', { open: false }).then((list) => setResolved(list.filter((w) => w.resolvedOn !== null))), []);

  // Opening the page scans for what has become overdue since the last look.
  useEffect(() => {
    (mayRefresh ? call('warnings.refresh', {}) : Promise.resolve())
      .then(() => loadOpen())
      .catch((e: Error) => {
        setError(e.message);
        return loadOpen();
      })
      .catch((e: Error) => setError(e.message));
  }, [loadOpen, mayRefresh]);
  useEffect(() => {
    if (tab === 'resolved') loadResolved().catch((e: Error) => setError(e.message));
  }, [tab, loadResolved]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && void loadOpen().catch(() => undefined)), [loadOpen]);

  const act = async (w: WarningView, key: string, action: () => Promise<void>) => {
    setBusy(`${key}-${w.id}`);
    setRowError(null);
    try {
      await action();
    } catch (e) {
      setRowError({ id: w.id, message: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  const makePackage = (w: WarningView, kind: 'enforcement' | 'police') =>
    act(w, kind, async () => {
      const pkg = kind === 'enforcement' ? await call('followUp.enforcementPackage', { caseId: w.caseId }) : await call('followUp.policePackage', { caseId: w.caseId });
      // The backend turns the case's open warnings into 'enforcement' / 'police' as it assembles the package.
      setMade((prev) => [{ caseId: w.caseId, caseNumber: w.caseNumber, kind, pkg }, ...prev.filter((m) => !(m.caseId === w.caseId && m.kind === kind))]);
      await loadOpen();
      if (resolved) await loadResolved();
    });

  const resolve = (w: WarningView, resolution: NonNullable<WarningView['resolution']>) =>
    act(w, resolution, async () => {
      await call('warnings.resolve', { id: w.id, resolution });
      notifications.show({ color: 'green', message: `${w.caseNumber ?? '案件'}：${resolutionLabels[resolution]}` });
      await loadOpen();
      if (resolved) await loadResolved();
    });

  const caseLink = (w: WarningView) => (
    <Anchor href={hrefFor({ page: 'case', id: w.caseId })} size="sm" data-testid={`warning-case-${w.id}`}>
      {w.caseNumber ?? `案件 #${w.caseId}`}
    </Anchor>
  );

  return (
    <Stack gap="md" data-testid="warnings-page">
      <Group justify="space-between">
        <Title order={2}>履行预警</Title>
        <Text size="sm" c="dimmed">
          结案后分期款或裁决逾期未付、限期改正指令逾期未履行的，自动列入预警。
        </Text>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {made.map((m) => (
        <PackageResult
          key={`${m.kind}-${m.caseId}`}
          title={`${m.caseNumber ?? `案件 #${m.caseId}`}：${m.kind === 'enforcement' ? '强制执行申请材料已备齐，预警转为“已申请强制执行”' : '移送公安材料已备齐，预警转为“已移送公安”'}`}
          pkg={m.pkg}
          testId={`package-${m.kind}-${m.caseId}`}
          onClose={() => setMade((prev) => prev.filter((x) => x !== m))}
        />
      ))}
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="open" data-testid="warnings-tab-open">
            待处理{open ? `（${open.length}）` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="resolved" data-testid="warnings-tab-resolved">
            已处理
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="open" pt="md">
          {!open ? (
            <Loader />
          ) : !open.length ? (
            <Paper withBorder p="lg">
              <Text c="dimmed" data-testid="warnings-empty">
                目前没有待处理的预警。
              </Text>
            </Paper>
          ) : (
            <Stack gap="sm">
              {open.map((w) => (
                <Paper withBorder p="md" key={w.id} data-testid={`warning-${w.id}`}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    <Stack gap={4}>
                      <Group gap="xs">
                        <Badge color={kindColors[w.kind]}>{kindLabels[w.kind]}</Badge>
                        {caseLink(w)}
                        <Text size="xs" c="dimmed">
                          预警日期 {w.raisedOn}
                        </Text>
                        {w.policeEligible && (
                          <Badge color="red" variant="outline">
                            达到拒不支付劳动报酬罪数额标准
                          </Badge>
                        )}
                      </Group>
                      <Text size="sm">{w.detail}</Text>
                    </Stack>
                    <Group gap={6} wrap="nowrap">
                      {can('followUp.enforcementPackage') && (
                        <Button size="compact-sm" color="red" variant="light" loading={busy === `enforcement-${w.id}`} onClick={() => makePackage(w, 'enforcement')} data-testid={`warning-enforce-${w.id}`}>
                          申请强制执行
                        </Button>
                      )}
                      {w.policeEligible && can('followUp.policePackage') && (
                        <Button size="compact-sm" color="dark" variant="light" loading={busy === `police-${w.id}`} onClick={() => makePackage(w, 'police')} data-testid={`warning-police-${w.id}`}>
                          移送公安
                        </Button>
                      )}
                      {can('warnings.resolve') && (
                        <Button size="compact-sm" color="green" variant="light" loading={busy === `paid-${w.id}`} onClick={() => resolve(w, 'paid')} data-testid={`warning-paid-${w.id}`}>
                          已支付
                        </Button>
                      )}
                      {can('warnings.resolve') && (
                        <Button size="compact-sm" color="gray" variant="subtle" loading={busy === `dismissed-${w.id}`} onClick={() => resolve(w, 'dismissed')} data-testid={`warning-dismiss-${w.id}`}>
                          驳回
                        </Button>
                      )}
                    </Group>
                  </Group>
                  {rowError?.id === w.id && (
                    <Alert color="red" mt="xs" p="xs">
                      {rowError.message}
                    </Alert>
                  )}
                </Paper>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="resolved" pt="md">
          {!resolved ? (
            <Loader />
          ) : !resolved.length ? (
            <Text c="dimmed">暂无已处理的预警。</Text>
          ) : (
            <Stack gap="xs" data-testid="warnings-resolved">
              {rowError && resolved.some((w) => w.id === rowError.id) && (
                <Alert color="red" withCloseButton onClose={() => setRowError(null)}>
                  {rowError.message}
                </Alert>
              )}
              <Table verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={140}>类型</Table.Th>
                    <Table.Th w={260}>案件</Table.Th>
                    <Table.Th>情况</Table.Th>
                    <Table.Th w={110}>预警日期</Table.Th>
                    <Table.Th w={110}>处理日期</Table.Th>
                    <Table.Th w={130}>处理结果</Table.Th>
                    <Table.Th w={120} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {resolved.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td>
                        <Badge color={kindColors[w.kind]} variant="light">
                          {kindLabels[w.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{caseLink(w)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{w.detail}</Text>
                      </Table.Td>
                      <Table.Td>{w.raisedOn}</Table.Td>
                      <Table.Td>{w.resolvedOn}</Table.Td>
                      <Table.Td>{w.resolution ? resolutionLabels[w.resolution] : ''}</Table.Td>
                      <Table.Td>
                        {w.policeEligible && w.resolution !== 'police' && w.resolution !== 'paid' && can('followUp.policePackage') && (
                          <Button size="compact-sm" color="dark" variant="light" loading={busy === `police-${w.id}`} onClick={() => makePackage(w, 'police')} data-testid={`warning-police-${w.id}`}>
                            移送公安
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
