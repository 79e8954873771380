/**
 * Primitive shapes on synthetic flat-colour scenes with their true SVG (bench/lib/shapes-scene.ts):
 * the share of wholly visible shapes that come back as `<circle>`/`<ellipse>`/`<rect>`, their
 * geometry error, the 4× fidelity against the truth (resvg, SSIM), gzip bytes, path commands per
 * shape and time, with primitives off (today's Bézier output) and on. Also the same on scenes
 * whose shapes overlap, and on scenes whose rectangles have rounded corners. Prints the figures
 * and the targets; never a test gate.
 * Run: `npm run bench:primitives [scenes]`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Engine } from '../src/engine/index';
import { loadEngine } from '../src/engine/load';
import { readWasm } from '../src/node/wasm-module';
import { decodeImage } from './lib/decode';
import { ssim, type Raster } from '../src/engine/fidelity';
import { arcScene } from './lib/arc-scene';
import { scoreArcs } from './lib/arc-metrics';
import { scoreScene } from './lib/primitive-metrics';
import { renderSvg } from './lib/render';
import { shapesScene, type ShapesScene } from './lib/shapes-scene';

const SCALE = 4;
const CORPUS = process.env.CORPUS ?? '/work/shared/corpus';

/** The SVG drawn at `SCALE`× its size (same viewBox), over white. */
function render4x(svg: string, width: number, height: number) {
  const scaled = svg.replace(/<svg\b[^>]*>/, (tag) =>
    tag
      .replace(/ width="[^"]*"/, ` width="${width * SCALE}"`)
      .replace(/ height="[^"]*"/, ` height="${height * SCALE}"`),
  );
  return renderSvg(scaled, 'white');
}

/** Drawing commands: path letters (not z) plus one per element. */
function commands(svg: string): number {
  let n = 0;
  for (const m of svg.matchAll(/ d="([^"]*)"/g)) n += (m[1].match(/[a-yA-Y]/g) ?? []).length;
  return n + (svg.match(/<(circle|ellipse|rect) /g) ?? []).length;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;
const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);

/** The SVG of an image with primitives off or on, and the median time of three runs. */
async function timed(engine: Engine, image: Raster, primitives: boolean) {
  const times: number[] = [];
  let svg = '';
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    svg = (
      await engine.vectorize(new Uint8Array(image.data), image.width, image.height, { primitives })
    ).svg;
    times.push(performance.now() - start);
  }
  return { svg, ms: median(times) };
}

interface Run {
  found: number;
  shapes: number;
  errors: number[];
  extra: number;
  ssim: number;
  gzip: number;
  commands: number;
  ms: number;
}

/** Organic artwork with its true SVG: no false primitives, fidelity not below off's. */
async function organic(engine: Engine) {
  console.log(
    '\ncorpus image                   primitives  SSIM4x(off→on)     gzip(off→on)   ms(off→on)',
  );
  const ratios: number[] = [];
  const deltas: number[] = [];
  for (const category of ['logo', 'illustration']) {
    const dir = join(CORPUS, category);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
      const truthFile = join(dir, file.replace(/\.png$/, '.svg'));
      if (!existsSync(truthFile)) continue;
      const { data, width, height } = await decodeImage(join(dir, file));
      const truth = render4x(readFileSync(truthFile, 'utf8'), width, height);
      const run = async (primitives: boolean) => {
        const { svg, ms } = await timed(engine, { data, width, height }, primitives);
        return { svg, ms, ssim: ssim(truth, render4x(svg, width, height)) };
      };
      const [off, on] = [await run(false), await run(true)];
      const count = (on.svg.match(/<(circle|ellipse|rect) |a[\d.]+ [\d.]+ -?[\d.]+ 1 [01]/g) ?? [])
        .length;
      const [gOff, gOn] = [gzipSync(off.svg).length, gzipSync(on.svg).length];
      ratios.push(on.ms / off.ms);
      deltas.push(on.ssim - off.ssim);
      console.log(
        `${category}/${file}`.padEnd(30),
        String(count).padStart(10),
        `${off.ssim.toFixed(5)}→${on.ssim.toFixed(5)}`.padStart(17),
        `${gOff}→${gOn}`.padStart(15),
        `${off.ms.toFixed(0)}→${on.ms.toFixed(0)}`.padStart(11),
      );
    }
  }
  console.log(
    `  4× SSIM on − off: median ${median(deltas).toFixed(5)}, worst ${Math.min(...deltas).toFixed(5)} (target ≥ 0 beyond noise); time on/off median ${median(ratios).toFixed(2)}×`,
  );
}

