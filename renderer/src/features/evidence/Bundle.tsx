import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Progress, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BundleImportReport } from '../../../../electron/core/contract';
import { call } from '../../api';
import { hrefFor } from '../../router';
import { bundleFileUrl, chooseFiles, isDesktop, triggerDownload, uploadBundle, UploadError, type Upload } from '../../transfer';
import { ModalFrame } from '../../ui/ModalFrame';
import { errorMessage, formatBytes } from './format';

/** 导出案卷包: the backend writes the bundle into the data folder; the browser then downloads it. */
export function ExportBundleButton({ caseId }: { caseId: number }) {
  const [busy, setBusy] = useState(false);
  const exportBundle = async () => {
    setBusy(true);
    try {
      const bundle = await call('bundle.export', { caseId });
      if (isDesktop) {
        notifications.show({ color: 'green', title: '案卷包已导出', message: bundle.path, autoClose: false });
      } else {
        triggerDownload(bundleFileUrl(bundle.fileName), bundle.fileName);
        notifications.show({ color: 'green', message: `案卷包已导出：${bundle.fileName}（${formatBytes(bundle.size)}）` });
      }
    } catch (e) {
      notifications.show({ color: 'red', title: '导出失败', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" onClick={() => void exportBundle()} loading={busy} data-testid="export-bundle">
      导出案卷包
    </Button>
  );
}

/**
 * 导入案卷包 (for the case list header): uploads a .zip; the host verifies every file's hash before
 * storing anything, then reports what was created, added, and what differs from the known case.
 */
export function BundleImportButton() {
  const inputRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ name: string; loaded: number; total: number } | null>(null);
  const [report, setReport] = useState<BundleImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<Upload<BundleImportReport> | null>(null);

  const start = (file: File) => {
    setError(null);
    setReport(null);
    setProgress({ name: file.name, loaded: 0, total: file.size });
    upload.current = uploadBundle(file, ({ loaded, total }) => setProgress({ name: file.name, loaded, total }));
    upload.current.promise
      .then(setReport)
      .catch((e: unknown) => {
        if (!(e instanceof UploadError && e.aborted)) setError(errorMessage(e));
      })
      .finally(() => {
        upload.current = null;
        setProgress(null);
      });
  };
  const pick = () => {
    if (isDesktop) {
      // Desktop: the native dialog gives a path; the backend reads the bundle from there.
      setError(null);
      setReport(null);
      chooseFiles()
        .then(async (paths) => {
          if (!paths.length) return;
          if (!paths[0].toLowerCase().endsWith('.zip')) throw new Error('请选择案卷包文件（.sucai.zip）');
          setReport(await call('bundle.import', { path: paths[0] }));
        })
        .catch((e: unknown) => setError(errorMessage(e)));
      return;
    }
    inputRef.current?.click();
  };
  const close = () => {
    setReport(null);
    setError(null);
  };

  return (
    <>
      <Button variant="default" onClick={pick} loading={progress !== null} data-testid="import-bundle">
        导入案卷包
      </Button>
      <input
        ref={inputRef}
        type="file"
        accept=".zip,application/zip"
        hidden
        data-testid="import-bundle-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) start(file);
        }}
      />
      <ModalFrame opened={progress !== null || report !== null || error !== null} onClose={close} title="导入案卷包" size="lg" testId="bundle-report">
        {progress && (
          <Stack gap={4}>
            <Text size="sm">
              {progress.loaded < progress.total ? '正在上传' : '正在校验每个文件的 SHA-256 并导入'}：{progress.name}
            </Text>
            <Progress value={progress.total ? (progress.loaded / progress.total) * 100 : 0} animated={progress.loaded >= progress.total} aria-label="导入进度" />
            <Text size="xs" c="dimmed">
              {formatBytes(progress.loaded)} / {formatBytes(progress.total)}
            </Text>
            <Group justify="flex-end">
              <Button size="xs" variant="default" onClick={() => upload.current?.abort()}>
                取消
              </Button>
            </Group>
          </Stack>
        )}
        {error && (
          <Alert color="red" title="案卷包未导入" data-testid="bundle-error">
            {error}
            <Text size="xs" mt={4}>
              未写入任何内容。
            </Text>
          </Alert>
        )}
        {report && <ImportReport report={report} onOpen={close} />}
      </ModalFrame>
    </>
  );
}

function ImportReport({ report, onOpen }: { report: BundleImportReport; onOpen: () => void }) {
  const nothingNew = !report.createdCase && Object.values(report.added).every((n) => n === 0);
  return (
    <Stack gap="sm">
      <Alert color={nothingNew ? 'gray' : 'green'} title={report.createdCase ? '已导入为新案件' : nothingNew ? '案卷包内容已全部存在，未新增任何内容' : '已并入已有案件'}>
        全部文件的 SHA-256 校验通过。案件：<b>{report.caseNumber ?? '待受理案件'}</b>
      </Alert>
      <Table withTableBorder w="auto" data-testid="bundle-added">
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>新增证据</Table.Td>
            <Table.Td>{report.added.exhibits} 件</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>新存文件</Table.Td>
            <Table.Td>{report.added.files} 个</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>新增劳动者</Table.Td>
            <Table.Td>{report.added.workers} 人</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>新增办案记录</Table.Td>
            <Table.Td>{report.added.events} 条</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" data-testid="bundle-event-check">
        核验：{report.eventCheck}
      </Text>
      {report.differences.length > 0 && (
        <Alert color="yellow" title="与本机已有案件的不同之处（未覆盖本机数据）">
          <List size="sm">
            {report.differences.map((d, i) => (
              <List.Item key={i}>{d}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group justify="flex-end">
        <Anchor href={hrefFor({ page: 'case', id: report.caseId })} onClick={onOpen} data-testid="bundle-open-case">
          打开案件 →
        </Anchor>
      </Group>
    </Stack>
  );
}
