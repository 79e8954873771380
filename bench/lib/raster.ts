/** The pixel buffer every measure works on, and its composition over white. */

/** Straight-alpha (not premultiplied) RGBA, row-major, 4 bytes per pixel. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Composites straight-alpha RGBA over white, as floating-point RGB. */
export function overWhite(raster: Raster): Float32Array {
  const n = raster.width * raster.height;
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = raster.data[i * 4 + 3] / 255;
    for (let c = 0; c < 3; c++) out[i * 3 + c] = raster.data[i * 4 + c] * a + 255 * (1 - a);
  }
  return out;
}
