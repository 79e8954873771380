/**
 * The fidelity of a result, measured in the worker: the input against our own render of the SVG
 * (mean ΔE00, SSIM) and the per-pixel ΔE00 as a heatmap PNG. Images over `HEATMAP_MAX_SIDE` on
 * the long side are measured at that size (the input resampled by the browser, the drawing
 * rendered at it), so the cost stays bounded.
 */
import type { Drawing } from '../engine/export/drawing';
import {
  deltaEMap,
  heatmapPixels,
  heatmapSize,
  labOverWhite,
  mean,
  ssim,
  type Raster,
} from '../engine/fidelity';
import type { DecodedImage } from './decode';
import type { JobFidelity } from './protocol';
import { renderDrawing } from './render-drawing';

const raster = (rgba: Uint8ClampedArray, width: number, height: number): Raster => ({
  data: new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength),
  width,
  height,
});

/** The decoded image resampled to `width`×`height` by the browser (high quality). */
async function resampled(image: DecodedImage, width: number, height: number): Promise<Raster> {
  // The decoder's pixels come from getImageData: an ArrayBuffer, wrapped here without a copy.
  const pixels = image.rgba as Uint8ClampedArray<ArrayBuffer>;
  const source = new ImageData(pixels, image.width, image.height);
  const bitmap = await createImageBitmap(source, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  try {
    const context = new OffscreenCanvas(width, height).getContext('2d', {
      willReadFrequently: true,
    });
    if (!context) throw new Error('No 2D context for the fidelity measure.');
    context.drawImage(bitmap, 0, 0);
    return raster(context.getImageData(0, 0, width, height).data, width, height);
  } finally {
    bitmap.close();
  }
}

async function pngOf(rgba: Uint8ClampedArray<ArrayBuffer>, width: number, height: number) {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * Measures `drawing` against `image`; `fullRender` is the drawing already rendered at the
 * image's size (used when the image is small enough to be measured at its own size).
 */
export async function measureFidelity(
  image: DecodedImage,
  drawing: Drawing,
  fullRender: Uint8ClampedArray,
): Promise<JobFidelity> {
  const { width, height } = heatmapSize(image.width, image.height);
  const full = width === image.width && height === image.height;
  const input = full ? raster(image.rgba, width, height) : await resampled(image, width, height);
  const render = raster(full ? fullRender : renderDrawing(drawing, width, height), width, height);
  const errorMap = deltaEMap(labOverWhite(input), labOverWhite(render));
  return {
    meanDeltaE: mean(errorMap),
    ssim: ssim(input, render),
    width,
    height,
    heatmap: await pngOf(heatmapPixels(errorMap), width, height),
  };
}
