/** Rendering SVG text to straight-alpha RGBA with resvg, at the SVG's own size. */
import { Resvg } from '@resvg/resvg-js';
import type { Raster } from './raster';

/**
 * Renders an SVG at its own size. Over an opaque `background` colour (any CSS colour) the
 * result is opaque; without one it is over transparency, converted from resvg's premultiplied
 * pixels to straight alpha. No other render options: the result depends only on the SVG.
 */
export function renderSvg(svg: string, background?: string): Raster {
  const image = new Resvg(svg, background ? { background } : {}).render();
  const data = new Uint8Array(image.pixels);
  if (!background) {
    for (let i = 0; i < data.length; i += 4) {
      const a = data[i + 3];
      if (a > 0 && a < 255)
        for (let c = 0; c < 3; c++)
          data[i + c] = Math.min(255, Math.round((data[i + c] * 255) / a));
    }
  }
  return { data, width: image.width, height: image.height };
}
