import { useEffect, useState } from 'react';
import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { DesktopPath } from '../documents/DesktopPath';
import { fileAvailable, isDesktop, packageFileUrl } from '../documents/files';

export type PackageInfo = { path: string; fileName: string; contents: string[] };

/** An assembled package (zip in the data folder): its contents, where it is, and a download when the host serves it. */
export function PackageResult({ title, pkg, testId, onClose }: { title: string; pkg: PackageInfo; testId: string; onClose?: () => void }) {
  const desktop = isDesktop();
  const url = packageFileUrl(pkg.fileName);
  const [downloadable, setDownloadable] = useState<boolean | null>(null);
  useEffect(() => {
    if (desktop) return;
    let live = true;
    fileAvailable(url).then((ok) => live && setDownloadable(ok));
    return () => {
      live = false;
    };
  }, [desktop, url]);

  return (
    <Alert color="teal" title={title} data-testid={testId} withCloseButton={Boolean(onClose)} onClose={onClose}>
      <Stack gap="xs">
        <Text size="sm">材料包 {pkg.fileName} 已生成，包含：</Text>
        <List size="sm" spacing={2} data-testid={`${testId}-contents`}>
          {pkg.contents.map((c, i) => (
            <List.Item key={i}>{c}</List.Item>
          ))}
        </List>
        <DesktopPath path={pkg.path} />
        {!desktop && downloadable && (
          <Button component="a" href={url} download={pkg.fileName} size="compact-sm" variant="light" w="fit-content" data-testid={`${testId}-download`}>
            下载材料包
          </Button>
        )}
        {!desktop && downloadable === false && (
          <Text size="xs" c="dimmed">
            本服务暂不提供材料包下载，请到上述数据目录中取用。
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
