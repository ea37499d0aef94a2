/**
 * The living demo's one way to act: a validated call through the dispatcher (as the 演示数据
 * account), with the service clock set to the moment the step happens. Methods that take local
 * paths (evidence import) are called as the desktop host with the paths granted, as if picked in
 * the file dialog.
 */
import { contract, type MethodInput, type MethodName, type MethodOutput, type MethodSpec } from '../../../core/contract';
import type { Services } from '../../createServices';
import { dispatch } from '../../dispatch';
import { systemCaller } from '../../caller';
import { Rng } from '../random';

export type Timings = Record<string, { calls: number; ms: number }>;

export class LivingRun {
  readonly timings: Timings = {};
  /** What was made, for the summary: '文书:裁决书' → 3. */
  readonly made: Record<string, number> = {};
  private readonly originalNow: () => Date;
  private current: Date;

  constructor(
    readonly services: Services,
    readonly seed: number,
    readonly today: string,
  ) {
    this.originalNow = services.ctx.now;
    this.current = chinaTime(today, '09:00');
    services.ctx.now = () => new Date(this.current.getTime());
  }

  /** Moves the service clock to `time` (HH:MM, China) on `date`. */
  at(date: string, time = '09:00'): this {
    this.current = chinaTime(date, time);
    return this;
  }

  /**
   * Runs `work` with the clock moved on to `date` (late afternoon) when that is later than now — a
   * service is recorded once the last receipt is back — then puts the clock back.
   */
  async later<T>(date: string, work: () => Promise<T>): Promise<T> {
    const saved = this.current;
    const then = chinaTime(date, '17:00');
    if (then > saved) this.current = then;
    try {
      return await work();
    } finally {
      this.current = saved;
    }
  }

  rng(label: string): Rng {
    return Rng.derive(this.seed, `living:${label}`);
  }

  async call<M extends MethodName>(name: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const t0 = performance.now();
    const spec: MethodSpec = contract[name];
    const desktopOnly = spec.hosts?.includes('web') === false;
    const caller = desktopOnly
      ? { ...systemCaller('electron', '演示数据'), takeGrantedPaths: () => true }
      : systemCaller(this.services.ctx.host, '演示数据');
    const result = await dispatch(this.services.handlers, name, input, caller);
    const entry = (this.timings[name] ??= { calls: 0, ms: 0 });
    entry.calls++;
    entry.ms += performance.now() - t0;
    if (!result.ok) throw new Error(`演示数据（${name}）失败：${result.error.message}`);
    return result.value as MethodOutput<M>;
  }

  count(what: string, n = 1): void {
    this.made[what] = (this.made[what] ?? 0) + n;
  }

  restore(): void {
    this.services.ctx.now = this.originalNow;
  }
}

/** `time` (HH:MM) China time on `date`, as an instant. */
export function chinaTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, d, hh - 8, mm));
}
