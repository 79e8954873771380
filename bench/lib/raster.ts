/** Decoding images and rendering SVGs to straight-alpha RGBA, for measuring. */
import sharp from 'sharp';
import { Resvg } from '@resvg/resvg-js';

export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Decodes an image file to straight-alpha RGBA. */
export async function decodeImage(path: string): Promise<Raster> {
  const { data, info } = await sharp(path)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/**
 * Renders an SVG at its own size over an opaque background colour (so the result is opaque),
 * or over transparency when no background is given (straight alpha, un-premultiplied).
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
