import { beforeAll, describe, expect, it } from 'vitest';
import { resultNotices, type Engine } from './index';
import { loadEngine } from './test-support';
import { readStrokes, scoreCenterline } from '../../bench/lib/centerline-metrics';
import { lineDrawing, random } from '../../bench/lib/line-art';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine('simd');
});

describe('centerline mode', () => {
  it('traces a synthetic drawing as fill="none" round-capped strokes near the true centre lines', async () => {
    for (const seed of [1, 4]) {
      const drawing = lineDrawing(seed);
      const { data, width, height } = drawing.image;
      const { svg, stats } = await engine.vectorize(data, width, height, { mode: 'centerline' });
      const group = /<g ([^>]*)>/.exec(svg)?.[1] ?? '';
      expect(group).toContain('fill="none"');
      expect(group).toContain('stroke="#000"');
      expect(group).toContain('stroke-linecap="round"');
      expect(group).toContain('stroke-linejoin="round"');
      const paths = svg.match(/<path [^>]*>/g) ?? [];
      expect(paths.length).toBe(stats.paths);
      for (const path of paths) {
        expect(path).toMatch(/^<path stroke-width="[\d.]+" d="M/);
        expect(path).not.toContain('fill=');
      }
      // Looser than the bench targets (npm run bench:centerline).
      const score = scoreCenterline(drawing, svg);
      expect(score.recall).toBeGreaterThanOrEqual(0.93);
      expect(score.precision).toBeGreaterThanOrEqual(0.93);
      expect(score.meanDistance).toBeLessThanOrEqual(1);
      expect(score.lengthRatio).toBeGreaterThanOrEqual(0.9);
      expect(score.lengthRatio).toBeLessThanOrEqual(1.12);
      expect(score.pathsPerStroke).toBeLessThanOrEqual(1.5);
      expect(score.iou).toBeGreaterThanOrEqual(0.8);
      expect(readStrokes(svg).length).toBe(stats.paths);
    }
  });

  it('gives every line the stroke width and colour asked for, instead of the measured ones', async () => {
    const { data, width, height } = lineDrawing(1).image;
    const { svg } = await engine.vectorize(data, width, height, {
      mode: 'centerline',
      strokeWidth: 3,
      strokeColor: '#e30',
    });
    expect(/<g ([^>]*)>/.exec(svg)?.[1]).toContain('stroke="#e30"');
    const widths = [...svg.matchAll(/stroke-width="([^"]+)"/g)].map((match) => match[1]);
    expect(widths.length).toBeGreaterThan(2);
    expect(new Set(widths)).toEqual(new Set(['3']));
  });

  it('finishes on a photo-like noisy image with a bounded number of paths', async () => {
    const [width, height] = [384, 288];
    const rand = random(7);
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const base = 128 + 60 * Math.sin(x / 23) * Math.cos(y / 17);
        const v = Math.max(0, Math.min(255, Math.round(base + (rand() - 0.5) * 160)));
        data.set([v, (v * 7) % 256, 255 - v, 255], (y * width + x) * 4);
      }
    const { svg, stats } = await engine.vectorize(data, width, height, { mode: 'centerline' });
    expect(stats.paths).toBeGreaterThan(0);
    expect(stats.paths).toBeLessThanOrEqual(20_000);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('writes the longest strokes when there are too many, and says how many it left out', async () => {
    // 160 × 160 short dashes (4 × 2 px of ink each, over the speck limit) on an 8 px pitch.
    const side = 1280;
    const data = new Uint8Array(side * side * 4).fill(255);
    for (let y = 0; y < side; y += 8)
      for (let x = 0; x < side; x += 8)
        for (let dy = 3; dy < 5; dy++)
          for (let dx = 2; dx < 6; dx++)
            data.fill(0, ((y + dy) * side + x + dx) * 4, ((y + dy) * side + x + dx) * 4 + 3);
    const { svg, stats } = await engine.vectorize(data, side, side, { mode: 'centerline' });
    expect(stats.paths).toBe(20_000);
    expect(stats.paths + stats.strokesLeftOut).toBe(160 * 160);
    expect(svg.match(/<path/g)?.length).toBe(20_000);
    expect(resultNotices(stats)).toEqual([
      expect.stringMatching(/wrote the 20000 longest strokes and left out 5600 shorter ones/),
    ]);
    // A drawing within the cap: nothing left out, nothing to say.
    const few = await engine.vectorize(data.subarray(0, side * 64 * 4), side, 64, {
      mode: 'centerline',
    });
    expect(few.stats.strokesLeftOut).toBe(0);
    expect(resultNotices(few.stats)).toEqual([]);
  });
});
