import { describe, expect, it } from 'vitest';
import { ciede2000 } from './ciede2000';

// Test pairs of Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula:
// implementation notes, supplementary test data and mathematical observations", table 1:
// [L1, a1, b1, L2, a2, b2, ΔE00]. Chosen to cover the hue wrap-around of the mean hue and
// of the hue difference, neutral colours, and the rotation term near 275°.
const PAIRS = [
  [50, 2.6772, -79.7751, 50, 0, -82.7485, 2.0425], // 1
  [50, 3.1571, -77.2803, 50, 0, -82.7485, 2.8615], // 2
  [50, -1.3802, -84.2814, 50, 0, -82.7485, 1.0], // 4
  [50, 0, 0, 50, -1, 2, 2.3669], // 7
  [50, 2.49, -0.001, 50, -2.49, 0.0009, 7.1792], // 9
  [50, 2.49, -0.001, 50, -2.49, 0.0011, 7.2195], // 11
  [50, -0.001, 2.49, 50, 0.0009, -2.49, 4.8045], // 13
  [50, -0.001, 2.49, 50, 0.0011, -2.49, 4.7461], // 15
  [50, 2.5, 0, 50, 0, -2.5, 4.3065], // 16
  [50, 2.5, 0, 73, 25, -18, 27.1492], // 17
  [50, 2.5, 0, 56, -27, -3, 31.903], // 19
  [50, 2.5, 0, 50, 3.1736, 0.5854, 1.0], // 21
  [60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644], // 25
  [22.7233, 20.0904, -46.694, 23.0331, 14.973, -42.5619, 2.0373], // 29
  [90.9257, -0.5406, -0.9208, 88.6381, -0.8985, -0.7239, 1.5381], // 32
  [6.7747, -0.2908, -2.4247, 5.8714, -0.0985, -2.2286, 0.6377], // 33
  [2.0776, 0.0795, -1.135, 0.9033, -0.0636, -0.5514, 0.9082], // 34
] as const;

describe('ciede2000', () => {
  it.each(PAIRS)('(%f, %f, %f) against (%f, %f, %f) is %f', (l1, a1, b1, l2, a2, b2, expected) => {
    expect(Math.abs(ciede2000(l1, a1, b1, l2, a2, b2) - expected)).toBeLessThan(1e-4);
  });

  it('is symmetric and zero for equal colours', () => {
    for (const [l1, a1, b1, l2, a2, b2] of PAIRS) {
      expect(ciede2000(l2, a2, b2, l1, a1, b1)).toBeCloseTo(ciede2000(l1, a1, b1, l2, a2, b2), 10);
      expect(ciede2000(l1, a1, b1, l1, a1, b1)).toBe(0);
    }
  });
});
