/**
 * The annex table of a collective document (调解书, 裁决书): one row per worker — 序号, 姓名,
 * 身份证号码, then the document's own amount columns — and a 合计 row counting the workers. Both
 * documents shape it the same way; each supplies its widths, amount columns and cells.
 */
import type { Table } from 'docx';
import { table, type TableColumn } from '../layout';

export function workerAnnexTable<W extends { name: string; idNumber: string }>(opts: {
  workers: W[];
  /** Widths of 序号, 姓名 and 身份证号码. */
  widths: [number, number, number];
  /** The document's own columns after the identity columns. */
  columns: TableColumn[];
  /** The cells of those columns for one worker (computed in worker order, so sums can accumulate). */
  cells: (worker: W) => string[];
  /** The 合计 row's cells of those columns, read after every row was computed. */
  totals: () => string[];
  size?: number;
}): Table {
  const [no, name, id] = opts.widths;
  const columns: TableColumn[] = [
    { header: '序号', width: no, align: 'center' },
    { header: '姓名', width: name, align: 'center' },
    { header: '身份证号码', width: id, align: 'center' },
    ...opts.columns,
  ];
  const rows = opts.workers.map((w, i) => [String(i + 1), w.name, w.idNumber, ...opts.cells(w)]);
  const totals = ['', '合计', `${opts.workers.length}人`, ...opts.totals()];
  return table({ columns, rows, totals, size: opts.size });
}
