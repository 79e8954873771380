/**
 * The one conversion pipeline: encoded image → pixel budget (from the header) → decode → engine.
 * DOM-free: the caller passes the decoder — the worker its createImageBitmap/OffscreenCanvas one,
 * Node, the CLI and the bench the sharp one (which applies EXIF orientation) — so every surface
 * refuses the same images the same way and vectorizes the same pixels.
 */
import type { Engine, ProgressCallback, VectorizeResult } from './engine';
import { HEADER_BYTES, readImageDimensions, type ImageDimensions } from './image-dimensions';
import type { VectorizeOptionsInput } from './options';
import { overPixelBudget } from './pixel-budget';
import { resolveOptions } from './presets';

/** An encoded image: its bytes, or a Blob/File (read lazily, only as far as needed). */
export type EncodedImage = Uint8Array | Blob;

/** Decoded pixels as the engine takes them: straight-alpha 8-bit RGBA, row-major. */
export interface Pixels {
  rgba: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

export interface ImageDecoder<Source extends EncodedImage, Image extends Pixels = Pixels> {
  /** Refusals that need no pixels (an empty file, a type it does not read); runs first. */
  check?(source: Source): void | Promise<void>;
  /**
   * Width and height from the header, for formats the pipeline's own header reader does not
   * know (it reads PNG, JPEG, WebP, GIF, BMP and AVIF); `undefined` when it cannot tell.
   */
  dimensions?(source: Source): Promise<ImageDimensions | undefined>;
  /** The pixels, upright (any stored orientation applied). */
  decode(source: Source): Promise<Image>;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

async function headerBytes(source: EncodedImage): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source.subarray(0, HEADER_BYTES);
  return new Uint8Array(await source.slice(0, HEADER_BYTES).arrayBuffer());
}

/** The image's size from its header alone, or `undefined` when neither reader can tell. */
export async function headerDimensions<Source extends EncodedImage>(
  source: Source,
  decoder: ImageDecoder<Source, Pixels>,
): Promise<ImageDimensions | undefined> {
  return readImageDimensions(await headerBytes(source)) ?? (await decoder.dimensions?.(source));
}

/**
 * Decodes `source`, refusing first — from its header, before the decoder allocates any pixels —
 * an image of more than `maxPixels` pixels.
 */
export async function decodeWithinBudget<Source extends EncodedImage, Image extends Pixels>(
  source: Source,
  decoder: ImageDecoder<Source, Image>,
  maxPixels: number,
): Promise<Image> {
  await decoder.check?.(source);
  const size = await headerDimensions(source, decoder);
  if (size && size.width * size.height > maxPixels)
    throw overPixelBudget(size.width, size.height, maxPixels);
  return decoder.decode(source);
}

export interface PipelineRequest<Source extends EncodedImage, Image extends Pixels> {
  decoder: ImageDecoder<Source, Image>;
  /** The engine, or its promise: loading it then overlaps with decoding. */
  engine: Engine | Promise<Engine>;
  options?: VectorizeOptionsInput;
  onProgress?: ProgressCallback;
}

export interface PipelineResult<Image extends Pixels> extends VectorizeResult {
  /** The decoded image (the worker keeps it for re-runs and takes its thumbnail). */
  image: Image;
  /** Header check and decoding, in milliseconds. */
  decodeMs: number;
  /** The engine's run alone, in milliseconds. */
  vectorizeMs: number;
}

/**
 * Converts one encoded image. Bad options fail before anything is read; an image over the
 * options' pixel budget fails from its header, before decoding.
 */
export async function vectorizeFile<Source extends EncodedImage, Image extends Pixels>(
  source: Source,
  { decoder, engine, options = {}, onProgress }: PipelineRequest<Source, Image>,
): Promise<PipelineResult<Image>> {
  const { maxPixels } = resolveOptions(options);
  const started = now();
  let decodeMs = 0;
  const decoding = decodeWithinBudget(source, decoder, maxPixels).then((image) => {
    decodeMs = now() - started;
    return image;
  });
  const [image, ready] = await Promise.all([decoding, engine]);
  const vectorizing = now();
  const result = await ready.vectorize(image.rgba, image.width, image.height, options, onProgress);
  return { ...result, image, decodeMs, vectorizeMs: now() - vectorizing };
}
