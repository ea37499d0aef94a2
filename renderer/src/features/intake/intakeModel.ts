/**
 * The intake form's state (what the clerk has typed so far) and its conversion to the
 * `cases.create` input. Pure: no React, no storage.
 */
import type { MethodInput, OrganisationView, ProjectView } from '../../../../electron/core/contract';
import type { Channel, ClaimType, PartyRole, Procedure, Track } from '../../../../electron/core/domain';
import { COLLECTIVE_MIN_WORKERS } from '../../../../electron/core/domain';
import { todayInChina } from '../../../../electron/core/dates';
import { emptyWorkerDraft, isBlankDraft, type WorkerDraft } from '../../../../electron/core/workers/workerDraft';

export const DEFAULT_CAUSE = '追索劳动报酬';
export const MAX_REPRESENTATIVES = 5;

export type ProjectDraft = {
  /** set when an existing project was picked (cleared as soon as the name is edited) */
  id: number | null;
  name: string;
  address: string;
  permitNumber: string;
  /** chain parties known for the picked project (suggestions only) */
  parties: ProjectView['parties'];
};

export type RespondentDraft = {
  /** stable key: React key and target of `contractedByKey` */
  key: string;
  /** set when an existing organisation was picked (cleared when its details are edited) */
  organisationId: number | null;
  kind: 'company' | 'person';
  role: PartyRole;
  name: string;
  creditCode: string;
  idNumber: string;
  legalRepresentative: string;
  address: string;
  phone: string;
  /** key of the respondent that contracted this one (由谁发包) */
  contractedByKey: string | null;
};

/** Claim types the clerk adds beside the owed wages (拖欠工资 is the grid's 欠发 column). */
export type ExtraClaimType = Exclude<ClaimType, 'unpaidWages'>;
export const extraClaimTypes: readonly ExtraClaimType[] = ['overtime', 'compensation', 'damages', 'other'];

/** One 仲裁请求 of a worker beyond unpaid wages, as typed (amount in yuan, raw text). */
export type ExtraClaimDraft = {
  /** stable key: React key */
  key: string;
  type: ExtraClaimType;
  amount: string;
  note: string;
};

/**
 * One row of the workers grid. Its extra claims live on the row itself, so they move with the
 * worker when rows are deleted, inserted or reordered.
 */
export type WorkerRow = WorkerDraft & { key: string; representative: boolean; extraClaims: ExtraClaimDraft[] };

export type IntakeDraft = {
  version: 1;
  channel: Channel;
  receivedOn: string;
  procedure: Procedure;
  cause: string;
  /** 仲裁申请, or a 监察投诉 that may turn into an arbitration claim later (one case file either way). */
  startTrack: Track;
  complaintNumber: string;
  inspectors: string;
  project: ProjectDraft;
  respondents: RespondentDraft[];
  workers: WorkerRow[];
};

let keyCounter = 0;
export function newKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}${Date.now().toString(36)}${keyCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function emptyRespondent(role: PartyRole = 'generalContractor'): RespondentDraft {
  return {
    key: newKey('r'),
    organisationId: null,
    kind: role === 'teamLeader' ? 'person' : 'company',
    role,
    name: '',
    creditCode: '',
    idNumber: '',
    legalRepresentative: '',
    address: '',
    phone: '',
    contractedByKey: null,
  };
}

export function respondentFromOrganisation(org: OrganisationView, role: PartyRole, contractedByKey: string | null = null): RespondentDraft {
  return {
    key: newKey('r'),
    organisationId: org.id,
    kind: org.kind,
    role,
    name: org.name,
    creditCode: org.creditCode ?? '',
    idNumber: org.idNumber ?? '',
    legalRepresentative: org.legalRepresentative ?? '',
    address: org.address ?? '',
    phone: org.phone ?? '',
    contractedByKey,
  };
}

export function emptyWorkerRow(): WorkerRow {
  return { ...emptyWorkerDraft(), key: newKey('w'), representative: false, extraClaims: [] };
}

export function workerRowFromDraft(d: WorkerDraft): WorkerRow {
  return { ...emptyWorkerDraft(), ...d, key: newKey('w'), representative: false, extraClaims: [] };
}

export function emptyExtraClaim(type: ExtraClaimType = 'overtime', amount = '', note = ''): ExtraClaimDraft {
  return { key: newKey('c'), type, amount, note };
}

/** An item the clerk added but never filled in (dropped rather than reported). */
export function isBlankExtraClaim(c: ExtraClaimDraft): boolean {
  return c.amount.trim() === '' && c.note.trim() === '';
}

export function emptyProject(): ProjectDraft {
  return { id: null, name: '', address: '', permitNumber: '', parties: [] };
}

export function emptyIntake(): IntakeDraft {
  return {
    version: 1,
    channel: 'walkIn',
    receivedOn: todayInChina(),
    procedure: 'simplified',
    cause: DEFAULT_CAUSE,
    startTrack: 'arbitration',
    complaintNumber: '',
    inspectors: '',
    project: emptyProject(),
    respondents: [emptyRespondent('generalContractor')],
    workers: [emptyWorkerRow()],
  };
}

/** The plain draft (no grid-only keys) as validateWorkers and the backend expect it. */
export function toWorkerDraft(row: WorkerRow): WorkerDraft {
  const { key: _key, representative: _rep, extraClaims: _claims, ...draft } = row;
  return draft;
}

/** Rows that are not blank. */
export function filledWorkerCount(workers: WorkerRow[]): number {
  let n = 0;
  for (const w of workers) if (!isBlankDraft(w)) n++;
  return n;
}

export function isCollective(filledCount: number): boolean {
  return filledCount >= COLLECTIVE_MIN_WORKERS;
}

/**
 * The form → `cases.create` input. Blank worker rows inside the list are sent as they are (the
 * backend ignores them) so that its messages ("申请人第7行…") match the grid's row numbers;
 * trailing blank rows are dropped.
 */
export function buildCaseInput(draft: IntakeDraft): MethodInput<'cases.create'> {
  let end = draft.workers.length;
  while (end > 0 && isBlankDraft(draft.workers[end - 1])) end--;
  const rows = draft.workers.slice(0, end);
  const collective = isCollective(filledWorkerCount(rows));
  const keyIndex = new Map(draft.respondents.map((r, i) => [r.key, i]));
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    channel: draft.channel,
    receivedOn: draft.receivedOn,
    // a collective dispute is heard by three arbitrators (Law Art 31; 组织规则 Art 13): never 简易处理
    procedure: collective ? 'ordinary' : draft.procedure,
    cause: draft.cause.trim(),
    project:
      draft.project.id !== null
        ? { id: draft.project.id }
        : { name: opt(draft.project.name), address: opt(draft.project.address), permitNumber: opt(draft.project.permitNumber) },
    respondents: draft.respondents.map((r) => ({
      ...(r.organisationId !== null
        ? { organisationId: r.organisationId }
        : {
            organisation: {
              kind: r.kind,
              name: r.name.trim(),
              creditCode: r.kind === 'company' ? opt(r.creditCode) : undefined,
              idNumber: r.kind === 'person' ? opt(r.idNumber) : undefined,
              legalRepresentative: r.kind === 'company' ? opt(r.legalRepresentative) : undefined,
              address: opt(r.address),
              phone: opt(r.phone),
            },
          }),
      role: r.role,
      contractedByIndex: r.contractedByKey ? (keyIndex.get(r.contractedByKey) ?? null) : null,
    })),
    workers: rows.map(toWorkerDraft),
    // workerIndex is the row's position in `workers` as sent (blank rows inside the list included)
    extraClaims: rows.flatMap((w, i) =>
      isBlankDraft(w)
        ? []
        : w.extraClaims
            .filter((c) => !isBlankExtraClaim(c))
            .map((c) => ({ workerIndex: i, type: c.type, amount: c.amount.trim(), note: opt(c.note) })),
    ),
    startTrack: draft.startTrack,
    complaint: draft.startTrack === 'inspection' ? { complaintNumber: opt(draft.complaintNumber) ?? null, inspectors: draft.inspectors.trim() } : undefined,
    representativeIndexes: collective
      ? rows.flatMap((w, i) => (w.representative && !isBlankDraft(w) ? [i] : [])).slice(0, MAX_REPRESENTATIVES)
      : [],
  };
}

