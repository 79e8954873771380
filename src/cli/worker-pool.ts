/**
 * A fixed set of worker threads, each converting one file at a time. Items are handed out from
 * the list as lanes free up, so at most `size` images are in memory however long the list is.
 * A worker that dies (a crash, running out of memory) fails only its current file and is
 * replaced for the next one.
 */
import { Worker } from 'node:worker_threads';
import type { ConvertOutcome, ConvertTask } from './task';

export type RunTask = (task: ConvertTask) => Promise<ConvertOutcome>;

class WorkerLane {
  private worker?: Worker;
  private settle?: (outcome: ConvertOutcome) => void;
  private started = 0;

  constructor(
    private readonly script: URL,
    private readonly module: WebAssembly.Module,
  ) {}

  run: RunTask = (task) =>
    new Promise((resolve) => {
      this.settle = resolve;
      this.started = performance.now();
      (this.worker ??= this.spawn()).postMessage(task);
    });

  close(): Promise<number> | undefined {
    const worker = this.worker;
    this.worker = undefined;
    return worker?.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, { workerData: { module: this.module } });
    worker.on('message', (outcome: ConvertOutcome) => this.finish(outcome));
    worker.on('error', (error) => this.crash(worker, error.message));
    worker.on('exit', (code) => this.crash(worker, `exit code ${code}`));
    return worker;
  }

  private finish(outcome: ConvertOutcome): void {
    const settle = this.settle;
    this.settle = undefined;
    settle?.(outcome);
  }

  private crash(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    this.finish({
      ok: false,
      failure: { code: 'WORKER_CRASHED', message: `The worker thread stopped (${reason}).` },
      ms: performance.now() - this.started,
    });
  }
}

export class WorkerPool {
  private readonly lanes: WorkerLane[];

  /** `module`: the compiled core, shared by every worker thread. */
  constructor(
    size: number,
    module: WebAssembly.Module,
    script: URL = new URL('./worker.js', import.meta.url),
  ) {
    this.lanes = Array.from({ length: Math.max(1, size) }, () => new WorkerLane(script, module));
  }

  /** Runs `work` for every item, `size` at a time, until done or `shouldStop()` is true. */
  async forEach<T>(
    items: readonly T[],
    work: (item: T, run: RunTask) => Promise<void>,
    shouldStop: () => boolean = () => false,
  ): Promise<void> {
    let next = 0;
    await Promise.all(
      this.lanes.map(async (lane) => {
        while (next < items.length && !shouldStop()) await work(items[next++], lane.run);
      }),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.close()));
  }
}
