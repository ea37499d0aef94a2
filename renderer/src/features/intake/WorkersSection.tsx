/**
 * 申请人（劳动者）: the grid plus its ways in — typing, pasting from a spreadsheet, importing an
 * .xlsx / .csv file (always through the preview) — and the collective-dispute marker.
 */
import { memo, useCallback, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call } from '../../api';
import { COLLECTIVE_MIN_WORKERS } from '../../../../electron/core/domain';
import { cellText, parseRosterGrid, parseTsv, type RosterPreview } from '../../../../electron/core/workers/rosterGrid';
import { BulkClaimModal } from './ExtraClaimsEditor';
import { MAX_REPRESENTATIVES, emptyWorkerRow, workerRowFromDraft, type WorkerRow } from './intakeModel';
import { PasteRosterModal } from './PasteRosterModal';
import { RosterImportModal, type ImportChoice } from './RosterImportModal';
import type { IntakeActions } from './useIntakeDraft';
import { gridColumns } from './WorkerGridRow';
import { WorkersGrid, type PasteOrigin } from './WorkersGrid';
import { formatAmount, type WorkerSummary } from './workerProblems';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { parseYuanToFen } from '../../../../electron/core/money';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

/** Header-less block pasted into a cell: fills the grid from that cell, adding rows as needed. */
function fillFrom(rows: WorkerRow[], origin: { row: number; col: number }, block: string[][]): WorkerRow[] {
  const next = [...rows];
  block.forEach((line, i) => {
    const r = origin.row + i;
    while (next.length <= r) next.push(emptyWorkerRow());
    const updated = { ...next[r] };
    line.forEach((value, j) => {
      const col = gridColumns[origin.col + j];
      if (col) updated[col.field] = value;
    });
    next[r] = updated;
  });
  return next;
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 12).join('、');
  return rows.length > 12 ? `${shown}等` : shown;
}

type Props = {
  rows: WorkerRow[];
  summary: WorkerSummary;
  today: string;
  actions: IntakeActions;
};

