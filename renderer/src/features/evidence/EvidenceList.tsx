import { useState, type DragEvent } from 'react';
import { ActionIcon, Alert, Badge, Button, Code, CopyButton, Group, Modal, NativeSelect, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { CaseDetail, ExhibitView, MethodInput } from '../../../../electron/core/contract';
import { submitterLabels, submitters, trackLabels, type Submitter } from '../../../../electron/core/domain';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { AutosaveField } from './AutosaveField';
import { useCan } from '../../shell/session';
import { Editable } from '../../ui/Editable';
import { errorMessage, exhibitLabel, formatBytes, kindLabel, shortSha } from './format';

type Props = {
  detail: CaseDetail;
  exhibits: ExhibitView[];
  onReplace: (exhibit: ExhibitView) => void;
  onList: (list: ExhibitView[]) => void;
  onReload: () => void;
  onOpen: (exhibit: ExhibitView) => void;
};

/** 证据目录: numbered exhibits with inline editing, reordering, 共享互认 and 质证 state. */
export function EvidenceList({ detail, exhibits, onReplace, onList, onReload, onOpen }: Props) {
  const [dragId, setDragId] = useState<number | null>(null);
  const [overId, setOverId] = useState<number | null>(null);
  const [removing, setRemoving] = useState<ExhibitView | null>(null);
  const [recognising, setRecognising] = useState<ExhibitView | null>(null);
  const can = useCan();
  const editable = can('evidence.update');

  const reorder = async (ids: number[]) => {
    const byId = new Map(exhibits.map((e) => [e.id, e]));
    onList(ids.map((id, i) => ({ ...byId.get(id)!, seq: i + 1 }))); // at once; the backend confirms
    try {
      onList(await call('evidence.reorder', { caseId: detail.id, ids }));
    } catch (e) {
      notifications.show({ color: 'red', message: `调整顺序失败：${errorMessage(e)}` });
      onReload();
    }
  };
  const move = (index: number, by: -1 | 1) => {
    const ids = exhibits.map((e) => e.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id);
    void reorder(ids);
  };
  const dropOn = (target: ExhibitView) => {
    if (dragId === null || dragId === target.id) return;
    const ids = exhibits.map((e) => e.id).filter((id) => id !== dragId);
    ids.splice(ids.indexOf(target.id) + (exhibits.findIndex((e) => e.id === dragId) < exhibits.findIndex((e) => e.id === target.id) ? 1 : 0), 0, dragId);
    void reorder(ids);
  };

  const update = async (input: MethodInput<'evidence.update'>) => {
    const exhibit = await call('evidence.update', input);
    onReplace(exhibit);
    return exhibit;
  };
  const addReference = async (exhibit: ExhibitView) => {
    try {
      await call('evidence.addReference', { caseId: detail.id, exhibitId: exhibit.id });
      notifications.show({ color: 'green', message: `已再次引用${exhibitLabel(exhibit.seq)}的文件（未复制文件）` });
      onReload();
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  if (exhibits.length === 0) return <Text c="dimmed" size="sm">尚无证据。把文件拖到上方区域即可添加。</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing={6} horizontalSpacing={6} data-testid="evidence-list" style={{ verticalAlign: 'top' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={92}>序号</Table.Th>
              <Table.Th>证据名称 · 文件</Table.Th>
              <Table.Th w={150}>提交人 · 收集部门</Table.Th>
              <Table.Th w={128}>收到日期</Table.Th>
              <Table.Th w={250}>证明目的</Table.Th>
              <Table.Th w={92}>原件</Table.Th>
              <Table.Th w={150}>共享互认 · 质证</Table.Th>
              <Table.Th w={96}>操作</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exhibits.map((exhibit, index) => (
              <Table.Tr
                key={exhibit.id}
                data-testid={`evidence-row-${exhibit.seq}`}
                onDragOver={(e: DragEvent) => {
                  if (dragId === null) return;
                  e.preventDefault();
                  setOverId(exhibit.id);
                }}
                onDrop={(e: DragEvent) => {
                  e.preventDefault();
                  dropOn(exhibit);
                  setDragId(null);
                  setOverId(null);
                }}
                style={overId === exhibit.id && dragId !== exhibit.id ? { outline: '2px dashed var(--mantine-color-blue-5)' } : undefined}
                opacity={dragId === exhibit.id ? 0.5 : 1}
              >
                <Table.Td>
                  <Text fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {exhibitLabel(exhibit.seq)}
                  </Text>
                  {can('evidence.reorder') && <Group gap={2} mt={4} wrap="nowrap">
                    <Tooltip label="拖动以调整顺序">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="sm"
                        draggable
                        aria-hidden
                        tabIndex={-1}
                        style={{ cursor: 'grab' }}
                        onDragStart={(e: DragEvent) => {
                          e.dataTransfer.effectAllowed = 'move';
                          e.dataTransfer.setData('text/plain', String(exhibit.id));
                          setDragId(exhibit.id);
                        }}
                        onDragEnd={() => {
                          setDragId(null);
                          setOverId(null);
                        }}
                      >
                        ⠿
                      </ActionIcon>
                    </Tooltip>
                    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`上移${exhibitLabel(exhibit.seq)}`} disabled={index === 0} onClick={() => move(index, -1)}>
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`下移${exhibitLabel(exhibit.seq)}`}
                      disabled={index === exhibits.length - 1}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </ActionIcon>
                  </Group>}
                </Table.Td>
                <Table.Td>
                  <Editable allowed={editable}>
                    <AutosaveField label={`${exhibitLabel(exhibit.seq)} 证据名称`} value={exhibit.title} onSave={(title) => update({ id: exhibit.id, title })} testId={`evidence-title-${exhibit.seq}`} />
                  </Editable>
                  <FileFacts exhibit={exhibit} />
                </Table.Td>
                <Table.Td>
                  <Editable allowed={editable}>
                  <Stack gap={4}>
                    <NativeSelect
                      size="xs"
                      aria-label={`${exhibitLabel(exhibit.seq)} 提交人`}
                      value={exhibit.submittedBy}
                      data={submitters.map((s) => ({ value: s, label: submitterLabels[s] }))}
                      onChange={(e) => {
                        const submittedBy = e.currentTarget.value as Submitter;
                        update({ id: exhibit.id, submittedBy }).catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }));
                      }}
                    />
                    <AutosaveField
                      label={`${exhibitLabel(exhibit.seq)} 收集部门`}
                      placeholder="收集部门"
                      value={exhibit.collectedBy ?? ''}
                      onSave={(v) => update({ id: exhibit.id, collectedBy: v.trim() || null })}
                    />
                  </Stack>
                  </Editable>
                </Table.Td>
                <Table.Td>
                  <Editable allowed={editable}>
                    <ReceivedOnField exhibit={exhibit} onSave={(receivedOn) => update({ id: exhibit.id, receivedOn })} />
                  </Editable>
                </Table.Td>
                <Table.Td>
                  <Editable allowed={editable}>
                  <AutosaveField
                    multiline
                    label={`${exhibitLabel(exhibit.seq)} 证明目的`}
                    placeholder="证明目的（例：证明申请人在该项目务工）"
                    value={exhibit.purposeOfProof}
                    onSave={(purposeOfProof) => update({ id: exhibit.id, purposeOfProof })}
                    testId={`evidence-purpose-${exhibit.seq}`}
                  />
                  </Editable>
                </Table.Td>
                <Table.Td>
                  <Editable allowed={editable}>
                  <NativeSelect
                    size="xs"
                    aria-label={`${exhibitLabel(exhibit.seq)} 原件或复印件`}
                    value={exhibit.originalSeen ? 'original' : 'copy'}
                    data={[
                      { value: 'original', label: '已核原件' },
                      { value: 'copy', label: '复印件' },
                    ]}
                    onChange={(e) => {
                      const originalSeen = e.currentTarget.value === 'original';
                      update({ id: exhibit.id, originalSeen }).catch((err: unknown) => notifications.show({ color: 'red', message: errorMessage(err) }));
                    }}
                  />
                  </Editable>
                </Table.Td>
                <Table.Td>
                  <SharingState detail={detail} exhibit={exhibit} onRecognise={can('evidence.recognise') ? () => setRecognising(exhibit) : null} />
                </Table.Td>
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    {can('evidence.preview') && (
                      <Button size="compact-xs" variant="light" onClick={() => onOpen(exhibit)} data-testid={`evidence-open-${exhibit.seq}`}>
                        查看
                      </Button>
                    )}
                    {can('evidence.addReference') && (
                      <Tooltip label="新增一条证据，指向同一份已存文件（不复制）">
                        <Button size="compact-xs" variant="subtle" onClick={() => void addReference(exhibit)}>
                          再次引用
                        </Button>
                      </Tooltip>
                    )}
                    {can('evidence.remove') && (
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(exhibit)} data-testid={`evidence-remove-${exhibit.seq}`}>
                        删除
                      </Button>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <RemoveModal exhibit={removing} onClose={() => setRemoving(null)} onRemoved={onList} />
      <RecogniseModal exhibit={recognising} onClose={() => setRecognising(null)} onRecognised={onReplace} />
    </>
  );
}

function FileFacts({ exhibit }: { exhibit: ExhibitView }) {
  return (
    <Stack gap={2} mt={4}>
      <Group gap={6}>
        <Badge size="xs" variant="light" color={exhibit.track === 'inspection' ? 'teal' : 'blue'} data-testid={`evidence-track-${exhibit.seq}`}>
          {trackLabels[exhibit.track]}
        </Badge>
        <Text size="xs" c="dimmed" truncate="end" maw={260} title={exhibit.fileName}>
          {exhibit.fileName}
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {kindLabel(exhibit)}
          {exhibit.pageCount !== null && ` · ${exhibit.pageCount}页`} · {formatBytes(exhibit.size)}
        </Text>
        <Tooltip label={`SHA-256：${exhibit.sha256}`} multiline maw={560}>
          <Code fz="xs" data-testid={`evidence-sha-${exhibit.seq}`} data-sha256={exhibit.sha256}>
            {shortSha(exhibit.sha256)}…
          </Code>
        </Tooltip>
        <CopyButton value={exhibit.sha256}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" onClick={copy} aria-label={`复制${exhibitLabel(exhibit.seq)}的SHA-256`}>
              {copied ? '已复制' : '复制'}
            </Button>
          )}
        </CopyButton>
      </Group>
      {exhibit.references > 1 && (
        <Text size="xs" c="orange.8" data-testid={`evidence-references-${exhibit.seq}`}>
          同一文件被引用{exhibit.references}次
        </Text>
      )}
    </Stack>
  );
}

