import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, type Services } from '../../electron/services/createServices';
import { dispatch } from '../../electron/services/dispatch';
import { systemCaller } from '../../electron/services/caller';
import { contract, type MethodInput, type MethodName, type MethodOutput, type MethodSpec, type Role } from '../../electron/core/contract';
import { computeIdCheck } from '../../electron/core/ids/idNumber';
import { emptyWorkerDraft, type WorkerDraft } from '../../electron/core/workers/workerDraft';

export const repoRoot = path.resolve(__dirname, '../..');
export const appPaths = {
  resourcesDir: path.join(repoRoot, 'resources'),
  migrationsFolder: path.join(repoRoot, 'db', 'migrations'),
};

export function tempDataDir(prefix = 'sucai-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Real services on a real SQLite file in a fresh temp folder; the clock is pinned. */
export function openTestServices(dataDir = tempDataDir(), now = '2026-11-20T02:00:00Z'): Services & { dataDir: string } {
  const services = createServices({ ...appPaths, dataDir, host: 'web', version: 'test', now: () => new Date(now) });
  return Object.assign(services, { dataDir });
}

/**
 * Calls through the same validated dispatcher the hosts use, as the 系统 account; throws the
 * Chinese message on failure. A desktop-only method (one that takes local paths) is called as the
 * desktop host with its paths granted, as if the user had picked them in the file dialog.
 */
export async function callApi<M extends MethodName>(services: Services, name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const spec: MethodSpec = contract[name];
  const caller = spec.hosts?.includes('web') === false ? { ...systemCaller('electron'), takeGrantedPaths: () => true } : systemCaller('web');
  const result = await dispatch(services.handlers, name, input, caller);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** A valid 18-digit ID for a birth date and sequence (check digit computed by GB 11643). */
export function makeId(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + computeIdCheck(first17);
}

export function workerDraft(name: string, idNumber: string, owed: string, extra: Partial<WorkerDraft> = {}): WorkerDraft {
  return { ...emptyWorkerDraft(), name, idNumber, owed, ...extra };
}

export function caseInput(workers: ReturnType<typeof workerDraft>[], overrides: Record<string, unknown> = {}) {
  return {
    channel: 'walkIn' as const,
    receivedOn: '2026-11-16',
    procedure: 'simplified' as const,
    cause: '追索劳动报酬',
    project: { name: '赣州蓉江新区安置房三期工程', address: '赣州市南康区蓉江新区' },
    respondents: [
      {
        role: 'generalContractor' as const,
        organisation: { kind: 'company' as const, name: '江西赣建建设集团有限公司', creditCode: '91350100M000100Y43' },
      },
      {
        role: 'teamLeader' as const,
        contractedByIndex: 0,
        organisation: { kind: 'person' as const, name: '刘德胜', idNumber: makeId('360702', '1975-03-08', 11) },
      },
    ],
    workers,
    extraClaims: [],
    representativeIndexes: [],
    ...overrides,
  };
}

/** The initial password test accounts get (they are never asked to change it in these tests). */
export const TEST_PASSWORD = 'sucai-test-2026';

/**
 * Adds a person as an account (arbitrators and clerks sit on hearings): the sign-in name is the
 * given one or the person's name. Returns the account id.
 */
export async function addAccount(services: Services, name: string, roles: Role[], username = name): Promise<number> {
  const list = await callApi(services, 'accounts.create', { username, name, roles, password: TEST_PASSWORD });
  return list.find((a) => a.username === username.toLowerCase())!.id;
}

/**
 * hearings.attendance with every party listed: the applicant side (representatives, else each
 * worker) and each respondent present or not as given (all present by default).
 */
export async function recordAttendance(services: Services, hearingId: number, opts: { applicants?: boolean; respondents?: boolean | Record<string, boolean> } = {}) {
  const detail = await callApi(services, 'hearings.get', { id: hearingId });
  const respondentPresent = (name: string) => (typeof opts.respondents === 'object' ? (opts.respondents[name] ?? true) : (opts.respondents ?? true));
  return callApi(services, 'hearings.attendance', {
    id: hearingId,
    applicants: detail.attendance.applicants.map((a) => ({ workerId: a.partyId, present: opts.applicants ?? true })),
    respondents: detail.attendance.respondents.map((r) => ({ respondentId: r.partyId, present: respondentPresent(r.name) })),
  });
}
