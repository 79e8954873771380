/**
 * A fixed set of worker threads, each converting one file at a time. Each worker is handed its
 * next file while it still works on the current one (two in its queue), so it never waits for
 * the main thread between files; the rest of the list waits in the main thread, so at most
 * 2 × size files are handed out and `size` images are in memory however long the list is.
 * A worker that dies (a crash, running out of memory) fails only the file it was converting; it
 * is replaced and the file queued behind it goes to the new worker.
 */
import { Worker } from 'node:worker_threads';
import type { ConvertOutcome, ConvertTask } from './task';

export type RunTask = (task: ConvertTask) => Promise<ConvertOutcome>;

/** Files handed to one worker at a time: the one it converts and the next. */
const QUEUE_DEPTH = 2;

interface Pending {
  task: ConvertTask;
  settle: (outcome: ConvertOutcome) => void;
}

class WorkerLane {
  private worker?: Worker;
  /** Handed to the worker, in order; the first is the one being converted. */
  private readonly pending: Pending[] = [];
  private started = 0;

  constructor(
    private readonly script: URL,
    private readonly module: WebAssembly.Module,
  ) {}

  run: RunTask = (task) =>
    new Promise((settle) => {
      if (this.pending.length === 0) this.started = performance.now();
      this.pending.push({ task, settle });
      (this.worker ??= this.spawn()).postMessage(task);
    });

  /** Starts the worker now rather than with the first file. */
  start(): void {
    this.worker ??= this.spawn();
  }

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
    this.pending.shift()?.settle(outcome);
    this.started = performance.now();
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
    if (this.pending.length === 0) return;
    const replacement = (this.worker = this.spawn());
    for (const { task } of this.pending) replacement.postMessage(task);
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

  /** Runs `work` for every item, in list order, until done or `shouldStop()` is true. */
  async forEach<T>(
    items: readonly T[],
    work: (item: T, run: RunTask) => Promise<void>,
    shouldStop: () => boolean = () => false,
  ): Promise<void> {
    let next = 0;
    const loops = this.lanes.flatMap((lane) =>
      Array.from({ length: QUEUE_DEPTH }, async () => {
        while (next < items.length && !shouldStop()) await work(items[next++], lane.run);
      }),
    );
    await Promise.all(loops);
  }

  /** Starts every worker thread now, so they are ready when the first files are. */
  start(): void {
    for (const lane of this.lanes) lane.start();
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.close()));
  }
}
