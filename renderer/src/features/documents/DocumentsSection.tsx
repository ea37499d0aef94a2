import { Fragment, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseDetail, DocumentAvailability, DocumentKind, DocumentView } from '../../../../electron/core/contract';
import { call } from '../../api';
import { useCan } from '../../shell/session';
import { DocumentRow } from './DocumentRow';
import { errorText } from './files';
import { documentKindLabels } from './labels';
import { ServiceModal } from './ServiceModal';
import { useDocuments } from './useDocuments';

type DocGroup = { key: string; kind: DocumentKind; variant: string; versions: DocumentView[] };

/** Documents of one kind and variant, newest version first; groups in the order of the kinds list. */
function groupDocuments(documents: DocumentView[], order: DocumentKind[]): DocGroup[] {
  const map = new Map<string, DocGroup>();
  for (const d of documents) {
    const key = `${d.kind}\u0000${d.variant}`;
    const group = map.get(key) ?? { key, kind: d.kind, variant: d.variant, versions: [] };
    group.versions.push(d);
    map.set(key, group);
  }
  const rank = (k: DocumentKind) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...map.values()]
    .map((g) => ({ ...g, versions: g.versions.sort((a, b) => b.version - a.version) }))
    .sort((a, b) => rank(a.kind) - rank(b.kind) || a.variant.localeCompare(b.variant, 'zh-CN'));
}

/** 文书: what can be generated now (and what is missing for the rest), and every version made. */
export function DocumentsSection({ detail }: { detail: CaseDetail }) {
  const can = useCan();
  const caseId = detail.id;
  const { available, documents, error, reload } = useDocuments(caseId);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [serving, setServing] = useState<DocumentView | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());

  const order = useMemo(() => (available ?? []).map((a) => a.kind), [available]);
  const labels = useMemo(() => new Map((available ?? []).map((a) => [a.kind, a.label])), [available]);
  const groups = useMemo(() => groupDocuments(documents, order), [documents, order]);
  const byKind = useMemo(() => {
    const m = new Map<DocumentKind, DocGroup[]>();
    for (const g of groups) m.set(g.kind, [...(m.get(g.kind) ?? []), g]);
    return m;
  }, [groups]);

  const generate = async (a: DocumentAvailability, batch: boolean) => {
    const key = `${batch ? 'batch' : 'one'}-${a.kind}`;
    setBusy(key);
    setActionError(null);
    try {
      const made = batch ? await call('documents.generateBatch', { caseId, kind: a.kind }) : await call('documents.generate', { caseId, kind: a.kind });
      notifications.show({ color: 'green', message: made.length ? `已生成${a.label} ${made.length} 份` : `${a.label}内容未变化，沿用现有版本` });
      reload();
    } catch (e) {
      setActionError(`${a.label}：${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  if (error && !available) return <Alert color="red">{error}</Alert>;
  if (!available) return <Loader />;
  const kindLabel = (k: DocumentKind) => labels.get(k) ?? documentKindLabels[k];
  const blanksOf = (k: DocumentKind) => available.find((a) => a.kind === k)?.warnings ?? [];

  return (
    <Stack gap="md" data-testid="documents-section">
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>文书制作</Title>
          <Text size="sm" c="dimmed">
            按国家标准公文格式（GB/T 9704）生成 Word 文书；内容变化后重新生成即成为新版本，旧版本保留。
          </Text>
        </Group>
        {actionError && (
          <Alert color="red" mb="xs" withCloseButton onClose={() => setActionError(null)} data-testid="documents-error">
            {actionError}
          </Alert>
        )}
        <Table verticalSpacing={6} data-testid="documents-kinds">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>文书</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th w={110}>已生成</Table.Th>
              <Table.Th w={360}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {available.map((a) => {
              const count = (byKind.get(a.kind) ?? []).reduce((n, g) => n + g.versions.length, 0);
              return (
                <Table.Tr key={a.kind} data-testid={`doc-kind-${a.kind}`}>
                  <Table.Td fw={500}>{a.label}</Table.Td>
                  <Table.Td>
                    {a.ready ? (
                      <Stack gap={2}>
                        <Badge color="green" variant="light">可生成</Badge>
                        {a.warnings.map((w, i) => (
                          <Text key={i} size="xs" c="orange.8" data-testid={`doc-warning-${a.kind}`}>
                            ⚠ {w}
                          </Text>
                        ))}
                      </Stack>
                    ) : (
                      <Stack gap={2}>
                        {a.missing.map((m, i) => (
                          <Text key={i} size="xs" c="red.7">
                            ✗ {m}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>{count ? <Text size="sm">{count} 份</Text> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td>
                    {can('documents.generate') && <Group gap={6}>
                      <Button size="compact-sm" disabled={!a.ready || busy !== null} loading={busy === `one-${a.kind}`} onClick={() => generate(a, false)} data-testid={`doc-generate-${a.kind}`}>
                        生成
                      </Button>
                      {a.batch && (
                        <Button size="compact-sm" variant="light" disabled={!a.ready || busy !== null} loading={busy === `batch-${a.kind}`} onClick={() => generate(a, true)} data-testid={`doc-batch-${a.kind}`}>
                          批量生成（每方一份并附送达回证）
                        </Button>
                      )}
                    </Group>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md">
        <Title order={4} mb="xs">已生成的文书</Title>
        {!groups.length ? (
          <Text c="dimmed" size="sm" data-testid="documents-empty">
            尚未生成文书。
          </Text>
        ) : (
          <Table verticalSpacing={6} data-testid="documents-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>文书 / 版本</Table.Th>
                <Table.Th w={150}>生成时间</Table.Th>
                <Table.Th w={170}>送达</Table.Th>
                <Table.Th w={260}>文件</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...byKind.entries()].map(([kind, kindGroups]) => (
                <Fragment key={kind}>
                  <Table.Tr bg="var(--mantine-color-gray-0)">
                    <Table.Td colSpan={4}>
                      <Text fw={600} size="sm">
                        {kindLabel(kind)}
                        <Text span c="dimmed" size="xs" ml={8}>
                          {kindGroups.length > 1 ? `${kindGroups.length} 份` : ''}
                        </Text>
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                  {kindGroups.map((g) => {
                    const [latest, ...older] = g.versions;
                    const open = expanded.has(g.key);
                    return (
                      <Fragment key={g.key}>
                        <DocumentRow doc={latest} latest onServe={setServing} blanks={blanksOf(kind)} />
                        {older.length > 0 && (
                          <Table.Tr>
                            <Table.Td colSpan={4} py={0}>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="gray"
                                onClick={() => setExpanded((prev) => {
                                  const next = new Set(prev);
                                  if (next.has(g.key)) next.delete(g.key);
                                  else next.add(g.key);
                                  return next;
                                })}
                                data-testid={`doc-older-${latest.id}`}
                              >
                                {open ? '收起历史版本' : `历史版本（${older.map((d) => `v${d.version}`).join('、')}）`}
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        )}
                        {open && older.map((d) => <DocumentRow key={d.id} doc={d} latest={false} onServe={setServing} />)}
                      </Fragment>
                    );
                  })}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <ServiceModal doc={serving} onClose={() => setServing(null)} onSaved={() => reload()} />
    </Stack>
  );
}
