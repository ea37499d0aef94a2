import { useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Box, Group, Loader, NumberInput, Text, Tooltip } from '@mantine/core';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { loadPdfJs } from '../../ui/pdfJs';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

/** One PDF page at a time on a canvas, with page navigation and zoom. */
export function PdfView({ url, pageCountHint }: { url: string; pageCountHint: number | null }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(2);
  const [rendered, setRendered] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let loaded: PDFDocumentProxy | null = null;
    setDoc(null);
    setError(null);
    loadPdfJs()
      .then((pdfjs) => pdfjs.getDocument({ url, isEvalSupported: false, disableAutoFetch: true }).promise)
      .then((d) => {
        loaded = d;
        if (cancelled) void d.destroy();
        else {
          setDoc(d);
          setPage(1);
        }
      })
      .catch((e: Error) => !cancelled && setError(`无法打开PDF：${e.message}`));
    return () => {
      cancelled = true;
      void loaded?.destroy();
    };
  }, [url]);

  useEffect(() => {
    if (!doc || !canvasRef.current) return;
    const canvas = canvasRef.current;
    let task: RenderTask | null = null;
    let cancelled = false;
    void doc.getPage(page).then((p) => {
      if (cancelled) return;
      const scale = ZOOMS[zoomIndex] * 1.5;
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task.promise.then(
        () => !cancelled && setRendered(page),
        (e: Error) => e.name !== 'RenderingCancelledException' && setError(`页面渲染失败：${e.message}`),
      );
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, zoomIndex]);

  const pages = doc?.numPages ?? pageCountHint ?? 0;
  if (error) return <Alert color="red">{error}</Alert>;
  return (
    <Box>
      <Group justify="center" gap="xs" mb="xs">
        <Tooltip label="上一页">
          <ActionIcon variant="default" aria-label="上一页" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            ‹
          </ActionIcon>
        </Tooltip>
        <NumberInput
          aria-label="页码"
          w={70}
          size="xs"
          min={1}
          max={Math.max(1, pages)}
          value={page}
          onChange={(v) => typeof v === 'number' && v >= 1 && v <= pages && setPage(v)}
          hideControls
        />
        <Text size="sm" data-testid="viewer-page-count">/ {pages} 页</Text>
        <Tooltip label="下一页">
          <ActionIcon variant="default" aria-label="下一页" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
            ›
          </ActionIcon>
        </Tooltip>
        <Box w={16} />
        <ActionIcon variant="default" aria-label="缩小" disabled={zoomIndex === 0} onClick={() => setZoomIndex((z) => z - 1)}>
          −
        </ActionIcon>
        <Text size="sm" w={48} ta="center">{Math.round(ZOOMS[zoomIndex] * 100)}%</Text>
        <ActionIcon variant="default" aria-label="放大" disabled={zoomIndex === ZOOMS.length - 1} onClick={() => setZoomIndex((z) => z + 1)}>
          +
        </ActionIcon>
      </Group>
      <Box style={{ overflow: 'auto', height: 'calc(100vh - 250px)', background: 'var(--mantine-color-gray-2)', textAlign: 'center' }} p="sm">
        {!doc && <Loader m="xl" />}
        <canvas
          ref={canvasRef}
          data-testid="viewer-pdf-page"
          data-page={rendered || undefined}
          style={{ display: doc ? 'inline-block' : 'none', background: 'white', boxShadow: '0 1px 6px rgba(0,0,0,.25)' }}
        />
      </Box>
    </Box>
  );
}
