import { describe, expect, it } from 'vitest';
import { ssim } from '../../src/engine/fidelity/index';
import { psnr, seamLeakage } from './metrics';
import type { Raster } from '../../src/engine/fidelity/index';
import { renderSvg } from './render';

function flat(width: number, height: number, paint: (x: number, y: number) => number[]): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(paint(x, y), (y * width + x) * 4);
  return { data, width, height };
}

const stripes = flat(48, 32, (x) => (x % 8 < 4 ? [20, 30, 40, 255] : [230, 220, 210, 255]));

describe('metrics', () => {
  it('an image is identical to itself', () => {
    expect(ssim(stripes, stripes)).toBeCloseTo(1, 6);
    expect(psnr(stripes, stripes)).toBe(Infinity);
  });

  it('a shifted or noisy image scores lower', () => {
    const shifted = flat(48, 32, (x) =>
      (x + 2) % 8 < 4 ? [20, 30, 40, 255] : [230, 220, 210, 255],
    );
    expect(ssim(stripes, shifted)).toBeLessThan(0.5);
    let seed = 1;
    const noisy = flat(48, 32, (x) => {
      seed = (seed * 16807) % 2147483647;
      const v = x % 8 < 4 ? 30 : 220;
      const d = (seed % 80) - 40;
      return [v + d, v + d, v + d, 255];
    });
    const s = ssim(stripes, noisy);
    expect(s).toBeGreaterThan(0.3);
    expect(s).toBeLessThan(0.99);
    expect(psnr(stripes, noisy)).toBeLessThan(40);
  });

  it('transparent pixels count as white', () => {
    const clear = flat(8, 8, () => [0, 0, 0, 0]);
    const white = flat(8, 8, () => [255, 255, 255, 255]);
    expect(psnr(clear, white)).toBe(Infinity);
    expect(ssim(clear, white)).toBeCloseTo(1, 6);
  });

  it('scores a render of the same translucent pixels as identical', () => {
    const pixels = [
      [34, 48, 53, 19],
      [88, 119, 161, 48],
      [94, 122, 163, 232],
      [200, 10, 90, 103],
    ];
    const input = flat(4, 1, (x) => pixels[x]);
    const rects = pixels
      .map(
        ([r, g, b, a], x) =>
          `<rect x="${x}" width="1" height="1" fill="rgb(${r},${g},${b})" fill-opacity="${a / 255}"/>`,
      )
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4" height="1">${rects}</svg>`;
    expect(psnr(input, renderSvg(svg))).toBe(Infinity);
  });

  it('finds the seam between two shapes meeting at a fractional edge, and none under one shape', () => {
    const input = flat(20, 10, () => [100, 100, 100, 255]);
    const seamy =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="10.5" height="10" fill="#666"/><rect x="10.5" width="9.5" height="10" fill="#666"/></svg>';
    const whole =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10" fill="#666"/></svg>';
    expect(seamLeakage(input, seamy)).toBeGreaterThan(0);
    expect(seamLeakage(input, whole)).toBe(0);
  });

  it("leaves out the artwork's outline against transparency, not the seams inside it", () => {
    // An opaque 10×10 square (columns 5–14, rows 0–9) on a transparent 20×10 image.
    const input = flat(20, 10, (x) => (x >= 5 && x < 15 ? [100, 100, 100, 255] : [0, 0, 0, 0]));
    const inset =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="5.3" width="9.4" height="10" fill="#666"/></svg>';
    const split =
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="5" width="5.5" height="10" fill="#666"/><rect x="10.5" width="4.5" height="10" fill="#666"/></svg>';
    expect(seamLeakage(input, inset)).toBe(0);
    expect(seamLeakage(input, split)).toBeGreaterThan(0);
  });
});
