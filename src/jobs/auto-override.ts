/**
 * Overriding what auto chose for a job: the settings of another kind of image, set explicitly
 * (so the re-run does not classify again). What auto decided besides the kind (denoise for a
 * noisy image) is kept unless the job's options set it.
 */
import {
  KIND_SETTINGS,
  type AutoChoice,
  type ImageKind,
  type VectorizeOptionsInput,
} from '../engine';

export function overriddenOptions(
  options: VectorizeOptionsInput,
  choice: AutoChoice,
  kind: ImageKind,
): VectorizeOptionsInput {
  const { mode, preset } = KIND_SETTINGS[kind];
  const next: VectorizeOptionsInput = { ...options, mode, preset };
  if (options.denoise === undefined && choice.denoise) next.denoise = true;
  return next;
}
