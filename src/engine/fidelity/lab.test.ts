import { describe, expect, it } from 'vitest';
import { labOverWhite, srgbToLab } from './lab';
import { paint } from './test-support';

describe('srgbToLab', () => {
  it('gives white L 100 and no chroma, black L 0', () => {
    const [l, a, b] = srgbToLab(255, 255, 255);
    expect(l).toBeCloseTo(100, 4);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(1e-4);
    expect(srgbToLab(0, 0, 0)[0]).toBe(0);
  });

  it('matches published CIELAB values of the sRGB primaries', () => {
    const near = (got: number[], want: number[]) =>
      got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(0.02));
    near(srgbToLab(255, 0, 0), [53.2408, 80.0925, 67.2032]);
    near(srgbToLab(0, 255, 0), [87.7347, -86.1827, 83.1793]);
    near(srgbToLab(0, 0, 255), [32.297, 79.1875, -107.8602]);
    near(srgbToLab(128, 128, 128), [53.585, 0, 0]);
  });
});

describe('labOverWhite', () => {
  it('converts the composite over white: transparent is white, half-red is pink', () => {
    const image = paint(2, 1, (x) => (x ? [255, 0, 0, 128] : [10, 20, 30, 0]));
    const lab = labOverWhite(image);
    expect(lab[0]).toBeCloseTo(100, 3);
    const pink = srgbToLab(255, 127, 127);
    expect(Array.from(lab.subarray(3, 6))).toEqual(pink.map((v) => Math.fround(v)));
  });
});
