/** Per-pixel CIEDE2000 between an input and its render, both composited over white. */
import { ciede2000 } from './ciede2000';

/**
 * ΔE00 of every pixel between two CIELAB images of one size (from `labOverWhite`). Pixels of
 * equal Lab cost nothing, and a pixel whose pair of colours is the previous pixel's copies its
 * value.
 */
export function deltaEMap(input: Float32Array, rendered: Float32Array): Float32Array {
  const n = input.length / 3;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const j = i * 3;
    const l1 = input[j];
    const a1 = input[j + 1];
    const b1 = input[j + 2];
    const l2 = rendered[j];
    const a2 = rendered[j + 1];
    const b2 = rendered[j + 2];
    if (l1 === l2 && a1 === a2 && b1 === b2) out[i] = 0;
    else if (
      i > 0 &&
      l1 === input[j - 3] &&
      a1 === input[j - 2] &&
      b1 === input[j - 1] &&
      l2 === rendered[j - 3] &&
      a2 === rendered[j - 2] &&
      b2 === rendered[j - 1]
    )
      out[i] = out[i - 1];
    else out[i] = ciede2000(l1, a1, b1, l2, a2, b2);
  }
  return out;
}

export function mean(values: Float32Array): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}
