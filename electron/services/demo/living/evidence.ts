/**
 * Evidence: the case's wage ledger (PDF), a site photo (PNG) and the roster (xlsx) written to a
 * scratch folder and imported through evidence.addFromPaths, so they land in the content-addressed
 * store exactly as a clerk's import would; exhibits get their purpose of proof. An inspection
 * track's exhibits are recognised by the arbitration (共享互认); a project's photo is one stored
 * file referenced by every case on that project.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExhibitView } from '../../../core/contract';
import { employerName, type LivingCase } from './livingCase';
import { rosterXlsx, sitePhotoPng, wageLedgerPdf, type LedgerRow } from './evidenceFiles';
import { ledgerPdfs, type LedgerFacts } from './ledgerPdf';
import type { LivingRun } from './runner';

/** Per run: the scratch folder the files are written to before import, and each project's photo. */
type Bench = { dir: string; photoOfProject: Map<string, ExhibitView>; ledgers: Map<string, Buffer> };
const benches = new WeakMap<LivingRun, Bench>();
function bench(run: LivingRun): Bench {
  let b = benches.get(run);
  if (!b) benches.set(run, (b = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'sucai-demo-evidence-')), photoOfProject: new Map(), ledgers: new Map() }));
  return b;
}
/** Removes the scratch folder (the store keeps its own copies). */
export function removeScratch(run: LivingRun): void {
  const b = benches.get(run);
  if (b) fs.rmSync(b.dir, { recursive: true, force: true });
  benches.delete(run);
}

function ledgerFacts(c: LivingCase): LedgerFacts {
  const on = c.acceptedOn;
  return { project: c.detail.project?.name ?? '工程项目', employer: employerName(c), period: `截至${on.slice(0, 4)}年${Number(on.slice(5, 7))}月`, rows: rows(c) };
}

/** Makes every living case's wage ledger PDF up front (one LibreOffice run). */
export async function prepareLedgers(run: LivingRun, cases: LivingCase[]): Promise<void> {
  const b = bench(run);
  const pdfs = await ledgerPdfs(new Map(cases.map((c) => [String(c.id), ledgerFacts(c)])), b.dir);
  for (const [key, pdf] of pdfs) b.ledgers.set(key, pdf);
}

function rows(c: LivingCase): LedgerRow[] {
  return c.detail.workers.map((w) => ({ name: w.name, idNumber: w.idNumber, owedFen: w.claims.find((x) => x.type === 'unpaidWages')?.amountFen ?? 0, trade: null }));
}

/**
 * Imports the three files for the case on the run's clock (`on` is the day they were received).
 * Returns the exhibits in their order: ledger, photo, roster.
 */
export async function addCaseEvidence(run: LivingRun, c: LivingCase, on: string, track: 'arbitration' | 'inspection'): Promise<ExhibitView[]> {
  const project = c.detail.project?.name ?? '工程项目';
  const { dir: root, photoOfProject, ledgers } = bench(run);
  const dir = path.join(root, String(c.id));
  fs.mkdirSync(dir, { recursive: true });
  const ledger = path.join(dir, '工资发放台账.pdf');
  fs.writeFileSync(ledger, ledgers.get(String(c.id)) ?? wageLedgerPdf(ledgerFacts(c)));
  const roster = path.join(dir, '农民工花名册.xlsx');
  fs.writeFileSync(roster, await rosterXlsx({ project, rows: rows(c) }));
  const paths = [ledger, roster];
  const shared = photoOfProject.get(project);
  if (!shared) {
    const photo = path.join(dir, '施工现场照片.png');
    fs.writeFileSync(photo, sitePhotoPng(run.rng(`photo:${project}`)));
    paths.splice(1, 0, photo);
  }
  const added = await run.call('evidence.addFromPaths', { caseId: c.id, paths, track, submittedBy: track === 'inspection' ? 'inspection' : 'applicant' });
  const exhibits = [...added];
  if (shared) exhibits.splice(1, 0, await run.call('evidence.addReference', { caseId: c.id, exhibitId: shared.id }));
  else photoOfProject.set(project, exhibits[1]!);
  const purposes = ['证明被申请人拖欠申请人工资的数额及期间', '证明申请人在该项目施工，以及施工的地点和进度', '证明申请人的人数、身份及各自的欠薪金额'];
  const titles = ['工资发放台账', '施工现场照片', '农民工花名册'];
  for (let i = 0; i < exhibits.length; i++) {
    exhibits[i] = await run.call('evidence.update', {
      id: exhibits[i]!.id,
      title: titles[i]!,
      purposeOfProof: purposes[i]!,
      receivedOn: on,
      originalSeen: i !== 1,
      collectedBy: track === 'inspection' ? c.tribunal.inspectors[c.id % c.tribunal.inspectors.length]! : null,
    });
  }
  run.count('证据', exhibits.length);
  return exhibits;
}

/** 共享互认: the arbitration recognises the inspection's exhibits. */
export async function recogniseForArbitration(run: LivingRun, exhibits: ExhibitView[]): Promise<void> {
  for (const e of exhibits) await run.call('evidence.recognise', { id: e.id, by: '仲裁院（速裁庭）' });
  run.count('共享互认证据', exhibits.length);
}
