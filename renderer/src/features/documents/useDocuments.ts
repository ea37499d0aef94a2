import { useCallback, useEffect, useState } from 'react';
import type { DocumentAvailability, DocumentView } from '../../../../electron/core/contract';
import { call, onEvent } from '../../api';

/** The case's document kinds (with what is missing) and every generated version, kept live. */
export function useDocuments(caseId: number) {
  const [available, setAvailable] = useState<DocumentAvailability[] | null>(null);
  const [documents, setDocuments] = useState<DocumentView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    call('documents.list', { caseId })
      .then((r) => {
        setAvailable(r.available);
        setDocuments(r.documents);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [caseId]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === caseId && reload()), [caseId, reload]);
  /** Puts one changed document in place without waiting for the reload. */
  const replace = useCallback((doc: DocumentView) => setDocuments((prev) => prev.map((d) => (d.id === doc.id ? doc : d))), []);
  return { available, documents, error, reload, replace };
}
