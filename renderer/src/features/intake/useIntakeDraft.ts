/**
 * The intake form's state, autosaved to localStorage (debounced) and restored on load, so a
 * reload, a crash or a click elsewhere never loses what the clerk typed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useDebouncedCallback } from '@mantine/hooks';
import type { PartyRole } from '../../../../electron/core/domain';
import { isBlankDraft, type WorkerField } from '../../../../electron/core/workers/workerDraft';
import {
  emptyExtraClaim,
  emptyIntake,
  emptyRespondent,
  emptyWorkerRow,
  filledWorkerCount,
  isPristine,
  reviveIntake,
  type IntakeDraft,
  type ExtraClaimDraft,
  type ExtraClaimType,
  type ProjectDraft,
  type RespondentDraft,
  type WorkerRow,
} from './intakeModel';

export const DRAFT_STORAGE_KEY = 'sucai.intakeDraft';
const SAVE_DELAY_MS = 500;

function loadDraft(): { draft: IntakeDraft; restored: boolean } {
  try {
    const text = window.localStorage.getItem(DRAFT_STORAGE_KEY);
    if (text) {
      const draft = reviveIntake(JSON.parse(text));
      if (draft) return { draft, restored: !isPristine(draft) };
    }
  } catch {
    // a damaged draft is ignored; the form starts empty
  }
  return { draft: emptyIntake(), restored: false };
}

export type SaveState = 'saved' | 'pending' | 'failed';

export type IntakeActions = {
  setDraft: (fn: (d: IntakeDraft) => IntakeDraft) => void;
  patch: (p: Partial<Pick<IntakeDraft, 'channel' | 'receivedOn' | 'procedure' | 'cause' | 'startTrack' | 'complaintNumber' | 'inspectors'>>) => void;
  patchProject: (p: Partial<ProjectDraft>) => void;
  addRespondent: (role?: PartyRole, r?: RespondentDraft) => void;
  addRespondents: (rs: RespondentDraft[]) => void;
  updateRespondent: (key: string, p: Partial<RespondentDraft>) => void;
  removeRespondent: (key: string) => void;
  setWorkerCell: (key: string, field: WorkerField, value: string) => void;
  /** Records why a 15-digit first-generation ID is accepted for this row (an explicit exception). */
  setLegacyIdReason: (key: string, reason: string) => void;
  setRepresentative: (key: string, on: boolean) => void;
  addWorkerRow: () => string;
  removeWorkerRow: (key: string) => void;
  /** Puts a deleted row back where it was (撤销删除). */
  restoreWorkerRow: (row: WorkerRow, index: number) => void;
  appendWorkers: (rows: WorkerRow[]) => void;
  /** replaces the extra claims of the row with this key */
  setExtraClaims: (key: string, claims: ExtraClaimDraft[]) => void;
  /** adds the same claim to every filled row (collective cases); returns how many rows got it */
  addClaimToAll: (claim: { type: ExtraClaimType; amount: string; note: string }) => number;
};

