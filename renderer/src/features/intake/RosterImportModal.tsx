/**
 * Preview of an imported / pasted roster before it lands in the grid: the sheet's rows with each
 * problem marked on its cell, the list of problems, the rows that were skipped, and an explicit
 * choice — import everything (errors stay marked in the grid) or only the rows without errors
 * (saying how many are left out). Nothing is imported silently.
 */
import { useMemo } from 'react';
import { Alert, Badge, Button, Group, List, ScrollArea, Stack, Text } from '@mantine/core';
import type { RosterIssue, RosterPreview } from '../../../../electron/core/workers/rosterGrid';
import type { WorkerDraft } from '../../../../electron/core/workers/workerDraft';
import { ModalFrame } from '../../ui/ModalFrame';
import classes from './WorkersGrid.module.css';

export type ImportChoice = { drafts: WorkerDraft[]; leftOutRows: number[]; errorRowsImported: number };

type Props = {
  preview: RosterPreview;
  /** file name, or "粘贴内容" */
  source: string;
  onImport: (choice: ImportChoice) => void;
  onCancel: () => void;
};

const MAX_LISTED_ISSUES = 200;

export function RosterImportModal({ preview, source, onImport, onCancel }: Props) {
  const shownColumns = preview.columns.filter((c) => c.field !== null);

  const { byCell, byRow, errorRows, sheetIssues } = useMemo(() => {
    const shownLetters = new Set(preview.columns.filter((c) => c.field !== null).map((c) => c.column));
    const byCell = new Map<string, RosterIssue[]>();
    const byRow = new Map<number, RosterIssue[]>();
    const errorRows = new Set<number>();
    const sheetIssues: RosterIssue[] = [];
    const draftRows = new Set(preview.drafts.map((d) => d.sourceRow));
    for (const issue of preview.issues) {
      if (issue.row <= 0 || !draftRows.has(issue.row)) {
        if (issue.row <= 0 || issue.level === 'error') sheetIssues.push(issue);
        continue;
      }
      if (issue.level === 'error') errorRows.add(issue.row);
      if (issue.column && shownLetters.has(issue.column)) {
        const k = `${issue.row}:${issue.column}`;
        byCell.set(k, [...(byCell.get(k) ?? []), issue]);
      } else {
        byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
      }
    }
    return { byCell, byRow, errorRows, sheetIssues };
  }, [preview]);

  /** sheet rows in order: data rows and skipped rows (blank lines only counted) */
  const lines = useMemo(() => {
    const data = preview.drafts.map((d, i) => ({ row: d.sourceRow ?? i + 1, draft: d as WorkerDraft | null, reason: null as string | null }));
    const skipped = preview.skipped
      .filter((s) => s.reason !== '空行')
      .map((s) => ({ row: s.row, draft: null as WorkerDraft | null, reason: s.reason as string | null }));
    return [...data, ...skipped].sort((a, b) => a.row - b.row);
  }, [preview]);

  const total = preview.drafts.length;
  const validDrafts = preview.drafts.filter((d) => !errorRows.has(d.sourceRow ?? -1));
  const leftOut = total - validDrafts.length;
  const blankCount = preview.skipped.filter((s) => s.reason === '空行').length;
  const skippedOther = preview.skipped.filter((s) => s.reason !== '空行');
  const errorIssues = preview.issues.filter((i) => i.level === 'error').length;
  const warningIssues = preview.issues.length - errorIssues;

  return (
    <ModalFrame
      opened
      onClose={onCancel}
      size="95%"
      title={
        <Group gap="xs">
          <Text fw={600}>导入预览：{source}</Text>
          {preview.sheetName && !/\.csv$/i.test(source) && source !== '粘贴内容' && <Badge variant="light">工作表 {preview.sheetName}</Badge>}
        </Group>
      }
      testId="import-preview"
      closeOnClickOutside={false}
    >
      <Stack gap="sm">
        <Group gap="md">
          <Text size="sm" data-testid="import-summary">
            共识别 <b>{total}</b> 行职工数据，其中 <b style={{ color: 'var(--mantine-color-red-7)' }}>{leftOut}</b> 行有错误；
            错误 {errorIssues} 处，提示 {warningIssues} 处
            {preview.headerRows.length ? `；表头在第${preview.headerRows.join('、')}行` : ''}
          </Text>
        </Group>

        {sheetIssues.length > 0 && (
          <Alert color="red" variant="light" title="表格问题">
            {sheetIssues.map((i, k) => (
              <Text size="sm" key={k}>
                {i.message}
              </Text>
            ))}
          </Alert>
        )}

        {total > 0 && (
          <ScrollArea.Autosize mah="46vh" type="auto" offsetScrollbars>
            <table className={`${classes.table} ${classes.previewTable}`} data-testid="import-preview-table">
              <thead>
                <tr>
                  <th className={classes.rowNo}>行</th>
                  {shownColumns.map((c) => (
                    <th key={c.column} style={{ textAlign: isAmount(c.field) ? 'right' : 'left' }}>
                      <Text span size="xs" c="dimmed" mr={4}>
                        {c.column}
                      </Text>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {lines.map((line) =>
                  line.draft ? (
                    <tr
                      key={`d${line.row}`}
                      data-testid={`preview-row-${line.row}`}
                      data-row-error={errorRows.has(line.row) ? 'true' : undefined}
                    >
                      <td
                        className={`${classes.rowNo} ${classes.cell}`}
                        data-error={byRow.get(line.row)?.some((i) => i.level === 'error') ? 'true' : undefined}
                        title={byRow.get(line.row)?.map((i) => i.message).join('\n')}
                      >
                        {line.row}
                      </td>
                      {shownColumns.map((c) => {
                        const issues = byCell.get(`${line.row}:${c.column}`);
                        const error = issues?.some((i) => i.level === 'error');
                        const text = line.draft![c.field!];
                        return (
                          <td
                            key={c.column}
                            className={classes.cell}
                            data-cell={`${c.column}${line.row}`}
                            data-error={error ? 'true' : undefined}
                            data-warning={issues && !error ? 'true' : undefined}
                            title={issues?.map((i) => i.message).join('\n')}
                          >
                            <div
                              style={{ padding: '4px 6px' }}
                              className={c.field === 'idNumber' ? classes.mono : isAmount(c.field) ? classes.num : undefined}
                            >
                              {text || <span style={{ color: 'var(--mantine-color-gray-5)' }}>（空）</span>}
                            </div>
                            {issues && (
                              <span className={classes.message}>{issues.map((i) => stripPrefix(i.message)).join('；')}</span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ) : (
                    <tr key={`s${line.row}`} data-testid={`preview-skipped-${line.row}`}>
                      <td className={classes.rowNo}>{line.row}</td>
                      <td colSpan={shownColumns.length} style={{ color: 'var(--mantine-color-gray-6)', fontStyle: 'italic', padding: '4px 6px' }}>
                        已跳过（{line.reason}）
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </ScrollArea.Autosize>
        )}

        {preview.issues.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              问题清单（{preview.issues.length}）
            </Text>
            <ScrollArea.Autosize mah={160} type="auto">
              <List size="sm" spacing={2} data-testid="import-issues">
                {preview.issues.slice(0, MAX_LISTED_ISSUES).map((i, k) => (
                  <List.Item key={k} c={i.level === 'error' ? 'red.8' : 'yellow.9'}>
                    {i.level === 'error' ? '错误' : '提示'}　{i.message}
                  </List.Item>
                ))}
                {preview.issues.length > MAX_LISTED_ISSUES && (
                  <List.Item>……另有 {preview.issues.length - MAX_LISTED_ISSUES} 处，导入后在表格中查看</List.Item>
                )}
              </List>
            </ScrollArea.Autosize>
          </div>
        )}

        {(skippedOther.length > 0 || blankCount > 0) && (
          <Text size="sm" c="dimmed" data-testid="import-skipped">
            未作为职工导入的行：
            {skippedOther.map((s) => `第${s.row}行（${s.reason}）`).join('、') || '无'}
            {blankCount > 0 ? `；空行 ${blankCount} 行` : ''}
          </Text>
        )}

        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel} data-testid="import-cancel">
            取消
          </Button>
          <Button
            variant="light"
            disabled={validDrafts.length === 0}
            data-testid="import-valid-only"
            onClick={() =>
              onImport({
                drafts: validDrafts,
                leftOutRows: preview.drafts.filter((d) => errorRows.has(d.sourceRow ?? -1)).map((d) => d.sourceRow ?? 0),
                errorRowsImported: 0,
              })
            }
          >
            只导入无误的行（{validDrafts.length} 行{leftOut > 0 ? `，另有 ${leftOut} 行有错误将不导入` : ''}）
          </Button>
          <Button
            disabled={total === 0}
            data-testid="import-all"
            data-autofocus
            onClick={() => onImport({ drafts: preview.drafts, leftOutRows: [], errorRowsImported: leftOut })}
          >
            导入全部（含错误，可在表格中修改）
          </Button>
        </Group>
      </Stack>
    </ModalFrame>
  );
}

function isAmount(field: string | null): boolean {
  return field === 'daysWorked' || field === 'dailyWage' || field === 'due' || field === 'paid' || field === 'owed';
}

/** "第7行 C列（身份证号码）：校验位错误" → "校验位错误" (the cell already says where). */
function stripPrefix(message: string): string {
  return message.replace(/^第\d+行(?: [A-Z]+列)?(?:（[^）]*）)?：/, '');
}
