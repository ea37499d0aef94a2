import { z } from 'zod';
import { out } from './fields';
import type { Methods } from './spec';

/** What verify found wrong, in the order found (the first one is the first broken link). */
export type ChainProblem = {
  kind:
    | 'noChain'
    | 'eventInserted'
    | 'eventDeleted'
    | 'eventEdited'
    | 'linkBroken'
    | 'caseLinkBroken'
    | 'rowsEdited'
    | 'rowsOrphaned'
    | 'rowChanged'
    | 'rowInserted'
    | 'rowDeleted'
    | 'anchorMissing';
  /** The event concerned (sequence number), when there is one. */
  seq: number | null;
  table?: string;
  rowKey?: string;
  message: string;
};

/** The result of verifying a data folder's audit chain ("完整" when intact). */
export type ChainReport = {
  intact: boolean;
  /** Events in the chain, and the last one. */
  count: number;
  head: { seq: number; hash: string; at: string } | null;
  rowsChecked: number;
  /** The first problems found (at most 50), and how many there were in all. */
  problems: ChainProblem[];
  problemCount: number;
  elapsedMs: number;
};

export type VerifyProgress = { phase: 'events' | 'rows' | 'done'; done: number; total: number };

export const auditContract = {
  /** Verifies the whole chain and every audited row (a read on a connection of its own; may take a while). */
  'audit.verify': { input: z.object({}).strict().default({}), output: out<ChainReport>(), access: ['admin'], reads: true },
} as const satisfies Methods;
