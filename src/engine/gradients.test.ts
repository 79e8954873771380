import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './index';
import { loadEngine, paint, testCard } from './test-support';
import { renderSvg } from '../../bench/lib/render';
import { parseDrawing } from './export/drawing';
import { exportResult } from './export/index';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine('simd');
});

/** A sky: a vertical ramp from deep blue to pale blue, with a hard-edged red block. */
const sky = () =>
  paint(160, 120, (x, y) => {
    if (x > 110 && x < 140 && y > 30 && y < 90) return [200, 30, 30, 255];
    const t = y / 120;
    return [20 + 180 * t, 60 + 160 * t, 160 + 90 * t, 255];
  });

function meanError(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i] - b[i]);
  return sum / ((a.length / 4) * 3);
}

describe('gradients', () => {
  it('auto fills a smooth ramp with one gradient and keeps the hard edge', async () => {
    const image = sky();
    const off = await engine.vectorize(image.data, image.width, image.height, {
      gradients: 'off',
    });
    const auto = await engine.vectorize(image.data, image.width, image.height, {
      gradients: 'auto',
    });
    expect(off.svg).not.toContain('Gradient');
    expect(auto.svg.match(/<linearGradient /g)).toHaveLength(1);
    expect(auto.svg).toContain('gradientUnits="userSpaceOnUse"');
    expect(auto.svg).toMatch(/fill="url\(#g0\)"/);
    // The red block is still its own flat shape.
    const flat = [...auto.svg.matchAll(/<path fill="(#[0-9a-f]{3,6})"/g)].map((m) => m[1]);
    expect(
      parseDrawing(auto.svg).shapes.some((s) => s.fill && s.fill[0] > 150 && s.fill[1] < 80),
    ).toBe(true);
    expect(flat.length).toBeGreaterThan(0);
    expect(auto.svg.length).toBeLessThan(off.svg.length);
    const errorOff = meanError(renderSvg(off.svg, 'white').data, image.data);
    const errorAuto = meanError(renderSvg(auto.svg, 'white').data, image.data);
    expect(errorAuto).toBeLessThan(errorOff);
    expect(errorAuto).toBeLessThan(1.5);
  });

  it('flat artwork gives no gradients: the output equals gradients off', async () => {
    const card = testCard(128);
    const off = await engine.vectorize(card.data, card.width, card.height, { gradients: 'off' });
    const auto = await engine.vectorize(card.data, card.width, card.height, {
      gradients: 'auto',
    });
    expect(auto.svg).toBe(off.svg);
  });

  it('exports keep a gradient fill as a shading, with its mean colour beside it', async () => {
    const image = sky();
    const result = await engine.vectorize(image.data, image.width, image.height, {
      gradients: 'auto',
    });
    const drawing = parseDrawing(result.svg);
    const shaded = drawing.shapes.filter((s) => s.fillGradient);
    expect(shaded.length).toBeGreaterThan(0);
    // The mean of the deep-to-pale blue ramp lies between its ends.
    for (const shape of shaded) expect(shape.fill![2]).toBeGreaterThan(160);
    const pdf = new TextDecoder('latin1').decode((await exportResult(result, 'pdf')).data);
    expect(pdf).toContain('/ShadingType 2');
    const eps = new TextDecoder().decode((await exportResult(result, 'eps')).data);
    expect(eps).toContain('/ShadingType 2');
    const dxf = await exportResult(result, 'dxf');
    expect(dxf.data.length).toBeGreaterThan(100);
  });
});