export const WorkersSection = memo(function WorkersSection({ rows, summary, today, actions }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ preview: RosterPreview; source: string } | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [reading, setReading] = useState(false);
  const [importError, setImportError] = useState<string | null>(null);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ row: number; col: number; seq: number } | null>(null);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const collective = summary.filled >= COLLECTIVE_MIN_WORKERS;
  const reps = collective ? rows.filter((r) => r.representative).length : 0;

  const addRow = useCallback(() => {
    actions.addWorkerRow();
    setFocusRequest({ row: rowsRef.current.length, col: 0, seq: Date.now() });
  }, [actions]);

  const accept = (choice: ImportChoice, source: string) => {
    if (choice.drafts.length) actions.appendWorkers(choice.drafts.map(workerRowFromDraft));
    setPending(null);
    const parts = [`已从${source}导入 ${choice.drafts.length} 行`];
    if (choice.leftOutRows.length)
      parts.push(`${choice.leftOutRows.length} 行有错误未导入（表格第${rowList(choice.leftOutRows)}行）`);
    if (choice.errorRowsImported) parts.push(`其中 ${choice.errorRowsImported} 行有错误，已在名单中标红，请逐格修改`);
    notifications.show({
      color: choice.leftOutRows.length || choice.errorRowsImported ? 'yellow' : 'teal',
      title: '导入完成',
      message: parts.join('；'),
      autoClose: 8000,
    });
  };

  /** Clipboard text (from the grid or the paste box) → preview, or straight in when it is clean. */
  const handlePaste = useCallback(
    (text: string, origin: PasteOrigin) => {
      setImportError(null);
      const grid = parseTsv(text);
      if (grid.assumedColumns && origin && origin.col > 0) {
        const block = grid.rows.map((r) => r.map((c) => cellText(c)));
        actions.setDraft((d) => ({ ...d, workers: fillFrom(d.workers, origin, block) }));
        return;
      }
      const preview = parseRosterGrid(grid, today);
      if (preview.drafts.length === 0) {
        const message = preview.issues[0]?.message ?? '粘贴的内容中没有可识别的申请人';
        setImportError(message);
        notifications.show({ color: 'red', title: '粘贴未导入', message });
        return;
      }
      const clean = !preview.issues.some((i) => i.level === 'error') && !preview.skipped.some((s) => s.reason !== '空行');
      if (clean) {
        setPasteOpen(false);
        accept({ drafts: preview.drafts, leftOutRows: [], errorRowsImported: 0 }, '粘贴内容');
      } else {
        setPasteOpen(false);
        setPending({ preview, source: '粘贴内容' });
      }
    },
    [actions, today],
  );

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setImportError(null);
    if (file.size > MAX_FILE_BYTES) {
      setImportError('文件过大（上限 20 MB）');
      return;
    }
    setReading(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const preview = await call('workers.previewRoster', { fileName: file.name, contentBase64 });
      setPending({ preview, source: file.name });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setImportError(`${file.name}：${message}`);
      notifications.show({ color: 'red', title: '无法读取名单', message });
    } finally {
      setReading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={4}>申请人（劳动者）</Title>
            {collective && (
              <Badge color="orange" variant="filled" data-testid="collective-badge">
                集体争议
              </Badge>
            )}
            {collective && (
              <Text size="sm" c={reps ? 'dimmed' : 'orange.8'} data-testid="representatives-count">
                代表人 {reps}/{MAX_REPRESENTATIVES}
                {reps === 0 ? '（请在名单右侧勾选）' : ''}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            <Button size="compact-sm" variant="light" onClick={addRow} data-testid="add-worker-row">
              + 添加一行
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setBulkOpen(true)}
              disabled={summary.filled === 0}
              data-testid="bulk-claim-open"
              title="为名单中所有申请人各添加一项相同的请求（如经济补偿）"
            >
              为所有申请人添加同一请求
            </Button>
            <Button size="compact-sm" variant="light" onClick={() => setPasteOpen(true)} data-testid="open-paste">
              粘贴
            </Button>
            <Button size="compact-sm" variant="light" loading={reading} onClick={() => fileInput.current?.click()}>
              导入 Excel / CSV
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              data-testid="roster-file-input"
              aria-label="导入申请人名单文件"
              style={{ display: 'none' }}
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Enter</Kbd> 下一格 · <Kbd size="xs">Shift</Kbd>+<Kbd size="xs">Enter</Kbd> 上一格 ·{' '}
          <Kbd size="xs">↑</Kbd>
          <Kbd size="xs">↓</Kbd> 换行 · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> 添加一行 ·{' '}
          <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">Enter</Kbd> 编辑该行其他请求（加班费、经济补偿等） · 可直接从 Excel / WPS
          复制多行粘贴到名单中。欠发可不填（按应发−已发计算）；满{COLLECTIVE_MIN_WORKERS}人为集体争议，可勾选至多
          {MAX_REPRESENTATIVES}名代表人。
        </Text>
        {importError && (
          <Alert color="red" variant="light" withCloseButton onClose={() => setImportError(null)} data-testid="import-error">
            {importError}
          </Alert>
        )}
        <WorkersGrid
          rows={rows}
          summary={summary}
          collective={collective}
          actions={actions}
          onPasteText={handlePaste}
          focusRequest={focusRequest}
        />
      </Stack>
      <BulkClaimModal
        opened={bulkOpen}
        workerCount={summary.filled}
        onClose={() => setBulkOpen(false)}
        onApply={(claim) => {
          const n = actions.addClaimToAll(claim);
          setBulkOpen(false);
          const fen = parseYuanToFen(claim.amount);
          notifications.show({
            color: 'teal',
            title: '已添加请求',
            message: `已为 ${n} 名申请人各添加「${claimTypeLabels[claim.type]}」${fen.ok ? ` ${formatAmount(fen.fen)}` : ''}`,
          });
        }}
      />
      {pasteOpen && <PasteRosterModal onSubmit={(text) => handlePaste(text, null)} onClose={() => setPasteOpen(false)} />}
      {pending && (
        <RosterImportModal
          preview={pending.preview}
          source={pending.source}
          onImport={(choice) => accept(choice, pending.source)}
          onCancel={() => setPending(null)}
        />
      )}
    </Paper>
  );
});
