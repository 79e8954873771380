/**
 * Reads and decodes an image with sharp into 8-bit sRGB RGBA: PNG, JPEG, WebP, GIF (first frame),
 * AVIF, TIFF, and whatever else sharp reads. EXIF orientation is applied; 16-bit, grayscale,
 * palette and CMYK inputs are converted. This is the decoder the library, the CLI and the bench
 * hand to the engine's pipeline, which checks the pixel count from the header before any pixel
 * memory is allocated.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Metadata, Sharp } from 'sharp';
import type { ImageDimensions } from '../engine/image-dimensions';
import { decodeWithinBudget, type ImageDecoder } from '../engine/pipeline';
import { defaultEngine } from './default-engine';
import { DecodeError } from './errors';
import { decodeSimplePng } from './png';

export type ImageInput = string | Uint8Array;

export interface DecodedImage {
  rgba: Uint8Array;
  width: number;
  height: number;
  /** The container format sharp detected, e.g. 'png', 'jpeg', 'heif' (AVIF), 'tiff'. */
  format: string;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function unreadable(error: unknown): DecodeError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const reason = FS_REASONS[code] ?? (error as Error).message;
  return new DecodeError('UNREADABLE', `Cannot read the file: ${reason}.`, { cause: error });
}

/** Reads a whole file, turning file-system errors into `DecodeError('UNREADABLE')`. */
export async function readImageFile(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw unreadable(error);
  }
}

/** `readImageFile`, blocking: for a worker thread that has nothing else to do meanwhile. */
export function readImageFileSync(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    throw unreadable(error);
  }
}

function decodeFailure(error: unknown): DecodeError {
  const detail = (error instanceof Error ? error.message : String(error)).trim();
  if (/unsupported image format/i.test(detail))
    return new DecodeError('NOT_AN_IMAGE', 'Not an image in a format this tool reads.', {
      cause: error,
    });
  return new DecodeError('CORRUPT', `The image is corrupt or truncated (${detail}).`, {
    cause: error,
  });
}

let sharpModule: Promise<typeof import('sharp')> | undefined;

/**
 * sharp for these bytes (its first page or frame). sharp (libvips) is loaded on first use, so
 * code that never decodes — and the CLI while it compiles the core — does not wait for it. The
 * pipeline's budget check replaces sharp's fixed pixel limit.
 */
async function sharpFor(bytes: Uint8Array): Promise<() => Sharp> {
  const { default: sharp } = await (sharpModule ??= import('sharp'));
  return () => sharp(bytes, { limitInputPixels: false, pages: 1, page: 0 });
}

async function dimensions(bytes: Uint8Array): Promise<ImageDimensions | undefined> {
  const source = await sharpFor(bytes);
  let header: Metadata;
  try {
    header = await source().metadata();
  } catch (error) {
    throw decodeFailure(error);
  }
  const { width = 0, height = 0 } = header;
  return width > 0 && height > 0 ? { width, height } : undefined;
}

async function decode(bytes: Uint8Array): Promise<DecodedImage> {
  const png = decodeSimplePng(bytes, await defaultEngine());
  if (png) return { ...png, format: 'png' };
  const source = await sharpFor(bytes);
  let header: Metadata;
  try {
    header = await source().metadata();
  } catch (error) {
    throw decodeFailure(error);
  }
  const { width = 0, height = 0, format = 'unknown' } = header;
  if (width < 1 || height < 1)
    throw new DecodeError('CORRUPT', 'The image header gives no width or height.');
  try {
    const { data, info } = await (
      await source()
    )
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4)
      throw new Error(`decoder returned ${info.channels} channels instead of 4`);
    return {
      rgba: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      format,
    };
  } catch (error) {
    throw decodeFailure(error);
  }
}

/**
 * sharp as the pipeline's decoder: any format sharp reads, upright, 8-bit sRGB RGBA. A plain
 * PNG is decoded without loading sharp (src/node/png.ts), to the same pixels.
 */
export const sharpDecoder: ImageDecoder<Uint8Array, DecodedImage> = {
  check(bytes) {
    if (bytes.length === 0) throw new DecodeError('EMPTY', 'The file is empty.');
  },
  dimensions,
  decode,
};

/** The bytes of a path (read) or the bytes given. */
export async function imageBytes(input: ImageInput): Promise<Uint8Array> {
  return typeof input === 'string' ? readImageFile(input) : input;
}

/** Decodes an image file or buffer; one over `maxPixels` pixels is refused from its header. */
export async function decodeImage(input: ImageInput, maxPixels: number): Promise<DecodedImage> {
  return decodeWithinBudget(await imageBytes(input), sharpDecoder, maxPixels);
}
