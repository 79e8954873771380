/**
 * One file through the `vectorizer` command, split into where the wall time goes: Node's start,
 * loading the command's code, compiling the core, reading, decoding, the job (the engine's run),
 * writing, and the process exit. The command reports its side with VECTORIZER_TIMINGS=1
 * (src/cli/timings.ts); the wall time is measured here, from spawn to exit.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const TIMINGS_PREFIX = 'vectorizer-timings ';

export interface SingleRun {
  wall: number;
  node: number;
  modules: number;
  compile: number;
  read: number;
  decode: number;
  job: number;
  write: number;
  /** From the end of the command's work to the process exit (teardown). */
  exit: number;
  /** CPU time of all the command's threads until the end of its work. */
  cpu: number;
}

function runOnce(cli: string, image: string, out: string): Promise<SingleRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, image, '-o', out, '--force', '-q'], {
      env: { ...process.env, VECTORIZER_TIMINGS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wall = performance.now() - started;
      const line = stderr.split('\n').find((l) => l.startsWith(TIMINGS_PREFIX));
      if (code !== 0 || !line)
        return reject(new Error(`vectorizer exited with ${code}: ${stderr}`));
      const t = JSON.parse(line.slice(TIMINGS_PREFIX.length)) as Record<string, number>;
      resolve({
        wall,
        node: t.node,
        modules: t.modules,
        compile: t.compile,
        read: t.read,
        decode: t.decode,
        job: t.job,
        write: t.write,
        exit: wall - t.end,
        cpu: t.cpu,
      });
    });
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Runs the command `runs` times on `image` and prints the median of each phase. */
export async function singleFileSplit(
  cli: string,
  image: string,
  work: string,
  runs: number,
): Promise<void> {
  const results: SingleRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await runOnce(cli, image, join(work, 'single.svg')));
  const m = Object.fromEntries(
    (Object.keys(results[0]) as (keyof SingleRun)[]).map((key) => [
      key,
      median(results.map((r) => r[key])),
    ]),
  ) as unknown as SingleRun;
  const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
  console.log(
    `Single file ${image}, median of ${runs} runs:\n` +
      `  wall ${ms(m.wall)}: Node start ${ms(m.node)}, module load ${ms(m.modules)}, ` +
      `wasm compile ${ms(m.compile)} (overlaps read and decode), read ${ms(m.read)}, ` +
      `decode ${ms(m.decode)}, job ${ms(m.job)}, write ${ms(m.write)}, exit ${ms(m.exit)}; ` +
      `CPU ${ms(m.cpu)}\n` +
      `  wall / job: ${(m.wall / m.job).toFixed(2)}× (target ≤ 2.5×; medians of each, ` +
      `wall range ${ms(Math.min(...results.map((r) => r.wall)))}–` +
      `${ms(Math.max(...results.map((r) => r.wall)))})`,
  );
}
