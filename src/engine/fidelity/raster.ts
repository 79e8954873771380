/** The pixel buffer every fidelity measure works on, and its composition over white. */
import { VectorizeError } from '../errors';

/** Straight-alpha (not premultiplied) RGBA, row-major, 4 bytes per pixel. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Composites straight-alpha RGBA over white as an 8-bit renderer does: the colour premultiplied
 * and rounded, plus the white left uncovered; RGB, 3 values per pixel. Exact for a render of the
 * same pixels, because un-premultiplying a rendered pixel and premultiplying it again gives back
 * the same value.
 */
export function overWhite(raster: Raster): Float64Array {
  const n = raster.width * raster.height;
  const out = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = raster.data[i * 4 + 3];
    for (let c = 0; c < 3; c++)
      out[i * 3 + c] = Math.round((raster.data[i * 4 + c] * a) / 255) + 255 - a;
  }
  return out;
}

/** Two rasters compared pixel by pixel must have one size (INVALID_INPUT otherwise). */
export function assertSameSize(a: Raster, b: Raster): void {
  if (a.width !== b.width || a.height !== b.height)
    throw new VectorizeError(
      'INVALID_INPUT',
      `size mismatch: ${a.width}×${a.height} vs ${b.width}×${b.height}`,
    );
}
