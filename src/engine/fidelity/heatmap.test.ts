import { describe, expect, it } from 'vitest';
import { HEATMAP_STOPS, heatmapColour, heatmapPixels, heatmapSize } from './heatmap';

const hex = ([r, g, b]: number[]) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

describe('heatmapColour', () => {
  it('paints each stop in its own colour, the dark end for no error', () => {
    for (const stop of HEATMAP_STOPS) expect(hex(heatmapColour(stop.deltaE))).toBe(stop.colour);
  });

  it('blends between stops and clamps below 0 and above the last stop', () => {
    expect(heatmapColour(1.5)).toEqual([
      Math.round((0x42 + 0x93) / 2),
      Math.round((0x0a + 0x26) / 2),
      Math.round((0x68 + 0x67) / 2),
    ]);
    expect(hex(heatmapColour(-3))).toBe('#000004');
    expect(hex(heatmapColour(40))).toBe('#fcffa4');
  });

  it('grows brighter with the error', () => {
    const luma = ([r, g, b]: number[]) => 0.299 * r + 0.587 * g + 0.114 * b;
    for (let e = 0.5; e <= 10; e += 0.5)
      expect(luma(heatmapColour(e))).toBeGreaterThan(luma(heatmapColour(e - 0.5)));
  });
});

describe('heatmapPixels', () => {
  it('paints one opaque pixel per value, at the nearest step of the scale', () => {
    const pixels = heatmapPixels(Float32Array.of(0, 2, 12, 1.5));
    expect(Array.from(pixels.subarray(0, 12))).toEqual([
      0, 0, 4, 255, 0x93, 0x26, 0x67, 255, 0xfc, 0xff, 0xa4, 255,
    ]);
    expect(Array.from(pixels.subarray(12, 16))).toEqual([...heatmapColour(1.5), 255]);
  });
});

describe('heatmapSize', () => {
  it('keeps images up to 2048 px on the long side and scales larger ones down to it', () => {
    expect(heatmapSize(640, 480)).toEqual({ width: 640, height: 480 });
    expect(heatmapSize(2048, 10)).toEqual({ width: 2048, height: 10 });
    expect(heatmapSize(5334, 3000)).toEqual({ width: 2048, height: 1152 });
    expect(heatmapSize(3000, 5334)).toEqual({ width: 1152, height: 2048 });
    expect(heatmapSize(100_000, 1)).toEqual({ width: 2048, height: 1 });
  });
});
