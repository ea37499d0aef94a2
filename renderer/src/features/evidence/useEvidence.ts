import { useCallback, useEffect, useState } from 'react';
import type { ExhibitView } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';
import { errorMessage } from './format';

/** The case's evidence list, reloaded whenever the backend reports a change to the case. */
export function useEvidence(caseId: number) {
  const [exhibits, setExhibits] = useState<ExhibitView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('evidence.list', { caseId })
      .then((list) => {
        setExhibits(list);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [caseId]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === caseId && reload()), [caseId, reload]);

  /** Replaces one exhibit in place (after an update), keeping the order. */
  const replace = useCallback((exhibit: ExhibitView) => {
    setExhibits((list) => list?.map((e) => (e.id === exhibit.id ? exhibit : e)) ?? list);
  }, []);

  return { exhibits, error, setExhibits, replace, reload };
}
