/**
 * Throughput of the `vectorizer` command on the shared corpus: images per second with --jobs 1
 * and --jobs 2 (wall time of the whole process, start-up included), and the scaling ratio.
 *
 *   npm run bench:cli [-- --all] [-- --repeat N] [-- --rounds N]
 *
 * The corpus is `$VECTORIZER_CORPUS`, else `../shared/corpus` beside the repository; `large/` is
 * left out unless --all. --repeat lists the corpus N times (through symbolic links) so start-up
 * weighs less; each setting runs --rounds times (alternating) and its fastest round counts (other processes on
 * the machine only ever slow a round down). Builds dist-node/ first if it is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist-node/cli.js');
const WORK = join(ROOT, '.tmp/bench-cli');
const IMAGE = /\.(png|jpe?g|webp|gif|avif|tiff?)$/i;

const { values: flags } = parseArgs({
  options: {
    all: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
  },
});
const corpus = process.env.VECTORIZER_CORPUS ?? join(ROOT, '../shared/corpus');

async function corpusImages(): Promise<string[]> {
  const entries = await readdir(corpus, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && IMAGE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => flags.all || !relative(corpus, path).startsWith('large/'))
    .sort();
}

/** Links every image `repeat` times under WORK/input/copy-<i>/ and returns the glob for them. */
async function stageInputs(images: string[], repeat: number): Promise<string> {
  const input = join(WORK, 'input');
  await rm(input, { recursive: true, force: true });
  for (let copy = 0; copy < repeat; copy++)
    for (const image of images) {
      const link = join(input, `copy-${copy}`, relative(corpus, image));
      await mkdir(join(link, '..'), { recursive: true });
      await symlink(image, link);
    }
  return `${input}/**/*.{png,jpg,jpeg,webp,gif,avif,tif,tiff}`;
}

function timeRun(pattern: string, jobs: number): number {
  const out = join(WORK, `out-j${jobs}`);
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [CLI, pattern, '--out-dir', out, '--force', '--quiet', '--jobs', String(jobs)],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`vectorizer --jobs ${jobs} exited with ${run.status}`);
  return seconds;
}

if (!existsSync(CLI))
  spawnSync('npm', ['run', '-s', 'build:node'], { cwd: ROOT, stdio: 'inherit' });
const images = await corpusImages();
if (images.length === 0) throw new Error(`No images under ${corpus} (set VECTORIZER_CORPUS).`);
const repeat = Number(flags.repeat);
const rounds = Number(flags.rounds);
const pattern = await stageInputs(images, repeat);
const count = images.length * repeat;

console.log(
  `CLI throughput: ${images.length} corpus images${flags.all ? '' : ' (without large/)'} × ${repeat} = ` +
    `${count} per run, best of ${rounds} rounds, ${availableParallelism()} cores`,
);
// Rounds alternate the settings, so that a busy moment on the machine hits both alike.
const best: Record<number, number> = { 1: Infinity, 2: Infinity };
for (let round = 0; round < rounds; round++)
  for (const jobs of [1, 2]) best[jobs] = Math.min(best[jobs], timeRun(pattern, jobs));
const rate: Record<number, number> = {};
for (const jobs of [1, 2]) {
  rate[jobs] = count / best[jobs];
  console.log(`  --jobs ${jobs}: ${best[jobs].toFixed(2)} s, ${rate[jobs].toFixed(1)} images/s`);
}
console.log(
  `  scaling --jobs 2 / --jobs 1: ${(rate[2] / rate[1]).toFixed(2)}× (target ≥ 1.7× on two cores)`,
);
