import { lazy, Suspense, useEffect, useState } from 'react';
import { ActionIcon, Alert, Anchor, Badge, Box, Button, Code, CopyButton, Group, Loader, ScrollArea, Stack, Table, Tabs, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { ExhibitView, MethodOutput } from '../../../../electron/core/contract';
import { submitterLabels, trackLabels } from '../../../../electron/core/domain';
import { call } from '../../api';
import { evidenceDownloadUrl, evidenceFileUrl } from '../../transfer';
import { ModalFrame } from '../../ui/ModalFrame';
import { errorMessage, exhibitLabel, formatBytes, viewerKind } from './format';

const PdfView = lazy(() => import('./PdfView').then((m) => ({ default: m.PdfView })));

/** The in-app viewer: PDF pages, images (zoom, rotate, fit), spreadsheets as tables, plain text. */
export function EvidenceViewer({ exhibit, onClose }: { exhibit: ExhibitView | null; onClose: () => void }) {
  return (
    <ModalFrame
      opened={exhibit !== null}
      onClose={onClose}
      size="min(1200px, calc(100vw - 64px))"
      testId="evidence-viewer"
      title={exhibit ? <ViewerTitle exhibit={exhibit} /> : null}
    >
      {exhibit && <ViewerBody key={exhibit.id} exhibit={exhibit} />}
    </ModalFrame>
  );
}

function ViewerTitle({ exhibit }: { exhibit: ExhibitView }) {
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text fw={700}>{exhibitLabel(exhibit.seq)}</Text>
        <Text fw={500}>{exhibit.title}</Text>
        <Badge variant="light" color={exhibit.track === 'inspection' ? 'teal' : 'blue'}>{trackLabels[exhibit.track]}</Badge>
      </Group>
      <Group gap={6}>
        <Text size="xs" c="dimmed">
          {exhibit.fileName} · {formatBytes(exhibit.size)} · {submitterLabels[exhibit.submittedBy]} · SHA-256
        </Text>
        <Code fz="xs" data-testid="viewer-sha">{exhibit.sha256}</Code>
        <CopyButton value={exhibit.sha256}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" onClick={copy}>
              {copied ? '已复制' : '复制'}
            </Button>
          )}
        </CopyButton>
        <Anchor size="xs" href={evidenceDownloadUrl(exhibit.id)} download={exhibit.fileName} data-testid="viewer-download">
          下载原文件
        </Anchor>
      </Group>
    </Stack>
  );
}

function ViewerBody({ exhibit }: { exhibit: ExhibitView }) {
  const url = evidenceFileUrl(exhibit.id);
  const kind = viewerKind(exhibit);
  return (
    <Stack gap="xs">
      {kind === 'pdf' && (
        <Suspense fallback={<Loader />}>
          <PdfView url={url} pageCountHint={exhibit.pageCount} />
        </Suspense>
      )}
      {kind === 'image' && <ImageView url={url} alt={exhibit.title} />}
      {(kind === 'table' || kind === 'text') && <PreviewView id={exhibit.id} />}
      {kind === 'other' && (
        <Alert color="gray" title="此类文件不能在速裁台内预览">
          <Text size="sm">
            类型：{exhibit.mime || '未知'}。请用标题栏的「下载原文件」下载后，用本机程序打开。
          </Text>
        </Alert>
      )}
    </Stack>
  );
}

