import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Alert, Box, Button, CloseButton, Group, NativeSelect, Paper, Progress, SegmentedControl, Stack, Text } from '@mantine/core';
import { submitterLabels, submitters, trackLabels, tracks, type Submitter, type Track } from '../../../../electron/core/domain';
import { call, onEvent } from '../../api';
import { addEvidenceByPath, chooseFiles, isDesktop, newImportId, uploadEvidence, UploadError } from '../../transfer';
import { formatBytes } from './format';

type Item = {
  importId: string;
  name: string;
  size: number;
  loaded: number;
  /** Bytes the host has hashed and stored so far (its own progress events). */
  stored: number;
  startedAt: number;
  finishedAt: number | null;
  status: 'queued' | 'uploading' | 'storing' | 'done' | 'error' | 'cancelled';
  error: string | null;
  /** Desktop: added by path; sizes and bytes come from the backend's progress events. */
  byPath: boolean;
};

/** One at a time: files are numbered in the order chosen (证据一 is the first file picked). */
const PARALLEL = 1;
/** How long the bars of a finished batch stay on screen. */
const CLEAR_DONE_MS = 5000;

/**
 * 添加证据: a drop area and a file picker (several files at once). Each file uploads with its own
 * progress bar (bytes / total, MB/s) and 取消 button; errors stay on the file they belong to.
 */
