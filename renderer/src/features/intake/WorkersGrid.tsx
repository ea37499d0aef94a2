/**
 * The editable workers grid. Keyboard: Enter / Shift+Enter move to the next / previous cell
 * (Enter on the last cell goes to the next row, adding one at the end), ↑ ↓ move between rows,
 * Tab moves along as usual, Ctrl+Enter adds a row, Alt+Enter opens the row's extra claims
 * (其他请求). Pasting several cells from a spreadsheet is
 * handed to `onPasteText` with the cell it was pasted into.
 */
import { memo, useCallback, useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isBlankDraft, type WorkerField } from '../../../../electron/core/workers/workerDraft';
import { ExtraClaimsEditor } from './ExtraClaimsEditor';
import { emptyExtraClaim, MAX_REPRESENTATIVES, type ExtraClaimDraft, type WorkerRow } from './intakeModel';
import type { IntakeActions } from './useIntakeDraft';
import { gridColumns, WorkerGridRow } from './WorkerGridRow';
import type { WorkerSummary } from './workerProblems';
import classes from './WorkersGrid.module.css';

export type PasteOrigin = { row: number; col: number } | null;

type Props = {
  rows: WorkerRow[];
  summary: WorkerSummary;
  collective: boolean;
  actions: IntakeActions;
  onPasteText: (text: string, origin: PasteOrigin) => void;
  /** set by the parent to move the focus to a cell (e.g. after "添加一行") */
  focusRequest: { row: number; col: number; seq: number } | null;
};

function cellOf(target: EventTarget | null): { row: number; col: number } | null {
  if (!(target instanceof HTMLInputElement) || target.dataset.row === undefined || target.dataset.col === undefined) return null;
  return { row: Number(target.dataset.row), col: Number(target.dataset.col) };
}

