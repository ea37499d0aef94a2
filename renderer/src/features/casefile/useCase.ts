import { useCallback, useEffect, useState } from 'react';
import type { CaseDetail, RelatedCase } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';

/** The case file, reloaded whenever the backend reports a change to this case. */
export function useCase(id: number) {
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [related, setRelated] = useState<RelatedCase[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    Promise.all([call('cases.get', { id }), call('cases.related', { id })])
      .then(([d, r]) => {
        setDetail(d);
        setRelated(r);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === id && reload()), [id, reload]);
  return { detail, related, error, setDetail };
}
