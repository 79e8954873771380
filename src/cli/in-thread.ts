/**
 * A single file converts in the main thread: starting a worker thread (a second Node
 * environment that loads the code, sharp and a wasm instance again) costs more than a small
 * image's whole conversion. Same interface as `WorkerPool`.
 *
 * A wasm call cannot be interrupted and holds the main thread, so Ctrl-C is handled when it
 * returns — which is why only images the header shows to be small run here (see run-batch.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { convert } from './convert';
import type { RunTask } from './worker-pool';

/**
 * Keeps the core on V8's baseline wasm compiler (Liftoff). For one small image, tiering up to the
 * optimising compiler in the background competes with the conversion for the cores and holds up
 * the process exit (measured: 512 px logo, job 62–154 ms either way, exit 0.06 s instead of
 * 0.33 s). Batches keep tiering up: their long-lived workers gain from it (≈1.2× on 10 MP).
 * Call before the core is compiled.
 */
export function preferBaselineWasm(): void {
  setFlagsFromString('--liftoff-only');
}

export class InThreadRunner {
  readonly run: RunTask = (task) => convert(task);

  async forEach<T>(
    items: readonly T[],
    work: (item: T, run: RunTask) => Promise<void>,
    shouldStop: () => boolean = () => false,
  ): Promise<void> {
    for (const item of items) {
      if (shouldStop()) return;
      await work(item, this.run);
    }
  }

  start(): void {}

  async close(): Promise<void> {}
}
