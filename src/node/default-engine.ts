/**
 * The library's engine: one wasm instance per thread, created on first use. Calls run one at a
 * time (a wasm call is synchronous), so concurrent `vectorize()` calls simply queue.
 */
import {
  createEngine,
  type Engine,
  type ProgressCallback,
  type VectorizeOptionsInput,
  type VectorizeResult,
} from '../engine';
import { compileCoreModule } from './wasm-module';

let engine: Promise<Engine> | undefined;

export function defaultEngine(): Promise<Engine> {
  if (!engine) {
    engine = compileCoreModule().then(createEngine);
    // A failed load (missing file) is retried on the next call instead of being cached.
    engine.catch(() => (engine = undefined));
  }
  return engine;
}

/**
 * Makes this thread's engine use an already compiled core module (the CLI compiles it once and
 * hands it to each worker thread, which then shares the compiled code instead of compiling again).
 */
export function adoptCompiledModule(module: WebAssembly.Module): void {
  engine = createEngine(module);
}

/** Vectorizes an RGBA buffer (`width * height * 4` bytes, 8 bits per channel, not premultiplied). */
export async function vectorize(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  options?: VectorizeOptionsInput,
  onProgress?: ProgressCallback,
): Promise<VectorizeResult> {
  return (await defaultEngine()).vectorize(rgba, width, height, options, onProgress);
}
