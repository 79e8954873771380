/** Decoding image files (PNG, JPEG, WebP, GIF, …) to straight-alpha RGBA. */
import sharp from 'sharp';
import type { Raster } from './raster';

/**
 * Decodes an image file or encoded buffer to 8-bit straight-alpha sRGB RGBA: greyscale is
 * expanded to RGB, 16-bit samples are reduced to 8, an opaque image gets alpha 255.
 */
export async function decodeImage(source: string | Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(source)
    .toColourspace('srgb')
    .ensureAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}
