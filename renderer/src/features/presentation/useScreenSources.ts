import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail, ExhibitView, PresentationPayload } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import type { Amounts } from './previewPayload';

const RELOAD_DELAY_MS = 800;

/**
 * Everything the operator's push panel needs, on ONE event subscription (in the browser each
 * subscription is its own server-sent-events connection): the case, its exhibits, the agreed and
 * paid amounts, the commission name, and what the screen shows now.
 */
export function useScreenSources(caseId: number) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [exhibits, setExhibits] = useState<ExhibitView[]>([]);
  const [amounts, setAmounts] = useState<Amounts>(new Map());
  const [commissionName, setCommissionName] = useState('');
  const [screen, setScreen] = useState<PresentationPayload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const screenRef = useRef<PresentationPayload | null>(null);

  const showScreen = useCallback((payload: PresentationPayload) => {
    const known = screenRef.current;
    if (known && payload.state.seq < known.state.seq && payload.state.shownAt <= known.state.shownAt) return;
    screenRef.current = payload;
    setScreen(payload);
  }, []);

  const reloadCase = useCallback(() => {
    Promise.all([call('cases.get', { id: caseId }), call('evidence.list', { caseId })])
      .then(([d, list]) => {
        setDetail(d);
        setExhibits(list);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
    // Agreed and paid amounts come from the mediation table when it is there.
    call('mediation.get', { caseId })
      .then((m) => setAmounts(new Map(m.rows.map((r) => [r.workerId, { agreedFen: r.agreedFen, paidFen: r.paidFen }]))))
      .catch(() => setAmounts(new Map()));
  }, [caseId]);

  useEffect(() => {
    reloadCase();
    call('settings.get', {}).then((s) => setCommissionName(s.commissionName), () => undefined);
    call('presentation.current', {}).then(showScreen, () => undefined);
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = onEvent((event) => {
      if (event.type === 'presentation.changed') showScreen(event.payload);
      else if (event.type === 'cases.changed' && event.caseId === caseId) {
        // Each push also changes the case (its timeline): reload a moment later, once, so the
        // operator's refresh does not compete with the screen loading what was just pushed.
        if (reloadTimer) clearTimeout(reloadTimer);
        reloadTimer = setTimeout(reloadCase, RELOAD_DELAY_MS);
      }
    });
    return () => {
      unsubscribe();
      if (reloadTimer) clearTimeout(reloadTimer);
    };
  }, [caseId, reloadCase, showScreen]);

  return { detail, exhibits, amounts, commissionName, screen, error, showScreen };
}
