import { useEffect, useRef, useState } from 'react';
import { useElementSize } from '@mantine/hooks';
import type { RenderTask } from 'pdfjs-dist';
import type { PresentationPayload } from '../../../../electron/core/contract';
import { evidenceFileUrl } from '../../transfer';
import { openPdf } from './pdfDocuments';
import classes from './screen.module.css';

type Exhibit = NonNullable<PresentationPayload['exhibit']>;

/** One exhibit page as large as the stage allows: a PDF page fitted to the box, or the image. */
export function ScreenExhibit({ exhibit, scale }: { exhibit: Exhibit; scale: number }) {
  const { ref, width, height } = useElementSize();
  const url = evidenceFileUrl(exhibit.exhibitId);
  const isPdf = exhibit.mime === 'application/pdf';
  const isImage = /^image\/(jpeg|png|gif|webp|bmp|avif)$/.test(exhibit.mime);
  return (
    <div ref={ref} className={classes.exhibitBox} data-testid="screen-exhibit">
      {isPdf && width > 0 && <PdfPage url={url} page={exhibit.page} boxWidth={width} boxHeight={height} scale={scale} />}
      {isImage && <img src={url} alt={exhibit.title} data-testid="screen-exhibit-image" />}
      {!isPdf && !isImage && <div className={classes.notice}>此类文件不能在屏幕上展示，请出示原件</div>}
    </div>
  );
}

function PdfPage({ url, page, boxWidth, boxHeight, scale }: { url: string; page: number; boxWidth: number; boxHeight: number; scale: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    setError(null);
    openPdf(url)
      .then((doc) => doc.getPage(Math.min(page, doc.numPages)))
      .then((p) => {
        if (cancelled) return;
        const natural = p.getViewport({ scale: 1 });
        const fit = Math.min(boxWidth / natural.width, boxHeight / natural.height);
        const viewport = p.getViewport({ scale: fit });
        // Sharp on the real display: the stage is scaled by `scale`, the display by its pixel ratio.
        const ratio = (window.devicePixelRatio || 1) * Math.max(scale, 0.25);
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        task = p.render({ canvas, viewport, transform: [ratio, 0, 0, ratio, 0, 0] });
        return task.promise.then(() => !cancelled && setRendered(page));
      })
      .catch((e: Error) => !cancelled && e.name !== 'RenderingCancelledException' && setError(e.message));
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [url, page, boxWidth, boxHeight, scale]);

  if (error) return <div className={classes.notice}>无法显示该页：{error}</div>;
  return <canvas ref={canvasRef} data-testid="screen-pdf-page" data-page={rendered ?? undefined} />;
}
