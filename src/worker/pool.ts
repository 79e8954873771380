/**
 * The worker pool: the only place that creates Workers and speaks Comlink. Runs up to
 * `concurrency` jobs at once, queues the rest, cancels by terminating the job's worker (a wasm
 * call cannot be interrupted) and replaces it, and a watchdog fails a job whose worker has
 * reported no progress for `watchdogMs`, so no job stays stuck. Exports (`exportFile`) queue with
 * the jobs and run on any idle worker, PNGs included (the worker's core paints them).
 */
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import { VectorizeError, toVectorizeError, type ExportedFile, type Progress } from '../engine';
import type {
  AnalyseRequest,
  ExportRequest,
  JobAnalysis,
  JobResult,
  VectorizeRequest,
  VectorizeWorkerApi,
} from './protocol';

export interface PoolTask extends VectorizeRequest {
  id: string;
  onStart?: () => void;
  onProgress?: (progress: Progress) => void;
}

export interface PoolSettings {
  concurrency: number;
  watchdogMs: number;
}

export type WorkerFactory = () => Worker;

interface Slot {
  worker: Worker;
  remote: Remote<VectorizeWorkerApi>;
  /** Rejects the running task when the worker dies or is stopped. */
  abort?: (error: VectorizeError) => void;
  taskId?: string;
  lastSignal: number;
  /** Decoded images this worker holds (affinity for re-runs). */
  imageKeys: string[];
}

type Pending =
  | {
      kind: 'vectorize';
      task: PoolTask;
      resolve: (result: JobResult) => void;
      reject: (error: unknown) => void;
    }
  | {
      kind: 'export';
      task: { id: string; request: ExportRequest };
      resolve: (file: ExportedFile) => void;
      reject: (error: unknown) => void;
    }
  | {
      kind: 'analyse';
      task: { id: string; request: AnalyseRequest };
      resolve: (analysis: JobAnalysis) => void;
      reject: (error: unknown) => void;
    };

export function defaultConcurrency(): number {
  return Math.max(1, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1);
}

/** How often the watchdog looks (at most once a second). */
const WATCHDOG_TICK_MS = 1000;

