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

function runOnce(
  cli: string,
  image: string,
  out: string,
  env: NodeJS.ProcessEnv,
): Promise<SingleRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, image, '-o', out, '--force', '-q'], {
      env: { ...env, VECTORIZER_TIMINGS: '1' },
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

async function medianRun(
  cli: string,
  image: string,
  work: string,
  runs: number,
  env: NodeJS.ProcessEnv,
) {
  const results: SingleRun[] = [];
  for (let i = 0; i < runs; i++)
    results.push(await runOnce(cli, image, join(work, 'single.svg'), env));
  const m = Object.fromEntries(
    (Object.keys(results[0]) as (keyof SingleRun)[]).map((key) => [
      key,
      median(results.map((r) => r[key])),
    ]),
  ) as unknown as SingleRun;
  const walls = results.map((r) => r.wall);
  return { m, min: Math.min(...walls), max: Math.max(...walls) };
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

/**
 * Runs the command `runs` times on `image` and prints the median of each phase. Where the
 * environment sets NODE_EXTRA_CA_CERTS, Node reads that certificate bundle before it starts any
 * code (tens of milliseconds); the command makes no connections, so the split is printed a second
 * time without it, to show what is Node's and the machine's rather than the command's.
 */
export async function singleFileSplit(
  cli: string,
  image: string,
  work: string,
  runs: number,
): Promise<void> {
  const { m, min, max } = await medianRun(cli, image, work, runs, process.env);
  const certs = process.env.NODE_EXTRA_CA_CERTS;
  const verdict = (ratio: number) => `${ratio <= 2.5 ? 'meets' : 'misses'} the target ≤ 2.5×`;
  console.log(
    `Single file ${image}, median of ${runs} runs:\n` +
      `  wall ${ms(m.wall)}: Node start ${ms(m.node)}, module load ${ms(m.modules)}, ` +
      `core load ${ms(m.compile)} (overlaps read and decode), read ${ms(m.read)}, ` +
      `decode ${ms(m.decode)}, job ${ms(m.job)} (with the first compile of each wasm function ` +
      `it calls), write ${ms(m.write)}, exit ${ms(m.exit)}; CPU ${ms(m.cpu)}\n` +
      `  wall / job: ${(m.wall / m.job).toFixed(2)}× (medians of each, wall range ` +
      `${ms(min)}–${ms(max)}); ` +
      (certs
        ? `this environment sets NODE_EXTRA_CA_CERTS=${certs}, which Node parses before any ` +
          'of our code runs (its Node start above)'
        : verdict(m.wall / m.job)),
  );
  if (!certs) return;
  const withoutCerts = { ...process.env };
  delete withoutCerts.NODE_EXTRA_CA_CERTS;
  const bare = (await medianRun(cli, image, work, runs, withoutCerts)).m;
  const ratio = bare.wall / bare.job;
  console.log(
    `  Node's default start (without NODE_EXTRA_CA_CERTS): wall ${ms(bare.wall)}, Node start ` +
      `${ms(bare.node)}, module load ${ms(bare.modules)}, decode ${ms(bare.decode)}, job ` +
      `${ms(bare.job)}, exit ${ms(bare.exit)}; wall / job ${ratio.toFixed(2)}×, ${verdict(ratio)}`,
  );
}