export function EvidenceUpload({ caseId, defaultTrack, onAdded }: { caseId: number; defaultTrack: Track; onAdded: () => void }) {
  const [track, setTrack] = useState<Track>(defaultTrack);
  const [submittedBy, setSubmittedBy] = useState<Submitter>(defaultTrack === 'inspection' ? 'inspection' : 'applicant');
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const files = useRef(new Map<string, File | string>());
  const aborts = useRef(new Map<string, () => void>());
  const started = useRef(new Set<string>());
  const settings = useRef({ track, submittedBy });
  settings.current = { track, submittedBy };

  const patch = (importId: string, change: Partial<Item>) => setItems((list) => list.map((i) => (i.importId === importId ? { ...i, ...change } : i)));

  // The host's own progress (hashing and copying into the store) for the imports we started.
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type !== 'evidence.importProgress') return;
        setItems((list) =>
          list.some((i) => i.importId === event.importId)
            ? list.map((i) =>
                i.importId !== event.importId
                  ? i
                  : i.byPath
                    ? { ...i, stored: event.bytes, loaded: event.bytes, size: event.total ?? i.size }
                    : { ...i, stored: event.bytes },
              )
            : list,
        );
      }),
    [],
  );

  // Once the whole batch is through, its finished bars go away after a moment (failures stay
  // until dismissed, with their reason).
  const batchOver = items.length > 0 && !items.some((i) => i.status === 'queued' || i.status === 'uploading' || i.status === 'storing');
  const finished = items.filter((i) => i.status === 'done' || i.status === 'cancelled').length;
  useEffect(() => {
    if (!batchOver || finished === 0) return;
    const timer = setTimeout(() => setItems((list) => list.filter((i) => i.status !== 'done' && i.status !== 'cancelled')), CLEAR_DONE_MS);
    return () => clearTimeout(timer);
  }, [batchOver, finished]);

  // A small queue: at most PARALLEL uploads at a time, the rest wait their turn.
  useEffect(() => {
    const running = items.filter((i) => i.status === 'uploading' || i.status === 'storing').length;
    const next = items.filter((i) => i.status === 'queued').slice(0, Math.max(0, PARALLEL - running));
    for (const item of next) start(item);
  }, [items]); // start() only reads refs and stable props

  function start(item: Item) {
    const file = files.current.get(item.importId);
    if (!file || started.current.has(item.importId)) return;
    started.current.add(item.importId);
    patch(item.importId, { status: 'uploading', startedAt: performance.now() });
    const params = { caseId, ...settings.current, importId: item.importId };
    const upload: { promise: Promise<unknown>; abort: () => void } =
      typeof file === 'string'
        ? addEvidenceByPath(file, params)
        : uploadEvidence(file, params, ({ loaded }) => patch(item.importId, { loaded, status: loaded >= file.size ? 'storing' : 'uploading' }));
    aborts.current.set(item.importId, upload.abort);
    upload.promise
      .then(() => {
        setItems((list) => list.map((i) => (i.importId === item.importId ? { ...i, status: 'done', loaded: i.size, finishedAt: performance.now() } : i)));
        onAdded();
      })
      .catch((e: unknown) => {
        const cancelled = e instanceof UploadError && e.aborted;
        patch(item.importId, { status: cancelled ? 'cancelled' : 'error', error: cancelled ? null : (e as Error).message, finishedAt: performance.now() });
      })
      .finally(() => {
        aborts.current.delete(item.importId);
        files.current.delete(item.importId);
      });
  }

  function cancel(item: Item) {
    if (item.status === 'queued') {
      files.current.delete(item.importId);
      patch(item.importId, { status: 'cancelled' });
      return;
    }
    aborts.current.get(item.importId)?.();
    // The host also drops whatever it has half-written for this import.
    call('evidence.cancelImport', { importId: item.importId }).catch(() => undefined);
  }

  function enqueue(chosen: (File | string)[]) {
    if (chosen.length === 0) return;
    setNotice(null);
    const added: Item[] = chosen.map((source) => {
      const importId = newImportId();
      files.current.set(importId, source);
      const byPath = typeof source === 'string';
      const name = byPath ? source.replace(/^.*[\\/]/, '') : source.name;
      return { importId, name, size: byPath ? 0 : source.size, loaded: 0, stored: 0, startedAt: 0, finishedAt: null, status: 'queued', error: null, byPath };
    });
    setItems((current) => [...current.filter((i) => i.status !== 'done' && i.status !== 'cancelled'), ...added]);
  }

  function desktopPathOf(file: File): string | null {
    const bridge = window.sucai as unknown as { pathForFile?: (f: File) => string } | undefined;
    return bridge?.pathForFile?.(file) || null;
  }

  function add(list: FileList | File[]) {
    const chosen = Array.from(list);
    if (chosen.length === 0) return;
    if (isDesktop) {
      // Desktop: the preload turns a dropped File into its path; the file is then streamed by path.
      const paths = chosen.map(desktopPathOf).filter((p): p is string => !!p);
      if (paths.length !== chosen.length) {
        setNotice('无法取得拖入文件的路径：请点击此区域，在文件对话框中选择。');
        return;
      }
      enqueue(paths);
      return;
    }
    enqueue(chosen);
  }

  /** Browser: the hidden file input. Desktop: the native dialog, files then added by path. */
  function pick() {
    if (!isDesktop) return inputRef.current?.click();
    chooseFiles().then(enqueue, (e: Error) => setNotice(e.message));
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>
            证据来源
          </Text>
          <SegmentedControl
            value={track}
            onChange={(v) => setTrack(v as Track)}
            data={tracks.map((t) => ({ value: t, label: `${trackLabels[t]}取得` }))}
            data-testid="upload-track"
          />
        </div>
        <NativeSelect
          label="提交人"
          value={submittedBy}
          onChange={(e) => setSubmittedBy(e.currentTarget.value as Submitter)}
          data={submitters.map((s) => ({ value: s, label: submitterLabels[s] }))}
          data-testid="upload-submitted-by"
          w={140}
        />
      </Group>
      <Paper
        withBorder
        p="md"
        role="button"
        tabIndex={0}
        aria-label="添加证据：拖放文件到此处，或按回车选择文件"
        data-testid="evidence-dropzone"
        onClick={pick}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' && e.key !== ' ') return;
          e.preventDefault();
          pick();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          cursor: 'pointer',
          textAlign: 'center',
          background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          borderColor: dragging ? 'var(--mantine-color-blue-5)' : undefined,
        }}
      >
        <Text fw={500}>把证据文件拖到这里，或点击选择（可一次选多个）</Text>
        <Text size="xs" c="dimmed">
          PDF、图片、表格、文本、音视频均可；文件类型按内容识别，入库时计算 SHA-256，相同文件只存一份。
        </Text>
        <input
          ref={inputRef}
          type="file"
          multiple
          hidden
          data-testid="evidence-file-input"
          onChange={(e) => {
            add(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
          }}
        />
      </Paper>
      {notice && (
        <Alert color="orange" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {items.length > 0 && (
        <Stack gap={6} data-testid="upload-list">
          {items.map((item) => (
            <UploadRow key={item.importId} item={item} onCancel={() => cancel(item)} onDismiss={() => setItems((l) => l.filter((i) => i.importId !== item.importId))} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function UploadRow({ item, onCancel, onDismiss }: { item: Item; onCancel: () => void; onDismiss: () => void }) {
  const active = item.status === 'queued' || item.status === 'uploading' || item.status === 'storing';
  const seconds = ((item.finishedAt ?? performance.now()) - item.startedAt) / 1000;
  const speed = item.startedAt && seconds > 0.05 ? item.loaded / 1024 / 1024 / seconds : null;
  const percent = item.size ? (item.loaded / item.size) * 100 : item.status === 'done' ? 100 : 0;
  const color = item.status === 'error' ? 'red' : item.status === 'done' ? 'green' : item.status === 'cancelled' ? 'gray' : 'blue';
  const statusText: Record<Item['status'], string> = {
    queued: '等待上传',
    uploading: '上传中',
    storing: item.stored ? `入库校验中 ${formatBytes(item.stored)}` : '入库校验中…',
    done: '已添加',
    error: '失败',
    cancelled: '已取消',
  };
  return (
    <Box data-testid="upload-item" data-status={item.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" truncate="end" style={{ flex: 1 }}>
          {item.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatBytes(item.loaded)} / {formatBytes(item.size)}
          {speed !== null && active ? ` · ${speed.toFixed(1)} MB/s` : ''} · <Text span c={color} size="xs">{statusText[item.status]}</Text>
        </Text>
        {active ? (
          <Button size="compact-xs" variant="default" onClick={onCancel} data-testid="upload-cancel">
            取消
          </Button>
        ) : (
          <CloseButton size="sm" aria-label={`移除 ${item.name}`} onClick={onDismiss} />
        )}
      </Group>
      <Progress value={percent} color={color} size="sm" animated={item.status === 'storing'} aria-label={`${item.name} 上传进度`} />
      {item.error && (
        <Text size="xs" c="red" data-testid="upload-error">
          {item.error}
        </Text>
      )}
    </Box>
  );
}
