/**
 * Centerline mode on synthetic line drawings with known centre lines (bench/lib/line-art.ts):
 * recall, precision, mean distance, length ratio, paths per true stroke, ink IoU of the
 * stroked render, and the time against colour mode on the same images. Prints the figures
 * and the targets; never a test gate. Run: `npm run bench:centerline`.
 */
import { performance } from 'node:perf_hooks';
import { loadEngine } from '../src/engine/load';
import { readWasm } from '../src/node/wasm-module';
import { scoreCenterline, type CenterlineScore } from './lib/centerline-metrics';
import { lineDrawing, random } from './lib/line-art';

const TARGETS: [keyof CenterlineScore, string, (v: number) => boolean][] = [
  ['recall', '≥ 0.97', (v) => v >= 0.97],
  ['precision', '≥ 0.97', (v) => v >= 0.97],
  ['meanDistance', '≤ 0.8 px', (v) => v <= 0.8],
  ['lengthRatio', '0.95–1.08', (v) => v >= 0.95 && v <= 1.08],
  ['pathsPerStroke', '≤ 1.5', (v) => v <= 1.5],
  ['iou', '≥ 0.85', (v) => v >= 0.85],
];

/** The same drawings thresholded (no anti-aliasing), with noise, and light on dark. */
const VARIANTS: Record<string, (v: number, rand: () => number) => number> = {
  binary: (v) => (v < 128 ? 0 : 255),
  noisy: (v, rand) => Math.max(0, Math.min(255, Math.round(v + (rand() - 0.5) * 60))),
  'light on dark': (v) => 255 - v,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

async function main() {
  const engine = await loadEngine(readWasm, 'simd');
  const count = Number(process.argv[2] ?? 12);
  const scores: CenterlineScore[] = [];
  const times = { centerline: [] as number[], color: [] as number[] };
  console.log(
    'drawing      recall  precis  meanD  length  paths/strokes  IoU    ms(cl)  ms(color)',
  );
  for (let seed = 1; seed <= count; seed++) {
    const drawing = lineDrawing(seed);
    const { data, width, height } = drawing.image;
    const run = async (mode: 'centerline' | 'color') => {
      const runs: number[] = [];
      let svg = '';
      for (let r = 0; r < 3; r++) {
        const start = performance.now();
        svg = (await engine.vectorize(new Uint8Array(data), width, height, { mode })).svg;
        runs.push(performance.now() - start);
      }
      return { svg, ms: median(runs) };
    };
    const centerline = await run('centerline');
    const color = await run('color');
    times.centerline.push(centerline.ms);
    times.color.push(color.ms);
    const s = scoreCenterline(drawing, centerline.svg);
    scores.push(s);
    console.log(
      [
        drawing.name.padEnd(12),
        s.recall.toFixed(3).padStart(6),
        s.precision.toFixed(3).padStart(6),
        s.meanDistance.toFixed(2).padStart(6),
        s.lengthRatio.toFixed(3).padStart(7),
        `${s.paths}/${s.strokes}`.padStart(14),
        s.iou.toFixed(3).padStart(6),
        centerline.ms.toFixed(1).padStart(7),
        color.ms.toFixed(1).padStart(9),
      ].join('  '),
    );
  }
  const mean = (key: keyof CenterlineScore) =>
    scores.reduce((sum, s) => sum + s[key], 0) / scores.length;
  console.log('\nmean over', scores.length, 'drawings (target):');
  for (const [key, target, ok] of TARGETS) {
    const value = mean(key);
    console.log(
      `  ${key.padEnd(15)} ${value.toFixed(3).padStart(7)}  (${target}) ${ok(value) ? 'ok' : 'MISSED'}`,
    );
  }
  const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const speed = total(times.centerline) / total(times.color);
  console.log(
    `  time            ${speed.toFixed(2).padStart(7)}× colour mode (≤ 1.5×) ${speed <= 1.5 ? 'ok' : 'MISSED'}`,
  );
  console.log('\nvariants (mean over the same drawings):');
  for (const [variant, change] of Object.entries(VARIANTS)) {
    const rows: CenterlineScore[] = [];
    for (let seed = 1; seed <= count; seed++) {
      const drawing = lineDrawing(seed);
      const rand = random(seed * 99);
      const data = new Uint8Array(drawing.image.data);
      for (let i = 0; i < data.length; i += 4) data.fill(change(data[i], rand), i, i + 3);
      const { width, height } = drawing.image;
      const { svg } = await engine.vectorize(data, width, height, { mode: 'centerline' });
      // Scored against what it was given; light strokes are scored as dark ones on white.
      const inverted = variant === 'light on dark';
      rows.push(
        scoreCenterline(
          inverted ? drawing : { ...drawing, image: { data, width, height } },
          inverted ? svg.replace('stroke="#fff"', 'stroke="#000"') : svg,
        ),
      );
    }
    const m = (key: keyof CenterlineScore) =>
      (rows.reduce((sum, s) => sum + s[key], 0) / rows.length).toFixed(3);
    console.log(
      `  ${variant.padEnd(14)} recall ${m('recall')}  precision ${m('precision')}  mean distance ${m('meanDistance')}  length ${m('lengthRatio')}  paths/strokes ${m('pathsPerStroke')}  IoU ${m('iou')}`,
    );
  }
}

await main();
