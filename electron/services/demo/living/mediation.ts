/**
 * 快调: mediation sessions with who attended, the per-worker agreement (each claim item), payments
 * made on the spot (bank transfer with its reference, or cash) and instalment plans for the rest,
 * the outcome and the signatures that make the 调解书 effective — all through mediation.*.
 */
import type { MediationView } from '../../../core/contract';
import { applicantParties, type LivingCase } from './livingCase';
import type { LivingRun } from './runner';

const NOTES: Record<'settled' | 'partlySettled' | 'failed' | 'pending', string[]> = {
  settled: [
    '调解员释明拖欠农民工工资的法律责任及先行垫付义务，被申请人确认欠薪数额，同意按申请人请求支付工资。双方当场达成调解协议。',
    '经核对考勤记录和工资发放台账，双方对欠薪数额无异议。总承包单位同意从工程款中代为支付，当场支付部分款项，余款分期支付。',
  ],
  partlySettled: ['双方对拖欠工资数额达成一致，对加班费及经济补偿金分歧较大，该部分请求转入庭审处理。'],
  failed: ['被申请人对用工关系及欠薪数额均有异议，称已将劳务费全额支付给班组长，调解不成，转入快审程序。', '被申请人未派员到场，电话联系称资金困难，无法提出支付方案，调解不成。'],
  pending: ['双方初步沟通，被申请人表示需向公司报告后答复，约定三日内再行调解。'],
};

function attendees(c: LivingCase): { role: string; name: string }[] {
  const applicants = applicantParties(c).slice(0, 5).map((name) => ({ role: '申请人', name }));
  const respondents = c.detail.respondents.slice(0, 3).map((r) => ({ role: '被申请人', name: r.legalRepresentative ?? r.name }));
  return [...applicants, ...respondents];
}

export function mediatorOf(c: LivingCase): string {
  return c.tribunal.mediators[c.id % c.tribunal.mediators.length]!;
}

/** One session on `on`, with notes fitting the outcome. */
export async function holdSession(run: LivingRun, c: LivingCase, on: string, outcome: keyof typeof NOTES): Promise<MediationView> {
  run.at(on, '09:30');
  const view = await run.call('mediation.addSession', { caseId: c.id, heldOn: on, mediator: mediatorOf(c), attendees: attendees(c), notes: c.rng.pick(NOTES[outcome]), track: 'arbitration' });
  run.count('调解记录');
  const session = view.sessions[view.sessions.length - 1]!;
  if (outcome !== 'pending') return run.call('mediation.updateSession', { id: session.id, outcome });
  return view;
}

/**
 * The agreement: every claim item of every worker (or, for a partial settlement, the wages only)
 * at `share` of the claim, to be paid by `payBy`; then the outcome.
 */
export async function agree(run: LivingRun, c: LivingCase, on: string, payBy: string, partly = false): Promise<MediationView> {
  run.at(on, '11:00');
  const share = c.rng.weighted<number>([[1, 60], [0.95, 20], [0.9, 20]]);
  const items = c.detail.workers.flatMap((w) =>
    w.claims
      .filter((x) => !partly || x.type === 'unpaidWages')
      .map((x) => ({ claimItemId: x.id, agreedFen: x.type === 'unpaidWages' ? x.amountFen : Math.round(x.amountFen * share), payBy, method: 'bankTransfer' as const })),
  );
  await run.call('mediation.setAgreed', { caseId: c.id, items });
  return run.call('mediation.setOutcome', { caseId: c.id, outcome: partly ? 'partlySettled' : 'settled' });
}

/** A step dated later than the case's current one: run after the case's other steps, in date order. */
export type Later = { on: string; step: () => Promise<unknown> };

/**
 * What the respondent pays: on the spot (a share of each worker's agreed amount, at the session)
 * and the rest in instalments due on `dues`. The instalments due by `paidUpTo` are paid on their
 * due day: returned as later steps (the others stay unpaid; past due → warnings).
 */
export async function pay(run: LivingRun, c: LivingCase, view: MediationView, opts: { on: string; onSpot: number; dues: string[]; paidUpTo: string | null }): Promise<Later[]> {
  let reference = 0;
  const nextReference = () => `6222${String(c.id).padStart(6, '0')}${String(++reference).padStart(4, '0')}`;
  const later: Later[] = [];
  for (const row of view.rows) {
    const now = Math.min(row.agreedFen - row.paidFen, Math.round((row.agreedFen * opts.onSpot) / 10_000) * 100); // whole yuan
    if (now > 0) {
      run.at(opts.on, '15:30');
      const cash = now <= 300_000 && c.rng.chance(0.2);
      await run.call('mediation.recordPayment', {
        caseId: c.id,
        workerId: row.workerId,
        amountFen: now,
        paidAt: `${opts.on}T15:30`,
        method: cash ? 'cash' : 'bankTransfer',
        reference: cash ? null : nextReference(),
      });
      run.count('当场支付');
    }
    const rest = row.agreedFen - row.paidFen - now;
    if (rest <= 0 || !opts.dues.length) continue;
    const per = Math.floor(rest / opts.dues.length);
    const instalments = opts.dues.map((dueOn, i) => ({ dueOn, amountFen: i === opts.dues.length - 1 ? rest - per * (opts.dues.length - 1) : per }));
    run.at(opts.on, '16:00');
    const after = await run.call('mediation.setInstalments', { caseId: c.id, workerId: row.workerId, instalments });
    run.count('分期计划');
    for (const i of after.rows.find((r) => r.workerId === row.workerId)!.instalments) {
      if (!opts.paidUpTo || i.dueOn > opts.paidUpTo) continue;
      const ref = nextReference();
      later.push({
        on: i.dueOn,
        step: async () => {
          run.at(i.dueOn, '10:00');
          await run.call('mediation.recordPayment', { caseId: c.id, workerId: row.workerId, amountFen: i.amountFen, paidAt: `${i.dueOn}T10:00`, method: 'bankTransfer', reference: ref, instalmentId: i.id });
          run.count('分期付款');
        },
      });
    }
  }
  return later;
}

/** Runs later steps in date order. */
export async function runLater(later: Later[]): Promise<void> {
  for (const l of [...later].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) await l.step();
}

/** Both sides sign for the 调解书: it takes effect. */
export async function sign(run: LivingRun, c: LivingCase, workersOn: string, respondentOn: string): Promise<void> {
  run.at(workersOn, '16:30');
  await run.call('mediation.recordSignature', { caseId: c.id, party: 'workers', signedOn: workersOn });
  run.at(respondentOn, '16:30');
  await run.call('mediation.recordSignature', { caseId: c.id, party: 'respondent', signedOn: respondentOn });
}
