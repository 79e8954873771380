/**
 * `npm run bench [-- <corpus>] [--only a,b] [--skip-large] [--runs N] [--slow-ms MS]
 * [--section main|cutouts]`: every tracer on every corpus image in one run; per-category
 * medians, ratios against vtracer-native and the targets for preset balanced. Writes
 * bench/report.md and, to look at, bench/out/<tracer>/<category>/<image>.svg with a .png
 * rendering beside it. Then the output styles (cutouts, gap filler, stroke styles, grouping)
 * on the colour categories against stacked output, beside vtracer's cutout mode
 * (bench/report-styles.md). `--section` runs one of the two.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { BenchArgsError, USAGE, parseBenchArgs, type BenchArgs } from './args';
import { decodeImage } from './lib/decode';
import { imageReference, measure } from './measure';
import { checkCutouts, runCutouts, summariseCutouts } from './cutouts';
import {
  categoryTable,
  cutoutTargetsTable,
  cutoutsTable,
  formatReport,
  targetsTable,
} from './report';
import { checkTargets, summariseAll, type Result } from './summary';
import { BASELINE, allTracers } from './tracers';

const IMAGE_FILE = /\.(png|jpe?g|webp|gif)$/i;

function categoriesOf(args: BenchArgs): string[] {
  const folders = readdirSync(args.corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const unknown = args.only?.filter((c) => !folders.includes(c)) ?? [];
  if (unknown.length)
    throw new BenchArgsError(`no such category in ${args.corpus}: ${unknown.join(', ')}`);
  return folders.filter(
    (name) => (!args.only || args.only.includes(name)) && !(args.skipLarge && name === 'large'),
  );
}

function describe(r: Result): string {
  if ('error' in r) return `error (${r.error})`;
  const m = r.measured;
  const vector = Number.isNaN(m.ssim4x) ? '' : `, 4× SSIM ${m.ssim4x.toFixed(4)}`;
  return (
    `${m.ms.toFixed(1)} ms, ${m.gzip} B gz, SSIM ${m.ssim.toFixed(4)}, seams ${m.seams.toFixed(3)} %, ` +
    `ΔE00 ${m.deltaE.toFixed(2)}, flat loss ${m.flatLoss.toFixed(1)} %${vector}`
  );
}

async function styles(args: BenchArgs): Promise<void> {
  const rows = await runCutouts(args, (line) => console.log(line));
  const summaries = summariseCutouts(rows);
  const checks = checkCutouts(summaries);
  const text = [
    '# Output styles against stacked output',
    '',
    'Overlap: % of image pixels covered by two or more filled paths, each rendered alone',
    '(alpha over 128). Seams: % of input-opaque pixels whose colour depends on the',
    'background. ΔSSIM, gzip ×: against the same tracer stacked (ours: `color`, preset',
    'balanced); time ×: against `color`. Medians over images; overlap and seams: worst image.',
    '',
    cutoutsTable(summaries),
    '',
    cutoutTargetsTable(checks),
    '',
  ].join('\n');
  writeFileSync(join(import.meta.dirname, 'report-styles.md'), text);
  console.log(
    `\nOutput styles (cutouts, gap filler, strokes, groups)\n\n${cutoutsTable(summaries)}`,
  );
  console.log(`\nTargets: output styles\n\n${cutoutTargetsTable(checks)}`);
  console.log('\nWritten to bench/report-styles.md; SVG and PNG: bench/out/styles/');
}

async function main(args: BenchArgs): Promise<void> {
  if (args.section !== 'cutouts') await tracerComparison(args);
  if (args.section !== 'main') await styles(args);
}

async function tracerComparison(args: BenchArgs): Promise<void> {
  const startLoad = loadavg()[0];
  const notes: string[] = [];
  const log = (line: string) => {
    console.log(line);
    notes.push(line);
  };
  const tracers = await allTracers(log, args.variants, args.tracers);
  const results: Result[] = [];
  for (const category of categoriesOf(args)) {
    const files = readdirSync(join(args.corpus, category))
      .filter((f) => IMAGE_FILE.test(f))
      .sort();
    for (const file of files) {
      const path = join(args.corpus, category, file);
      const image = await decodeImage(path);
      const reference = await imageReference(
        image,
        args.noVector ? undefined : path.replace(IMAGE_FILE, '.svg'),
      );
      for (const tracer of tracers) {
        if (tracer.categories && !tracer.categories.includes(category)) continue;
        const base = { tracer: tracer.name, category, image: file };
        const outBase = join(
          import.meta.dirname,
          'out',
          tracer.name,
          category,
          file.replace(IMAGE_FILE, ''),
        );
        try {
          results.push({
            ...base,
            measured: await measure(tracer.prepare(image), reference, args, outBase),
          });
        } catch (error) {
          results.push({ ...base, error: String((error as Error).message ?? error).slice(0, 100) });
        }
        console.log(`${category}/${file} ${tracer.name}: ${describe(results[results.length - 1])}`);
      }
    }
  }
  const summaries = summariseAll(results);
  const checks = checkTargets(summaries, BASELINE);
  const meta = {
    ...args,
    baseline: BASELINE,
    load: [startLoad, loadavg()[0]] as [number, number],
    notes,
  };
  writeFileSync(
    join(import.meta.dirname, 'report.md'),
    formatReport(meta, summaries, checks, results),
  );
  console.log(`\nPer category (medians)\n\n${categoryTable(summaries, BASELINE)}`);
  console.log(`\nTargets: ours-balanced against ${BASELINE}\n\n${targetsTable(checks, BASELINE)}`);
  console.log('\nFull report with per-image figures: bench/report.md; SVG and PNG: bench/out/');
}

try {
  await main(parseBenchArgs(process.argv.slice(2)));
} catch (error) {
  if (!(error instanceof BenchArgsError)) throw error;
  console.error(`${error.message}\n${USAGE}`);
  process.exitCode = 2;
}
