import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from './index';
import { loadEngine, paint, testCard } from './test-support';
import { renderSvg } from '../../bench/lib/render';
import { parseDrawing } from './export/drawing';
import { exportResult } from './export/index';
import { colourFidelity, fidelityReference, type Raster } from './fidelity';

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

/**
 * A glow: a disc-shaped light on white whose shading is a rotated elliptical ramp (semi-axes
 * 70 and 35 px, the long one at 25°), pale at its centre and deep purple at its rim.
 */
const glow = () =>
  paint(200, 150, (x, y) => {
    const [dx, dy] = [x - 100, y - 75];
    const [c, s] = [Math.cos((25 * Math.PI) / 180), Math.sin((25 * Math.PI) / 180)];
    const t = Math.hypot((dx * c + dy * s) / 70, (dy * c - dx * s) / 35);
    if (t > 1) return [255, 255, 255, 255];
    return [250 - 170 * t, 240 - 200 * t, 255 - 95 * t, 255];
  });

/** Mean ΔE00 and flat-area loss (%) of an SVG's rendering against its input, over white. */
function colourError(svg: string, image: Raster): { deltaE: number; flatLoss: number } {
  const f = colourFidelity(fidelityReference(image), renderSvg(svg, 'white', image.width));
  return { deltaE: f.meanDeltaE, flatLoss: f.flatLoss.share * 100 };
}

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

  it('auto gives a rotated elliptical ramp one elliptical gradient', async () => {
    const image = glow();
    const convert = (gradients: 'off' | 'auto') =>
      engine.vectorize(image.data, image.width, image.height, { gradients });
    const [off, auto] = [await convert('off'), await convert('auto')];
    expect(auto.svg.match(/<radialGradient /g)).toHaveLength(1);
    const matrix = /gradientTransform="matrix\(([^)]*)\)"/.exec(auto.svg);
    expect(matrix).not.toBeNull();
    // The matrix's columns are the ellipse's semi-axes: 70 px at 25° and 35 px across it.
    const [a, b, c, d, e, f] = matrix![1].split(' ').map(Number);
    const long = Math.hypot(a, b) > Math.hypot(c, d) ? [a, b] : [c, d];
    const short = long[0] === a ? [c, d] : [a, b];
    expect(Math.hypot(short[0], short[1]) / Math.hypot(long[0], long[1])).toBeCloseTo(0.5, 1);
    const angle = ((Math.atan2(long[1], long[0]) * 180) / Math.PI + 180) % 180;
    expect(Math.abs(angle - 25)).toBeLessThan(4);
    expect(Math.hypot(e - 100, f - 75)).toBeLessThan(1.5);
    const [errorOff, errorAuto] = [colourError(off.svg, image), colourError(auto.svg, image)];
    expect(errorAuto.deltaE).toBeLessThan(0.6);
    expect(errorAuto.deltaE).toBeLessThan(errorOff.deltaE / 2);
    expect(errorAuto.flatLoss).toBeLessThan(1);
    const pdf = new TextDecoder('latin1').decode((await exportResult(auto, 'pdf')).data);
    expect(pdf).toContain('/ShadingType 3');
  });

  it('auto gives a ramp the palette holds in one colour a gradient, flat colours within the limit', async () => {
    // Two colours for a grey-blue ramp beside a red block: the quantizer gives the ramp one.
    const image = paint(180, 120, (x) =>
      x >= 140 ? [230, 20, 20, 255] : [40 + 0.6 * x, 50 + 0.6 * x, 90 + 0.45 * x, 255],
    );
    const convert = (gradients: 'off' | 'auto') =>
      engine.vectorize(image.data, image.width, image.height, { gradients, colors: 2 });
    const [off, auto] = [await convert('off'), await convert('auto')];
    expect(off.svg).not.toContain('Gradient');
    expect(auto.svg.match(/<linearGradient /g)).toHaveLength(1);
    // The flat colours are still at most the two asked for.
    const flat = new Set([...auto.svg.matchAll(/fill="(#[0-9a-f]{3,6})"/g)].map((m) => m[1]));
    expect(flat.size).toBeLessThanOrEqual(2);
    const [errorOff, errorAuto] = [colourError(off.svg, image), colourError(auto.svg, image)];
    expect(errorAuto.deltaE).toBeLessThan(errorOff.deltaE / 4);
    expect(errorAuto.flatLoss).toBeLessThan(2);
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
