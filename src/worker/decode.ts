/**
 * The browser's decoder for the engine's pipeline: file → ImageBitmap → OffscreenCanvas → RGBA,
 * plus a thumbnail. The pipeline (src/engine/pipeline.ts) checks the pixel budget from the header
 * before `decode` runs.
 */
import type { ImageDecoder } from '../engine/pipeline';
import { JobFailure } from './job-error';
import { imageTypeOf } from './file-type';

export interface DecodedImage {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  thumbnail: Blob;
}

const THUMBNAIL_SIZE = 96;

function fileName(file: Blob): string {
  return file instanceof File ? file.name : 'the file';
}

function check(file: Blob): void {
  if (file.size === 0) throw new JobFailure('EMPTY_FILE', `${fileName(file)} is empty (0 bytes).`);
  const named = file instanceof File ? file : new File([file], 'image', { type: file.type });
  if (!imageTypeOf(named))
    throw new JobFailure(
      'UNSUPPORTED_TYPE',
      `${fileName(file)} is not a supported image (PNG, JPEG, WebP, GIF, BMP or AVIF).`,
    );
}

async function decode(file: Blob): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { colorSpaceConversion: 'default' });
  } catch {
    throw new JobFailure(
      'DECODE_FAILED',
      `${fileName(file)} could not be read as an image; it may be corrupt or mislabelled.`,
    );
  }
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context)
      throw new JobFailure('DECODE_FAILED', 'No 2D canvas is available in this browser.');
    context.drawImage(bitmap, 0, 0);
    const rgba = context.getImageData(0, 0, width, height).data;
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(width, height));
    const thumb = new OffscreenCanvas(
      Math.max(1, Math.round(width * scale)),
      Math.max(1, Math.round(height * scale)),
    );
    thumb.getContext('2d')?.drawImage(bitmap, 0, 0, thumb.width, thumb.height);
    const thumbnail = await thumb.convertToBlob({ type: 'image/png' });
    return { rgba, width, height, thumbnail };
  } finally {
    bitmap.close();
  }
}

/** Decodes with createImageBitmap (which applies EXIF orientation) in a worker. */
export const browserDecoder: ImageDecoder<Blob, DecodedImage> = { check, decode };

/** Gzip size of a text, measured with the platform's CompressionStream. */
export async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
