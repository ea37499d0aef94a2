import { useEffect, useState } from 'react';
import { Alert, Button, CloseButton, Code, Group, List, Paper, Progress, Stack, Text } from '@mantine/core';
import type { VerifyReport } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { errorMessage } from './format';

/**
 * 校验: checks every stored file against its SHA-256 in the background. Progress comes from
 * `evidence.verifyProgress` events (with a slow poll as a fallback), then the report.
 */
export function useVerify() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(false);

  useEffect(() => onEvent((event) => event.type === 'evidence.verifyProgress' && setReport(event.report)), []);
  const running = report?.running ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      call('evidence.verifyStatus', {})
        .then(setReport)
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [running]);

  const start = async () => {
    setShown(true);
    setError(null);
    try {
      setReport(await call('evidence.verifyStart', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { report, error, shown, running, start, hide: () => setShown(false) };
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerify> }) {
  return (
    <Button variant="light" onClick={() => void verify.start()} loading={verify.running} data-testid="verify-evidence">
      校验
    </Button>
  );
}

export function VerifyReportView({ verify }: { verify: ReturnType<typeof useVerify> }) {
  const { report, error } = verify;
  if (!verify.shown) return null;
  const problems = report ? report.missing.length + report.altered.length : 0;
  const done = report && !report.running;
  return (
    <Paper withBorder p="sm" data-testid="verify-report" data-state={error ? 'error' : !done ? 'running' : problems ? 'failed' : 'ok'}>
      <Group justify="space-between" mb={6}>
        <Text fw={600}>存储校验（SHA-256）</Text>
        <CloseButton size="sm" aria-label="关闭校验结果" onClick={verify.hide} />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {report && report.running && (
        <Stack gap={4}>
          <Text size="sm">
            正在校验… {report.checked} / {report.total} 个文件
          </Text>
          <Progress value={report.total ? (report.checked / report.total) * 100 : 0} animated aria-label="校验进度" />
          <Text size="xs" c="dimmed">
            校验在后台进行，可以继续其他工作。
          </Text>
        </Stack>
      )}
      {done && problems === 0 && (
        <Alert color="green" title="校验通过">
          存储中的全部 {report.total} 个文件与登记的 SHA-256 一致，没有缺失或被改动的文件。
          {report.finishedAt && <Text size="xs" c="dimmed">完成于 {new Date(report.finishedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</Text>}
        </Alert>
      )}
      {done && problems > 0 && (
        <Alert color="red" title={`校验发现 ${problems} 个问题（共检查 ${report.total} 个文件）`}>
          {report.missing.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                文件缺失：
              </Text>
              <List size="sm" mb="xs">
                {report.missing.map((m) => (
                  <List.Item key={m.sha256}>
                    {m.exhibits.join('、')} <Code fz="xs">{m.sha256.slice(0, 16)}…</Code>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {report.altered.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                文件已被改动（内容与登记的 SHA-256 不符）：
              </Text>
              <List size="sm">
                {report.altered.map((a) => (
                  <List.Item key={a.sha256}>
                    {a.exhibits.join('、')}：登记 <Code fz="xs">{a.sha256.slice(0, 16)}…</Code>，实际 <Code fz="xs">{a.actual.slice(0, 16)}…</Code>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Alert>
      )}
    </Paper>
  );
}
