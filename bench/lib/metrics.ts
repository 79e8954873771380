/**
 * Fidelity measures between an input raster and the SVG rendered back:
 * - SSIM on luma (Rec. 601 weights), Gaussian window σ = 1.5 (11 taps), K1 = .01, K2 = .03,
 *   both images composited over white;
 * - PSNR over RGB composited over white;
 * - seam leakage: the share of pixels opaque in the input whose colour differs (by more than
 *   2 levels in any channel) between renders over two contrasting backgrounds.
 */
import { overWhite, type Raster } from './raster';
import { renderSvg } from './render';

const KERNEL = (() => {
  const taps = Array.from({ length: 11 }, (_, i) => Math.exp(-((i - 5) ** 2) / (2 * 1.5 * 1.5)));
  const sum = taps.reduce((a, b) => a + b, 0);
  return taps.map((t) => t / sum);
})();

function luma(rgb: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = 0.299 * rgb[i * 3] + 0.587 * rgb[i * 3 + 1] + 0.114 * rgb[i * 3 + 2];
  return out;
}

/** Separable Gaussian blur with clamped edges. */
function blur(src: Float64Array, width: number, height: number): Float64Array {
  const tmp = new Float64Array(src.length);
  const out = new Float64Array(src.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < 11; k++)
        s += KERNEL[k] * src[y * width + Math.min(width - 1, Math.max(0, x + k - 5))];
      tmp[y * width + x] = s;
    }
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = 0; k < 11; k++)
        s += KERNEL[k] * tmp[Math.min(height - 1, Math.max(0, y + k - 5)) * width + x];
      out[y * width + x] = s;
    }
  return out;
}

function assertSameSize(a: Raster, b: Raster): void {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`size mismatch: ${a.width}×${a.height} vs ${b.width}×${b.height}`);
}

export function ssim(a: Raster, b: Raster): number {
  assertSameSize(a, b);
  const { width, height } = a;
  const n = width * height;
  const x = luma(overWhite(a), n);
  const y = luma(overWhite(b), n);
  const mul = (p: Float64Array, q: Float64Array) => p.map((v, i) => v * q[i]);
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

export function psnr(a: Raster, b: Raster): number {
  assertSameSize(a, b);
  const [x, y] = [overWhite(a), overWhite(b)];
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] - y[i]) ** 2;
  const mse = sum / x.length;
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Percentage of input-opaque pixels whose rendered colour depends on the background. */
export function seamLeakage(input: Raster, svg: string): number {
  const first = renderSvg(svg, '#ff00ff');
  const second = renderSvg(svg, '#00ff00');
  assertSameSize(input, first);
  let opaque = 0;
  let leaking = 0;
  for (let i = 0; i < input.data.length; i += 4) {
    if (input.data[i + 3] !== 255) continue;
    opaque++;
    for (let c = 0; c < 3; c++)
      if (Math.abs(first.data[i + c] - second.data[i + c]) > 2) {
        leaking++;
        break;
      }
  }
  return opaque === 0 ? 0 : (100 * leaking) / opaque;
}