export const WorkersGrid = memo(function WorkersGrid({ rows, summary, collective, actions, onPasteText, focusRequest }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  const pendingFocus = useRef<{ row: number; col: number } | null>(null);
  const rowCount = useRef(rows.length);
  rowCount.current = rows.length;
  const lastCol = gridColumns.length - 1;
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  /** key of the row whose extra claims are being edited */
  const [editingKey, setEditingKey] = useState<string | null>(null);

  const onEditClaims = useCallback(
    (key: string) => {
      const row = rowsRef.current.find((r) => r.key === key);
      if (!row) return;
      // an empty list opens with one item ready to fill in (dropped again if left blank)
      if (row.extraClaims.length === 0) actions.setExtraClaims(key, [emptyExtraClaim()]);
      setEditingKey(key);
    },
    [actions],
  );
  const onClaimsChange = useCallback((key: string, claims: ExtraClaimDraft[]) => actions.setExtraClaims(key, claims), [actions]);
  const onClaimsClose = useCallback(() => setEditingKey(null), []);

  const focusCell = useCallback((row: number, col: number) => {
    const input = tableRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (!input) return false;
    input.focus();
    input.select();
    return true;
  }, []);

  // a cell asked for before its row existed is focused once the row has rendered
  useEffect(() => {
    const p = pendingFocus.current;
    if (p && focusCell(p.row, p.col)) pendingFocus.current = null;
  });

  useEffect(() => {
    if (!focusRequest) return;
    if (!focusCell(focusRequest.row, focusRequest.col)) pendingFocus.current = { row: focusRequest.row, col: focusRequest.col };
  }, [focusRequest, focusCell]);

  const goTo = useCallback(
    (row: number, col: number) => {
      if (row < 0) return;
      if (row >= rowCount.current) {
        actions.addWorkerRow();
        pendingFocus.current = { row, col };
        return;
      }
      focusCell(row, col);
    },
    [actions, focusCell],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const at = cellOf(e.target);
    if (!at) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      actions.addWorkerRow();
      pendingFocus.current = { row: rowCount.current, col: 0 };
      return;
    }
    if (e.nativeEvent.isComposing) return; // IME candidate selection uses Enter
    if (e.key === 'Enter' && e.altKey) {
      e.preventDefault();
      const row = rowsRef.current[at.row];
      if (row) onEditClaims(row.key);
      return;
    }
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      if (at.col > 0) goTo(at.row, at.col - 1);
      else goTo(at.row - 1, lastCol);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (at.col < lastCol) goTo(at.row, at.col + 1);
      else goTo(at.row + 1, 0);
    } else if (e.key === 'ArrowDown' && !e.altKey) {
      e.preventDefault();
      if (at.row + 1 < rowCount.current) focusCell(at.row + 1, at.col);
    } else if (e.key === 'ArrowUp' && !e.altKey) {
      e.preventDefault();
      if (at.row > 0) focusCell(at.row - 1, at.col);
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain');
    // a single value goes into the cell as usual; a block of cells is a roster paste
    if (!text || !/[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))) return;
    e.preventDefault();
    onPasteText(text, cellOf(e.target));
  };

  const repCount = collective ? rows.reduce((n, r) => n + (r.representative ? 1 : 0), 0) : 0;
  const repsFull = repCount >= MAX_REPRESENTATIVES;
  const showOther = rows.some((r) => r.team.trim() !== '' || r.bankCard.trim() !== '' || r.note.trim() !== '');

  const onCell = useCallback((key: string, field: WorkerField, value: string) => actions.setWorkerCell(key, field, value), [actions]);
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  /** Deleting a filled row can be undone from the notice that says so. */
  const onRemove = useCallback(
    (key: string) => {
      const index = rowsNow.current.findIndex((r) => r.key === key);
      const row = rowsNow.current[index];
      actions.removeWorkerRow(key);
      if (!row || isBlankDraft(row)) return;
      const id = `worker-removed-${key}`;
      notifications.show({
        id,
        color: 'gray',
        autoClose: 10_000,
        message: (
          <Group gap="xs" wrap="nowrap" data-testid="worker-removed">
            <span>
              已删除第{index + 1}行{row.name.trim() ? `（${row.name.trim()}）` : ''}
            </span>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                actions.restoreWorkerRow(row, index);
                notifications.hide(id);
              }}
              data-testid="worker-undo-remove"
            >
              撤销
            </Button>
          </Group>
        ),
      });
    },
    [actions],
  );
  const onRep = useCallback((key: string, on: boolean) => actions.setRepresentative(key, on), [actions]);
  const onLegacyReason = useCallback((key: string, reason: string) => actions.setLegacyIdReason(key, reason), [actions]);

  const editingIndex = editingKey ? rows.findIndex((r) => r.key === editingKey) : -1;
  const editingRow = editingIndex >= 0 ? rows[editingIndex] : null;

  return (
    <div className={classes.scroller} data-testid="workers-grid">
      <table className={classes.table} ref={tableRef} onKeyDown={onKeyDown} onPaste={onPaste} aria-label="申请人名单">
        <thead>
          <tr>
            <th className={classes.rowNo}>#</th>
            {gridColumns.map((c) => (
              <th key={c.field} style={{ minWidth: c.width, textAlign: c.numeric ? 'right' : 'left' }}>
                {c.label}
                {['dailyWage', 'due', 'paid', 'owed'].includes(c.field) ? '(元)' : ''}
              </th>
            ))}
            <th title="加班费、经济补偿、赔偿金等（Alt+Enter）">其他请求</th>
            {showOther && <th>其他</th>}
            {collective && <th title={`最多${MAX_REPRESENTATIVES}名`}>代表人</th>}
            <th aria-label="操作" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <WorkerGridRow
              key={row.key}
              row={row}
              index={i}
              problems={summary.byKey.get(row.key)}
              showRepresentative={collective}
              representativeDisabled={repsFull}
              showOther={showOther}
              onCell={onCell}
              onRepresentative={onRep}
              onRemove={onRemove}
              onLegacyReason={onLegacyReason}
              onEditClaims={onEditClaims}
            />
          ))}
        </tbody>
      </table>
      <ExtraClaimsEditor
        row={editingRow ?? null}
        index={editingIndex}
        onChange={onClaimsChange}
        onClose={onClaimsClose}
      />
    </div>
  );
});
