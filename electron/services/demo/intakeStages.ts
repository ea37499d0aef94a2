/**
 * 快立 for every demo case: 收案, 受理 or 不予受理, 补正, 送达 — each a service call on its day.
 * A new stage (hearings, mediation, awards…) is another function of the same shape returning its
 * steps: the runner puts every step in date order and batches them all alike.
 */
import type { DemoStep } from './steps';
import type { CaseSchedule } from './schedule';
import type { DemoWorld } from './world';
import type { Rng } from './random';
import { MATERIALS, REJECTION_REASONS } from './names';

/** What the steps of one case share: its database id once filed, and what later steps quote. */
export type DemoCaseState = { id: number; firstWorkerName: string; collective: boolean };

export type StageInput = {
  index: number;
  schedule: CaseSchedule;
  state: DemoCaseState;
};

/** 代表人推举书 only makes sense for a collective case. */
function nonCollective(materials: string[]): string[] {
  const list = materials.filter((m) => m !== '代表人推举书');
  return list.length ? list : ['考勤记录'];
}

/**
 * The intake steps of one case. `texts` is drawn here, in case order (before the steps are put in
 * date order), so the data depends only on the seed and the case count.
 */
export function intakeSteps(
  { index, schedule: s, state }: StageInput,
  world: DemoWorld,
  texts: Rng,
  options: { collective?: boolean; workerCount?: number },
): DemoStep[] {
  const materials = texts.sample(MATERIALS, texts.int(1, 3));
  const promiseDays = texts.int(3, 10);
  const reason = texts.pick(REJECTION_REASONS);
  const steps: DemoStep[] = [
    {
      date: s.receivedOn,
      order: 0,
      index,
      run: async (call) => {
        const input = world.caseInput(index, s.receivedOn, options);
        state.firstWorkerName = input.workers[0]!.name;
        state.collective = input.workers.length >= 10;
        state.id = (await call('cases.create', input)).id;
      },
    },
  ];
  if (s.outcome === 'rejected')
    steps.push({
      date: s.decidedOn!,
      order: 1,
      index,
      run: async (call) => void (await call('cases.reject', { id: state.id, rejectedOn: s.decidedOn!, reason })),
    });
  else if (s.outcome !== 'received')
    steps.push({
      date: s.decidedOn!,
      order: 1,
      index,
      run: async (call) =>
        void (await call('cases.accept', {
          id: state.id,
          acceptedOn: s.decidedOn!,
          withGaps: s.withGaps
            ? {
                materials: state.collective ? materials : nonCollective(materials),
                promise: `申请人${state.firstWorkerName}书面承诺于${promiseDays}个工作日内补齐上述材料`,
              }
            : null,
        })),
    });
  if (s.completedOn)
    steps.push({
      date: s.completedOn,
      order: 2,
      index,
      run: async (call) => void (await call('cases.completeMaterials', { id: state.id, completedOn: s.completedOn! })),
    });
  if (s.servedOn)
    steps.push({
      date: s.servedOn,
      order: 3,
      index,
      run: async (call) => void (await call('cases.recordService', { id: state.id, servedOn: s.servedOn! })),
    });
  return steps;
}