const ZOOM_STEPS = [0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

function ImageView({ url, alt }: { url: string; alt: string }) {
  const { ref, width: boxWidth, height: boxHeight } = useElementSize();
  const [natural, setNatural] = useState<{ w: number; h: number } | null>(null);
  const [failed, setFailed] = useState(false);
  const [rotation, setRotation] = useState(0);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');

  const turned = rotation % 180 !== 0;
  const w = natural ? (turned ? natural.h : natural.w) : 0;
  const h = natural ? (turned ? natural.w : natural.h) : 0;
  const fitScale = natural && boxWidth > 0 && boxHeight > 0 ? Math.min((boxWidth - 16) / w, (boxHeight - 16) / h, 1) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const step = (dir: 1 | -1) => {
    const next = dir > 0 ? ZOOM_STEPS.find((z) => z > scale + 1e-6) : [...ZOOM_STEPS].reverse().find((z) => z < scale - 1e-6);
    if (next) setZoom(next);
  };

  if (failed) return <Alert color="red">图片无法显示（文件可能已损坏或不在存储中，请运行「校验」）</Alert>;
  return (
    <Stack gap="xs">
      <Group justify="center" gap="xs">
        <ActionIcon variant="default" aria-label="缩小" onClick={() => step(-1)}>
          −
        </ActionIcon>
        <Text size="sm" w={52} ta="center" data-testid="viewer-zoom">
          {Math.round(scale * 100)}%
        </Text>
        <ActionIcon variant="default" aria-label="放大" onClick={() => step(1)}>
          +
        </ActionIcon>
        <Button size="xs" variant={zoom === 'fit' ? 'light' : 'default'} onClick={() => setZoom('fit')}>
          适合窗口
        </Button>
        <Button size="xs" variant="default" onClick={() => setZoom(1)}>
          原始大小
        </Button>
        <Button size="xs" variant="default" title="顺时针旋转90°" onClick={() => setRotation((r) => (r + 90) % 360)} data-testid="viewer-rotate">
          旋转90°
        </Button>
      </Group>
      <Box ref={ref} h="calc(100vh - 250px)" mih={300} style={{ overflow: 'auto', background: 'var(--mantine-color-gray-2)', display: 'grid', placeItems: 'center' }}>
        <Box pos="relative" w={w * scale || undefined} h={h * scale || undefined} style={{ flex: 'none' }}>
          <img
            src={url}
            alt={alt}
            data-testid="viewer-image"
            onLoad={(e) => setNatural({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
            onError={() => setFailed(true)}
            style={
              natural
                ? {
                    position: 'absolute',
                    left: '50%',
                    top: '50%',
                    width: natural.w * scale,
                    height: natural.h * scale,
                    transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
                    boxShadow: '0 1px 6px rgba(0,0,0,.25)',
                  }
                : { maxWidth: '100%', visibility: 'hidden' }
            }
          />
        </Box>
      </Box>
    </Stack>
  );
}

type Preview = MethodOutput<'evidence.preview'>;

function PreviewView({ id }: { id: number }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sheet, setSheet] = useState<string | null>('0');
  useEffect(() => {
    let live = true;
    call('evidence.preview', { id })
      .then((p) => live && setPreview(p))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!preview) return <Loader />;
  if (preview.kind === 'none') return <Alert color="gray">此文件没有可显示的内容，请下载后查看。</Alert>;
  if (preview.kind === 'text')
    return (
      <Stack gap={4}>
        <ScrollArea.Autosize mah="calc(100vh - 260px)" data-testid="viewer-text">
          <Box component="pre" m={0} p="sm" fz="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', background: 'var(--mantine-color-gray-0)' }}>
            {preview.text}
          </Box>
        </ScrollArea.Autosize>
        {preview.truncated && <Text size="xs" c="dimmed">文件较长，只显示开头部分；完整内容请下载原文件。</Text>}
      </Stack>
    );
  if (preview.sheets.length === 0) return <Alert color="gray">表格中没有工作表。</Alert>;
  return (
    <Tabs value={sheet} onChange={setSheet} keepMounted={false}>
      <Tabs.List>
        {preview.sheets.map((s, i) => (
          <Tabs.Tab key={i} value={String(i)}>
            {s.name}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {preview.sheets.map((s, i) => (
        <Tabs.Panel key={i} value={String(i)} pt="xs">
          <SheetTable rows={s.rows} />
          {s.truncated && <Text size="xs" c="dimmed" mt={4}>表格较大，只显示前面部分；完整内容请下载原文件。</Text>}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

function SheetTable({ rows }: { rows: string[][] }) {
  const columns = rows.reduce((n, r) => Math.max(n, r.length), 0);
  if (rows.length === 0) return <Text c="dimmed">（空工作表）</Text>;
  return (
    <ScrollArea h="calc(100vh - 300px)" type="auto">
      <Table withTableBorder withColumnBorders striped fz="sm" data-testid="viewer-table" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            {Array.from({ length: columns }, (_, c) => (
              <Table.Th key={c} c="dimmed" fw={400} ta="center">{columnName(c)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              <Table.Td c="dimmed" ta="right">{r + 1}</Table.Td>
              {Array.from({ length: columns }, (_, c) => (
                <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** A, B, … Z, AA … as in the spreadsheet program. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
