import { useCallback, useEffect, useState } from 'react';
import type { MediationView } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';

/** The case's mediation (快调) view, reloaded when the backend reports a change to this case. */
export function useMediation(caseId: number) {
  const [view, setView] = useState<MediationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('mediation.get', { caseId })
      .then((v) => {
        setView(v);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === caseId && reload()), [caseId, reload]);
  return { view, setView, error, reload };
}
