/**
 * One worker row of the grid: plain inputs (light enough for rosters of hundreds), each cell
 * carrying its own problem (red = error, yellow = warning; message inline and as title).
 * Memoised: a keystroke re-renders only the row being typed in.
 */
import { memo } from 'react';
import type { WorkerField } from '../../../../electron/core/workers/workerDraft';
import { formatFen } from '../../../../electron/core/money';
import { rowClaimsSummary } from './extraClaims';
import { toWorkerDraft, type WorkerRow } from './intakeModel';
import { derivedAmounts, normaliseWorkerCell } from '../../../../electron/core/workers/validateWorkers';
import type { RowProblems } from './workerProblems';
import classes from './WorkersGrid.module.css';
import { LEGACY_ID_MESSAGE } from '../../../../electron/core/ids/idNumber';
import { LegacyIdException } from './LegacyIdException';

export type GridColumn = { field: WorkerField; label: string; width: number; numeric?: boolean; mono?: boolean };

export const gridColumns: GridColumn[] = [
  { field: 'name', label: '姓名', width: 96 },
  { field: 'idNumber', label: '身份证号码', width: 186, mono: true },
  { field: 'phone', label: '联系电话', width: 124, mono: true },
  { field: 'jobType', label: '工种', width: 80 },
  { field: 'daysWorked', label: '出勤天数', width: 72, numeric: true },
  { field: 'dailyWage', label: '日工资', width: 84, numeric: true },
  { field: 'due', label: '应发', width: 104, numeric: true },
  { field: 'paid', label: '已发', width: 104, numeric: true },
  { field: 'owed', label: '欠发', width: 104, numeric: true },
];

/** fields imported from a sheet but not shown as columns */
const otherFields: { field: WorkerField; label: string }[] = [
  { field: 'team', label: '班组' },
  { field: 'bankCard', label: '银行卡号' },
  { field: 'note', label: '备注' },
];

type Props = {
  row: WorkerRow;
  index: number;
  problems: RowProblems | undefined;
  showRepresentative: boolean;
  representativeDisabled: boolean;
  showOther: boolean;
  onCell: (key: string, field: WorkerField, value: string) => void;
  onRepresentative: (key: string, on: boolean) => void;
  onRemove: (key: string) => void;
  /** records why a 15-digit first-generation ID is accepted for this row */
  onLegacyReason: (key: string, reason: string) => void;
  /** opens the extra-claims editor of this row */
  onEditClaims: (key: string) => void;
};

