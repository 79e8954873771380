/**
 * SSIM on luma (Rec. 601 weights) of both images composited over white: Gaussian window
 * σ = 1.5 (11 taps, edges clamped), K1 = .01, K2 = .03, the mean of the SSIM map. 1.0 means
 * identical.
 */
import { assertSameSize, overWhite, type Raster } from './raster';

const KERNEL = Float64Array.from(
  (() => {
    const taps = Array.from({ length: 11 }, (_, i) => Math.exp(-((i - 5) ** 2) / (2 * 1.5 * 1.5)));
    const sum = taps.reduce((a, b) => a + b, 0);
    return taps.map((t) => t / sum);
  })(),
);

function luma(rgb: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = 0.299 * rgb[i * 3] + 0.587 * rgb[i * 3 + 1] + 0.114 * rgb[i * 3 + 2];
  return out;
}

/** One blurred value at `pos` along a line (start `at`, stride `step`), taps clamped to the line. */
function clampedSum(
  src: Float64Array,
  at: number,
  step: number,
  pos: number,
  size: number,
): number {
  let s = 0;
  for (let k = 0; k < 11; k++)
    s += KERNEL[k] * src[at + Math.min(size - 1, Math.max(0, pos + k - 5)) * step];
  return s;
}

/**
 * Separable Gaussian blur with clamped edges. Away from the edges the taps are read without
 * clamping (the same sums in the same order, so the same values).
 */
function blur(src: Float64Array, width: number, height: number): Float64Array {
  const tmp = new Float64Array(src.length);
  const out = new Float64Array(src.length);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (x < 5 || x >= width - 5) {
        tmp[row + x] = clampedSum(src, row, 1, x, width);
        continue;
      }
      let s = 0;
      const at = row + x - 5;
      for (let k = 0; k < 11; k++) s += KERNEL[k] * src[at + k];
      tmp[row + x] = s;
    }
  }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      if (y < 5 || y >= height - 5) {
        out[y * width + x] = clampedSum(tmp, x, width, y, height);
        continue;
      }
      let s = 0;
      const at = (y - 5) * width + x;
      for (let k = 0; k < 11; k++) s += KERNEL[k] * tmp[at + k * width];
      out[y * width + x] = s;
    }
  return out;
}

export function ssim(a: Raster, b: Raster): number {
  assertSameSize(a, b);
  const { width, height } = a;
  const n = width * height;
  const x = luma(overWhite(a), n);
  const y = luma(overWhite(b), n);
  const mul = (p: Float64Array, q: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = p[i] * q[i];
    return out;
  };
  const [mx, my] = [blur(x, width, height), blur(y, width, height)];
  const [sxx, syy, sxy] = [
    blur(mul(x, x), width, height),
    blur(mul(y, y), width, height),
    blur(mul(x, y), width, height),
  ];
  const c1 = (0.01 * 255) ** 2;
  const c2 = (0.03 * 255) ** 2;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const vx = sxx[i] - mx[i] * mx[i];
    const vy = syy[i] - my[i] * my[i];
    const cov = sxy[i] - mx[i] * my[i];
    total +=
      ((2 * mx[i] * my[i] + c1) * (2 * cov + c2)) /
      ((mx[i] ** 2 + my[i] ** 2 + c1) * (vx + vy + c2));
  }
  return total / n;
}
