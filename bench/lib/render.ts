/** Rendering SVG text to straight-alpha RGBA with resvg, at the SVG's own size or a given width. */
import { Resvg } from '@resvg/resvg-js';
import type { Raster } from '../../src/engine/fidelity/index';

/**
 * Renders an SVG at its own size, or scaled to `width` pixels wide (the height follows the
 * SVG's aspect). Over an opaque `background` colour (any CSS colour) the result is opaque;
 * without one it is over transparency, converted from resvg's premultiplied pixels to straight
 * alpha. No other render options: the result depends only on the SVG.
 */
export function renderSvg(svg: string, background?: string, width?: number): Raster {
  const image = new Resvg(svg, {
    ...(background ? { background } : {}),
    ...(width ? { fitTo: { mode: 'width' as const, value: width } } : {}),
  }).render();
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
