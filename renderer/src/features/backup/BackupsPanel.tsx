import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, Group, List, Modal, NumberInput, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { backupReasonLabels, type BackupInfo, type BackupProgress, type BackupStatus, type RestoreResult } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { formatBytes } from '../evidence/format';
import { dateTime } from '../mediation/format';

type FolderBridge = { openFolder?: (title: string) => Promise<{ ok: true; value: string | null } | { ok: false; error: { message: string } }> };
/** Desktop: the native folder dialog (the folder picked is granted once to the next call). */
const desktop = () => (window.sucai as unknown as FolderBridge | undefined)?.openFolder;

async function pickFolder(title: string): Promise<string | null> {
  const open = desktop();
  if (!open) return null;
  const result = await open(title);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const sourceLabels: Record<BackupStatus['folderSource'], string> = {
  default: '数据目录下的 backups 文件夹',
  chosen: '管理员选择的文件夹',
  host: '启动时指定（--backup-dir）',
};

/**
 * 备份与恢复 (administrator): where backups go and how many are kept, back up now with progress,
 * the list of backups, and restore into a new data folder — verified before it is used.
 */
export function BackupsPanel() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [keep, setKeep] = useState<number | string>(10);
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [busy, setBusy] = useState<'backup' | 'restore' | 'keep' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);

  const load = useCallback(() => {
    call('backups.status', {})
      .then((s) => {
        setStatus(s);
        setKeep(s.keep);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'backups.progress') setProgress(event.progress);
        if (event.type === 'backups.changed') load();
      }),
    [load],
  );

  const run = async (what: 'backup' | 'restore' | 'keep', work: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    setProgress(null);
    try {
      await work();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      load();
    }
  };

  const backupNow = () =>
    run('backup', async () => {
      const result = await call('backups.run', {});
      notifications.show({ color: 'green', message: `备份完成：${result.backup.name}（新复制文件 ${result.copiedFiles} 个）` });
    });

  const chooseFolder = () =>
    run('backup', async () => {
      const folder = await pickFolder('选择备份文件夹（U盘、网络共享）');
      if (folder) setStatus(await call('backups.chooseFolder', { path: folder }));
    });

  const restore = (backup: BackupInfo) =>
    run('restore', async () => {
      setConfirm(null);
      if (desktop()) {
        const folder = await pickFolder('选择一个空文件夹作为新的数据目录');
        if (!folder) return;
        setRestored(await call('backups.restoreTo', { name: backup.name, path: folder }));
      } else {
        setRestored(await call('backups.restore', { name: backup.name }));
      }
    });

  if (!status) return error ? <Alert color="red">{error}</Alert> : null;
  const keepValid = typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 && keep <= 365;
  return (
    <Paper withBorder p="md" data-testid="backups-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={4}>备份与恢复</Title>
            <Text size="sm" c="dimmed" maw={540}>
              每天第一次启动时自动备份，升级数据库前也会先备份。备份包括数据库、全部证据文件和生成的文书，附带每个文件的 SHA-256；同一文件在备份文件夹中只存一份。
            </Text>
          </div>
          <Button onClick={() => void backupNow()} loading={busy === 'backup'} disabled={busy !== null || status.running} data-testid="backup-now">
            立即备份
          </Button>
        </Group>
        <Group gap="xs" wrap="nowrap" align="center">
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            备份文件夹
          </Text>
          <Code style={{ wordBreak: 'break-all' }} data-testid="backup-folder">
            {status.folder}
          </Code>
          <Badge variant="light" tt="none" color={status.folderSource === 'default' ? 'gray' : 'blue'} style={{ flexShrink: 0 }}>
            {sourceLabels[status.folderSource]}
          </Badge>
          {desktop() && status.folderSource !== 'host' && (
            <Button size="compact-sm" variant="light" onClick={() => void chooseFolder()} disabled={busy !== null}>
              选择文件夹…
            </Button>
          )}
        </Group>
        {status.folderSource === 'default' && (
          <Text size="xs" c="orange.8">
            备份与数据在同一块磁盘上，磁盘损坏时会一起丢失。
            {desktop() ? (
              '请选择U盘或网络共享上的文件夹。'
            ) : (
              <>
                网页版请在启动时指定U盘或网络共享上的文件夹：<Code>npm run web -- --backup-dir 文件夹</Code>
              </>
            )}
          </Text>
        )}
        <Group gap="xs" align="flex-end">
          <NumberInput label="保留最近的备份（份）" min={1} max={365} w={180} value={keep} onChange={setKeep} error={keepValid ? undefined : '请填写 1—365 的整数'} data-testid="backup-keep" />
          <Button
            variant="default"
            disabled={!keepValid || keep === status.keep || busy !== null}
            loading={busy === 'keep'}
            onClick={() => void run('keep', async () => setStatus(await call('backups.configure', { keep: keep as number })))}
          >
            保存
          </Button>
        </Group>
        {busy && progress && (
          <Stack gap={4} data-testid="backup-progress">
            <Text size="sm">
              {progress.label}… {progress.done} / {progress.total}
            </Text>
            <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated aria-label="备份进度" />
          </Stack>
        )}
        {error && (
          <Alert color="red" title={busy === null && error.includes('未通过核验') ? '备份未通过核验，已拒绝恢复' : undefined} data-testid="backup-error">
            {error}
          </Alert>
        )}
        <BackupTable backups={status.backups} onRestore={setConfirm} disabled={busy !== null} />
      </Stack>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="从备份恢复" centered>
        {confirm && (
          <Stack>
            <Text size="sm">
              将备份 <Code>{confirm.name}</Code>（{dateTime(confirm.createdAt)}）恢复到一个<b>新的</b>数据目录，当前数据不受影响。
            </Text>
            <Text size="sm">恢复后先核验：数据库完整性、核验链、每个证据文件的 SHA-256。任何一项不通过，都不会建立新的数据目录。</Text>
            <Text size="sm" c="dimmed">
              {desktop() ? '下一步请选择一个空文件夹。' : '新的数据目录建在当前数据目录旁边，名称中带有备份时间。'}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirm(null)}>
                取消
              </Button>
              <Button onClick={() => void restore(confirm)} data-testid="restore-confirm">
                恢复
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={restored !== null} onClose={() => setRestored(null)} title="恢复完成，已核验" size="lg" centered>
        {restored && (
          <Stack data-testid="restore-result">
            <List size="sm" spacing={4}>
              {restored.checks.map((c) => (
                <List.Item key={c.label} icon={<Text c={c.ok ? 'green' : 'red'}>{c.ok ? '✓' : '✗'}</Text>}>
                  <b>{c.label}</b>：{c.detail}
                </List.Item>
              ))}
            </List>
            <Text size="sm">新的数据目录：</Text>
            <Code style={{ wordBreak: 'break-all' }}>{restored.dataDir}</Code>
            <Text size="sm" c="dimmed">
              用这个数据目录启动即可使用恢复的数据：网页版 <Code>npm run web -- --data {restored.dataDir}</Code>；桌面版以 <Code>--data</Code> 参数启动。
            </Text>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}

function BackupTable({ backups, onRestore, disabled }: { backups: BackupInfo[]; onRestore: (b: BackupInfo) => void; disabled: boolean }) {
  if (!backups.length) return <Alert color="yellow">还没有备份。</Alert>;
  return (
    <Table striped withTableBorder data-testid="backup-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>时间</Table.Th>
          <Table.Th>类型</Table.Th>
          <Table.Th>数据库</Table.Th>
          <Table.Th>证据与文书</Table.Th>
          <Table.Th>核验链</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={`${b.location}/${b.name}`}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {dateTime(b.createdAt)}
              {b.location === 'dataDir' && (
                <Text size="xs" c="dimmed">
                  在数据目录的 backups 中
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" tt="none" color={b.reason === 'preMigration' ? 'grape' : b.reason === 'daily' ? 'gray' : 'blue'}>
                {backupReasonLabels[b.reason]}
              </Badge>
            </Table.Td>
            <Table.Td>{formatBytes(b.databaseBytes)}</Table.Td>
            <Table.Td>
              {b.fileCount} 个，{formatBytes(b.fileBytes)}
            </Table.Td>
            <Table.Td>
              {b.auditCount === null ? (
                <Text size="sm" c="dimmed">
                  旧版本，无
                </Text>
              ) : (
                <Text size="sm">
                  {b.auditCount} 条 · <Code>{b.auditHead?.slice(0, 12) ?? '—'}</Code>
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Button size="compact-sm" variant="light" onClick={() => onRestore(b)} disabled={disabled} data-testid="backup-restore">
                恢复…
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
