/**
 * Fidelity measures between an input raster and the SVG rendered back, beside those of
 * `src/engine/fidelity` (SSIM, ΔE00, flat-area loss):
 * - PSNR over RGB composited over white;
 * - seam leakage: the share of pixels opaque in the input whose colour differs (by more than
 *   2 levels in any channel) between renders over two contrasting backgrounds.
 */
import { assertSameSize, type Raster } from '../../src/engine/fidelity/index';
import { renderSvg } from './render';

/** Over white, channel by channel as `overWhite` composites, without allocating the composites. */
export function psnr(a: Raster, b: Raster): number {
  assertSameSize(a, b);
  const over = (d: Uint8Array, i: number, c: number) =>
    Math.round((d[i + c] * d[i + 3]) / 255) + 255 - d[i + 3];
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 4)
    for (let c = 0; c < 3; c++) sum += (over(a.data, i, c) - over(b.data, i, c)) ** 2;
  const mse = sum / ((a.data.length / 4) * 3);
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
