/**
 * Documents and their service: generate through documents.generate / generateBatch (the app's own
 * builders, numbering and versions) and record service (送达) per addressee through
 * documents.recordService — workers in person at the office, companies by post a few days later.
 * The only place the living demo touches the documents API, so its changes stay here.
 */
import { documentLabels, type DocumentKind, type DocumentView } from '../../../core/contract';
import { addDays } from '../../../core/dates';
import { applicantParties, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

/** Kinds generated once per addressee (with their 送达回证). */
const BATCH: ReadonlySet<DocumentKind> = new Set(['acceptanceNotice', 'responseNotice', 'hearingNotice', 'withdrawalDecision']);
/** Kinds that are served on the parties. */
const SERVED: ReadonlySet<DocumentKind> = new Set([
  'acceptanceNotice',
  'responseNotice',
  'hearingNotice',
  'mediationDocument',
  'partialMediationDocument',
  'award',
  'withdrawalDecision',
  'correctionOrder',
]);

function tally(run: LivingRun, docs: DocumentView[]): DocumentView[] {
  for (const d of docs) run.count(`文书：${documentLabels[d.kind]}`);
  return docs;
}

/** Generates a kind on the run's current clock (batch kinds: one per addressee). */
export async function generate(run: LivingRun, c: LivingCase, kind: DocumentKind, variant?: string): Promise<DocumentView[]> {
  if (!BATCH.has(kind)) return tally(run, await run.call('documents.generate', { caseId: c.id, kind, ...(variant ? { variant } : {}) }));
  // The batch's receipts need a first notice of the kind on main today (fixed on the daily branch):
  // generate the first addressee's notice, then the batch returns it unchanged with the others.
  const first = await run.call('documents.generate', { caseId: c.id, kind });
  const docs = await run.call('documents.generateBatch', { caseId: c.id, kind });
  return tally(run, docs.some((d) => d.id === first[0]?.id) ? docs : [...first, ...docs]);
}

/** Who a document goes to, from its variant: one worker, one respondent, the applicants, or every party. */
function addressees(c: LivingCase, doc: DocumentView): { name: string; side: 'applicant' | 'respondent' }[] {
  const worker = /^worker-(\d+)$/.exec(doc.variant);
  if (worker) return [{ name: c.detail.workers.find((w) => w.id === Number(worker[1]))?.name ?? '申请人', side: 'applicant' }];
  const respondent = /^respondent-(\d+)$/.exec(doc.variant);
  if (respondent) return [{ name: c.detail.respondents.find((r) => r.id === Number(respondent[1]))?.name ?? '被申请人', side: 'respondent' }];
  const applicants = applicantParties(c).map((name) => ({ name, side: 'applicant' as const }));
  if (doc.variant === 'applicants') return applicants;
  return [...applicants, ...c.detail.respondents.map((r) => ({ name: r.name, side: 'respondent' as const }))];
}

/**
 * Records service of every served document in `docs` (not the receipts themselves): applicants in
 * person on `on`, respondents by post two to four days later (never after `latest`).
 */
export async function serve(run: LivingRun, c: LivingCase, docs: DocumentView[], on: string, latest = run.today, sameDay = false): Promise<string> {
  let last = on;
  for (const doc of docs) {
    if (!SERVED.has(doc.kind)) continue;
    for (const a of addressees(c, doc)) {
      const post = !sameDay && a.side === 'respondent' && c.rng.chance(0.7);
      let servedOn = post ? addDays(on, c.rng.int(2, 4)) : on;
      if (servedOn > latest) servedOn = latest;
      if (servedOn > last) last = servedOn;
      await run.call('documents.recordService', {
        documentId: doc.id,
        recipient: a.name,
        method: post ? 'post' : a.side === 'respondent' && c.rng.chance(0.3) ? 'left' : 'inPerson',
        servedOn,
      });
      run.count('送达记录');
    }
  }
  return last;
}

/** Generates and serves in one go; returns the documents and the last service date. */
export async function generateAndServe(run: LivingRun, c: LivingCase, kind: DocumentKind, on: string, latest?: string): Promise<{ docs: DocumentView[]; servedBy: string }> {
  const docs = await generate(run, c, kind);
  const servedBy = await serve(run, c, docs, on, latest);
  return { docs, servedBy };
}
