import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useElementSize } from '@mantine/hooks';
import type { RenderTask } from 'pdfjs-dist';
import type { PresentationPayload } from '../../../../electron/core/contract';
import { evidenceFileUrl } from '../../transfer';
import { openPdf } from './pdfDocuments';
import classes from './screen.module.css';

type Exhibit = NonNullable<PresentationPayload['exhibit']>;
type Place = { zoom: number; x: number; y: number };

/**
 * Where the page sits in the box: fitted to the box's width × zoom (zoom 0: the whole page in the
 * box), then moved so that the part at (x, y) of what overflows is in view (0 = left / top,
 * 1 = right / bottom). A page narrower than the box is centred; one shorter than the box sits at the top.
 */
export function placePage(box: { width: number; height: number }, natural: { width: number; height: number }, place: Place) {
  const width = place.zoom === 0 ? Math.min(box.width, (box.height * natural.width) / natural.height) : box.width * (place.zoom / 100);
  const height = (width * natural.height) / natural.width;
  const left = width <= box.width ? (box.width - width) / 2 : -(width - box.width) * place.x;
  const top = height <= box.height ? 0 : -(height - box.height) * place.y;
  return { width, height, left, top };
}

/**
 * One exhibit page as the room reads it: fitted to the screen's width (a scanned A4 page is read
 * line by line, not shrunk to a stamp), zoomed and moved over by the operator, never by a timer.
 */
export function ScreenExhibit({ exhibit, scale, zoom, x, y }: { exhibit: Exhibit; scale: number } & Place) {
  const { ref, width, height } = useElementSize();
  const url = evidenceFileUrl(exhibit.exhibitId);
  const isPdf = exhibit.mime === 'application/pdf';
  const isImage = /^image\/(jpeg|png|gif|webp|bmp|avif)$/.test(exhibit.mime);
  const place = { zoom, x, y };
  return (
    <div ref={ref} className={classes.exhibitBox} data-testid="screen-exhibit" data-zoom={zoom}>
      {isPdf && width > 0 && <PdfPage url={url} page={exhibit.page} box={{ width, height }} place={place} scale={scale} />}
      {isImage && width > 0 && <ImagePage url={url} title={exhibit.title} box={{ width, height }} place={place} />}
      {!isPdf && !isImage && <div className={classes.notice}>此类文件不能在屏幕上展示，请出示原件</div>}
    </div>
  );
}

type PageProps = { box: { width: number; height: number }; place: Place };

function ImagePage({ url, title, box, place }: PageProps & { url: string; title: string }) {
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const at = natural ? placePage(box, natural, place) : null;
  const style: CSSProperties = at ? { width: at.width, height: at.height, left: at.left, top: at.top } : { visibility: 'hidden' };
  return (
    <img
      src={url}
      alt={title}
      className={classes.exhibitPage}
      style={style}
      onLoad={(e) => setNatural({ width: e.currentTarget.naturalWidth || 1, height: e.currentTarget.naturalHeight || 1 })}
      data-testid="screen-exhibit-image"
    />
  );
}

function PdfPage({ url, page, box, place, scale }: PageProps & { url: string; page: number; scale: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [rendered, setRendered] = useState<number | null>(null);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // the canvas is drawn for a size; moving over the page (x, y) only shifts it
  const { width: boxWidth, height: boxHeight } = box;
  const { zoom } = place;

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
        const base = p.getViewport({ scale: 1 });
        const drawnWidth = placePage({ width: boxWidth, height: boxHeight }, base, { zoom, x: 0, y: 0 }).width;
        const viewport = p.getViewport({ scale: drawnWidth / base.width });
        // Sharp on the real display: the stage is scaled by `scale`, the display by its pixel ratio;
        // kept under ~32 million pixels (the browsers' canvas limit) at high zoom.
        const wanted = (window.devicePixelRatio || 1) * Math.max(scale, 0.25);
        const ratio = Math.min(wanted, Math.sqrt(32e6 / (viewport.width * viewport.height)));
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        setNatural({ width: base.width, height: base.height });
        task = p.render({ canvas, viewport, transform: [ratio, 0, 0, ratio, 0, 0] });
        return task.promise.then(() => !cancelled && setRendered(page));
      })
      .catch((e: Error) => !cancelled && e.name !== 'RenderingCancelledException' && setError(e.message));
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [url, page, boxWidth, boxHeight, zoom, scale]);

  if (error) return <div className={classes.notice}>无法显示该页：{error}</div>;
  const at = natural ? placePage(box, natural, place) : null;
  const style: CSSProperties = at ? { width: at.width, height: at.height, left: at.left, top: at.top } : { visibility: 'hidden' };
  return <canvas ref={canvasRef} className={classes.exhibitPage} style={style} data-testid="screen-pdf-page" data-page={rendered ?? undefined} />;
}
