import { useEffect, useState } from 'react';
import { Alert, Button, Code, CopyButton, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { ChainReport, VerifyProgress } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { dateTime as formatInstant } from '../mediation/format';

/**
 * 核验: checks the whole audit chain (every event's hash and link, every audited row against the
 * digest of the event that last wrote it) and shows "完整" with the head hash and the count, or
 * the first broken link and what is wrong with it.
 */
export function VerifyChainPanel() {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<string | null>(null);

  useEffect(() => onEvent((event) => event.type === 'audit.verifyProgress' && setProgress(event.progress)), []);

  const start = async () => {
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      setReport(await call('audit.verify', {}));
      setCheckedAt(new Date().toISOString());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="audit-panel">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={4}>核验</Title>
          <Text size="sm" c="dimmed" maw={560}>
            逐条核对办案记录的哈希链和全部案件数据：记录被改、被删、被插入或顺序被调换，数据在本程序之外被改动（例如用 SQLite 工具改了某人的金额），都会在此指出。
          </Text>
        </div>
        <Button onClick={() => void start()} loading={running} data-testid="audit-verify">
          开始核验
        </Button>
      </Group>
      {running && progress && (
        <Stack gap={4}>
          <Text size="sm">
            正在核验{progress.phase === 'events' ? '办案记录' : '案件数据'}… {progress.done} / {progress.total}
          </Text>
          <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated aria-label="核验进度" />
        </Stack>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {report && !running && <ChainReportView report={report} checkedAt={checkedAt} />}
    </Paper>
  );
}

function ChainReportView({ report, checkedAt }: { report: ChainReport; checkedAt: string | null }) {
  const when = checkedAt ? `核验于 ${formatInstant(checkedAt)}，用时 ${(report.elapsedMs / 1000).toFixed(1)} 秒` : '';
  if (report.intact) {
    return (
      <Alert color="green" title="完整" data-testid="audit-result" data-state="intact">
        <Stack gap={6}>
          <Text size="sm">
            共 {report.count} 条办案记录，哈希链环环相扣；案件数据 {report.rowsChecked} 行，每行都与最后写入它的记录一致。
          </Text>
          {report.head && (
            <>
              <Text size="sm">
                链头：第 {report.head.seq} 条（{formatInstant(report.head.at)}）
              </Text>
              <Group gap={6} wrap="nowrap">
                <Code style={{ wordBreak: 'break-all' }} data-testid="audit-head">
                  {report.head.hash}
                </Code>
                <CopyButton value={report.head.hash}>
                  {({ copied, copy }) => (
                    <Button size="compact-xs" variant="subtle" onClick={copy}>
                      {copied ? '已复制' : '复制'}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                可把链头抄录在纸质台账或另一台机器上：日后核验时，链中第 {report.head.seq} 条的哈希仍应是这个值。
              </Text>
            </>
          )}
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        </Stack>
      </Alert>
    );
  }
  const [first, ...rest] = report.problems;
  return (
    <Alert color="red" title={`不完整：发现 ${report.problemCount} 处问题`} data-testid="audit-result" data-state="broken">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          第一处：
        </Text>
        <Text size="sm" data-testid="audit-first-problem">
          {first?.message}
        </Text>
        {rest.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              其他：
            </Text>
            <List size="sm" spacing={2}>
              {rest.map((p, i) => (
                <List.Item key={i}>{p.message}</List.Item>
              ))}
            </List>
            {report.problemCount > report.problems.length && <Text size="sm">……另有 {report.problemCount - report.problems.length} 处未列出。</Text>}
          </>
        )}
        <Text size="xs" c="dimmed">
          共 {report.count} 条办案记录、{report.rowsChecked} 行案件数据。请保留现状并报告管理员；可从核验完整的备份恢复到新的数据目录对照。{when}
        </Text>
      </Stack>
    </Alert>
  );
}
