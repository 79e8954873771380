/**
 * Quality presets, from the original service's `quality = fast | balanced | high | ultra`
 * (16 / 32 / 64 / 128 colours at most). A preset sets several options at once; options given
 * explicitly win over the preset.
 */
import {
  DEFAULT_OPTIONS,
  MAX_COLORS,
  OPTION_SPECS,
  checkRemapAgainstPalette,
  optionSpec,
  validateOption,
} from './options';
import type { PresetName, VectorizeOptions, VectorizeOptionsInput } from './options';
import { VectorizeError } from './errors';

export type PresetValues = Pick<VectorizeOptions, 'colors' | 'minArea' | 'tolerance'>;

export const presets: Readonly<Record<PresetName, Readonly<PresetValues>>> = {
  fast: { colors: 16, minArea: 16, tolerance: 1 },
  balanced: { colors: 32, minArea: 8, tolerance: 0.6 },
  high: { colors: 64, minArea: 4, tolerance: 0.4 },
  ultra: { colors: 128, minArea: 2, tolerance: 0.25 },
};

/** What `mode: 'pixel'` changes in the preset: no speckle removal, the full palette. */
export const PIXEL_MODE_DEFAULTS: Readonly<Pick<VectorizeOptions, 'colors' | 'minArea'>> = {
  colors: MAX_COLORS,
  minArea: 0,
};

/**
 * Defaults, then the preset, then the given options. Unknown names and out-of-range values
 * throw `VectorizeError('INVALID_OPTION')` naming the option.
 */
export function resolveOptions(input: VectorizeOptionsInput = {}): VectorizeOptions {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new VectorizeError('INVALID_OPTION', 'Options must be an object.');
  const known = new Set<string>(OPTION_SPECS.map((spec) => spec.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name))
      throw new VectorizeError(
        'INVALID_OPTION',
        `Unknown option "${name}". Known options: ${[...known].join(', ')}.`,
        { option: name },
      );
  }
  const given = input as Record<string, unknown>;
  const preset = (
    given.preset === undefined
      ? DEFAULT_OPTIONS.preset
      : validateOption(optionSpec('preset')!, given.preset)
  ) as VectorizeOptions['preset'];
  // 'auto' is replaced once the image is classified (`auto.ts`); until then: the defaults.
  const values = preset === 'auto' ? {} : presets[preset];
  const merged: Record<string, unknown> = { ...DEFAULT_OPTIONS, ...values, preset };
  // Pixel art keeps every pixel and every colour unless told otherwise.
  if (given.mode === 'pixel') Object.assign(merged, PIXEL_MODE_DEFAULTS);
  for (const spec of OPTION_SPECS) {
    const value = given[spec.name];
    if (value !== undefined) merged[spec.name] = validateOption(spec, value);
  }
  const resolved = merged as unknown as VectorizeOptions;
  checkRemapAgainstPalette(resolved);
  return resolved;
}
