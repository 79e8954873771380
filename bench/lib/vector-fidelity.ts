/**
 * Vector fidelity at 4×: where a ground-truth SVG lies beside an input, the ground truth and a
 * tracer's SVG are both rendered over white at 4× the input's size (long side capped at
 * 2048 px). PSNR is over RGB at that size; SSIM (`src/engine/fidelity`) is taken after
 * scaling both down to fit 1024 px on the long side, so that it weighs edges at 2× rather than
 * the renderers' anti-aliasing at 4×.
 */
import sharp from 'sharp';
import { ssim, type Raster } from '../../src/engine/fidelity/index';
import { psnr } from './metrics';
import { renderSvg } from './render';

export const VECTOR_SCALE = 4;
export const VECTOR_MAX_SIDE = 2048;
export const VECTOR_SSIM_SIDE = 1024;

/** The ground truth rendered once per input, at the size every tracer's SVG is rendered at. */
export interface VectorReference {
  width: number;
  large: Raster;
  small: Raster;
}

export interface VectorFidelity {
  ssim: number;
  psnr: number;
}

export class VectorSizeError extends Error {
  override name = 'VectorSizeError';
}

/** The render width for an input of `width`×`height`: 4×, the long side capped. */
export function vectorWidth(width: number, height: number): number {
  const scale = Math.min(VECTOR_SCALE, VECTOR_MAX_SIDE / Math.max(width, height));
  return Math.max(1, Math.round(width * scale));
}

async function shrink(image: Raster): Promise<Raster> {
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 4 },
  })
    .resize(VECTOR_SSIM_SIDE, VECTOR_SSIM_SIDE, { fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

export async function vectorReference(
  truthSvg: string,
  input: { width: number; height: number },
): Promise<VectorReference> {
  const width = vectorWidth(input.width, input.height);
  const large = renderSvg(truthSvg, '#ffffff', width);
  return { width, large, small: await shrink(large) };
}

export async function vectorFidelity(
  reference: VectorReference,
  svg: string,
): Promise<VectorFidelity> {
  const large = renderSvg(svg, '#ffffff', reference.width);
  if (large.height !== reference.large.height)
    throw new VectorSizeError(
      `SVG renders ${large.width}×${large.height} at 4×, the ground truth ${reference.large.width}×${reference.large.height}`,
    );
  return { ssim: ssim(reference.small, await shrink(large)), psnr: psnr(reference.large, large) };
}
