/** `vectorizeFile`: the engine's pipeline with the sharp decoder and the thread's engine. */
import type { ProgressCallback, VectorizeOptionsInput, VectorizeResult } from '../engine';
import { vectorizeFile as runPipeline, type PipelineResult } from '../engine/pipeline';
import { imageBytes, sharpDecoder, type DecodedImage, type ImageInput } from './decode';
import { defaultEngine } from './default-engine';

/** The pipeline's full result: the SVG and stats, the decoded image and the phase timings. */
export async function convertImage(
  input: ImageInput,
  options: VectorizeOptionsInput = {},
  onProgress?: ProgressCallback,
): Promise<PipelineResult<DecodedImage>> {
  return runPipeline(await imageBytes(input), {
    decoder: sharpDecoder,
    engine: defaultEngine(),
    options,
    onProgress,
  });
}

export async function vectorizeFile(
  input: ImageInput,
  options: VectorizeOptionsInput = {},
  onProgress?: ProgressCallback,
): Promise<VectorizeResult> {
  const { svg, stats } = await convertImage(input, options, onProgress);
  return { svg, stats };
}