export function useIntakeDraft() {
  const [initial] = useState(loadDraft);
  const [draft, setDraftState] = useState<IntakeDraft>(initial.draft);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const latest = useRef(draft);
  latest.current = draft;

  const write = useCallback((d: IntakeDraft) => {
    try {
      window.localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(d));
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  }, []);
  const save = useDebouncedCallback(write, { delay: SAVE_DELAY_MS, flushOnUnmount: true });

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaveState('pending');
    save(draft);
  }, [draft, save]);

  // closing the window or reloading: write now, not in 500 ms
  useEffect(() => {
    const flush = () => {
      if (save.isPending()) save.flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [save]);

  /** Empties the form and forgets the stored draft. */
  const clear = useCallback(() => {
    save.cancel();
    try {
      window.localStorage.removeItem(DRAFT_STORAGE_KEY);
    } catch {
      // nothing to do
    }
    first.current = true; // the reset itself is not an edit worth storing
    setDraftState(emptyIntake());
    setSaveState('saved');
  }, [save]);

  const actions = useMemo<IntakeActions>(() => {
    const setDraft = (fn: (d: IntakeDraft) => IntakeDraft) => setDraftState(fn);
    const mapRespondents = (fn: (r: RespondentDraft[]) => RespondentDraft[]) =>
      setDraftState((d) => ({ ...d, respondents: fn(d.respondents) }));
    const mapWorkers = (fn: (w: WorkerRow[]) => WorkerRow[]) => setDraftState((d) => ({ ...d, workers: fn(d.workers) }));
    return {
      setDraft,
      patch: (p) => setDraftState((d) => ({ ...d, ...p })),
      patchProject: (p) => setDraftState((d) => ({ ...d, project: { ...d.project, ...p } })),
      addRespondent: (role, r) => mapRespondents((list) => [...list, r ?? emptyRespondent(role)]),
      addRespondents: (rs) =>
        mapRespondents((list) => {
          // an untouched blank card is replaced rather than left behind
          const kept = list.filter((r) => r.name.trim() !== '' || r.organisationId !== null || r.creditCode.trim() !== '');
          return [...kept, ...rs];
        }),
      updateRespondent: (key, p) => mapRespondents((list) => list.map((r) => (r.key === key ? { ...r, ...p } : r))),
      removeRespondent: (key) =>
        mapRespondents((list) =>
          list
            .filter((r) => r.key !== key)
            .map((r) => (r.contractedByKey === key ? { ...r, contractedByKey: null } : r)),
        ),
      setWorkerCell: (key, field, value) =>
        mapWorkers((list) =>
          list.map((w) =>
            w.key !== key
              ? w
              : // a retyped ID is no longer the spreadsheet's number, and an exception recorded for the old one lapses
                field === 'idNumber'
                ? { ...w, idNumber: value, idNumberStoredAsNumber: undefined, legacyIdReason: undefined }
                : { ...w, [field]: value },
          ),
        ),
      setLegacyIdReason: (key, reason) => mapWorkers((list) => list.map((w) => (w.key === key ? { ...w, legacyIdReason: reason.trim() || undefined } : w))),
      setRepresentative: (key, on) =>
        mapWorkers((list) => list.map((w) => (w.key === key ? { ...w, representative: on } : w))),
      addWorkerRow: () => {
        const row = emptyWorkerRow();
        mapWorkers((list) => [...list, row]);
        return row.key;
      },
      removeWorkerRow: (key) =>
        mapWorkers((list) => {
          const next = list.filter((w) => w.key !== key);
          return next.length ? next : [emptyWorkerRow()];
        }),
      restoreWorkerRow: (row, index) =>
        mapWorkers((list) => {
          if (list.some((w) => w.key === row.key)) return list;
          // the blank row that stood in for an emptied list goes away again
          const rest = list.length === 1 && isBlankDraft(list[0]!) ? [] : list;
          return [...rest.slice(0, index), row, ...rest.slice(index)];
        }),
      appendWorkers: (rows) =>
        mapWorkers((list) => {
          // trailing blank rows are replaced by the imported ones
          let end = list.length;
          while (end > 0 && isBlankDraft(list[end - 1])) end--;
          return [...list.slice(0, end), ...rows];
        }),
      setExtraClaims: (key, claims) =>
        mapWorkers((list) => list.map((w) => (w.key === key ? { ...w, extraClaims: claims } : w))),
      addClaimToAll: (claim) => {
        const n = filledWorkerCount(latest.current.workers);
        mapWorkers((list) =>
          list.map((w) =>
            isBlankDraft(w) ? w : { ...w, extraClaims: [...w.extraClaims, emptyExtraClaim(claim.type, claim.amount, claim.note)] },
          ),
        );
        return n;
      },
    };
  }, []);

  return { draft, latest, actions, clear, restored: initial.restored, saveState };
}

