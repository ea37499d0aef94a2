/**
 * Checks and summaries of the workers' extra claims (仲裁请求 beyond unpaid wages: 加班费、
 * 经济补偿、赔偿金、其他). Pure: no React.
 */
import { claimTypeLabels } from '../../../../electron/core/domain';
import { formatFen, parseYuanToFen } from '../../../../electron/core/money';
import { isBlankDraft } from '../../../../electron/core/workers/workerDraft';
import { isBlankExtraClaim, type ExtraClaimDraft, type WorkerRow } from './intakeModel';

export const NOTE_MAX = 200;

export type ExtraClaimIssues = { amount?: string; note?: string };
export type ExtraClaimCheck = { fen: number | null; issues: ExtraClaimIssues };

/** One item: its amount in fen when valid, and a message per field. */
export function checkExtraClaim(c: ExtraClaimDraft): ExtraClaimCheck {
  const issues: ExtraClaimIssues = {};
  let fen: number | null = null;
  const parsed = parseYuanToFen(c.amount);
  if (!parsed.ok) issues.amount = parsed.message;
  else if (parsed.fen === 0) issues.amount = '金额应大于0';
  else fen = parsed.fen;
  if (c.type === 'other' && c.note.trim() === '') issues.note = '请注明请求内容';
  else if (c.note.trim().length > NOTE_MAX) issues.note = `说明最多${NOTE_MAX}字`;
  return { fen, issues };
}

export function hasIssues(i: ExtraClaimIssues): boolean {
  return i.amount !== undefined || i.note !== undefined;
}

/** The items that count: blank ones (added, never filled in) are ignored. */
export function filledClaims(list: ExtraClaimDraft[]): ExtraClaimDraft[] {
  return list.filter((c) => !isBlankExtraClaim(c));
}

export type RowClaims = { count: number; totalFen: number; errors: number; text: string };

/** What the grid cell shows: "加班费 1,200.00 等2项". */
export function rowClaimsSummary(list: ExtraClaimDraft[]): RowClaims {
  const items = filledClaims(list);
  let totalFen = 0;
  let errors = 0;
  for (const c of items) {
    const r = checkExtraClaim(c);
    if (r.fen !== null) totalFen += r.fen;
    if (hasIssues(r.issues)) errors++;
  }
  if (!items.length) return { count: 0, totalFen: 0, errors: 0, text: '' };
  const first = items[0];
  const firstCheck = checkExtraClaim(first);
  const amount = firstCheck.fen !== null ? formatFen(firstCheck.fen) : '金额有误';
  const text = `${claimTypeLabels[first.type]} ${amount}${items.length > 1 ? ` 等${items.length}项` : ''}`;
  return { count: items.length, totalFen, errors, text };
}

export type ClaimsSummary = {
  /** sum of the valid extra claims of non-blank rows, in fen */
  totalFen: number;
  /** number of filled items */
  count: number;
  /** one line per problem, e.g. "第3行 申请人张三 加班费金额：金额格式不正确…" */
  errors: string[];
};

export function summariseExtraClaims(rows: WorkerRow[]): ClaimsSummary {
  let totalFen = 0;
  let count = 0;
  const errors: string[] = [];
  rows.forEach((row, i) => {
    const items = filledClaims(row.extraClaims);
    if (!items.length) return;
    const who = `第${i + 1}行 申请人${row.name.trim() ? row.name.trim() : ''}`;
    if (isBlankDraft(row)) {
      errors.push(`${who}：未填写申请人信息，却有${items.length}项其他请求`);
      return;
    }
    for (const c of items) {
      count++;
      const { fen, issues } = checkExtraClaim(c);
      if (fen !== null) totalFen += fen;
      const label = claimTypeLabels[c.type];
      if (issues.amount) errors.push(`${who} ${label}金额：${issues.amount}`);
      if (issues.note) errors.push(`${who} ${label}说明：${issues.note}`);
    }
  });
  return { totalFen, count, errors };
}
