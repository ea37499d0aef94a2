import { useEffect, useState } from 'react';
import { Code, CopyButton, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
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

type Opener = { openPath?: (path: string, action: 'open' | 'show') => Promise<{ ok: boolean; error?: { message: string } }> };

/** Desktop: the system's word processor (where the clerk prints) or the file's folder. */
async function openPath(path: string, action: 'open' | 'show') {
  const bridge = window.sucai as unknown as Opener | undefined;
  const result = await bridge?.openPath?.(path, action);
  if (result && !result.ok) notifications.show({ color: 'red', message: result.error?.message ?? '无法打开' });
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
      <Button size="compact-xs" variant="light" onClick={() => openPath(path, 'open')}>
        用本机程序打开（打印）
      </Button>
      <Button size="compact-xs" variant="subtle" onClick={() => openPath(path, 'show')}>
        在文件夹中显示
      </Button>
    </Group>
  );
}