function WorkerGridRowImpl({
  row,
  index,
  problems,
  showRepresentative,
  representativeDisabled,
  showOther,
  onCell,
  onRepresentative,
  onRemove,
  onLegacyReason,
  onEditClaims,
}: Props) {
  const n = index + 1;
  const otherText = otherFields
    .filter((o) => row[o.field].trim() !== '')
    .map((o) => `${o.label}：${row[o.field]}`)
    .join('；');
  const otherProblem = otherFields.map((o) => problems?.cells[o.field]).find(Boolean);
  const claims = rowClaimsSummary(row.extraClaims);
  // what the roster rules fill in for a blank 应发 / 欠发, shown in the empty cell
  const amounts = derivedAmounts(toWorkerDraft(row));
  const derived: Partial<Record<WorkerField, { text: string; why: string }>> = {
    ...(amounts.dueFen !== null ? { due: { text: `=${formatFen(amounts.dueFen)}`, why: '应发 = 日工资 × 出勤天数（未填时按此计算）' } } : {}),
    ...(amounts.owedFen !== null ? { owed: { text: `=${formatFen(amounts.owedFen)}`, why: '欠发 = 应发 − 已发（未填时按此计算）' } } : {}),
  };
  const claimsTitle = claims.count
    ? `${claims.text}，合计 ${formatFen(claims.totalFen)} 元${claims.errors ? `；${claims.errors} 项金额或说明有误` : ''}（Alt+Enter 编辑）`
    : '添加加班费、经济补偿等其他请求（Alt+Enter）';
  return (
    <tr data-testid={`worker-row-${index}`} data-row-error={problems?.hasError ? 'true' : undefined}>
      <td className={classes.rowNo} title={row.sourceRow ? `来自表格第${row.sourceRow}行` : undefined}>
        {n}
      </td>
      {gridColumns.map((col, c) => {
        const problem = problems?.cells[col.field];
        return (
          <td
            key={col.field}
            className={classes.cell}
            data-field={col.field}
            data-error={problem?.level === 'error' ? 'true' : undefined}
            data-warning={problem?.level === 'warning' ? 'true' : undefined}
            title={problem?.message}
            style={{ minWidth: col.width }}
          >
            <input
              className={`${classes.input} ${col.numeric ? classes.num : ''} ${col.mono ? classes.mono : ''} ${derived[col.field] ? classes.computed : ''}`}
              aria-label={`第${n}行 ${col.label}`}
              aria-invalid={problem?.level === 'error' ? true : undefined}
              data-row={index}
              data-col={c}
              value={row[col.field]}
              placeholder={derived[col.field]?.text}
              title={derived[col.field]?.why}
              inputMode={col.numeric ? 'decimal' : undefined}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => onCell(row.key, col.field, e.currentTarget.value)}
              onBlur={(e) => {
                // leaving a cell puts it in its normal form: full-width digits, "+86 138 …" → 13800000000
                const normal = normaliseWorkerCell(col.field, e.currentTarget.value);
                if (normal !== e.currentTarget.value) onCell(row.key, col.field, normal);
              }}
              data-testid={`cell-${index}-${col.field}`}
            />
            {problem && <span className={classes.message}>{problem.message}</span>}
            {col.field === 'idNumber' && problem?.message === LEGACY_ID_MESSAGE && <LegacyIdException rowNumber={n} onConfirm={(reason) => onLegacyReason(row.key, reason)} />}
          </td>
        );
      })}
      <td
        className={`${classes.cell} ${classes.claims}`}
        data-field="extraClaims"
        data-error={claims.errors ? 'true' : undefined}
      >
        <button
          type="button"
          className={`${classes.claimsButton} ${claims.count ? '' : classes.claimsEmpty}`}
          aria-label={`第${n}行 其他请求${claims.count ? `：${claims.text}` : '：添加'}`}
          title={claimsTitle}
          data-testid={`extra-claims-${index}`}
          data-extra-claims
          onClick={() => onEditClaims(row.key)}
        >
          {claims.count ? claims.text : '+'}
        </button>
        {claims.errors > 0 && <span className={classes.message}>{claims.errors} 项有误</span>}
      </td>
      {showOther && (
        <td
          className={`${classes.cell} ${classes.other}`}
          title={[otherText, otherProblem?.message].filter(Boolean).join('\n') || undefined}
          data-error={otherProblem?.level === 'error' ? 'true' : undefined}
          data-warning={otherProblem?.level === 'warning' ? 'true' : undefined}
        >
          {otherText}
        </td>
      )}
      {showRepresentative && (
        <td className={classes.tools}>
          <input
            type="checkbox"
            aria-label={`第${n}行 代表人`}
            data-testid={`representative-${index}`}
            checked={row.representative}
            disabled={representativeDisabled && !row.representative}
            onChange={(e) => onRepresentative(row.key, e.currentTarget.checked)}
            style={{ marginTop: 8 }}
          />
        </td>
      )}
      <td className={classes.tools}>
        <button
          type="button"
          tabIndex={-1}
          aria-label={`删除第${n}行`}
          title="删除此行"
          onClick={() => onRemove(row.key)}
          style={{ border: 0, background: 'transparent', color: 'var(--mantine-color-gray-6)', cursor: 'pointer', padding: '6px' }}
        >
          ✕
        </button>
      </td>
    </tr>
  );
}

export const WorkerGridRow = memo(
  WorkerGridRowImpl,
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    (a.problems?.sig ?? '') === (b.problems?.sig ?? '') &&
    a.showRepresentative === b.showRepresentative &&
    a.representativeDisabled === b.representativeDisabled &&
    a.showOther === b.showOther &&
    a.onCell === b.onCell &&
    a.onRepresentative === b.onRepresentative &&
    a.onRemove === b.onRemove &&
    a.onLegacyReason === b.onLegacyReason &&
    a.onEditClaims === b.onEditClaims,
);
