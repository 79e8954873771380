/**
 * Where a run's wall time goes, for `npm run bench:cli`: with `VECTORIZER_TIMINGS=1` in the
 * environment the command prints one line to standard error before it exits,
 * `vectorizer-timings {"node":…,"modules":…,"compile":…,"read":…,"decode":…,"job":…,"write":…,"end":…}`
 * (milliseconds). `node` is Node's own start-up, `modules` loading the command's code, `compile`
 * the core's compile and instantiation (it overlaps reading and decoding), then the per-file
 * phases summed over the files, `end` the time since the process started and `cpu` the CPU time
 * all its threads used so far (steadier than wall times on a busy machine).
 */
import { performance } from 'node:perf_hooks';
import type { FilePhases } from './task';

export const TIMINGS_ENV = 'VECTORIZER_TIMINGS';
export const TIMINGS_PREFIX = 'vectorizer-timings ';

export type RunTimings = Record<
  keyof FilePhases | 'node' | 'modules' | 'compile' | 'end' | 'cpu',
  number
>;

const enabled = () => process.env[TIMINGS_ENV] === '1';

export class Timings {
  private readonly phases: FilePhases = { read: 0, decode: 0, job: 0, write: 0 };
  private readonly started = performance.now();
  private compile = 0;

  /** Times the core's compilation (a promise that is not awaited here). */
  compiling<T>(loading: Promise<T>): Promise<T> {
    const from = performance.now();
    void loading.then(
      () => (this.compile = performance.now() - from),
      () => undefined,
    );
    return loading;
  }

  add(phases: FilePhases | undefined): void {
    if (!phases) return;
    for (const key of Object.keys(this.phases) as (keyof FilePhases)[])
      this.phases[key] += phases[key];
  }

  result(): RunTimings {
    const node = performance.nodeTiming.bootstrapComplete;
    return {
      node,
      modules: this.started - node,
      compile: this.compile,
      ...this.phases,
      end: performance.now(),
      cpu: (({ user, system }) => (user + system) / 1000)(process.cpuUsage()),
    };
  }

  /** Prints the line when VECTORIZER_TIMINGS=1. */
  print(stderr: NodeJS.WritableStream): void {
    if (!enabled()) return;
    const rounded = Object.fromEntries(
      Object.entries(this.result()).map(([key, ms]: [string, number]) => [
        key,
        Math.round(ms * 10) / 10,
      ]),
    );
    stderr.write(TIMINGS_PREFIX + JSON.stringify(rounded) + '\n');
  }
}