export function createVectorizeWorker(): Worker {
  return new Worker(new URL('./vectorize.worker.ts', import.meta.url), {
    type: 'module',
    name: 'vectorize',
  });
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private settings: PoolSettings;
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private exports = 0;
  private analyses = 0;

  constructor(
    settings: Partial<PoolSettings> = {},
    private readonly createWorker: WorkerFactory = createVectorizeWorker,
  ) {
    this.settings = { concurrency: defaultConcurrency(), watchdogMs: 60_000, ...settings };
  }

  configure(settings: Partial<PoolSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.settings.concurrency = Math.max(1, Math.floor(this.settings.concurrency));
    this.pump();
  }

  run(task: PoolTask): Promise<JobResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'vectorize', task, resolve, reject });
      this.pump();
    });
  }

  /**
   * Exports a result in a worker (the engine's `exportResult`, PNGs painted by the worker's core).
   * Fails with the engine's typed errors.
   */
  exportFile(request: ExportRequest): Promise<ExportedFile> {
    const id = `export-${(this.exports += 1)}`;
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'export', task: { id, request }, resolve, reject });
      this.pump();
    });
  }

  /**
   * Renders a result's SVG in a worker and compares it with its input (queued with the jobs, on
   * the worker that holds the decoded image when one is idle).
   */
  analyse(request: AnalyseRequest): Promise<JobAnalysis> {
    const id = `analyse-${(this.analyses += 1)}`;
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'analyse', task: { id, request }, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts one worker and has it compile the core ahead of the first task (call when the page is
   * idle). Does nothing once a worker exists; a failure here shows again on the first task.
   */
  prepare(): void {
    if (this.slots.length > 0) return;
    this.spawn()
      .remote.prepare()
      .catch(() => undefined);
  }

  /** Cancels a queued or running task; a running task's worker is terminated and replaced. */
  cancel(id: string): void {
    const index = this.queue.findIndex((pending) => pending.task.id === id);
    if (index >= 0) {
      const [pending] = this.queue.splice(index, 1);
      pending.reject(new VectorizeError('CANCELLED', 'Cancelled.'));
      return;
    }
    const slot = this.slots.find((candidate) => candidate.taskId === id);
    if (slot) this.retire(slot, new VectorizeError('CANCELLED', 'Cancelled.'));
  }

  get running(): number {
    return this.slots.filter((slot) => slot.taskId !== undefined).length;
  }

  dispose(): void {
    for (const pending of this.queue.splice(0))
      pending.reject(new VectorizeError('CANCELLED', 'Cancelled.'));
    for (const slot of [...this.slots])
      this.retire(slot, new VectorizeError('CANCELLED', 'Cancelled.'));
    this.stopWatchdog();
  }

  private pump(): void {
    while (this.queue.length > 0 && this.running < this.settings.concurrency) {
      const pending = this.queue.shift()!;
      const imageKey =
        pending.kind === 'vectorize'
          ? pending.task.imageKey
          : pending.kind === 'analyse'
            ? pending.task.request.imageKey
            : undefined;
      void this.start(this.pickSlot(imageKey), pending);
    }
    if (this.running > 0) this.startWatchdog();
    else this.stopWatchdog();
    // Retire idle workers above the limit (after the limit was lowered).
    for (const slot of this.slots.filter((s) => s.taskId === undefined))
      if (this.slots.length > this.settings.concurrency) this.retire(slot);
  }

  private pickSlot(imageKey: string | undefined): Slot {
    const idle = this.slots.filter((slot) => slot.taskId === undefined);
    const warm =
      (imageKey === undefined ? undefined : idle.find((s) => s.imageKeys.includes(imageKey))) ??
      idle[0];
    return warm ?? this.spawn();
  }

  private spawn(): Slot {
    const worker = this.createWorker();
    const slot: Slot = {
      worker,
      remote: wrap<VectorizeWorkerApi>(worker),
      lastSignal: Date.now(),
      imageKeys: [],
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.retire(
        slot,
        new VectorizeError('WORKER_CRASHED', 'The worker stopped unexpectedly; try again.'),
      );
    });
    this.slots.push(slot);
    return slot;
  }

  private async start(slot: Slot, pending: Pending): Promise<void> {
    slot.taskId = pending.task.id;
    slot.lastSignal = Date.now();
    const aborted = new Promise<never>((_, rejectAbort) => {
      slot.abort = rejectAbort;
    });
    try {
      if (pending.kind === 'export') await this.startExport(slot, pending, aborted);
      else if (pending.kind === 'analyse') await this.startAnalyse(slot, pending, aborted);
      else await this.startVectorize(slot, pending, aborted);
    } finally {
      if (slot.taskId === pending.task.id) {
        slot.taskId = undefined;
        slot.abort = undefined;
      }
      this.pump();
    }
  }

  private async startExport(
    slot: Slot,
    { task, resolve, reject }: Extract<Pending, { kind: 'export' }>,
    aborted: Promise<never>,
  ): Promise<void> {
    try {
      resolve(await Promise.race([slot.remote.export(task.request), aborted]));
    } catch (error) {
      reject(toVectorizeError(error));
    }
  }

  private async startAnalyse(
    slot: Slot,
    { task, resolve, reject }: Extract<Pending, { kind: 'analyse' }>,
    aborted: Promise<never>,
  ): Promise<void> {
    try {
      resolve(await Promise.race([slot.remote.analyse(task.request), aborted]));
      this.remember(slot, task.request.imageKey);
    } catch (error) {
      reject(toVectorizeError(error));
    }
  }

  /** The worker now holds this decoded image (its two most recent are kept). */
  private remember(slot: Slot, imageKey: string): void {
    slot.imageKeys = [imageKey, ...slot.imageKeys.filter((k) => k !== imageKey)];
    slot.imageKeys.length = Math.min(slot.imageKeys.length, 2);
  }

  private async startVectorize(
    slot: Slot,
    { task, resolve, reject }: Extract<Pending, { kind: 'vectorize' }>,
    aborted: Promise<never>,
  ): Promise<void> {
    const onProgress = proxy((progress: Progress) => {
      slot.lastSignal = Date.now();
      task.onProgress?.(progress);
    });
    task.onStart?.();
    try {
      const request: VectorizeRequest = {
        imageKey: task.imageKey,
        file: task.file,
        options: task.options,
      };
      const result = await Promise.race([slot.remote.vectorize(request, onProgress), aborted]);
      this.remember(slot, task.imageKey);
      resolve(result);
    } catch (error) {
      reject(toVectorizeError(error));
    }
  }

  private retire(slot: Slot, reason?: VectorizeError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    slot.remote[releaseProxy]();
    slot.worker.terminate();
    const abort = slot.abort;
    slot.taskId = undefined;
    slot.abort = undefined;
    if (abort && reason) abort(reason);
    queueMicrotask(() => this.pump());
  }

  private startWatchdog(): void {
    this.watchdog ??= setInterval(
      () => {
        const now = Date.now();
        for (const slot of [...this.slots])
          if (slot.taskId !== undefined && now - slot.lastSignal > this.settings.watchdogMs)
            this.retire(
              slot,
              new VectorizeError(
                'TIMEOUT',
                `No progress for ${Math.round(this.settings.watchdogMs / 1000)} s; the job was stopped.`,
              ),
            );
      },
      Math.min(WATCHDOG_TICK_MS, this.settings.watchdogMs / 2),
    );
  }

  private stopWatchdog(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}
