import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './index';
import { loadEngine } from './test-support';
import { parseDrawing } from './export/drawing';
import { scoreScene } from '../../bench/lib/primitive-metrics';
import { shapesScene } from '../../bench/lib/shapes-scene';
import { ssim } from './fidelity';
import { renderSvg } from '../../bench/lib/render';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine('simd');
});

describe('primitive shapes', () => {
  it('gives circles, ellipses and rects back within 0.3 px, and paths only when off', async () => {
    const scene = shapesScene(3);
    const { data, width, height } = scene.image;
    const on = (await engine.vectorize(new Uint8Array(data), width, height)).svg;
    const score = scoreScene(scene.shapes, scene.whole, on);
    expect(score.found).toBeGreaterThanOrEqual(0.9 * score.shapes);
    expect(Math.max(...score.errors)).toBeLessThanOrEqual(0.3);
    expect(score.extra).toBe(0);
    const off = (await engine.vectorize(new Uint8Array(data), width, height, { primitives: false }))
      .svg;
    expect(off).not.toMatch(/<(circle|ellipse|rect) | d="[^"]*[aA]/);
    // Both render like the input, and the exporters read both.
    for (const svg of [on, off]) {
      expect(ssim(scene.image, renderSvg(svg))).toBeGreaterThan(0.98);
      expect(parseDrawing(svg).shapes.length).toBeGreaterThan(0);
    }
  });

  it('places a disc and the disc in its hole sub-pixel, from all their edge points', async () => {
    const size = 64;
    const data = new Uint8Array(size * size * 4);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        const d = Math.hypot(x + 0.5 - 32.3, y + 0.5 - 31.6);
        // A disc of radius 20 with a white disc of radius 9 inside (coverage by distance).
        const cover = Math.min(1, Math.max(0, 20.5 - d)) * Math.min(1, Math.max(0, d - 8.5));
        const v = Math.round(255 - cover * 200);
        data.set([v, v, 255, 255], (y * size + x) * 4);
      }
    const { svg } = await engine.vectorize(data, size, size);
    const circles = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g)].map(
      (m) => m.slice(1).map(Number),
    );
    expect(circles.length, svg).toBe(2);
    const radii = circles.map((c) => c[2]).sort((a, b) => a - b);
    expect(radii[0]).toBeCloseTo(9, 1);
    expect(radii[1]).toBeCloseTo(20, 1);
    for (const [cx, cy] of circles) {
      expect(Math.abs(cx - 32.3)).toBeLessThan(0.05);
      expect(Math.abs(cy - 31.6)).toBeLessThan(0.05);
    }
  });
});
