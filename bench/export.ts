/**
 * The exporters on a 16 MP result: the corpus's large/debian-emerald-3840x2160.png resized to
 * 5334×3000 (sharp), vectorized once, then exported to each format at 85 mm wide (PNG: at the
 * image's own pixel size). Each export runs in a fresh child process so that its peak memory
 * (maximum resident set) is its own. Prints, per format, the export time against the engine's
 * SVG writing (its `fit` stage, which fits the curves and writes the SVG) and against the engine's
 * whole run, the file size, and the peak memory with what the export added to it.
 *
 *   npm run bench:export [-- --image FILE] [-- --width 5334] [-- --height 3000] [-- --runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { EXPORT_FORMATS, type ExportFormat, type ExportOptions } from '../src/engine/export';
import { vectorize } from '../src/node/default-engine';
import { exportResult } from '../src/node/export';

const ROOT = join(import.meta.dirname, '..');
const WORK = join(ROOT, '.tmp/bench-export');
const { values: flags } = parseArgs({
  options: {
    image: { type: 'string' },
    width: { type: 'string', default: '5334' },
    height: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
  },
});
const corpus = process.env.VECTORIZER_CORPUS ?? join(ROOT, '../shared/corpus');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

function options(format: ExportFormat): ExportOptions {
  return format === 'png' ? {} : { width: '85mm' };
}

/** Child: one format, timed over --runs, peak memory from the kernel's maxrss. */
async function child(format: ExportFormat): Promise<void> {
  // The engine's SVG, as main() wrote it (the svg format's own output is result.svg).
  const svg = readFileSync(join(WORK, 'source.svg'), 'utf8');
  const before = process.resourceUsage().maxRSS * 1024;
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < Number(flags.runs); i++) {
    const started = performance.now();
    const file = await exportResult({ svg }, format, options(format));
    times.push(performance.now() - started);
    bytes = file.data.length;
    if (i === 0) writeFileSync(join(WORK, `result.${format}`), file.data);
  }
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms: Math.min(...times), bytes, before, peak }));
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const image = flags.image ?? join(corpus, 'large/debian-emerald-3840x2160.png');
  const [width, height] = [Number(flags.width), Number(flags.height)];
  const { data, info } = await sharp(image)
    .resize(width, height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const started = performance.now();
  const result = await vectorize(new Uint8Array(data), info.width, info.height);
  const engineMs = performance.now() - started;
  writeFileSync(join(WORK, 'source.svg'), result.svg);
  const { stageMs } = result.stats;
  const fitMs = stageMs.fit;
  console.log(
    `${info.width}×${info.height} (${((info.width * info.height) / 1e6).toFixed(1)} MP): ` +
      `${result.stats.paths} paths, ${result.stats.segments} segments, SVG ${mb(result.svg.length)}; ` +
      `engine ${engineMs.toFixed(0)} ms (fit + write ${fitMs.toFixed(0)} ms)`,
  );
  console.log('format  export ms  × fit+write  × engine  size       peak RSS   added');
  for (const format of EXPORT_FORMATS) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', import.meta.filename, '--child', format, '--runs', flags.runs],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (run.status !== 0) {
      console.log(`${format.padEnd(6)}  failed: ${run.stderr.trim().split('\n').at(-1)}`);
      continue;
    }
    const r = JSON.parse(run.stdout) as { ms: number; bytes: number; before: number; peak: number };
    console.log(
      `${format.padEnd(6)}  ${r.ms.toFixed(0).padStart(9)}  ${(r.ms / fitMs).toFixed(2).padStart(10)}×` +
        `  ${(r.ms / engineMs).toFixed(2).padStart(7)}×  ${mb(r.bytes).padEnd(9)}  ` +
        `${mb(r.peak).padEnd(9)}  +${mb(r.peak - r.before)}`,
    );
  }
}

if (flags.child) await child(flags.child as ExportFormat);
else await main();
