/**
 * Automatic settings on the corpus: the kind the core detects per image against the corpus
 * category (a confusion matrix), and per category auto's SSIM and bytes against the best
 * mode-and-preset choice that writes no more bytes than auto. `npm run bench:auto`
 * (`-- --no-grid` prints the detection only; `-- --grid-large` also runs the choice grid on the
 * 8–13 MP images, which takes minutes; `-- --only logo,jpeg` limits the categories). It also
 * prints the classifier's time per image. The corpus is `VECTORIZER_CORPUS` when set.
 *
 * Expected kinds: a category that names a kind is that kind; the mixed ones go by content:
 * jpeg (q70 re-encodings of flat logos and emoji) → logo, gradient (shaded icons) →
 * illustration, large (wallpapers) → illustration, alpha per file (below).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KIND_SETTINGS, type ImageKind } from '../src/engine/auto';
import type { Engine, Mode, PresetName, VectorizeOptionsInput } from '../src/engine/index';
import { PRESET_NAMES } from '../src/engine/index';
import { loadEngine } from '../src/engine/test-support';
import { decodeImage } from './lib/decode';
import { renderSvg } from './lib/render';
import { ssim, type Raster } from '../src/engine/fidelity';

/** The shared corpus beside the checkout, as `npm run bench` reads it, or `VECTORIZER_CORPUS`. */
const CORPUS = resolve(
  process.env.VECTORIZER_CORPUS ?? join(import.meta.dirname, '../../shared/corpus'),
);
const CATEGORY_KIND: Record<string, ImageKind> = {
  pixelart: 'pixelArt',
  lineart: 'lineArt',
  logo: 'logo',
  illustration: 'illustration',
  photo: 'photo',
  jpeg: 'logo',
  gradient: 'illustration',
  large: 'illustration',
};
/** The alpha set's images by content: an upscaled game tile, a wordmark, an emoji. */
const FILE_KIND: Record<string, ImageKind> = {
  'crawl-icon512.png': 'illustration',
  'crawl-logo.png': 'logo',
  'twemoji-fox.png': 'logo',
};
const GRID_MODES: Mode[] = ['color', 'bw', 'pixel'];

interface Run {
  ssim: number;
  bytes: number;
}

async function measure(engine: Engine, image: Raster, options: VectorizeOptionsInput) {
  const result = await engine.vectorize(image.data.slice(), image.width, image.height, options);
  const run: Run = { ssim: ssim(image, renderSvg(result.svg)), bytes: result.svg.length };
  return { run, auto: result.stats.auto };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const grid = !args.includes('--no-grid');
  const gridLarge = args.includes('--grid-large');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;
  const engine = await loadEngine('simd');
  const kinds = Object.keys(KIND_SETTINGS) as ImageKind[];
  const confusion = new Map<ImageKind, Map<ImageKind, number>>();
  let right = 0;
  let total = 0;
  const categories = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((name) => !only || only.includes(name))
    .sort();
  const rows: string[] = [];
  /** The classifier's time per image (it reads a fixed-size sample, whatever the size). */
  const classifyMs: number[] = [];
  const classifyMsLarge: number[] = [];
  for (const category of categories) {
    const files = readdirSync(join(CORPUS, category))
      .filter((f) => /\.(png|jpe?g)$/i.test(f))
      .sort();
    const autoRuns: Run[] = [];
    const bestRuns: Run[] = [];
    const misses: string[] = [];
    for (const file of files) {
      const image = await decodeImage(join(CORPUS, category, file));
      const expected = FILE_KIND[file] ?? CATEGORY_KIND[category];
      const started = performance.now();
      const { run, auto } = await measure(engine, image, { mode: 'auto', preset: 'auto' });
      const ms = performance.now() - started;
      const kind = auto!.kind;
      total++;
      if (kind === expected) right++;
      else misses.push(`${file}: ${kind} (expected ${expected})`);
      const row = confusion.get(expected) ?? new Map<ImageKind, number>();
      row.set(kind, (row.get(kind) ?? 0) + 1);
      confusion.set(expected, row);
      classifyMs.push(auto!.classifyMs);
      if (image.width * image.height >= 1e6) classifyMsLarge.push(auto!.classifyMs);
      console.log(
        `${category}/${file}: ${kind}${auto!.alpha ? ' +alpha' : ''}${auto!.noisy ? ' +noise' : ''}${auto!.keepsBw ? ' +bw' : ''} → ${auto!.mode}/${auto!.preset}${auto!.denoise ? '/denoise' : ''}  ssim ${run.ssim.toFixed(4)} ${run.bytes} B ${ms.toFixed(0)} ms (classify ${auto!.classifyMs.toFixed(2)} ms)  ${JSON.stringify(auto!.features, (_, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v))}`,
      );
      autoRuns.push(run);
      if (!grid || (category === 'large' && !gridLarge)) continue;
      // The best choice at no more bytes than auto (auto's own choice is in the grid).
      let best: Run & { choice: string } = { ...run, choice: 'auto' };
      for (const mode of GRID_MODES)
        for (const preset of PRESET_NAMES as readonly PresetName[]) {
          const denoise = auto!.denoise;
          const { run: other } = await measure(engine, image, { mode, preset, denoise });
          if (other.bytes <= run.bytes && other.ssim > best.ssim)
            best = { ...other, choice: `${mode}/${preset}` };
        }
      bestRuns.push(best);
      if (best.choice !== 'auto')
        console.log(
          `    best at ≤ bytes: ${best.choice} ssim ${best.ssim.toFixed(4)} ${best.bytes} B`,
        );
    }
    const gap = bestRuns.length
      ? mean(bestRuns.map((b) => b.ssim)) - mean(autoRuns.map((a) => a.ssim))
      : NaN;
    rows.push(
      `${category.padEnd(13)} auto ssim ${mean(autoRuns.map((r) => r.ssim)).toFixed(4)}  bytes ${Math.round(mean(autoRuns.map((r) => r.bytes)))}  ` +
        (bestRuns.length
          ? `best ssim ${mean(bestRuns.map((r) => r.ssim)).toFixed(4)}  gap ${gap.toFixed(4)} ${gap <= 0.005 ? 'ok' : 'OVER 0.005'}`
          : 'grid not run') +
        (misses.length ? `  misses: ${misses.join('; ')}` : ''),
    );
  }
  console.log('\nconfusion (rows: expected kind, columns: detected)');
  console.log(''.padEnd(13) + kinds.map((k) => k.padStart(13)).join(''));
  for (const expected of kinds)
    console.log(
      expected.padEnd(13) +
        kinds.map((k) => String(confusion.get(expected)?.get(k) ?? 0).padStart(13)).join(''),
    );
  console.log(`\naccuracy ${right}/${total} = ${((100 * right) / total).toFixed(1)} %`);
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[values.length >> 1];
  console.log(
    `classifier time per image: median ${median(classifyMs).toFixed(2)} ms, max ${Math.max(...classifyMs).toFixed(2)} ms; on the ${classifyMsLarge.length} images of 1 MP or more: median ${classifyMsLarge.length ? median(classifyMsLarge).toFixed(2) : '-'} ms`,
  );
  console.log('\nper category (mean over images; best = highest SSIM at ≤ auto bytes, per image)');
  for (const row of rows) console.log(row);
}

await main();
