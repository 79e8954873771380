// The pool with real worker threads running a small stand-in worker script.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConvertOutcome, ConvertTask } from './task';
import { WorkerPool } from './worker-pool';

const dir = join(process.cwd(), '.tmp/cli/pool');
const script = pathToFileURL(join(dir, 'echo-worker.mjs'));
const EMPTY_MODULE = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));

// Answers each task in order; the input 'crash' ends the thread, 'slow' takes a while.
const ECHO_WORKER = `
import { parentPort, threadId } from 'node:worker_threads';
let queue = Promise.resolve();
parentPort.on('message', (task) => {
  queue = queue.then(async () => {
    if (task.input === 'crash') process.exit(3);
    if (task.input === 'slow') await new Promise((resolve) => setTimeout(resolve, 50));
    parentPort.postMessage({ ok: true, stats: { threadId }, bytesIn: 0, bytesOut: 0, ms: 0, svg: task.input });
  });
});
`;

beforeAll(async () => {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'echo-worker.mjs'), ECHO_WORKER);
});

const task = (input: string): ConvertTask => ({
  input,
  output: '-',
  options: {},
  overwrite: false,
});

async function runAll(pool: WorkerPool, inputs: string[]): Promise<Map<string, ConvertOutcome>> {
  const results = new Map<string, ConvertOutcome>();
  try {
    await pool.forEach(inputs, async (input, run) => {
      results.set(input, await run(task(input)));
    });
  } finally {
    await pool.close();
  }
  return results;
}

describe('WorkerPool', () => {
  it('converts every item across its workers', async () => {
    const inputs = ['slow', ...Array.from({ length: 20 }, (_, i) => `file-${i}`)];
    const results = await runAll(new WorkerPool(3, EMPTY_MODULE, script), inputs);
    expect([...results.keys()].sort()).toEqual([...inputs].sort());
    for (const [input, outcome] of results) expect(outcome).toMatchObject({ ok: true, svg: input });
    const threadOf = (outcome: ConvertOutcome) =>
      (outcome as unknown as { stats: { threadId: number } }).stats.threadId;
    expect(new Set([...results.values()].map(threadOf)).size).toBe(3);
  });

  it('fails only the file a crashed worker was on, and carries on with a new worker', async () => {
    const results = await runAll(new WorkerPool(1, EMPTY_MODULE, script), ['a', 'crash', 'b', 'c']);
    expect(results.get('crash')).toMatchObject({
      ok: false,
      failure: { code: 'WORKER_CRASHED', message: 'The worker thread stopped (exit code 3).' },
    });
    for (const input of ['a', 'b', 'c'])
      expect(results.get(input)).toMatchObject({ ok: true, svg: input });
  });

  it('stops handing out items when told to', async () => {
    let stop = false;
    const seen: string[] = [];
    const pool = new WorkerPool(1, EMPTY_MODULE, script);
    await pool.forEach(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      async (input, run) => {
        seen.push(input);
        await run(task(input));
        stop = true;
      },
      () => stop,
    );
    await pool.close();
    expect(seen).toEqual(['a', 'b']); // the two handed out before the first finished
  });
});
