/**
 * Overriding what auto chose for a job: the settings of another kind of image, set explicitly
 * (so the re-run does not classify again). What auto decided besides the kind (denoise for a
 * noisy image) is kept unless the job's options set it. The job remembers what auto detected and
 * its options before, so "Back to auto" can restore them.
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

/** What auto detected for a job the user then converted as another kind. */
export interface AutoOverride {
  detected: AutoChoice;
  chosen: ImageKind;
  /** The job's options before the override (mode and preset left to auto). */
  autoOptions: VectorizeOptionsInput;
}
