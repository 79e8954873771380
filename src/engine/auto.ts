/**
 * Automatic settings: the core classifies the image (`vz_classify`, `wasm-core/src/classify.rs`)
 * and this file turns the kind into a mode, a preset and denoise. `mode: 'auto'` and
 * `preset: 'auto'` are resolved here, before the core runs; options given explicitly win.
 */
import type { Mode, PresetName, VectorizeOptionsInput } from './options';

/** In the order of the core's `Kind::ALL`. */
export const IMAGE_KINDS = ['pixelArt', 'lineArt', 'logo', 'illustration', 'photo'] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

/** What a person reads for a kind ("Auto — detected: pixel art"). */
export const KIND_LABELS: Readonly<Record<ImageKind, string>> = {
  pixelArt: 'pixel art',
  lineArt: 'line art',
  logo: 'flat logo',
  illustration: 'illustration',
  photo: 'photo',
};

export interface Classification {
  kind: ImageKind;
  /** Some pixels are transparent or translucent. */
  alpha: boolean;
  /** Flat areas carry compression noise (JPEG-like). */
  noisy: boolean;
  /** The sampled shares the kind was decided from (see `classify.rs`). */
  features: { flat: number; exact: number; grey: number; extreme: number; translucent: number };
}

/** What auto decided: the kind and the settings it chose (reported in the result's stats). */
export interface AutoChoice extends Classification {
  mode: Mode;
  preset: PresetName;
  denoise: boolean;
}

/** The settings each kind gets (measured on the corpus: `npm run bench:auto`). */
export const KIND_SETTINGS: Readonly<Record<ImageKind, { mode: Mode; preset: PresetName }>> = {
  pixelArt: { mode: 'pixel', preset: 'balanced' },
  lineArt: { mode: 'bw', preset: 'balanced' },
  logo: { mode: 'color', preset: 'balanced' },
  illustration: { mode: 'color', preset: 'high' },
  photo: { mode: 'color', preset: 'balanced' },
};

/** Decodes the stats block `vz_classify` leaves: kind, alpha, noisy, then five features. */
export function decodeClassification(block: ArrayLike<number>): Classification {
  const [kind, alpha, noisy, flat, exact, grey, extreme, translucent] = Array.from(block);
  return {
    kind: IMAGE_KINDS[kind] ?? 'illustration',
    alpha: alpha === 1,
    noisy: noisy === 1,
    features: { flat, exact, grey, extreme, translucent },
  };
}

/** The settings for a classified image: its kind's mode and preset, denoise when noisy. */
export function chooseSettings(c: Classification): AutoChoice {
  return { ...c, ...KIND_SETTINGS[c.kind], denoise: c.noisy };
}

/** Whether the options leave anything to auto. */
export function wantsAuto(resolved: { mode: string; preset: string }): boolean {
  return resolved.mode === 'auto' || resolved.preset === 'auto';
}

/**
 * The input with auto's choice in place of 'auto' (or of a default left to auto): the mode and
 * the preset when they are auto, denoise when the caller did not set it.
 */
export function withChoice(
  input: VectorizeOptionsInput,
  resolved: { mode: string; preset: string },
  choice: AutoChoice,
): VectorizeOptionsInput {
  return {
    ...input,
    mode: resolved.mode === 'auto' ? choice.mode : input.mode,
    preset: resolved.preset === 'auto' ? choice.preset : input.preset,
    denoise: input.denoise ?? (choice.denoise || undefined),
  };
}
