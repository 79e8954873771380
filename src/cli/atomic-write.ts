/**
 * Writes a file so that it is either absent or complete: the data goes to a hidden temporary file
 * in the same folder, which is then renamed (overwrite) or hard-linked (no overwrite: the link
 * fails if the name exists, with no window in between) to its final name. An interrupted run
 * leaves at most a `.name.svg.*.tmp` file, never a truncated `name.svg`.
 */
import { link, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

export class OutputExistsError extends Error {
  override name = 'OutputExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists (use --force to overwrite or --skip-existing to keep it).`);
  }
}

let counter = 0;

export function tempPathFor(path: string): string {
  const unique = `${process.pid}-${threadId}-${counter++}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function placeWithoutOverwrite(temp: string, path: string): Promise<void> {
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new OutputExistsError(path);
    // File systems without hard links: check, then rename (a small race, but still atomic).
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    if (await exists(path)) throw new OutputExistsError(path);
    await rename(temp, path);
    return;
  }
  await rm(temp, { force: true });
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { overwrite }: { overwrite: boolean },
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    if (overwrite) await rename(temp, path);
    else await placeWithoutOverwrite(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
