/** One case the living demo drives through its stages, and the tribunal's people and rooms. */
import type { CaseDetail } from '../../../core/contract';
import { addWorkdays } from '../schedule';
import type { Rng } from '../random';
import type { LivingRun } from './runner';
import type { Tribunal } from './settingsStaff';

export type LivingCase = {
  id: number;
  detail: CaseDetail;
  acceptedOn: string;
  rng: Rng;
  tribunal: Tribunal;
};

export async function loadCase(run: LivingRun, id: number, tribunal: Tribunal): Promise<LivingCase> {
  const detail = await run.call('cases.get', { id });
  return { id, detail, acceptedOn: detail.acceptedOn ?? detail.receivedOn, rng: run.rng(`case:${id}`), tribunal };
}

export async function reload(run: LivingRun, c: LivingCase): Promise<void> {
  c.detail = await run.call('cases.get', { id: c.id });
}

/** n working days after `date` on the app's own calendar (0 → the date, or the next working day). */
export function workdays(run: LivingRun, date: string, n: number): string {
  return addWorkdays(run.services.ctx.calendar, date, n);
}

/** The applicant side as the parties' list names it: elected representatives of a collective case, else every worker. */
export function applicantParties(c: LivingCase): string[] {
  const reps = c.detail.workers.filter((w) => w.isRepresentative).map((w) => w.name);
  return c.detail.isCollective && reps.length ? reps : c.detail.workers.map((w) => w.name);
}

export function employerName(c: LivingCase): string {
  const chain = c.detail.respondents;
  return (chain.find((r) => r.role === 'subcontractor') ?? chain.find((r) => r.role === 'generalContractor') ?? chain[0])!.name;
}
