/**
 * Flat-area loss: how much of the input's smooth colour (flat fills and gentle gradients) the
 * render gets visibly wrong. A pixel is flat when every neighbour of its 3×3 neighbourhood
 * (those inside the image) lies within ΔE00 1 of it in the input over white; the loss is the
 * share of flat pixels whose rendered colour is off by more than ΔE00 3.
 */
import { MAX_SL, ciede2000 } from './ciede2000';

export const FLAT_NEIGHBOUR_DELTA_E = 1;
export const FLAT_ERROR_DELTA_E = 3;

/** Pixels `i` and `k` within ΔE00 1; a lightness step too big for that is refused unmeasured. */
function within(lab: Float32Array, i: number, k: number): boolean {
  const l1 = lab[i * 3];
  const l2 = lab[k * 3];
  if (Math.abs(l1 - l2) > FLAT_NEIGHBOUR_DELTA_E * MAX_SL) return false;
  const a1 = lab[i * 3 + 1];
  const b1 = lab[i * 3 + 2];
  const a2 = lab[k * 3 + 1];
  const b2 = lab[k * 3 + 2];
  if (l1 === l2 && a1 === a2 && b1 === b2) return true;
  return ciede2000(l1, a1, b1, l2, a2, b2) <= FLAT_NEIGHBOUR_DELTA_E;
}

/** Right, down-right, down, down-left: each neighbouring pair is measured once. */
const FORWARD = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
] as const;

/**
 * 1 where the input pixel is flat, 0 elsewhere; `lab` from `labOverWhite`. ΔE00 is symmetric,
 * so a pair too far apart clears both its pixels, and a pair whose pixels are both cleared
 * already is not measured.
 */
export function flatMask(lab: Float32Array, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height).fill(1);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      for (const [dx, dy] of FORWARD) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || nx >= width || ny >= height) continue;
        const k = ny * width + nx;
        if ((mask[i] || mask[k]) && !within(lab, i, k)) mask[i] = mask[k] = 0;
      }
    }
  return mask;
}

export interface FlatAreaLoss {
  /** Share (0..1) of flat pixels rendered more than ΔE00 3 off; NaN without flat pixels. */
  share: number;
  /** How many input pixels are flat. */
  flatPixels: number;
}

export function flatAreaLoss(mask: Uint8Array, errors: Float32Array): FlatAreaLoss {
  let flatPixels = 0;
  let lost = 0;
  for (let i = 0; i < mask.length; i++)
    if (mask[i]) {
      flatPixels++;
      if (errors[i] > FLAT_ERROR_DELTA_E) lost++;
    }
  return { share: flatPixels ? lost / flatPixels : NaN, flatPixels };
}
