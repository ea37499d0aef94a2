import { useEffect, useState } from 'react';
import { Code, CopyButton, Button, Group, Text } from '@mantine/core';
import { call } from '../../api';

let dataDirPromise: Promise<string> | null = null;
/** The data folder of this installation (asked once). */
export function useDataDir(): string | null {
  const [dir, setDir] = useState<string | null>(null);
  useEffect(() => {
    dataDirPromise ??= call('app.info', {}).then((i) => i.dataDir);
    let live = true;
    dataDirPromise.then((d) => live && setDir(d)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return dir;
}

/** On the desktop a file is shown by its path, with a copy button and the 在文件夹中显示 hint. */
export function DesktopPath({ path, testId }: { path: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId}>
      <Code style={{ wordBreak: 'break-all' }}>{path}</Code>
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="subtle" onClick={copy}>
            {copied ? '已复制' : '复制路径'}
          </Button>
        )}
      </CopyButton>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        在文件夹中显示：在文件管理器中打开此路径
      </Text>
    </Group>
  );
}
