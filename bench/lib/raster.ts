/** The pixel buffer every measure works on, and its composition over white. */

/** Straight-alpha (not premultiplied) RGBA, row-major, 4 bytes per pixel. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Composites straight-alpha RGBA over white as an 8-bit renderer does: the colour premultiplied
 * and rounded, plus the white left uncovered. Exact for a render of the same pixels, because
 * un-premultiplying a rendered pixel and premultiplying it again gives back the same value.
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
