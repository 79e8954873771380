/** Decoding inside a worker: file → ImageBitmap → OffscreenCanvas → RGBA pixels. */
import { overPixelBudget } from '../engine';
import { JobFailure } from './job-error';
import { imageTypeOf } from './file-type';
import { HEADER_BYTES, readImageDimensions } from './image-dimensions';

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

/**
 * Decodes `file`, refusing first (from its header, before any pixels exist) an image of more than
 * `maxPixels` pixels.
 */
export async function decodeImage(file: Blob, maxPixels: number): Promise<DecodedImage> {
  if (file.size === 0) throw new JobFailure('EMPTY_FILE', `${fileName(file)} is empty (0 bytes).`);
  const named = file instanceof File ? file : new File([file], 'image', { type: file.type });
  if (!imageTypeOf(named))
    throw new JobFailure(
      'UNSUPPORTED_TYPE',
      `${fileName(file)} is not a supported image (PNG, JPEG, WebP, GIF, BMP or AVIF).`,
    );
  const header = readImageDimensions(
    new Uint8Array(await file.slice(0, HEADER_BYTES).arrayBuffer()),
  );
  if (header && header.width * header.height > maxPixels)
    throw overPixelBudget(header.width, header.height, maxPixels);
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

/** Gzip size of a text, measured with the platform's CompressionStream. */
export async function gzipSize(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return (await new Response(stream).arrayBuffer()).byteLength;
}
