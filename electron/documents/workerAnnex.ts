/**
 * The annex table of a collective document (调解书, 裁决书): one row per worker — 序号, 姓名,
 * 身份证号码, then the document's amount columns and an optional text column — and a 合计 row
 * counting the workers and summing each amount column. Both documents shape it the same way; each
 * supplies its widths, what a worker's row is computed from, and its columns.
 */
import type { Table } from 'docx';
import { formatFen, sumFen } from '../core/money';
import { table, type TableColumn } from './layout';

/** An amount column: right-aligned, its 合计 the sum of the column; `show` writes a cell other than the plain amount ('—', "5,000.00 转账"). */
export type AnnexAmount<R> = { header: string; width: number; fen: (row: R) => number; show?: (fen: number, row: R) => string };

/** A text column after the amounts: centred, blank in the 合计 row. */
export type AnnexText<R> = { header: string; width: number; text: (row: R) => string };

export function workerAnnexTable<W extends { name: string; idNumber: string }, R>(opts: {
  workers: W[];
  /** Widths of 序号, 姓名 and 身份证号码. */
  widths: [number, number, number];
  /** What one worker's cells are read from (computed once per worker). */
  row: (worker: W) => R;
  amounts: AnnexAmount<R>[];
  text?: AnnexText<R>;
  size?: number;
}): Table {
  const [no, name, id] = opts.widths;
  const columns: TableColumn[] = [
    { header: '序号', width: no, align: 'center' },
    { header: '姓名', width: name, align: 'center' },
    { header: '身份证号码', width: id, align: 'center' },
    ...opts.amounts.map((a): TableColumn => ({ header: a.header, width: a.width, align: 'right' })),
    ...(opts.text ? [{ header: opts.text.header, width: opts.text.width, align: 'center' } satisfies TableColumn] : []),
  ];
  const computed = opts.workers.map(opts.row);
  const rows = opts.workers.map((w, i) => {
    const r = computed[i]!;
    const amounts = opts.amounts.map((a) => {
      const fen = a.fen(r);
      return a.show ? a.show(fen, r) : formatFen(fen);
    });
    return [String(i + 1), w.name, w.idNumber, ...amounts, ...(opts.text ? [opts.text.text(r)] : [])];
  });
  const totals = ['', '合计', `${opts.workers.length}人`, ...opts.amounts.map((a) => formatFen(sumFen(computed.map(a.fen)))), ...(opts.text ? [''] : [])];
  return table({ columns, rows, totals, size: opts.size });
}
