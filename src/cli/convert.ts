/**
 * Converts one file: read, decode, vectorize (the engine's pipeline), write atomically. It runs in
 * a worker thread for a batch and in the main thread for a single file. File I/O is synchronous
 * (nothing else waits meanwhile); only sharp's decoding is async.
 */
import { readImageFileSync } from '../node/decode';
import { convertImage } from '../node/vectorize-file';
import { writeFileAtomic } from './atomic-write';
import { outputBytes } from './export-step';
import { toFailure, writeFailure } from './failure';
import { STDIO } from './output-plan';
import type { ConvertOutcome, ConvertTask, FilePhases } from './task';

export async function convert(task: ConvertTask): Promise<ConvertOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const phases: FilePhases = { read: 0, decode: 0, job: 0, write: 0 };
  let result;
  let bytesIn: number;
  let data: Uint8Array;
  let warnings: string[];
  try {
    const bytes = typeof task.input === 'string' ? readImageFileSync(task.input) : task.input;
    bytesIn = bytes.length;
    phases.read = elapsed();
    result = await convertImage(bytes, task.options);
    phases.decode = result.decodeMs;
    phases.job = result.vectorizeMs;
    ({ data, warnings } = await outputBytes(result, task.export, task.options.maxPixels));
  } catch (error) {
    return { ok: false, failure: toFailure(error), ms: elapsed() };
  }
  const outcome = {
    ok: true as const,
    stats: result.stats,
    bytesIn,
    bytesOut: data.length,
    phases,
    warnings,
  };
  if (task.output === STDIO)
    return { ...outcome, svg: task.export ? data : result.svg, ms: elapsed() };
  const writing = performance.now();
  try {
    writeFileAtomic(task.output, data, { overwrite: task.overwrite });
  } catch (error) {
    return { ok: false, failure: writeFailure(task.output, error), ms: elapsed() };
  }
  phases.write = performance.now() - writing;
  return { ...outcome, ms: elapsed() };
}
