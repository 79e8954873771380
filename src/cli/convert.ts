/**
 * Converts one file inside a worker thread: read, decode, vectorize, write atomically. File I/O is
 * synchronous here (the worker has nothing else to do meanwhile); only sharp's decoding is async.
 */
import { readImageFileSync } from '../node/decode';
import { vectorizeFile } from '../node/vectorize-file';
import { writeFileAtomic } from './atomic-write';
import { outputBytes } from './export-step';
import { toFailure, writeFailure } from './failure';
import { STDIO } from './output-plan';
import type { ConvertOutcome, ConvertTask } from './task';

export async function convert(task: ConvertTask): Promise<ConvertOutcome> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let result;
  let bytesIn: number;
  let data: Uint8Array;
  try {
    const bytes = typeof task.input === 'string' ? readImageFileSync(task.input) : task.input;
    bytesIn = bytes.length;
    result = await vectorizeFile(bytes, task.options);
    data = await outputBytes(result, task.export, task.options.maxPixels);
  } catch (error) {
    return { ok: false, failure: toFailure(error), ms: elapsed() };
  }
  const outcome = { ok: true as const, stats: result.stats, bytesIn, bytesOut: data.length };
  if (task.output === STDIO) return { ...outcome, svg: task.export ? data : result.svg, ms: elapsed() };
  try {
    writeFileAtomic(task.output, data, { overwrite: task.overwrite });
  } catch (error) {
    return { ok: false, failure: writeFailure(task.output, error), ms: elapsed() };
  }
  return { ...outcome, ms: elapsed() };
}