async function main() {
  const engine = await loadEngine(readWasm, 'simd');
  const count = Number(process.argv[2] ?? 12);
  const sets = [
    { overlap: false, rounded: false, title: 'disjoint and nested shapes' },
    { overlap: true, rounded: false, title: 'overlapping shapes' },
    { overlap: false, rounded: true, title: 'disjoint and nested, rectangles rounded' },
  ];
  for (const { overlap, rounded, title } of sets) {
    const runs: Record<'off' | 'on', Run[]> = { off: [], on: [] };
    let total = 0;
    console.log(`\n${title}, ${count} scenes`);
    console.log(
      'scene        shapes  found  err≤0.3  maxErr  SSIM4x(off→on)   gzip(off→on)  cmd/shape  ms(off→on)',
    );
    for (let seed = 1; seed <= count; seed++) {
      const scene: ShapesScene = shapesScene(seed, { overlap, rounded });
      const { width, height } = scene.image;
      const truth = render4x(scene.svg, width, height);
      total += scene.shapes.length;
      const measure = async (primitives: boolean): Promise<Run> => {
        const { svg, ms } = await timed(engine, scene.image, primitives);
        const score = scoreScene(scene.shapes, scene.whole, svg);
        return {
          ...score,
          ssim: ssim(truth, render4x(svg, width, height)),
          gzip: gzipSync(svg).length,
          commands: commands(svg) / scene.shapes.length,
          ms,
        };
      };
      const off = await measure(false);
      const on = await measure(true);
      runs.off.push(off);
      runs.on.push(on);
      const good = on.errors.filter((e) => e <= 0.3).length;
      console.log(
        [
          scene.name.padEnd(12),
          String(on.shapes).padStart(6),
          String(on.found).padStart(5),
          String(good).padStart(7),
          (on.errors.length ? Math.max(...on.errors) : 0).toFixed(3).padStart(6),
          `${off.ssim.toFixed(5)}→${on.ssim.toFixed(5)}`.padStart(16),
          `${off.gzip}→${on.gzip}`.padStart(13),
          `${off.commands.toFixed(1)}→${on.commands.toFixed(1)}`.padStart(10),
          `${off.ms.toFixed(1)}→${on.ms.toFixed(1)}`.padStart(11),
        ].join('  '),
      );
    }
    const on = runs.on;
    const off = runs.off;
    const shapes = sum(on.map((r) => r.shapes));
    const found = sum(on.map((r) => r.found));
    const errors = on.flatMap((r) => r.errors);
    const within = errors.filter((e) => e <= 0.3).length;
    const gzipRatio = sum(on.map((r) => r.gzip)) / sum(off.map((r) => r.gzip));
    const line = (name: string, value: string, target: string, ok: boolean) =>
      console.log(
        `  ${name.padEnd(34)} ${value.padStart(14)}  (${target}) ${ok ? 'ok' : 'MISSED'}`,
      );
    console.log(`\n  ${total} shapes, ${shapes} wholly visible; primitives on vs off:`);
    line(
      'wholly visible shapes as primitives',
      `${((100 * found) / shapes).toFixed(1)} %`,
      '≥ 90 %',
      found >= 0.9 * shapes,
    );
    line(
      'of those, geometry within 0.3 px',
      `${((100 * within) / Math.max(1, found)).toFixed(1)} %`,
      '100 %',
      within === found,
    );
    line(
      'median geometry error',
      `${median(errors).toFixed(3)} px`,
      '≤ 0.3 px',
      median(errors) <= 0.3,
    );
    line(
      'primitives matching no true shape',
      String(sum(on.map((r) => r.extra))),
      '0',
      sum(on.map((r) => r.extra)) === 0,
    );
    const ssimOn = median(on.map((r) => r.ssim));
    line(
      '4× SSIM vs truth, median (off)',
      median(off.map((r) => r.ssim)).toFixed(5),
      'today',
      true,
    );
    line('4× SSIM vs truth, median (on)', ssimOn.toFixed(5), '≥ 0.999', ssimOn >= 0.999);
    line('gzip bytes on/off', `${gzipRatio.toFixed(3)}×`, '≤ 0.6×', gzipRatio <= 0.6);
    line(
      'path commands per shape (off)',
      median(off.map((r) => r.commands)).toFixed(2),
      'today',
      true,
    );
    line(
      'path commands per shape (on)',
      median(on.map((r) => r.commands)).toFixed(2),
      'fewer',
      true,
    );
    const timeRatio = sum(on.map((r) => r.ms)) / sum(off.map((r) => r.ms));
    line('time on/off', `${timeRatio.toFixed(2)}×`, '≤ 1.3×', timeRatio <= 1.3);
  }
  await arcSet(engine, count);
  await organic(engine);
}

