/**
 * PNG: the SVG rendered at the requested size (physical size × dpi, or the image's pixels ×
 * scale), anti-aliased. The caller passes the rasteriser (`rasterize`): the Node library and the
 * app's worker pass the core's own (`coreRasterizer` in `raster-scene.ts`, `vz_render_png`). A
 * PNG over the pixel budget is refused with TOO_LARGE before anything is rendered.
 */
import { VectorizeError } from '../errors';
import { withRootSize } from './svg';
import type { Placement } from './units';

/** Renders an SVG (whose root has the pixel width and height to render at) to PNG bytes. */
export type Rasterizer = (
  svg: string,
  width: number,
  height: number,
) => Uint8Array | Promise<Uint8Array>;

export interface PngSize {
  width: number;
  height: number;
}

/** The PNG's pixel size for a page: its side in inches × dpi, at least 1 pixel. */
export function pngSize(place: Placement): PngSize {
  const px = (points: number) => Math.max(1, Math.round((points / 72) * place.dpi));
  return { width: px(place.pageWidth), height: px(place.pageHeight) };
}

const megapixels = (pixels: number) =>
  pixels >= 1e6 ? `${(pixels / 1e6).toFixed(1)} MP` : `${pixels} pixels`;

export async function writePng(
  svg: string,
  place: Placement,
  rasterize: Rasterizer,
  maxPixels: number,
): Promise<{ data: Uint8Array; size: PngSize }> {
  const size = pngSize(place);
  const pixels = size.width * size.height;
  if (pixels > maxPixels)
    throw new VectorizeError(
      'TOO_LARGE',
      `The PNG would be ${size.width}×${size.height} (${megapixels(pixels)}), over the pixel ` +
        `budget of ${megapixels(maxPixels)} (maxPixels); ask for a smaller size or a lower dpi, ` +
        'or raise the budget.',
      { option: 'maxPixels' },
    );
  const data = await rasterize(
    withRootSize(svg, String(size.width), String(size.height)),
    size.width,
    size.height,
  );
  return { data, size };
}
