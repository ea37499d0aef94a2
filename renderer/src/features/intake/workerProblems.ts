/**
 * validateWorkers' flat problem list → per-row, per-cell problems for the grid, with a signature
 * per row so unchanged rows keep their memoised render.
 */
import { formatFen } from '../../../../electron/core/money';
import { validateWorkers } from '../../../../electron/core/workers/validateWorkers';
import { isBlankDraft, type WorkerField } from '../../../../electron/core/workers/workerDraft';
import { toWorkerDraft, type WorkerRow } from './intakeModel';

export type CellProblem = { level: 'error' | 'warning'; message: string };
export type RowProblems = { sig: string; cells: Partial<Record<WorkerField, CellProblem>>; hasError: boolean };

export type WorkerSummary = {
  /** non-blank rows */
  filled: number;
  /** rows that passed validation */
  valid: number;
  /** sum of owed amounts of valid rows, in fen */
  owedFen: number;
  errorCount: number;
  warningCount: number;
  /** keys of rows with at least one error, in grid order */
  errorKeys: string[];
  /** problems of each row, by row key (stable while rows are added or removed) */
  byKey: Map<string, RowProblems>;
};

export function summariseWorkers(rows: WorkerRow[], today: string): WorkerSummary {
  // sourceRow is left out: in the grid, "与第N行重复" must name the grid's row, not the sheet's
  const drafts = rows.map((r) => {
    const d = toWorkerDraft(r);
    delete d.sourceRow;
    return d;
  });
  const { problems, workers } = validateWorkers(drafts, today);
  const out: (RowProblems | undefined)[] = new Array(rows.length).fill(undefined);
  let errorCount = 0;
  let warningCount = 0;
  for (const p of problems) {
    const row = (out[p.index] ??= { sig: '', cells: {}, hasError: false });
    const existing = row.cells[p.field];
    // one message per cell: errors first, several errors joined
    if (!existing || (existing.level === 'warning' && p.level === 'error')) {
      row.cells[p.field] = { level: p.level, message: p.message };
    } else if (existing.level === p.level) {
      existing.message = `${existing.message}；${p.message}`;
    }
    if (p.level === 'error') {
      row.hasError = true;
      errorCount++;
    } else warningCount++;
  }
  const errorKeys: string[] = [];
  const byKey = new Map<string, RowProblems>();
  out.forEach((row, i) => {
    if (!row) return;
    byKey.set(rows[i].key, row);
    row.sig = Object.entries(row.cells)
      .map(([f, c]) => `${f}:${c!.level}:${c!.message}`)
      .join('|');
    if (row.hasError) errorKeys.push(rows[i].key);
  });
  let owedFen = 0;
  let valid = 0;
  for (const w of workers) {
    if (w) {
      owedFen += w.owedFen;
      valid++;
    }
  }
  const filled = rows.reduce((n, r) => n + (isBlankDraft(r) ? 0 : 1), 0);
  return { filled, valid, owedFen, errorCount, warningCount, errorKeys, byKey };
}

export function formatAmount(fen: number): string {
  return `¥${formatFen(fen)}`;
}