/** Scenes of shapes whose outlines run in part along circles and ellipses (pie slices, circle
 * segments, crescents, ellipse slices): the true arcs that come back as arc commands. */
async function arcSet(engine: Engine, count: number) {
  console.log(`\narcs inside outlines, ${count} scenes`);
  console.log(
    'scene        arcs  found  err≤0.3  maxErr  SSIM4x(off→on)   gzip(off→on)  ms(off→on)',
  );
  const totals = { arcs: 0, found: 0, errors: [] as number[], gzip: [0, 0], ms: [0, 0] };
  const fidelity: number[][] = [[], []];
  for (let seed = 1; seed <= count; seed++) {
    const scene = arcScene(seed);
    const { width, height } = scene;
    const truth = render4x(scene.svg, width, height);
    const [off, on] = [
      await timed(engine, scene.image, false),
      await timed(engine, scene.image, true),
    ];
    const score = scoreArcs(scene.arcs, on.svg);
    const s = [off, on].map((r) => ssim(truth, render4x(r.svg, width, height)));
    const g = [off, on].map((r) => gzipSync(r.svg).length);
    totals.arcs += score.arcs;
    totals.found += score.found;
    totals.errors.push(...score.errors);
    [0, 1].forEach((k) => {
      totals.gzip[k] += g[k];
      totals.ms[k] += [off, on][k].ms;
      fidelity[k].push(s[k]);
    });
    console.log(
      [
        scene.name.padEnd(12),
        String(score.arcs).padStart(4),
        String(score.found).padStart(5),
        String(score.errors.filter((e) => e <= 0.3).length).padStart(7),
        (score.errors.length ? Math.max(...score.errors) : 0).toFixed(3).padStart(6),
        `${s[0].toFixed(5)}→${s[1].toFixed(5)}`.padStart(16),
        `${g[0]}→${g[1]}`.padStart(13),
        `${off.ms.toFixed(1)}→${on.ms.toFixed(1)}`.padStart(11),
      ].join('  '),
    );
  }
  const within = totals.errors.filter((e) => e <= 0.3).length;
  console.log(
    `\n  ${totals.arcs} true arcs: ${((100 * totals.found) / totals.arcs).toFixed(1)} % as arc commands (≥ 90 %), ` +
      `${((100 * within) / Math.max(1, totals.found)).toFixed(1)} % of those within 0.3 px; ` +
      `4× SSIM median ${median(fidelity[0]).toFixed(5)}→${median(fidelity[1]).toFixed(5)}; ` +
      `gzip on/off ${(totals.gzip[1] / totals.gzip[0]).toFixed(3)}×; time on/off ${(totals.ms[1] / totals.ms[0]).toFixed(2)}×`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
