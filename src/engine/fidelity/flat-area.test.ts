import { describe, expect, it } from 'vitest';
import { colourFidelity, fidelityReference } from './colour-fidelity';
import { flatAreaLoss, flatMask } from './flat-area';
import { labOverWhite } from './lab';
import { paint } from './test-support';

// Left half a smooth grey ramp (one level a column), right half a hard black/white checker.
const input = paint(16, 8, (x, y) =>
  x < 8 ? [100 + x, 100 + x, 100 + x, 255] : (x + y) % 2 ? [0, 0, 0, 255] : [255, 255, 255, 255],
);

describe('flatMask', () => {
  it('marks a gentle ramp flat and a checker not, the border between them not', () => {
    const mask = flatMask(labOverWhite(input), 16, 8);
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 16; x++) expect(mask[y * 16 + x], `${x},${y}`).toBe(x < 7 ? 1 : 0);
  });

  it('counts an image of one colour, borders included, as flat', () => {
    const mask = flatMask(labOverWhite(paint(3, 2, () => [9, 80, 200, 255])), 3, 2);
    expect(Array.from(mask)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('flatAreaLoss', () => {
  it('counts only flat pixels off by more than ΔE00 3', () => {
    const mask = Uint8Array.of(1, 1, 1, 0);
    expect(flatAreaLoss(mask, Float32Array.of(0, 3, 3.5, 50))).toEqual({
      share: 1 / 3,
      flatPixels: 3,
    });
    expect(flatAreaLoss(new Uint8Array(2), new Float32Array(2)).share).toBeNaN();
  });
});

describe('colourFidelity', () => {
  const reference = fidelityReference(input);

  it('scores the input against itself as lossless', () => {
    const same = colourFidelity(reference, input);
    expect(same.meanDeltaE).toBe(0);
    expect(same.flatLoss).toEqual({ share: 0, flatPixels: 56 });
  });

  it('finds a ramp painted as two flat bands off only where the band strays over ΔE00 3', () => {
    // Posterised ramp: columns 0–3 painted 100, 4–7 painted 107; the checker kept exactly.
    const banded = paint(16, 8, (x, y) =>
      x < 8
        ? x < 4
          ? [100, 100, 100, 255]
          : [107, 107, 107, 255]
        : (x + y) % 2
          ? [0, 0, 0, 255]
          : [255, 255, 255, 255],
    );
    const result = colourFidelity(reference, banded);
    // Off by 3 levels (columns 3, 4) is about ΔE00 1.2; by 2 less; nothing over 3.
    expect(result.flatLoss.share).toBe(0);
    expect(result.meanDeltaE).toBeGreaterThan(0);
    const greyed = paint(16, 8, (x, y) =>
      x < 8 ? [140, 140, 140, 255] : (x + y) % 2 ? [0, 0, 0, 255] : [255, 255, 255, 255],
    );
    // Every ramp pixel is 33–40 levels off (ΔE00 over 10): every flat pixel is lost.
    expect(colourFidelity(reference, greyed).flatLoss.share).toBe(1);
    expect(result.errorMap[16 * 5 + 10]).toBe(0);
  });

  it('refuses a render of another size', () => {
    expect(() =>
      colourFidelity(
        reference,
        paint(4, 4, () => [0, 0, 0, 255]),
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
