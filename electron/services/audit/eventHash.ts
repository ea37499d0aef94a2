import crypto from 'node:crypto';

/** The previous hash of the chain's first event. */
export const CHAIN_START = '0'.repeat(64);

/** What an event's hash covers; also what a case bundle carries for each event. */
export type ChainedFields = {
  seq: number;
  prevHash: string;
  /** The hash of the same case's previous event (null for its first, and for events not about a case). */
  casePrevHash: string | null;
  /** The case's uid (stable across machines), null for an event not about one case. */
  caseUid: string | null;
  at: string;
  actor: string;
  actorId: number | null;
  action: string;
  summary: string;
  /** JSON text as stored. */
  before: string | null;
  after: string | null;
  /** SHA-256 over the rows the action wrote (see rowsDigestOf), null when it wrote none. */
  rowsDigest: string | null;
  /** For an event imported from a case bundle: its hash at the agency that exported it. */
  sourceHash: string | null;
};

/**
 * SHA-256 over the canonical serialisation: a JSON array of the fields in a fixed order, headed by
 * the format name. JSON.stringify of strings, numbers and null is deterministic.
 */
export function eventHash(e: ChainedFields): string {
  const canonical = JSON.stringify([
    'sucai-event-1',
    e.seq,
    e.prevHash,
    e.casePrevHash,
    e.caseUid,
    e.at,
    e.actor,
    e.actorId,
    e.action,
    e.summary,
    e.before,
    e.after,
    e.rowsDigest,
    e.sourceHash,
  ]);
  return crypto.hash('sha256', canonical);
}
