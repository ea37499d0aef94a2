import { z } from 'zod';
import { id, out } from './fields';
import type { Methods } from './spec';

export type BundleImportReport = {
  caseId: number;
  caseNumber: string | null;
  createdCase: boolean;
  added: { exhibits: number; files: number; events: number; workers: number };
  differences: string[];
  /** What the check of the bundle's timeline against its hashes found (an altered timeline is refused). */
  eventCheck: string;
};

export const bundleContract = {
  /** Writes the case bundle into the data folder's bundles/ and returns where. */
  'bundle.export': { input: z.object({ caseId: id }), output: out<{ fileName: string; path: string; size: number }>(), access: ['clerk', 'inspector', 'arbitrator'], reads: false },
  /** Imports a bundle file already on this machine (desktop dialog, or uploaded by the web host). */
  'bundle.import': {
    input: z.object({ path: z.string().min(1).max(4096) }), output: out<BundleImportReport>(),
    access: ['clerk', 'inspector'], reads: false,
    hosts: ['electron'],
    localPaths: (input: { path: string }) => [input.path],
  },
} as const satisfies Methods;
