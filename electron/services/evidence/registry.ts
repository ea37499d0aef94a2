/**
 * In-memory state of the evidence service for one opened data folder: imports in flight
 * (importId → AbortController, cancellable from any window), files pinned by an import that has
 * stored them but not yet created its exhibits (so a concurrent removal does not delete them), and
 * the 校验 job.
 */
import type { VerifyReport } from '../../core/contract';
import type { ServiceContext } from '../context';

export type EvidenceState = {
  imports: Map<string, AbortController>;
  pinned: Map<string, number>;
  verify: { report: VerifyReport; job: Promise<void> | null };
};

const states = new WeakMap<ServiceContext, EvidenceState>();

export function evidenceState(ctx: ServiceContext): EvidenceState {
  let state = states.get(ctx);
  if (!state) {
    state = {
      imports: new Map(),
      pinned: new Map(),
      verify: { report: { running: false, checked: 0, total: 0, startedAt: null, finishedAt: null, missing: [], altered: [] }, job: null },
    };
    states.set(ctx, state);
  }
  return state;
}

export function pin(ctx: ServiceContext, sha256: string): void {
  const { pinned } = evidenceState(ctx);
  pinned.set(sha256, (pinned.get(sha256) ?? 0) + 1);
}

export function unpin(ctx: ServiceContext, sha256: string): void {
  const { pinned } = evidenceState(ctx);
  const n = (pinned.get(sha256) ?? 0) - 1;
  if (n > 0) pinned.set(sha256, n);
  else pinned.delete(sha256);
}

export function isPinned(ctx: ServiceContext, sha256: string): boolean {
  return evidenceState(ctx).pinned.has(sha256);
}

/** Calls `emit` at most every `intervalMs` (the last value always gets through via `flush`). */
export function throttle<T>(intervalMs: number, emit: (value: T) => void): { push: (value: T) => void; flush: () => void } {
  let last = 0;
  let pending: { value: T } | null = null;
  return {
    push(value) {
      const now = Date.now();
      if (now - last >= intervalMs) {
        last = now;
        pending = null;
        emit(value);
      } else {
        pending = { value };
      }
    },
    flush() {
      if (pending) emit(pending.value);
      pending = null;
    },
  };
}
