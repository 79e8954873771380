/**
 * 8-bit sRGB to CIELAB (D65): the sRGB transfer curve undone, the sRGB matrix to XYZ, then
 * CIELAB against the D65 white of that matrix (so sRGB white is L 100, a = b = 0).
 */
import { overWhite, type Raster } from './raster';

/** Linear-light value of each 8-bit sRGB level (IEC 61966-2-1). */
const LINEAR = Float64Array.from({ length: 256 }, (_, v) => {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
});

// sRGB (D65) to XYZ; the white point is the matrix's row sums.
const M = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
] as const;
const WHITE = M.map((row) => row[0] + row[1] + row[2]);

const EPSILON = 216 / 24389;
const KAPPA = 24389 / 27;

function f(t: number): number {
  return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
}

/** Writes CIELAB of one 8-bit sRGB colour to `out[at..at+2]`. */
function labInto(r: number, g: number, b: number, out: Float32Array, at: number): void {
  const [lr, lg, lb] = [LINEAR[r], LINEAR[g], LINEAR[b]];
  const fx = f((M[0][0] * lr + M[0][1] * lg + M[0][2] * lb) / WHITE[0]);
  const fy = f((M[1][0] * lr + M[1][1] * lg + M[1][2] * lb) / WHITE[1]);
  const fz = f((M[2][0] * lr + M[2][1] * lg + M[2][2] * lb) / WHITE[2]);
  out[at] = 116 * fy - 16;
  out[at + 1] = 500 * (fx - fy);
  out[at + 2] = 200 * (fy - fz);
}

/** CIELAB of one 8-bit sRGB colour, as [L, a, b] (single precision, as in `labOverWhite`). */
export function srgbToLab(r: number, g: number, b: number): [number, number, number] {
  const out = new Float32Array(3);
  labInto(r, g, b, out, 0);
  return [out[0], out[1], out[2]];
}

/**
 * The raster composited over white (8-bit, as `overWhite`) in CIELAB: L, a, b per pixel.
 * A pixel of the previous pixel's colour copies its conversion.
 */
export function labOverWhite(raster: Raster): Float32Array {
  const rgb = overWhite(raster);
  const n = raster.width * raster.height;
  const out = new Float32Array(n * 3);
  let last = -1;
  for (let j = 0; j < n * 3; j += 3) {
    const key = (rgb[j] << 16) | (rgb[j + 1] << 8) | rgb[j + 2];
    if (key === last) {
      out[j] = out[j - 3];
      out[j + 1] = out[j - 2];
      out[j + 2] = out[j - 1];
    } else {
      labInto(rgb[j], rgb[j + 1], rgb[j + 2], out, j);
      last = key;
    }
  }
  return out;
}