/** Keys of respondents that sit below `key` in the chain (they cannot contract it: no loops). */
export function chainDescendants(respondents: RespondentDraft[], key: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of respondents) {
      if (r.contractedByKey && (r.contractedByKey === key || out.has(r.contractedByKey)) && !out.has(r.key) && r.key !== key) {
        out.add(r.key);
        grew = true;
      }
    }
  }
  return out;
}

/** Reads a stored draft defensively: anything unexpected falls back to the empty form's value. */
export function reviveIntake(raw: unknown): IntakeDraft | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Partial<IntakeDraft>;
  if (r.version !== 1) return null;
  const base = emptyIntake();
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
  const respondents = Array.isArray(r.respondents)
    ? r.respondents.map((x) => ({ ...emptyRespondent(x?.role ?? 'generalContractor'), ...x, key: str(x?.key, newKey('r')) }))
    : base.respondents;
  const workers = Array.isArray(r.workers)
    ? r.workers.map((x) => ({
        ...emptyWorkerRow(),
        ...x,
        key: str(x?.key, newKey('w')),
        extraClaims: reviveExtraClaims((x as { extraClaims?: unknown } | null)?.extraClaims),
      }))
    : base.workers;
  return {
    version: 1,
    channel: (r.channel as Channel) ?? base.channel,
    receivedOn: str(r.receivedOn, base.receivedOn),
    procedure: (r.procedure as Procedure) ?? base.procedure,
    cause: str(r.cause, base.cause),
    startTrack: r.startTrack === 'inspection' ? 'inspection' : 'arbitration',
    complaintNumber: str(r.complaintNumber, ''),
    inspectors: str(r.inspectors, ''),
    project: { ...base.project, ...(r.project ?? {}), parties: Array.isArray(r.project?.parties) ? r.project.parties : [] },
    respondents: respondents.length ? respondents : base.respondents,
    workers: workers.length ? workers : base.workers,
  };
}

function reviveExtraClaims(raw: unknown): ExtraClaimDraft[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((x: unknown) => {
    if (!x || typeof x !== 'object') return [];
    const c = x as Partial<ExtraClaimDraft>;
    const type = extraClaimTypes.includes(c.type as ExtraClaimType) ? (c.type as ExtraClaimType) : 'other';
    return [
      {
        key: typeof c.key === 'string' ? c.key : newKey('c'),
        type,
        amount: typeof c.amount === 'string' ? c.amount : '',
        note: typeof c.note === 'string' ? c.note : '',
      },
    ];
  });
}

/** True when the form holds nothing the clerk typed (so a restore is not worth mentioning). */
export function isPristine(draft: IntakeDraft): boolean {
  return (
    draft.project.name.trim() === '' &&
    draft.respondents.every((r) => r.name.trim() === '' && r.creditCode.trim() === '' && r.idNumber.trim() === '') &&
    draft.workers.every((w) => isBlankDraft(w) && w.extraClaims.every(isBlankExtraClaim))
  );
}