function ReceivedOnField({ exhibit, onSave }: { exhibit: ExhibitView; onSave: (date: string) => Promise<unknown> }) {
  const [value, setValue] = useState<string | null>(exhibit.receivedOn);
  const [error, setError] = useState<string | null>(null);
  const [prev, setPrev] = useState(exhibit.receivedOn);
  if (prev !== exhibit.receivedOn) {
    setPrev(exhibit.receivedOn);
    setValue(exhibit.receivedOn);
  }
  // Typing "2026-1" already parses as a date: save after a pause or on blur, not on each key.
  const save = useDebouncedCallback((v: string | null) => {
    if (!v) return setError('请填写收到日期');
    if (v === exhibit.receivedOn) return setError(null);
    onSave(v).then(
      () => setError(null),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, 800);
  return (
    <DateInput
      size="xs"
      aria-label={`${exhibitLabel(exhibit.seq)} 收到日期`}
      value={value}
      valueFormat="YYYY-MM-DD"
      maxDate={todayInChina()}
      error={error}
      onChange={(v) => {
        setValue(v);
        save(v);
      }}
      onBlur={() => save.flush()}
    />
  );
}

/** Who may recognise an exhibit: the track that did not gather it, when the case has that track. */
function otherTrack(detail: CaseDetail, exhibit: ExhibitView): { present: boolean; label: string; defaultBy: string } {
  return exhibit.track === 'inspection'
    ? { present: detail.hasArbitration, label: '仲裁', defaultBy: '速裁庭' }
    : { present: detail.inspection !== null, label: '监察', defaultBy: '劳动保障监察机构' };
}

function SharingState({ detail, exhibit, onRecognise }: { detail: CaseDetail; exhibit: ExhibitView; onRecognise: (() => void) | null }) {
  const other = otherTrack(detail, exhibit);
  const usedInArbitration = exhibit.track === 'inspection' && detail.hasArbitration;
  return (
    <Stack gap={4} data-testid={`evidence-sharing-${exhibit.seq}`}>
      {exhibit.recognisedBy ? (
        <Tooltip label={`${exhibit.recognisedBy}${exhibit.recognisedAt ? `于${formatDateTime(exhibit.recognisedAt)}` : ''}认可`}>
          <Badge size="sm" color="green" variant="light" style={{ cursor: 'default' }}>
            共享互认 · {exhibit.recognisedBy}
          </Badge>
        </Tooltip>
      ) : other.present ? (
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {other.label}未认可
          </Text>
          {onRecognise && (
            <Button size="compact-xs" variant="light" color="green" onClick={onRecognise} data-testid={`evidence-recognise-${exhibit.seq}`}>
              认可
            </Button>
          )}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          —
        </Text>
      )}
      {exhibit.recognisedAt && (
        <Text size="xs" c="dimmed">
          {formatDateTime(exhibit.recognisedAt)}
        </Text>
      )}
      {usedInArbitration && (
        <Badge size="sm" variant="outline" color={exhibit.crossExaminedOn ? 'green' : 'orange'}>
          {exhibit.crossExaminedOn ? `已质证 ${formatChineseDate(exhibit.crossExaminedOn)}` : '未质证'}
        </Badge>
      )}
    </Stack>
  );
}

/** "2026年11月29日 14:05" in China time, from an ISO timestamp (or a plain date). */
function formatDateTime(at: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return formatChineseDate(at);
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const date = d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const time = d.toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' });
  return `${formatChineseDate(date)} ${time}`;
}

function RemoveModal({ exhibit, onClose, onRemoved }: { exhibit: ExhibitView | null; onClose: () => void; onRemoved: (list: ExhibitView[]) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    if (!exhibit) return;
    setBusy(true);
    setError(null);
    try {
      onRemoved(await call('evidence.remove', { id: exhibit.id }));
      notifications.show({ color: 'green', message: `已删除${exhibitLabel(exhibit.seq)}，其后的证据已重新编号` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={exhibit !== null} onClose={onClose} title="删除证据" centered>
      {exhibit && (
        <Stack>
          <Text>
            确定从证据目录中删除 <b>{exhibitLabel(exhibit.seq)}「{exhibit.title}」</b>？其后的证据将重新编号。
            {exhibit.references > 1 ? '该文件还被其他证据引用，存储中的文件会保留。' : ''}
          </Text>
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button color="red" loading={busy} onClick={() => void confirm()} data-testid="evidence-remove-confirm">
              删除
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function RecogniseModal({ exhibit, onClose, onRecognised }: { exhibit: ExhibitView | null; onClose: () => void; onRecognised: (e: ExhibitView) => void }) {
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forId, setForId] = useState<number | null>(null);
  if (exhibit && forId !== exhibit.id) {
    setForId(exhibit.id);
    setBy(exhibit.track === 'inspection' ? '速裁庭' : '劳动保障监察机构');
    setError(null);
  }
  const confirm = async () => {
    if (!exhibit) return;
    setBusy(true);
    setError(null);
    try {
      onRecognised(await call('evidence.recognise', { id: exhibit.id, by: by.trim() }));
      notifications.show({ color: 'green', message: `${exhibitLabel(exhibit.seq)}已标记为共享互认` });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={exhibit !== null} onClose={onClose} title="共享互认：认可对方取得的证据" centered>
      {exhibit && (
        <Stack>
          <Text size="sm">
            {exhibitLabel(exhibit.seq)}「{exhibit.title}」由{trackLabels[exhibit.track]}取得。认可后，本案{exhibit.track === 'inspection' ? '仲裁' : '监察'}程序直接引用该证据（不复制文件），并记录认可人和时间。
            {exhibit.track === 'inspection' && '在仲裁中仍须经质证。'}
          </Text>
          <TextInput label="认可的部门或人员" value={by} onChange={(e) => setBy(e.currentTarget.value)} data-testid="recognise-by" />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button color="green" loading={busy} onClick={() => void confirm()} data-testid="recognise-confirm">
              认可
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
