/**
 * The demo's timeline: every step is one service call on one case on one day, made through the
 * validated dispatcher as a clerk's call would be. Steps run in date order with the service clock
 * moved to that day (spread over office hours), many steps per write transaction (runBatch): the
 * services run unchanged, only the commits (and the derived rows) are shared.
 */
import type { MethodInput, MethodName, MethodOutput } from '../../core/contract';
import type { Services } from '../createServices';
import { dispatch } from '../dispatch';
import { systemCaller } from '../caller';
import { runBatch } from '../batch';

/** Calls a contract method as the demo's clerk; throws with the case and the Chinese message on failure. */
export type DemoCall = <M extends MethodName>(name: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type DemoStep = {
  /** 'YYYY-MM-DD' (China) the step happens. */
  date: string;
  /** Place among the steps of one day (a stage's place in the life of a case: 收案 0, 受理 1, …). */
  order: number;
  /** The demo case (0-based, in order of receipt). */
  index: number;
  run: (call: DemoCall) => Promise<void>;
};

export type StepTimings = Record<string, { calls: number; ms: number }>;

/** How many steps share one write transaction: large enough that commits cost nothing, small enough to keep the WAL modest. */
export const STEPS_PER_BATCH = 4000;

/** 08:30 China time on `date` plus `seconds`. */
export function chinaTime(date: string, seconds: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, 30) + seconds * 1000);
}

/**
 * Runs the steps in order (date, then order, then case), each day's calls spread over 08:30–17:30
 * so timeline times look real. `setNow` moves the clock the services read.
 */
export async function runSteps(
  services: Services,
  steps: DemoStep[],
  setNow: (at: Date) => void,
  onStep?: (done: number, total: number, step: DemoStep) => void,
): Promise<StepTimings> {
  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.order - b.order || a.index - b.index));
  const perDay = new Map<string, number>();
  for (const s of steps) perDay.set(s.date, (perDay.get(s.date) ?? 0) + 1);

  const timings: StepTimings = {};
  const caller = systemCaller(services.ctx.host, '演示数据');
  let current: DemoStep | undefined;
  const call: DemoCall = async (name, input) => {
    const t0 = performance.now();
    const result = await dispatch(services.handlers, name, input, caller);
    const entry = (timings[name] ??= { calls: 0, ms: 0 });
    entry.calls++;
    entry.ms += performance.now() - t0;
    if (!result.ok) throw new Error(`演示数据第${(current?.index ?? 0) + 1}件（${name}）失败：${result.error.message}`);
    return result.value as never;
  };

  let day = '';
  let slot = 0;
  for (let start = 0; start < steps.length; start += STEPS_PER_BATCH) {
    await runBatch(services.ctx, async () => {
      for (let i = start; i < Math.min(steps.length, start + STEPS_PER_BATCH); i++) {
        const step = (current = steps[i]!);
        if (step.date !== day) {
          day = step.date;
          slot = 0;
        }
        const gap = Math.min(120, Math.floor((9 * 3600) / perDay.get(day)!));
        setNow(chinaTime(day, slot++ * gap));
        await step.run(call);
        onStep?.(i + 1, steps.length, step);
      }
    });
  }
  return timings;
}
