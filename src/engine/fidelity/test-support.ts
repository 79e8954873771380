/** Rasters painted pixel by pixel, for the fidelity tests. */
import type { Raster } from './raster';

export function paint(
  width: number,
  height: number,
  colour: (x: number, y: number) => readonly number[],
): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(colour(x, y), (y * width + x) * 4);
  return { data, width, height };
}
