/**
 * Fidelity measures between an input raster and the SVG rendered back, beside those of
 * `src/engine/fidelity` (SSIM, ΔE00, flat-area loss):
 * - PSNR over RGB composited over white;
 * - seam leakage: the share of pixels inside the input's opaque artwork whose colour differs (by
 *   more than 2 levels in any channel) between renders over two contrasting backgrounds.
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

/**
 * Whether pixel `p` and its 8 neighbours (those inside the image) are opaque in `input`: a pixel
 * inside the artwork, not on its anti-aliased outline against transparency.
 */
function opaqueAround(input: Raster, p: number): boolean {
  const { width, height, data } = input;
  const x = p % width;
  const y = (p - x) / width;
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) {
      const nx = x + dx;
      const ny = y + dy;
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      if (data[(ny * width + nx) * 4 + 3] !== 255) return false;
    }
  return true;
}

/**
 * Percentage of pixels inside the opaque artwork whose rendered colour depends on the
 * background: the background showing through seams between shapes. Pixels next to a
 * non-opaque input pixel are left out — there the artwork's own outline meets transparency,
 * and a traced outline placed a fraction of a pixel inside it is an edge position error (what
 * SSIM and the 4× fidelity measure), not a seam that a gap filler could close.
 */
export function seamLeakage(input: Raster, svg: string): number {
  const first = renderSvg(svg, '#ff00ff');
  const second = renderSvg(svg, '#00ff00');
  assertSameSize(input, first);
  let inside = 0;
  let leaking = 0;
  for (let i = 0; i < input.data.length; i += 4) {
    if (input.data[i + 3] !== 255 || !opaqueAround(input, i / 4)) continue;
    inside++;
    for (let c = 0; c < 3; c++)
      if (Math.abs(first.data[i + c] - second.data[i + c]) > 2) {
        leaking++;
        break;
      }
  }
  return inside === 0 ? 0 : (100 * leaking) / inside;
}
