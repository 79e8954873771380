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
  /** Flat areas carry noise (compression, scanner grain). */
  noisy: boolean;
  /** Line art that bw mode renders faithfully: black ink or a scan (unevenly lit paper too). */
  keepsBw: boolean;
  /** A page whose paper is unevenly lit: bw mode evens it out before its threshold. */
  unevenPage: boolean;
  /** What the kind was decided from (see `classify_features.rs`). */
  features: ClassifierFeatures;
}

/** In the order of the core's stats block after the flags. */
export const FEATURE_NAMES = [
  'flat',
  'exact',
  'grey',
  'extreme',
  'translucent',
  'border',
  'midtones',
  'inked',
  'paperSpread',
  'ink',
  'paper',
  'block',
] as const;
export type ClassifierFeatures = Record<(typeof FEATURE_NAMES)[number], number>;

/** What auto decided: the kind and the settings it chose (reported in the result's stats). */
export interface AutoChoice extends Classification {
  mode: Mode;
  preset: PresetName;
  denoise: boolean;
  /** Time the core took to classify, in milliseconds. */
  classifyMs: number;
}

/**
 * The settings each kind gets, measured on the corpus (`npm run bench:auto`, and every
 * mode × preset × denoise per image): each is on the SSIM-for-bytes front of its categories.
 * Illustrations take balanced, not high: high gains 0.002 (gradient) and 0.005 (illustration)
 * mean SSIM for 1.4–1.6× the bytes, and on fluentemoji-crab it loses 0.048 (0.9317 against
 * balanced's 0.9799 at fewer bytes), which put auto 0.01 below the best choice on illustration.
 */
export const KIND_SETTINGS: Readonly<Record<ImageKind, { mode: Mode; preset: PresetName }>> = {
  pixelArt: { mode: 'pixel', preset: 'balanced' },
  lineArt: { mode: 'bw', preset: 'balanced' },
  logo: { mode: 'color', preset: 'balanced' },
  illustration: { mode: 'color', preset: 'balanced' },
  photo: { mode: 'color', preset: 'balanced' },
};

/** Decodes the stats block `vz_classify` leaves: kind, alpha, noisy, keeps-bw, the features. */
export function decodeClassification(block: ArrayLike<number>): Classification {
  const [kind, alpha, noisy, keepsBw, unevenPage, ...values] = Array.from(block);
  return {
    kind: IMAGE_KINDS[kind] ?? 'illustration',
    alpha: alpha === 1,
    noisy: noisy === 1,
    keepsBw: keepsBw === 1,
    unevenPage: unevenPage === 1,
    features: Object.fromEntries(
      FEATURE_NAMES.map((name, i) => [name, values[i] ?? 0]),
    ) as ClassifierFeatures,
  };
}

/**
 * The settings for a classified image: its kind's mode and preset, denoise when noisy. Line art
 * that bw would change (dark grey or coloured ink, unevenly lit paper) keeps its tones in
 * colour mode instead.
 */
export function chooseSettings(c: Classification, classifyMs = 0): AutoChoice {
  const settings = KIND_SETTINGS[c.kind];
  const mode = c.kind === 'lineArt' && !c.keepsBw ? 'color' : settings.mode;
  return { ...c, ...settings, mode, denoise: c.noisy, classifyMs };
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
