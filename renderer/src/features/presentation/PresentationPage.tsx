import { useCallback, useEffect, useRef, useState } from 'react';
import { useViewportSize } from '@mantine/hooks';
import type { PresentationPayload } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { ScreenStage, STAGE_HEIGHT, STAGE_WIDTH } from './ScreenView';
import { useNow } from './useChinaClock';
import { warmUpPdf } from './pdfDocuments';
import classes from './screen.module.css';

/** The screen also asks for the current payload now and then: amounts paid at the table show without a new push, and a missed event heals. */
const REFRESH_MS = 5000;
const ECHO_MS = 1500;

function caseOf(payload: PresentationPayload | null): number | null {
  const view = payload?.state.view;
  return view && view.kind !== 'blank' ? view.caseId : null;
}

/** Newer wins: a higher seq, or a later shownAt (the backend restarted and counts from 0 again). */
function isNewer(next: PresentationPayload, known: PresentationPayload | null): boolean {
  if (!known) return true;
  return next.state.seq >= known.state.seq || next.state.shownAt > known.state.shownAt;
}

/**
 * The presentation page (#/present): full screen, no app shell. It follows the operator's pushes
 * (presentation.changed over SSE or IPC) and draws only what the backend built, already masked.
 */
export function PresentationPage() {
  const [payload, setPayload] = useState<PresentationPayload | null>(null);
  const [commissionName, setCommissionName] = useState('');
  const latest = useRef<PresentationPayload | null>(null);
  const lastPushAt = useRef(0);
  const now = useNow();
  const { width, height } = useViewportSize();

  const accept = useCallback((next: PresentationPayload) => {
    if (!isNewer(next, latest.current)) return;
    latest.current = next;
    setPayload(next);
  }, []);

  const refresh = useCallback(() => {
    call('presentation.current', {}).then(accept, () => undefined);
  }, [accept]);

  useEffect(() => {
    document.title = '速裁台 · 共享屏幕';
    refresh();
    call('settings.get', {}).then((s) => setCommissionName(s.commissionName), () => undefined);
    const unsubscribe = onEvent((event) => {
      if (event.type === 'presentation.changed') {
        lastPushAt.current = Date.now();
        accept(event.payload);
      }
      // A push is itself a change of the case (its timeline): that echo needs no refetch, and
      // refetching would compete with loading the exhibit just pushed.
      else if (event.type === 'cases.changed' && event.caseId === caseOf(latest.current) && Date.now() - lastPushAt.current > ECHO_MS) refresh();
      else if (event.type === 'settings.changed') call('settings.get', {}).then((s) => setCommissionName(s.commissionName), () => undefined);
    });
    const timer = setInterval(refresh, REFRESH_MS);
    const warm = setTimeout(warmUpPdf, 300);
    return () => {
      unsubscribe();
      clearInterval(timer);
      clearTimeout(warm);
    };
  }, [accept, refresh]);

  // The same layout on every display: the 1920×1080 stage, scaled to fit and centred.
  const scale = width && height ? Math.min(width / STAGE_WIDTH, height / STAGE_HEIGHT) : 1;
  const left = Math.max(0, (width - STAGE_WIDTH * scale) / 2);
  const top = Math.max(0, (height - STAGE_HEIGHT * scale) / 2);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  return (
    <div className={classes.viewport} onDoubleClick={toggleFullscreen} data-testid="presentation-page">
      {payload && (
        <ScreenStage
          payload={payload}
          commissionName={commissionName}
          now={now}
          scale={scale}
          style={{ left, top }}
          testId="presentation-screen"
        />
      )}
    </div>
  );
}
