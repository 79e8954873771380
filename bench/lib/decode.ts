/**
 * Decoding image files (PNG, JPEG, WebP, GIF, …) to straight-alpha RGBA for every tracer: the
 * CLI's own decoding — the engine's pipeline (pixel budget from the header) with the sharp
 * decoder, EXIF orientation applied — so the bench measures the pixels the CLI converts.
 */
import { DEFAULT_OPTIONS } from '../../src/engine/index';
import { decodeWithinBudget } from '../../src/engine/pipeline';
import { imageBytes, sharpDecoder } from '../../src/node/decode';
import type { Raster } from '../../src/engine/fidelity/index';

/**
 * Decodes an image file or encoded buffer to 8-bit straight-alpha sRGB RGBA: greyscale is
 * expanded to RGB, 16-bit samples are reduced to 8, an opaque image gets alpha 255, a stored
 * orientation is applied. Images over the CLI's default pixel budget are refused.
 */
export async function decodeImage(source: string | Uint8Array): Promise<Raster> {
  const image = await decodeWithinBudget(
    await imageBytes(source),
    sharpDecoder,
    DEFAULT_OPTIONS.maxPixels,
  );
  return { data: image.rgba, width: image.width, height: image.height };
}
