/** `vectorizeFile`: decode an image file or buffer, then vectorize it with the thread's engine. */
import {
  resolveOptions,
  type ProgressCallback,
  type VectorizeOptionsInput,
  type VectorizeResult,
} from '../engine';
import { decodeImage, type ImageInput } from './decode';
import { defaultEngine } from './default-engine';

export async function vectorizeFile(
  input: ImageInput,
  options: VectorizeOptionsInput = {},
  onProgress?: ProgressCallback,
): Promise<VectorizeResult> {
  // Bad options fail before any decoding; the pixel budget is checked from the image header.
  const { maxPixels } = resolveOptions(options);
  const image = await decodeImage(input, maxPixels);
  const engine = await defaultEngine();
  return engine.vectorize(image.rgba, image.width, image.height, options, onProgress);
}
