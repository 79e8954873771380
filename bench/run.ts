/**
 * `npm run bench [-- <corpus>] [--only a,b] [--skip-large] [--runs N]`: every tracer on every
 * corpus image, in one run; per category medians, ratios against vtracer-native and the
 * targets for preset balanced. Writes bench/report.md and bench/out/<tracer>/<category>/*.svg.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decodeImage } from './lib/decode';
import { psnr, seamLeakage, ssim } from './lib/metrics';
import { renderSvg } from './lib/render';
import { allTracers } from './tracers';
import { formatReport, type Result } from './report';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const only = flag('--only')?.split(',');
const runs = Number(flag('--runs') ?? 3);
const skipLarge = args.includes('--skip-large');
const corpus = resolve(
  args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '../../shared/corpus'),
);
const outDir = join(import.meta.dirname, 'out');

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(trace: () => Promise<string>): Promise<{ svg: string; ms: number }> {
  await trace(); // warm-up: JIT tiers and caches, for every tracer alike
  const times: number[] = [];
  let svg = '';
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    svg = await trace();
    times.push(performance.now() - start);
    if (times[0] > 3000) break;
  }
  return { svg, ms: median(times) };
}

const tracers = await allTracers();
const results: Result[] = [];
const categories = readdirSync(corpus, { withFileTypes: true })
  .filter(
    (d) =>
      d.isDirectory() && (!only || only.includes(d.name)) && !(skipLarge && d.name === 'large'),
  )
  .map((d) => d.name)
  .sort();
for (const category of categories) {
  const files = readdirSync(join(corpus, category))
    .filter((f) => /\.(png|jpe?g|webp)$/i.test(f))
    .sort();
  for (const file of files) {
    const path = join(corpus, category, file);
    const image = await decodeImage(path);
    for (const tracer of tracers) {
      if (tracer.categories && !tracer.categories.includes(category)) continue;
      if (tracer.skip?.includes(category)) continue;
      const base = { tracer: tracer.name, category, image: file };
      try {
        const { svg, ms } = await timed(() => tracer.trace(image, path));
        const rendered = renderSvg(svg);
        if (rendered.width !== image.width || rendered.height !== image.height)
          throw new Error(`rendered at ${rendered.width}×${rendered.height}`);
        const dir = join(outDir, tracer.name, category);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, basename(file).replace(/\.\w+$/, '.svg')), svg);
        results.push({
          ...base,
          ms,
          bytes: Buffer.byteLength(svg),
          gzip: gzipSync(svg, { level: 9 }).length,
          paths: (svg.match(/<path/g) ?? []).length,
          ssim: ssim(image, rendered),
          psnr: psnr(image, rendered),
          seams: seamLeakage(image, svg),
        });
      } catch (error) {
        results.push({ ...base, error: (error as Error).message.slice(0, 80) });
      }
      const last = results[results.length - 1];
      console.log(
        `${category}/${file} ${tracer.name}: ` +
          (last.error
            ? `error (${last.error})`
            : `${last.ms?.toFixed(1)} ms, ${last.gzip} B gz, SSIM ${last.ssim?.toFixed(4)}`),
      );
    }
  }
}
const report = formatReport(results, { corpus, runs });
writeFileSync(join(import.meta.dirname, 'report.md'), report);
console.log('\n' + report);
