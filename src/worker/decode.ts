/**
 * The browser's decoder for the engine's pipeline: file → ImageBitmap → OffscreenCanvas → RGBA,
 * plus a thumbnail. The pipeline (src/engine/pipeline.ts) checks the pixel budget from the header
 * before `decode` runs.
 */
import { VectorizeError } from '../engine';
import type { ImageDecoder } from '../engine/pipeline';
import { imageSignatureOf, imageTypeOf } from './file-type';

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

const READS = 'PNG, JPEG, WebP, GIF, BMP and AVIF';

/**
 * Refusals before decoding, with the codes the Node library gives the same bytes: EMPTY, and
 * NOT_AN_IMAGE for a file that is not an image at all; UNSUPPORTED_TYPE for an image type that
 * browsers do not decode (a TIFF or HEIC, say).
 */
function check(file: Blob): void {
  if (file.size === 0) throw new VectorizeError('EMPTY', `${fileName(file)} is empty (0 bytes).`);
  const named = file instanceof File ? file : new File([file], 'image', { type: file.type });
  if (imageTypeOf(named)) return;
  if (named.type.toLowerCase().startsWith('image/'))
    throw new VectorizeError(
      'UNSUPPORTED_TYPE',
      `${fileName(file)} is a ${named.type} image; the app reads ${READS}.`,
    );
  throw new VectorizeError(
    'NOT_AN_IMAGE',
    `${fileName(file)} is not an image (the app reads ${READS}).`,
  );
}

/**
 * Why the browser could not decode a file: CORRUPT when its first bytes announce an image (a
 * truncated or damaged one), else NOT_AN_IMAGE (text named .png, say) — as sharp tells them apart.
 */
async function undecodable(file: Blob, cause: unknown): Promise<VectorizeError> {
  const start = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  if (imageSignatureOf(start))
    return new VectorizeError(
      'CORRUPT',
      `${fileName(file)} is corrupt or truncated: it starts as an image but cannot be decoded.`,
      { cause },
    );
  return new VectorizeError(
    'NOT_AN_IMAGE',
    `${fileName(file)} is not an image: its content is none of ${READS}.`,
    { cause },
  );
}

async function decode(file: Blob): Promise<DecodedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { colorSpaceConversion: 'default' });
  } catch (error) {
    throw await undecodable(file, error);
  }
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context)
      throw new VectorizeError('INTERNAL', 'No 2D canvas is available in this browser.');
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
