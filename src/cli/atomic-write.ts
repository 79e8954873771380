/**
 * Writes a file so that it is either absent or complete: the data goes to a hidden temporary file
 * in the same folder, which is then renamed (overwrite) or hard-linked (no overwrite: the link
 * fails if the name exists, with no window in between) to its final name. An interrupted run
 * leaves at most a `.name.svg.*.tmp` file, never a truncated `name.svg`.
 *
 * Synchronous on purpose: it runs in a batch worker thread that has nothing else to do meanwhile,
 * and each asynchronous step would be a hop to another thread, which costs throughput when every
 * core is busy.
 */
import { existsSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { VectorizeError } from '../engine';

/** `VectorizeError('OUTPUT_EXISTS')`, with the path (the code survives the worker thread). */
export class OutputExistsError extends VectorizeError {
  constructor(readonly path: string) {
    super(
      'OUTPUT_EXISTS',
      `${path} already exists (use --force to overwrite or --skip-existing to keep it).`,
    );
  }
}

let counter = 0;

export function tempPathFor(path: string): string {
  const unique = `${process.pid}-${threadId}-${counter++}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

function placeWithoutOverwrite(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(path);
    // File systems without hard links: check, then rename (a small race, but still atomic).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (existsSync(path)) throw new OutputExistsError(path);
    renameSync(temp, path);
    return;
  }
  rmSync(temp, { force: true });
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { overwrite }: { overwrite: boolean },
): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    if (overwrite) renameSync(temp, path);
    else placeWithoutOverwrite(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
