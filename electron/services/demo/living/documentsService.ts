/**
 * Documents and their service: generate through documents.generate / generateBatch (the app's own
 * builders, numbering and versions) and record service (送达) per addressee through
 * documents.recordService — workers in person at the office, companies by post a few days later.
 * The only place the living demo touches the documents API, so its changes stay here.
 */
import { documentLabels, type DocumentKind, type DocumentView } from '../../../core/contract';
import { addDays } from '../../../core/dates';
import type { LivingCase } from './livingCase';
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
  return tally(run, await run.call('documents.generateBatch', { caseId: c.id, kind }));
}

/**
 * Records service of every served document in `docs` (not the receipts themselves), in one step per
 * document as the service dialog does: the addressees it prefills from the parties, applicants in
 * person on `on`, respondents by post two to four days later (never after `latest`).
 */
export async function serve(run: LivingRun, c: LivingCase, docs: DocumentView[], on: string, latest = run.today, sameDay = false): Promise<string> {
  let last = on;
  for (const doc of docs) {
    if (!SERVED.has(doc.kind)) continue;
    const recipients = (await run.call('documents.serviceRecipients', { documentId: doc.id })).filter((r) => r.addressee);
    if (!recipients.length) continue;
    const entries = recipients.map((r) => {
      const respondent = r.party?.kind === 'respondent';
      const post = !sameDay && respondent && c.rng.chance(0.7);
      let servedOn = post ? addDays(on, c.rng.int(2, 4)) : on;
      if (servedOn > latest) servedOn = latest;
      if (servedOn > last) last = servedOn;
      return { party: r.party, recipient: r.name, method: post ? ('post' as const) : respondent && c.rng.chance(0.3) ? ('left' as const) : ('inPerson' as const), servedOn };
    });
    const lastReceipt = entries.reduce((a, e) => (e.servedOn > a ? e.servedOn : a), on);
    await run.later(lastReceipt, () => run.call('documents.recordServices', { documentId: doc.id, entries }));
    run.count('送达记录', entries.length);
  }
  return last;
}

/** Generates and serves in one go; returns the documents and the last service date. */
export async function generateAndServe(run: LivingRun, c: LivingCase, kind: DocumentKind, on: string, latest?: string): Promise<{ docs: DocumentView[]; servedBy: string }> {
  const docs = await generate(run, c, kind);
  const servedBy = await serve(run, c, docs, on, latest);
  return { docs, servedBy };
}
